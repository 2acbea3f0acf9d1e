'use strict';
// A fault-injecting gateway in front of cognito-local (loopback only). It checks every request's SigV4 signature
// with the AWS JS SDK's signer (cognito-local checks none), for the test key or temporary credentials
// (temporary-credentials.js: an expired session token is ExpiredTokenException), records which access key signed
// each request, and then, per operation and by seeded chance or by
// count, delays it, answers as a throttled or failing Cognito would, drops or stalls the connection, or returns a
// malformed body or an unknown __type; otherwise it forwards the request upstream.
//
//   UPSTREAM=http://127.0.0.1:<emulator> HOST=127.0.0.1 PORT=<p> node fault-gateway.js
//   POST /__config  {"seed": 7, "rules": [{"operation": "AdminSetUserPassword", "fault": "throttle", "chance": 0.5}]}
//       fault: delay (delayMs, then forward) | throttle | internal | drop | stall | malformed | unknown-type
//            | quota (perSecond): throttle, as Cognito does, any request beyond perSecond in the last second
//            | reset-after: forward, so that upstream does the work, then lose the answer: the status line and part
//              of the body arrive and the connection is reset (a client cannot tell done from not done)
//       chance: 0..1 (seeded), or count: the first N matching requests; the first matching rule applies.
//       username: only requests for this user (a fault that persists for one user while the others go through).
//   GET /__stats    {"requests", "forwarded", "signatureFailures", "expiredTokens", "faults": {...}, "byOperation": {...},
//                    "signedBy": {access key id: requests}}
//   POST /__reset   clears rules and counters.
// It exits by itself after MAX_LIFETIME_SEC (default 3600) so no test run can leave it behind.
const http = require('http');
const crypto = require('crypto');
const { signatureProblem, signedBy } = require('./sigv4');
const { secretOf, tokenProblem } = require('./temporary-credentials');

const upstream = new URL(process.env.UPSTREAM || 'http://127.0.0.1:9229');
const targetPrefix = 'AWSCognitoIdentityProviderService.';
const stalled = new Set();
let rules = [];
let random = seeded(1);
let stats;
reset();

function reset() {
  rules = [];
  random = seeded(1);
  stats = { requests: 0, forwarded: 0, signatureFailures: 0, faults: {}, byOperation: {}, signedBy: {}, expiredTokens: 0 };
}

// mulberry32: a small seeded PRNG, so a fault run is the same run every time for the same request order.
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function send(res, status, body) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/x-amz-json-1.1', 'x-amzn-RequestId': crypto.randomUUID(), 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function overQuota(rule) {
  const now = Date.now();
  rule.recent = (rule.recent || []).filter((t) => now - t < 1000);
  if (rule.recent.length >= rule.perSecond) return true;
  rule.recent.push(now);
  return false;
}

function pickFault(operation, username) {
  for (const rule of rules) {
    if (rule.operation && rule.operation !== operation) continue;
    if (rule.username && rule.username !== username) continue;
    if (rule.fault === 'quota') {
      if (overQuota(rule)) return { fault: 'throttle' };
      continue;
    }
    if (rule.count !== undefined) {
      if (rule.count > 0) { rule.count--; return rule; }
      continue;
    }
    if (random() < (rule.chance ?? 1)) return rule;
  }
  return null;
}

function forward(req, res, body, loseAnswer = false) {
  stats.forwarded++;
  const headers = { ...req.headers }; // Host unchanged: an upstream that checks signatures (fake-cognito.js) sees what was signed
  const call = http.request({ hostname: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers }, (reply) => {
    const chunks = [];
    reply.on('data', (c) => chunks.push(c));
    reply.on('end', () => {
      const text = Buffer.concat(chunks);
      const headers = { 'Content-Type': reply.headers['content-type'] || 'application/x-amz-json-1.1', 'x-amzn-RequestId': crypto.randomUUID() };
      if (loseAnswer) {
        // Promise more than is sent, so the client sees a reply cut short (not an idle connection it would quietly reuse).
        res.writeHead(reply.statusCode, { ...headers, 'Content-Length': text.length + 16 });
        res.write(text.subarray(0, Math.floor(text.length / 2)));
        return setImmediate(() => res.socket.destroy());
      }
      res.writeHead(reply.statusCode, { ...headers, 'Content-Length': text.length });
      res.end(text);
    });
  });
  call.on('error', (err) => send(res, 500, { __type: 'InternalErrorException', message: `gateway: upstream failed: ${err.message}` }));
  call.end(body);
}

function count(fault) {
  stats.faults[fault] = (stats.faults[fault] || 0) + 1;
}

async function handle(req, res, body) {
  if (req.url === '/__stats' && req.method === 'GET') return send(res, 200, stats);
  if (req.url === '/__reset' && req.method === 'POST') { reset(); return send(res, 200, {}); }
  if (req.url === '/__config' && req.method === 'POST') {
    const config = JSON.parse(body.toString('utf8'));
    rules = config.rules || [];
    random = seeded(config.seed ?? 1);
    return send(res, 200, {});
  }

  stats.requests++;
  const key = signedBy(req) || '(unsigned)';
  stats.signedBy[key] = (stats.signedBy[key] || 0) + 1;
  const problem = await signatureProblem(req, body, secretOf) || tokenProblem(key, req.headers['x-amz-security-token']);
  if (problem) {
    if (problem[0] === 'ExpiredTokenException') stats.expiredTokens++; else stats.signatureFailures++;
    return send(res, problem[0] === 'InvalidSignatureException' ? 403 : 400, { __type: problem[0], message: problem[1] });
  }
  const operation = (req.headers['x-amz-target'] || '').replace(targetPrefix, '');
  stats.byOperation[operation] = (stats.byOperation[operation] || 0) + 1;

  let username;
  try { username = JSON.parse(body.toString('utf8')).Username; } catch { username = undefined; }
  const rule = pickFault(operation, username);
  if (!rule) return forward(req, res, body);
  count(rule.fault);
  switch (rule.fault) {
    case 'delay': return setTimeout(() => forward(req, res, body), rule.delayMs ?? 50);
    case 'throttle': return send(res, 400, { __type: 'TooManyRequestsException', message: 'Too many requests' });
    case 'internal': return send(res, 500, { __type: 'InternalErrorException', message: 'Internal server error.' });
    case 'drop': return req.socket.destroy();
    case 'stall': {
      stalled.add(res);
      res.on('close', () => stalled.delete(res));
      return setTimeout(() => req.socket.destroy(), 120000).unref();
    }
    case 'malformed': return send(res, 200, '{"Users":[{"Username":');
    case 'reset-after': return forward(req, res, body, true);
    case 'unknown-type': return send(res, 400, { __type: 'com.amazonaws.cognito#QuantumFluxException', message: 'A code no client has seen.' });
    default: return send(res, 500, { __type: 'InternalErrorException', message: `gateway: unknown fault ${rule.fault}` });
  }
}

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => handle(req, res, Buffer.concat(chunks)).catch((err) => send(res, 500, { __type: 'InternalErrorException', message: String(err) })));
});
server.keepAliveTimeout = 30000;
server.listen(Number(process.env.PORT || 0), process.env.HOST || '127.0.0.1', () => {
  console.log(JSON.stringify({ listening: server.address().port, upstream: upstream.href }));
});
setTimeout(() => process.exit(0), Number(process.env.MAX_LIFETIME_SEC || 3600) * 1000).unref();

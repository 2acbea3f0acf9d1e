'use strict';
// A Cognito stand-in for the error paths cognito-local cannot produce. It answers exactly as Cognito does
// (HTTP status, __type, message, x-amzn-RequestId) and checks every request's SigV4 signature with the
// AWS JS SDK's signer. What it answers depends on the user name, so one run can mix outcomes:
//   invalid-password, password-history, invalid-parameter, throttled, internal-error, not-authorized,
//   prefixed-not-found (a namespaced __type), unknown-code, malformed-reply, echo-password (a message that
//   repeats the submitted password), throttled-twice (two throttles, then success); anything else succeeds.
// Pool ids ending in _NoSuchPool answer ResourceNotFoundException.
// GET /__stats reports request counts; POST /__reset clears them.
// Usage: HOST=127.0.0.1 PORT=<p> node fake-cognito.js
const http = require('http');
const crypto = require('crypto');
const { authorizationFor } = require('./sigv4');

const credentials = {
  accessKeyId: process.env.FAKE_ACCESS_KEY_ID || 'AKIDCOGNITOPSTEST',
  secretAccessKey: process.env.FAKE_SECRET_ACCESS_KEY || 'cognitops-test-secret',
};
const targetPrefix = 'AWSCognitoIdentityProviderService.';
let stats;
resetStats();

function resetStats() {
  stats = { requests: 0, byUser: {}, byOperation: {}, signatureFailures: 0 };
}

const scripted = {
  'invalid-password': [400, 'InvalidPasswordException', 'Password does not conform to policy: Password not long enough'],
  'password-history': [400, 'PasswordHistoryPolicyViolationException', 'The password must not match a recently used password.'],
  'invalid-parameter': [400, 'InvalidParameterException', 'Invalid attributes given.'],
  'throttled': [400, 'TooManyRequestsException', 'Too many requests'],
  'internal-error': [500, 'InternalErrorException', 'Internal server error.'],
  'not-authorized': [400, 'NotAuthorizedException', 'Access to the requested resource is not authorized.'],
  'prefixed-not-found': [400, 'com.amazonaws.cognito.identity.idp.model#UserNotFoundException', 'User does not exist.'],
  'unknown-code': [400, 'BrandNewFeatureException', 'A code this client has never seen.'],
};

function reply(res, status, body) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/x-amz-json-1.1',
    'x-amzn-RequestId': crypto.randomUUID(),
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

function fail(res, status, type, message) {
  reply(res, status, { __type: type, message });
}

async function signatureProblem(req, body) {
  const auth = req.headers.authorization || '';
  const m = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(auth);
  if (!m) return ['MissingAuthenticationTokenException', 'Missing Authentication Token'];
  const [, accessKeyId, , region, service, signedHeaderList] = m;
  if (accessKeyId !== credentials.accessKeyId) {
    return ['UnrecognizedClientException', 'The security token included in the request is invalid.'];
  }
  const signedNames = signedHeaderList.split(';');
  for (const required of ['host', 'x-amz-date', 'x-amz-target']) {
    if (!signedNames.includes(required)) return ['InvalidSignatureException', `'${required}' must be a signed header.`];
  }
  const headers = {};
  for (const name of signedNames) {
    if (name !== 'host') headers[name] = req.headers[name];
  }
  const expected = await authorizationFor({
    method: req.method, host: req.headers.host, path: req.url, headers, body, region, service,
    credentials, amzDate: req.headers['x-amz-date'],
  });
  if (expected !== auth) {
    return ['InvalidSignatureException', 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.'];
  }
  return null;
}

async function handle(req, res, body) {
  if (req.method === 'GET' && req.url === '/__stats') return reply(res, 200, stats);
  if (req.method === 'POST' && req.url === '/__reset') { resetStats(); return reply(res, 200, {}); }

  stats.requests++;
  const problem = await signatureProblem(req, body);
  if (problem) {
    stats.signatureFailures++;
    return fail(res, problem[0] === 'InvalidSignatureException' ? 403 : 400, problem[0], problem[1]);
  }
  const target = req.headers['x-amz-target'] || '';
  if (!target.startsWith(targetPrefix) || req.headers['content-type'] !== 'application/x-amz-json-1.1') {
    return fail(res, 400, 'UnknownOperationException', 'Unknown operation');
  }
  const operation = target.slice(targetPrefix.length);
  stats.byOperation[operation] = (stats.byOperation[operation] || 0) + 1;
  let input;
  try { input = JSON.parse(body.toString('utf8')); } catch { return fail(res, 400, 'SerializationException', 'Malformed JSON'); }

  if (operation !== 'AdminSetUserPassword') return fail(res, 400, 'UnknownOperationException', `Unsupported here: ${operation}`);
  if (typeof input.UserPoolId !== 'string' || typeof input.Username !== 'string' || typeof input.Password !== 'string') {
    return fail(res, 400, 'InvalidParameterException', 'UserPoolId, Username and Password are required strings.');
  }
  const user = input.Username;
  const seen = (stats.byUser[user] = (stats.byUser[user] || 0) + 1);
  if (input.UserPoolId.endsWith('_NoSuchPool')) {
    return fail(res, 400, 'ResourceNotFoundException', `User pool ${input.UserPoolId} does not exist.`);
  }
  if (scripted[user]) return fail(res, ...scripted[user]);
  if (user === 'throttled-twice' && seen <= 2) return fail(res, 400, 'TooManyRequestsException', 'Too many requests');
  if (user === 'malformed-reply') return reply(res, 502, '<html><body>Bad gateway</body></html>');
  if (user === 'echo-password') {
    return fail(res, 400, 'InvalidParameterException', `1 validation error detected: Value '${input.Password}' at 'password' failed to satisfy constraint`);
  }
  return reply(res, 200, {});
}

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    handle(req, res, Buffer.concat(chunks)).catch((err) => fail(res, 500, 'InternalErrorException', String(err)));
  });
});
server.keepAliveTimeout = 30000;
server.listen(Number(process.env.PORT || 0), process.env.HOST || '127.0.0.1', () => {
  console.log(JSON.stringify({ listening: server.address().port }));
});

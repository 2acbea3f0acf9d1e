'use strict';
// A Cognito stand-in for the error paths cognito-local cannot produce. It answers exactly as Cognito does
// (HTTP status, __type, message, x-amzn-RequestId) and checks every request's SigV4 signature with the
// AWS JS SDK's signer. What it answers depends on the user name, so one run can mix outcomes:
//   invalid-password, password-history, invalid-parameter, throttled, internal-error, not-authorized,
//   prefixed-not-found (a namespaced __type), unknown-code, malformed-reply, echo-password (a message that
//   repeats the submitted password), throttled-twice (two throttles, then success); anything else succeeds.
// Pool ids ending in _NoSuchPool answer ResourceNotFoundException.
// ListUsers / DescribeUserPool on a pool id ending in _Paged<N> serve N generated users and page exactly as Cognito
// does: Limit 1-60 (else InvalidParameterException), opaque tokens tied to the pool, pages that may be short, and
// one empty page (with a token) after the first; Filter as Cognito parses it (one attribute, = or ^=, "quoted").
// GET /__stats reports request counts (and the Limit of each ListUsers); POST /__reset clears them.
// Usage: HOST=127.0.0.1 PORT=<p> node fake-cognito.js
const http = require('http');
const crypto = require('crypto');
const { signatureProblem } = require('./sigv4');

const credentials = {
  accessKeyId: process.env.FAKE_ACCESS_KEY_ID || 'AKIDCOGNITOPSTEST',
  secretAccessKey: process.env.FAKE_SECRET_ACCESS_KEY || 'cognitops-test-secret',
};
const targetPrefix = 'AWSCognitoIdentityProviderService.';
let stats;
resetStats();

function resetStats() {
  stats = { requests: 0, byUser: {}, byOperation: {}, signatureFailures: 0, listUsersLimits: [] };
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

async function handle(req, res, body) {
  if (req.method === 'GET' && req.url === '/__stats') return reply(res, 200, stats);
  if (req.method === 'POST' && req.url === '/__reset') { resetStats(); return reply(res, 200, {}); }

  stats.requests++;
  const problem = await signatureProblem(req, body, credentials);
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

  if (operation === 'ListUsers') return listUsers(res, input);
  if (operation === 'DescribeUserPool') return describeUserPool(res, input);
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

// ---- the paging pool: users made up on demand, so 100,000 of them cost nothing to hold ----
function pagedPoolSize(poolId) {
  const m = /_Paged(\d+)$/.exec(poolId || '');
  return m ? Number(m[1]) : null;
}

function pagedUser(i) {
  const name = `user-${String(i).padStart(6, '0')}`;
  const epoch = 1767225600 + i; // 2026-01-01 + i seconds
  return {
    Username: name,
    Attributes: [
      { Name: 'sub', Value: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` },
      { Name: 'email', Value: `${name}@example.com` },
    ],
    UserCreateDate: epoch,
    UserLastModifiedDate: epoch + 0.5,
    Enabled: i % 10 !== 0,
    UserStatus: i % 3 === 0 ? 'FORCE_CHANGE_PASSWORD' : 'CONFIRMED',
  };
}

// Cognito's filter grammar: attribute, = or ^=, a double-quoted value in which \" and \\ are escapes.
function parseFilter(filter) {
  if (!filter) return () => true;
  const m = /^\s*([\w:]+)\s*(\^?=)\s*"((?:[^"\\]|\\.)*)"\s*$/.exec(filter);
  if (!m) return null;
  const [, attribute, op, raw] = m;
  const value = raw.replace(/\\(.)/g, '$1');
  const field = {
    username: (u) => u.Username,
    email: (u) => u.Attributes.find((a) => a.Name === 'email')?.Value,
    sub: (u) => u.Attributes.find((a) => a.Name === 'sub')?.Value,
    'cognito:user_status': (u) => u.UserStatus.toLowerCase(),
    status: (u) => (u.Enabled ? 'Enabled' : 'Disabled'),
  }[attribute];
  if (!field) return null;
  const wanted = attribute === 'cognito:user_status' ? value.toLowerCase() : value;
  return (u) => (op === '=' ? field(u) === wanted : (field(u) || '').startsWith(wanted));
}

function listUsers(res, input) {
  const size = pagedPoolSize(input.UserPoolId);
  if (size === null) return fail(res, 400, 'ResourceNotFoundException', `User pool ${input.UserPoolId} does not exist.`);
  const limit = input.Limit === undefined ? 60 : input.Limit;
  stats.listUsersLimits.push(limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 60) {
    return fail(res, 400, 'InvalidParameterException', `1 validation error detected: Value '${limit}' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 60`);
  }
  const matches = parseFilter(input.Filter);
  if (!matches) return fail(res, 400, 'InvalidParameterException', 'Error while parsing filter.');
  let position = { next: 1, page: 0 };
  if (input.PaginationToken !== undefined) {
    try {
      position = JSON.parse(Buffer.from(input.PaginationToken, 'base64').toString('utf8'));
      if (position.pool !== input.UserPoolId) throw new Error('token of another pool');
    } catch {
      return fail(res, 400, 'InvalidParameterException', 'Invalid pagination token.');
    }
  }
  const users = [];
  let next = position.next;
  // Page 1 (the second) comes back empty, every fourth page is short: clients must follow the token, not count.
  const wanted = position.page === 1 ? 0 : position.page % 4 === 3 ? Math.ceil(limit / 2) : limit;
  while (users.length < wanted && next <= size) {
    const user = pagedUser(next++);
    if (matches(user)) users.push(user);
  }
  const body = { Users: users };
  if (next <= size) {
    const token = { pool: input.UserPoolId, next, page: position.page + 1, nonce: crypto.randomBytes(6).toString('hex') };
    body.PaginationToken = Buffer.from(JSON.stringify(token)).toString('base64');
  }
  return reply(res, 200, body);
}

function describeUserPool(res, input) {
  const size = pagedPoolSize(input.UserPoolId);
  if (size === null) return fail(res, 400, 'ResourceNotFoundException', `User pool ${input.UserPoolId} does not exist.`);
  return reply(res, 200, {
    UserPool: {
      Id: input.UserPoolId, Name: `paged-${size}`, EstimatedNumberOfUsers: size, CreationDate: 1767225600, LastModifiedDate: 1767225600,
      Policies: { PasswordPolicy: { MinimumLength: 12, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: false, TemporaryPasswordValidityDays: 7 } },
    },
  });
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

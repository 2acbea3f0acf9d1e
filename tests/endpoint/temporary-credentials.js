'use strict';
// Temporary credentials as the test stand-ins issue them (STS, the IAM Identity Center portal, credential_process)
// and as the gateway and the Cognito stand-in check them. The secret and the session token follow from the access key
// id, so any process can check what another issued, without shared state:
//   access key id  ASIA + 16 upper-case letters and digits (as AWS's temporary keys look)
//   secret         temporary-secret-of-<access key id>
//   session token  TOKEN<base64url of {"k": access key id, "e": expiry in epoch seconds}>
// The long-lived test key (AKIDCOGNITOPSTEST) keeps its fixed secret; any other key is unknown.
const crypto = require('crypto');

const testKey = {
  accessKeyId: process.env.FAKE_ACCESS_KEY_ID || 'AKIDCOGNITOPSTEST',
  secretAccessKey: process.env.FAKE_SECRET_ACCESS_KEY || 'cognitops-test-secret',
};

function issue(lifetimeSeconds, tag = '') {
  const accessKeyId = ('ASIA' + tag.toUpperCase().replace(/[^A-Z0-9]/g, '') + crypto.randomBytes(12).toString('hex').toUpperCase()).slice(0, 20);
  const expiration = new Date(Math.floor(Date.now() / 1000 + lifetimeSeconds) * 1000);
  return { accessKeyId, secretAccessKey: secretOf(accessKeyId), sessionToken: tokenFor(accessKeyId, expiration), expiration };
}

function secretOf(accessKeyId) {
  if (accessKeyId === testKey.accessKeyId) return testKey.secretAccessKey;
  return /^ASIA[A-Z0-9]{16}$/.test(accessKeyId) ? `temporary-secret-of-${accessKeyId}` : null;
}

function tokenFor(accessKeyId, expiration) {
  return 'TOKEN' + Buffer.from(JSON.stringify({ k: accessKeyId, e: Math.floor(expiration.getTime() / 1000) })).toString('base64url');
}

/** Null when the request's session token fits its key and has not expired; else [__type, message] as AWS answers. */
function tokenProblem(accessKeyId, token) {
  if (!accessKeyId.startsWith('ASIA')) return token ? ['UnrecognizedClientException', 'The security token included in the request is invalid.'] : null;
  let claims;
  try { claims = JSON.parse(Buffer.from(String(token || '').replace(/^TOKEN/, ''), 'base64url').toString('utf8')); } catch { claims = null; }
  if (!claims || claims.k !== accessKeyId) return ['UnrecognizedClientException', 'The security token included in the request is invalid.'];
  if (claims.e * 1000 <= Date.now()) return ['ExpiredTokenException', 'The security token included in the request is expired'];
  return null;
}

module.exports = { testKey, issue, secretOf, tokenFor, tokenProblem };

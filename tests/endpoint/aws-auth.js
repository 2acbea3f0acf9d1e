'use strict';
// Stand-ins for the services behind AWS credentials, answering as their API references show. One server for all three
// (the tests point AWS_ENDPOINT_URL_STS, AWS_ENDPOINT_URL_SSO and AWS_ENDPOINT_URL_SSO_OIDC at it):
//
// STS (query protocol, XML replies):
//   AssumeRole: signed (SigV4, service sts) by the test key or temporary credentials (role chaining). Role names decide:
//     ...role/denied          AccessDenied (403), as for a trust policy that does not name the caller
//     ...role/*mfa*           needs SerialNumber and TokenCode 914263: without them AccessDenied, a wrong code AccessDenied
//                             "MultiFactorAuthentication failed with invalid MFA one time pass code."
//     anything else           credentials for DurationSeconds (default 3600)
//   AssumeRoleWithWebIdentity: unsigned; WebIdentityToken must be "valid-web-identity-token" (else InvalidIdentityToken).
// IAM Identity Center portal (REST JSON): GET /federation/credentials?account_id=&role_name= with x-amz-sso_bearer_token:
//   a token this server issued, or one that starts with "seeded-sso-token" (as a test's cached token), else 401
//   UnauthorizedException.
// IAM Identity Center OIDC (REST JSON): POST /client/register, /device_authorization, /token. The device flow is
//   approved at once, but the first CreateToken for each device code answers authorization_pending, as while a user is
//   still signing in; a refresh_token grant answers a new token.
// Container credentials (as ECS and EKS Pod Identity serve them): GET /container-credentials, with the Authorization
//   header AWS_CONTAINER_AUTHORIZATION_TOKEN gives, answers AccessKeyId, SecretAccessKey, Token, Expiration.
// Temporary credentials follow temporary-credentials.js, so the gateway and the Cognito stand-in can check them.
// GET /__stats: what was asked, and by whom. POST /__reset clears it.
//   HOST=127.0.0.1 PORT=<p> node aws-auth.js
const http = require('http');
const crypto = require('crypto');
const { signatureProblem, signedBy } = require('./sigv4');
const { issue, secretOf, tokenProblem } = require('./temporary-credentials');

const stsNamespace = 'https://sts.amazonaws.com/doc/2011-06-15/';
const validMfaCode = '914263';
const issuedSsoTokens = new Set();
const pendingDevices = new Map(); // device code -> polls so far
let stats;
reset();

function reset() {
  stats = { assumeRole: [], webIdentity: [], ssoRoleCredentials: [], container: [], oidc: { registerClient: 0, startDeviceAuthorization: 0, createToken: 0, refreshToken: 0 } };
  issuedSsoTokens.clear();
  pendingDevices.clear();
}

function send(res, status, body, headers = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'Content-Length': Buffer.byteLength(text), 'x-amzn-RequestId': crypto.randomUUID(), ...headers });
  res.end(text);
}

const xmlEscape = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function stsError(res, status, code, message) {
  send(res, status, `<ErrorResponse xmlns="${stsNamespace}">
  <Error>
    <Type>Sender</Type>
    <Code>${code}</Code>
    <Message>${xmlEscape(message)}</Message>
  </Error>
  <RequestId>${crypto.randomUUID()}</RequestId>
</ErrorResponse>`, { 'Content-Type': 'text/xml' });
}

function credentialsXml(credentials) {
  return `<Credentials>
      <AccessKeyId>${credentials.accessKeyId}</AccessKeyId>
      <SecretAccessKey>${credentials.secretAccessKey}</SecretAccessKey>
      <SessionToken>${credentials.sessionToken}</SessionToken>
      <Expiration>${credentials.expiration.toISOString()}</Expiration>
    </Credentials>`;
}

function assumedRoleUser(roleArn, sessionName) {
  const [, account, role] = /^arn:aws:iam::(\d{12}):role\/(.+)$/.exec(roleArn) || [, '123456789012', 'unknown'];
  return `<AssumedRoleUser>
      <Arn>arn:aws:sts::${account}:assumed-role/${xmlEscape(role)}/${xmlEscape(sessionName)}</Arn>
      <AssumedRoleId>AROA3XFRBF535PLBIFPI4:${xmlEscape(sessionName)}</AssumedRoleId>
    </AssumedRoleUser>`;
}

async function sts(req, res, body) {
  const input = Object.fromEntries(new URLSearchParams(body.toString('utf8')));
  const duration = Number(input.DurationSeconds || 3600);
  if (input.Action === 'AssumeRoleWithWebIdentity') {
    stats.webIdentity.push({ roleArn: input.RoleArn });
    if (input.WebIdentityToken !== 'valid-web-identity-token') {
      return stsError(res, 400, 'InvalidIdentityToken', "Couldn't retrieve verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements");
    }
    const credentials = issue(duration, 'WEB');
    return send(res, 200, `<AssumeRoleWithWebIdentityResponse xmlns="${stsNamespace}">
  <AssumeRoleWithWebIdentityResult>
    <SubjectFromWebIdentityToken>system:serviceaccount:ops:cognito-admin</SubjectFromWebIdentityToken>
    <Audience>sts.amazonaws.com</Audience>
    ${assumedRoleUser(input.RoleArn, input.RoleSessionName)}
    ${credentialsXml(credentials)}
    <Provider>oidc.eks.eu-west-1.amazonaws.com</Provider>
  </AssumeRoleWithWebIdentityResult>
  <ResponseMetadata>
    <RequestId>${crypto.randomUUID()}</RequestId>
  </ResponseMetadata>
</AssumeRoleWithWebIdentityResponse>`, { 'Content-Type': 'text/xml' });
  }
  if (input.Action !== 'AssumeRole') return stsError(res, 400, 'InvalidAction', `Could not find operation ${input.Action} for version 2011-06-15`);

  const problem = await signatureProblem(req, body, secretOf, ['host', 'x-amz-date'])
    || tokenProblem(signedBy(req) || '', req.headers['x-amz-security-token']);
  const caller = signedBy(req);
  stats.assumeRole.push({ roleArn: input.RoleArn, by: caller, serialNumber: input.SerialNumber || null, withCode: Boolean(input.TokenCode) });
  if (problem) return stsError(res, problem[0] === 'ExpiredTokenException' ? 400 : 403, problem[0].replace(/Exception$/, ''), problem[1]);
  const who = `arn:aws:iam::123456789012:user/${caller}`;
  if (/role\/denied$/.test(input.RoleArn || '')) {
    return stsError(res, 403, 'AccessDenied', `User: ${who} is not authorized to perform: sts:AssumeRole on resource: ${input.RoleArn}`);
  }
  if (/mfa/i.test(input.RoleArn || '')) {
    if (!input.SerialNumber || !input.TokenCode) {
      return stsError(res, 403, 'AccessDenied', `User: ${who} is not authorized to perform: sts:AssumeRole on resource: ${input.RoleArn}`);
    }
    if (input.TokenCode !== validMfaCode) {
      return stsError(res, 403, 'AccessDenied', 'MultiFactorAuthentication failed with invalid MFA one time pass code. ');
    }
  }
  const credentials = issue(duration, 'ROLE');
  send(res, 200, `<AssumeRoleResponse xmlns="${stsNamespace}">
  <AssumeRoleResult>
    ${assumedRoleUser(input.RoleArn, input.RoleSessionName)}
    ${credentialsXml(credentials)}
    <PackedPolicySize>6</PackedPolicySize>
  </AssumeRoleResult>
  <ResponseMetadata>
    <RequestId>${crypto.randomUUID()}</RequestId>
  </ResponseMetadata>
</AssumeRoleResponse>`, { 'Content-Type': 'text/xml' });
}

function container(req, res) {
  stats.container.push({ authorization: req.headers.authorization || null });
  if (req.headers.authorization !== 'container-authorization-token') return send(res, 401, { message: 'Unauthorized' }, { 'Content-Type': 'application/json' });
  const credentials = issue(3600, 'CTR');
  send(res, 200, { AccessKeyId: credentials.accessKeyId, SecretAccessKey: credentials.secretAccessKey, Token: credentials.sessionToken,
    Expiration: credentials.expiration.toISOString(), RoleArn: 'arn:aws:iam::123456789012:role/task' }, { 'Content-Type': 'application/json' });
}

function restError(res, status, type, body) {
  send(res, status, body, { 'Content-Type': 'application/json', 'x-amzn-ErrorType': type });
}

function ssoPortal(req, res, url) {
  const token = req.headers['x-amz-sso_bearer_token'] || '';
  const accountId = url.searchParams.get('account_id');
  const roleName = url.searchParams.get('role_name');
  stats.ssoRoleCredentials.push({ accountId, roleName });
  if (!issuedSsoTokens.has(token) && !token.startsWith('seeded-sso-token')) {
    return restError(res, 401, 'UnauthorizedException', { message: 'Session token not found or invalid' });
  }
  if (!accountId || !roleName) return restError(res, 400, 'InvalidRequestException', { message: 'account_id and role_name are required' });
  const credentials = issue(3600, 'SSO');
  send(res, 200, {
    roleCredentials: {
      accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey,
      sessionToken: credentials.sessionToken, expiration: credentials.expiration.getTime(),
    },
  }, { 'Content-Type': 'application/json' });
}

function newSsoToken() {
  const accessToken = 'issued-sso-token-' + crypto.randomBytes(16).toString('hex');
  issuedSsoTokens.add(accessToken);
  return { accessToken, tokenType: 'Bearer', expiresIn: 3600, refreshToken: 'refresh-' + crypto.randomBytes(16).toString('hex') };
}

function oidc(req, res, path, body) {
  let input;
  try { input = JSON.parse(body.toString('utf8') || '{}'); } catch { return restError(res, 400, 'InvalidRequestException', { error: 'invalid_request' }); }
  const json = (o) => send(res, 200, o, { 'Content-Type': 'application/json' });
  const now = Math.floor(Date.now() / 1000);
  switch (path) {
    case '/client/register':
      stats.oidc.registerClient++;
      return json({ clientId: 'client-' + crypto.randomBytes(8).toString('hex'), clientSecret: 'client-secret-' + crypto.randomBytes(8).toString('hex'),
        clientIdIssuedAt: now, clientSecretExpiresAt: now + 90 * 24 * 3600 });
    case '/device_authorization': {
      stats.oidc.startDeviceAuthorization++;
      const deviceCode = 'device-' + crypto.randomBytes(8).toString('hex');
      const userCode = 'ABCD-EFGH';
      pendingDevices.set(deviceCode, 0);
      return json({ deviceCode, userCode, verificationUri: 'https://device.sso.eu-west-1.amazonaws.com/',
        verificationUriComplete: `https://device.sso.eu-west-1.amazonaws.com/?user_code=${userCode}`, expiresIn: 600, interval: 1 });
    }
    case '/token':
      if (input.grantType === 'refresh_token') {
        stats.oidc.refreshToken++;
        return json(newSsoToken());
      }
      stats.oidc.createToken++;
      if (!pendingDevices.has(input.deviceCode)) return restError(res, 400, 'InvalidGrantException', { error: 'invalid_grant', error_description: 'Invalid device code provided' });
      if (pendingDevices.get(input.deviceCode) === 0) {
        pendingDevices.set(input.deviceCode, 1);
        return restError(res, 400, 'AuthorizationPendingException', { error: 'authorization_pending', error_description: 'Authorization is still pending' });
      }
      pendingDevices.delete(input.deviceCode);
      return json(newSsoToken());
    default:
      return restError(res, 404, 'ResourceNotFoundException', { message: `No such operation: ${path}` });
  }
}

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    const url = new URL(req.url, 'http://localhost');
    Promise.resolve().then(() => {
      if (url.pathname === '/__stats' && req.method === 'GET') return send(res, 200, stats, { 'Content-Type': 'application/json' });
      if (url.pathname === '/__reset' && req.method === 'POST') { reset(); return send(res, 200, {}); }
      if (url.pathname === '/federation/credentials' && req.method === 'GET') return ssoPortal(req, res, url);
      if (url.pathname === '/container-credentials' && req.method === 'GET') return container(req, res);
      if (['/client/register', '/device_authorization', '/token'].includes(url.pathname) && req.method === 'POST') return oidc(req, res, url.pathname, body);
      if (req.method === 'POST') return sts(req, res, body);
      return send(res, 404, { message: 'not found' });
    }).catch((err) => stsError(res, 500, 'InternalFailure', String(err)));
  });
});
server.listen(Number(process.env.PORT || 0), process.env.HOST || '127.0.0.1', () => {
  console.log(JSON.stringify({ listening: server.address().port }));
});
setTimeout(() => process.exit(0), Number(process.env.MAX_LIFETIME_SEC || 3600) * 1000).unref();

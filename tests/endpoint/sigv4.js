'use strict';
// An independent SigV4 implementation for checking ours: the AWS JS SDK's own signer (@smithy/signature-v4).
const { SignatureV4 } = require('@smithy/signature-v4');
const { Sha256 } = require('@aws-crypto/sha256-js');

/**
 * Computes the Authorization header the AWS JS SDK would send for this request.
 * Only the headers in `headers` are signed, exactly as given (lower-case names).
 */
async function authorizationFor({ method, host, path, headers, body, region, service, credentials, amzDate }) {
  const signer = new SignatureV4({ credentials, region, service, sha256: Sha256, applyChecksum: false });
  const signed = await signer.sign(
    { method, protocol: 'https:', hostname: host, path, headers: { ...headers, host }, body },
    { signingDate: parseAmzDate(amzDate) });
  return signed.headers.authorization;
}

function parseAmzDate(amzDate) {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate || '');
  if (!m) throw new Error(`not an X-Amz-Date: ${amzDate}`);
  return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]));
}

/**
 * Checks a received request as an AWS service would: a well-formed SigV4 Authorization header by a key it knows
 * (secretFor returns its secret, or null), the required headers signed, and a signature equal to the JS SDK's for
 * exactly the signed headers. Returns null when valid, else [__type, message] of the error the service answers.
 */
async function signatureProblem(req, body, secretFor, required = ['host', 'x-amz-date', 'x-amz-target']) {
  const auth = req.headers.authorization || '';
  const m = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(auth);
  if (!m) return ['MissingAuthenticationTokenException', 'Missing Authentication Token'];
  const [, accessKeyId, , region, service, signedHeaderList] = m;
  const secretAccessKey = secretFor(accessKeyId);
  if (!secretAccessKey) {
    return ['UnrecognizedClientException', 'The security token included in the request is invalid.'];
  }
  const signedNames = signedHeaderList.split(';');
  for (const name of required) {
    if (!signedNames.includes(name)) return ['InvalidSignatureException', `'${name}' must be a signed header.`];
  }
  const headers = {};
  for (const name of signedNames) {
    if (name !== 'host') headers[name] = req.headers[name];
  }
  const expected = await authorizationFor({
    method: req.method, host: req.headers.host, path: req.url, headers, body, region, service,
    credentials: { accessKeyId, secretAccessKey }, amzDate: req.headers['x-amz-date'],
  });
  if (expected !== auth) {
    return ['InvalidSignatureException', 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.'];
  }
  return null;
}

/** The access key id a request was signed with (from its Authorization header), or null. */
function signedBy(req) {
  const m = /Credential=([^/]+)\//.exec(req.headers.authorization || '');
  return m ? m[1] : null;
}

module.exports = { authorizationFor, parseAmzDate, signatureProblem, signedBy };

// CLI: a JSON request on stdin (body as base64), the Authorization header on stdout. Used by the xUnit signing test.
if (require.main === module) {
  let input = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk) => { input += chunk; });
  process.stdin.on('end', async () => {
    const request = JSON.parse(input);
    request.body = Buffer.from(request.bodyBase64, 'base64');
    process.stdout.write(await authorizationFor(request));
  });
}

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

module.exports = { authorizationFor, parseAmzDate };

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

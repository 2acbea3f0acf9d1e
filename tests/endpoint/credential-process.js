'use strict';
// A credential_process for the tests: prints fresh temporary credentials (temporary-credentials.js) in the format the
// AWS CLI and SDKs read, valid for the given number of seconds, and counts its runs in a file.
//   credential_process = node credential-process.js <lifetime seconds> <count file>
const fs = require('fs');
const { issue } = require('./temporary-credentials');

const [lifetime = '3600', countFile] = process.argv.slice(2);
if (countFile) fs.appendFileSync(countFile, 'x');
const credentials = issue(Number(lifetime), 'PROC');
process.stdout.write(JSON.stringify({
  Version: 1,
  AccessKeyId: credentials.accessKeyId,
  SecretAccessKey: credentials.secretAccessKey,
  SessionToken: credentials.sessionToken,
  Expiration: credentials.expiration.toISOString(),
}));

'use strict';
// B2's reference: the AWS JS SDK v3 doing AdminSetUserPassword for each user, one after the other.
// Usage: ENDPOINT=http://127.0.0.1:p POOL=local_x USERS_FILE=users.txt PASSWORD_FILE=pw.txt node js-sdk-set-passwords.js
const fs = require('fs');
const path = require('path');
const { CognitoIdentityProviderClient, AdminSetUserPasswordCommand } = require(
  path.join(__dirname, '..', 'tests', 'endpoint', 'node_modules', '@aws-sdk', 'client-cognito-identity-provider'));

async function main() {
  const users = fs.readFileSync(process.env.USERS_FILE, 'utf8').split('\n').filter(Boolean);
  const password = fs.readFileSync(process.env.PASSWORD_FILE, 'utf8').trim();
  const client = new CognitoIdentityProviderClient({
    endpoint: process.env.ENDPOINT,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDCOGNITOPSTEST', secretAccessKey: 'cognitops-test-secret' },
  });
  const started = process.hrtime.bigint();
  for (const Username of users) {
    await client.send(new AdminSetUserPasswordCommand({ UserPoolId: process.env.POOL, Username, Password: password, Permanent: true }));
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(JSON.stringify({ calls: users.length, seconds }));
}

main().catch((err) => { console.error(err); process.exit(1); });

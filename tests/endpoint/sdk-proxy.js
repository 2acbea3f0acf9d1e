'use strict';
// Runs Cognito calls through the AWS JS SDK v3, for tests that read state back independently of CognitoPs.
// One long-lived process, so a test pays an HTTP round trip per call rather than a node start.
//   HOST=127.0.0.1 PORT=<p> node sdk-proxy.js
//   POST /call {"endpoint": "http://127.0.0.1:<port>", "operation": "AdminGetUser", "input": {...}}
//     -> 200 {"output": {...}}   or   200 {"error": {"name": "UserNotFoundException", "message": "..."}}
// Requests are signed with the test key the stand-in and the gateway accept (cognito-local checks none).
const http = require('http');
const sdk = require('@aws-sdk/client-cognito-identity-provider');

const credentials = {
  accessKeyId: process.env.FAKE_ACCESS_KEY_ID || 'AKIDCOGNITOPSTEST',
  secretAccessKey: process.env.FAKE_SECRET_ACCESS_KEY || 'cognitops-test-secret',
};
const clients = new Map();

function clientFor(endpoint) {
  if (!clients.has(endpoint)) {
    clients.set(endpoint, new sdk.CognitoIdentityProviderClient({ endpoint, region: 'us-east-1', credentials, maxAttempts: 1 }));
  }
  return clients.get(endpoint);
}

async function call({ endpoint, operation, input }) {
  const Command = sdk[`${operation}Command`];
  if (!Command) return { error: { name: 'UnknownOperation', message: `The JS SDK has no ${operation}Command.` } };
  try {
    const output = await clientFor(endpoint).send(new Command(input || {}));
    delete output.$metadata;
    return { output };
  } catch (err) {
    return { error: { name: err.name, message: err.message } };
  }
}

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', async () => {
    let result;
    try {
      result = await call(JSON.parse(Buffer.concat(chunks).toString('utf8')));
    } catch (err) {
      result = { error: { name: 'ProxyError', message: String(err) } };
    }
    const text = JSON.stringify(result, (key, value) => (value instanceof Date ? value.getTime() / 1000 : value));
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
    res.end(text);
  });
});
server.listen(Number(process.env.PORT || 0), process.env.HOST || '127.0.0.1', () => {
  console.log(JSON.stringify({ listening: server.address().port }));
});
setTimeout(() => process.exit(0), Number(process.env.MAX_LIFETIME_SEC || 3600) * 1000).unref();

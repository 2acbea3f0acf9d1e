'use strict';
// B8's other side: the AWS JS SDK's cold start for the same first result (load the client, one ListUsers, Limit 1).
// Usage: ENDPOINT=http://127.0.0.1:<fake> POOL=eu-west-1_Paged5 node js-sdk-first-call.js   (prints the user name)
const { CognitoIdentityProviderClient, ListUsersCommand } = require('../tests/endpoint/node_modules/@aws-sdk/client-cognito-identity-provider');

const client = new CognitoIdentityProviderClient({ endpoint: process.env.ENDPOINT, region: 'eu-west-1' });
client.send(new ListUsersCommand({ UserPoolId: process.env.POOL, Limit: 1 }))
  .then((page) => console.log(page.Users[0].Username))
  .catch((err) => { console.error(err.name); process.exit(1); });

'use strict';
// The cheapest possible Cognito: answers every POST with 200 {} at once. B5 measures client CPU against it.
const http = require('http');
const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'Content-Type': 'application/x-amz-json-1.1', 'Content-Length': 2 });
    res.end('{}');
  });
});
server.keepAliveTimeout = 30000;
server.listen(Number(process.env.PORT || 0), process.env.HOST || '127.0.0.1', () => console.log(JSON.stringify({ listening: server.address().port })));
setTimeout(() => process.exit(0), 600000).unref();

// A loopback Domain API stand-in for the throughput benchmark: answers every request with a
// CheckDomain body, keep-alive, on 127.0.0.1. Runs in its own process so that it does not
// share the event loop with the client being measured. Prints its port, exits on stdin close.
import http from 'node:http';

const body = JSON.stringify({
  RequestId: 'BA7A4FD4-EB9A-4A20-BB0C-9AEB15634DC1',
  DomainName: 'example.com',
  Avail: '1',
  Premium: 'false',
  Reason: '',
  Price: 1286,
  DynamicCheck: false,
});
const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json;charset=utf-8', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
});
server.keepAliveTimeout = 30_000;
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
process.stdin.on('close', () => server.close(() => process.exit(0)));
process.stdin.resume();

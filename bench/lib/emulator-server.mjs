// The two servers of bench/emulator.mjs, each in its own process so that neither shares the
// event loop with the load generator:
//   node emulator-server.mjs emulator      @alidomain/emulator, rate limits off
//   node emulator-server.mjs floor BODY    bare node:http answering BODY (JSON) to every request
// Prints its port; then answers each `cpu` line on stdin with its CPU time so far (µs, user +
// system, as a line), so that the bench can state what a request costs the server itself. Exits
// on stdin close.
import http from 'node:http';

const [mode, body] = process.argv.slice(2);
let close;
if (mode === 'emulator') {
  const { startEmulator } = await import('@alidomain/emulator');
  const emulator = await startEmulator({ rateLimits: false });
  console.log(emulator.port);
  close = () => emulator.close();
} else if (mode === 'floor' && body !== undefined) {
  const length = Buffer.byteLength(body);
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      // The emulator's headers for a JSON answer, so that only the work behind them differs.
      res.writeHead(200, { 'content-type': 'application/json;charset=utf-8', 'content-length': length });
      res.end(body);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  console.log(server.address().port);
  close = () => new Promise((resolve) => server.close(resolve));
} else {
  throw new Error('usage: emulator-server.mjs emulator | floor BODY');
}
let pending = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  pending += chunk;
  for (let at = pending.indexOf('\n'); at >= 0; at = pending.indexOf('\n')) {
    if (pending.slice(0, at) === 'cpu') {
      const { user, system } = process.cpuUsage();
      process.stdout.write(`${user + system}\n`);
    }
    pending = pending.slice(at + 1);
  }
});
process.stdin.on('end', () => Promise.resolve(close()).then(() => process.exit(0)));

// maxResponseBytes on every transport: a body past the cap is not read further, the connection is
// closed, and the call keeps nothing of what was read.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainResponseError, DomainTimeoutError } from '../src/errors.js';
import { createFetchTransport } from '../src/transport/fetch.js';
import { createNodeHttpTransport } from '../src/transport/node-http.js';
import type { Transport } from '../src/transport/types.js';
import { createUndiciTransport } from '../src/transport/undici.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const MiB = 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, 'x');

/** Per request path: what the server does. Each answer's end (close of the socket) resolves `closed`. */
let server: Server;
let base: string;
let closed: Promise<void> = Promise.resolve();

function endless(res: ServerResponse, stallAfter = Number.POSITIVE_INFINITY): void {
  let sent = 0;
  res.writeHead(200, { 'content-type': 'application/json' });
  const pump = (): void => {
    while (sent < stallAfter) {
      sent += CHUNK.length;
      if (!res.write(CHUNK)) {
        res.once('drain', pump);
        return;
      }
    }
  };
  pump();
}

beforeAll(async () => {
  server = createServer((req, res) => {
    closed = new Promise((resolve) => res.socket!.once('close', () => resolve()));
    if (req.url!.startsWith('/declared')) {
      res.writeHead(200, { 'content-length': String(64 * MiB) });
      res.write(CHUNK);
    } else if (req.url!.startsWith('/endless')) endless(res);
    else if (req.url!.startsWith('/stall')) endless(res, 24 * MiB);
    else res.end(`{"Avail":"${'y'.repeat(100)}"}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function retained(): number {
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

const TRANSPORTS: readonly (readonly [string, () => Transport])[] = [
  ['node:http', () => createNodeHttpTransport()],
  ['undici', () => createUndiciTransport()],
  ['fetch', () => createFetchTransport()],
];

describe.each(TRANSPORTS)('over %s', (_name, make) => {
  const send = (path: string, extra: { maxResponseBytes?: number; timeoutMs?: number } = {}) =>
    make()({
      method: 'GET',
      url: `${base}${path}`,
      headers: {},
      timeoutMs: extra.timeoutMs ?? 20_000,
      maxResponseBytes: extra.maxResponseBytes,
    });

  it('refuses a body whose Content-Length is over the cap, and closes the connection', async () => {
    const e = await send('/declared', { maxResponseBytes: MiB }).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(DomainResponseError);
    expect(e).toMatchObject({ limit: MiB, statusCode: 200 });
    expect((e as Error).message).toContain(`maxResponseBytes (${MiB} bytes)`);
    await closed;
  });

  it('stops reading an endless body at the cap and closes the connection', async () => {
    const e = await send('/endless', { maxResponseBytes: 2 * MiB }).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(DomainResponseError);
    expect(e).toMatchObject({ limit: 2 * MiB, bodySnippet: '' });
    await closed;
  });

  // Reading 48 MiB and two full GCs take seconds on a loaded machine; the test waits on events only.
  it('keeps nothing of the body while the caller holds the error', { timeout: 60_000 }, async () => {
    const before = retained();
    const held: unknown[] = [];
    for (let i = 0; i < 3; i++) held.push(await send('/endless', { maxResponseBytes: 16 * MiB }).catch((err: unknown) => err));
    await closed;
    expect(held.every((e) => e instanceof DomainResponseError)).toBe(true);
    // Three calls read 16 MiB each; what stays is far below one of them.
    expect(retained() - before).toBeLessThan(8 * MiB);
  });

  it('keeps nothing of a partly read body after a timeout', { timeout: 60_000 }, async () => {
    const before = retained();
    const e = await send('/stall', { timeoutMs: 1500, maxResponseBytes: 64 * MiB }).catch((err: unknown) => err);
    await closed;
    expect(e).toBeInstanceOf(DomainTimeoutError);
    // The server sent 24 MiB before stalling.
    expect(retained() - before).toBeLessThan(8 * MiB);
  });

  it('reads a body under the cap', async () => {
    await expect(send('/small', { maxResponseBytes: 1024 })).resolves.toMatchObject({ status: 200 });
  });
});

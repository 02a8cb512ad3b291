// "Did the request reach the server?" (src/transport/reached.ts): the rule, and what each
// transport reports through it against 127.0.0.1 servers started here. A timeout before any
// connection is made (reachedServer false) cannot be forced on loopback: a local connect is
// refused or accepted at once, so that branch is covered by the rule's table only.
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainTimeoutError, DomainTransportError } from '../src/errors.js';
import { createFetchTransport } from '../src/transport/fetch.js';
import { createNodeHttpTransport } from '../src/transport/node-http.js';
import { NOT_CONNECTED_CODES, reachedServer } from '../src/transport/reached.js';
import type { Transport } from '../src/transport/types.js';
import { createUndiciTransport } from '../src/transport/undici.js';

describe('reachedServer', () => {
  it.each([
    ['used', undefined, true],
    ['used', 'ECONNREFUSED', true],
    ['unused', undefined, false],
    ['unused', 'ECONNRESET', false],
    ['unseen', 'ECONNREFUSED', false],
    ['unseen', 'ENOTFOUND', false],
    ['unseen', 'ECONNRESET', true],
    ['unseen', 'UND_ERR_SOCKET', true],
    ['unseen', undefined, true],
  ] as const)('a connection %s, code %s → %s', (use, code, reached) => {
    expect(reachedServer(use, code)).toBe(reached);
  });

  it('treats every never-connected code as not reached when the connection was not seen', () => {
    for (const code of NOT_CONNECTED_CODES) expect(reachedServer('unseen', code)).toBe(false);
  });
});

/** A TCP server that resets each connection once the first request bytes arrive (or, with `silent`, never answers). */
function tcpServer(onData: (socket: Socket) => void): Promise<{ server: Server; url: string; received: Promise<void>[] }> {
  const received: Promise<void>[] = [];
  let mark: () => void = () => {};
  received.push(new Promise((resolve) => (mark = resolve)));
  const server = createServer((socket) => {
    socket.once('data', () => {
      mark();
      received.push(new Promise((resolve) => (mark = resolve)));
      onData(socket);
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/?Action=CheckDomain`, received }),
    ),
  );
}

const closeServer = (server: Server): Promise<void> => new Promise((resolve) => server.close(() => resolve()));

let refusedUrl: string;
let reset: Awaited<ReturnType<typeof tcpServer>>;
let silent: Awaited<ReturnType<typeof tcpServer>>;
const held: Socket[] = [];

beforeAll(async () => {
  // A port that was just free: nothing listens there, so a connect is refused.
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  refusedUrl = `http://127.0.0.1:${(probe.address() as AddressInfo).port}/?Action=CheckDomain`;
  await closeServer(probe);
  reset = await tcpServer((socket) => socket.resetAndDestroy());
  silent = await tcpServer((socket) => void held.push(socket));
});

afterAll(async () => {
  for (const s of held) s.destroy();
  await Promise.all([closeServer(reset.server), closeServer(silent.server)]);
});

const transports: [string, () => Transport & { destroy?: () => void }][] = [
  ['node:http', () => createNodeHttpTransport()],
  ['undici', () => createUndiciTransport()],
  ['fetch', () => createFetchTransport()],
];

const get = (t: Transport, url: string, timeoutMs = 10_000) => t({ method: 'GET', url, headers: {}, timeoutMs });

describe.each(transports)('the %s transport', (_name, make) => {
  let transport: Transport & { destroy?: () => void };
  beforeAll(() => {
    transport = make();
  });
  afterAll(() => transport.destroy?.());

  it('reports a refused connection as not having reached the server', async () => {
    const err = await get(transport, refusedUrl).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainTransportError);
    expect(err).toMatchObject({ reachedServer: false, code: 'ECONNREFUSED' });
  });

  it('reports a connection reset after the request was written as having reached the server', async () => {
    const seen = reset.received.at(-1)!;
    const err = await get(transport, reset.url).catch((e: unknown) => e);
    await seen; // the server did read the request before resetting
    expect(err).toBeInstanceOf(DomainTransportError);
    expect(err).not.toBeInstanceOf(DomainTimeoutError);
    expect((err as DomainTransportError).reachedServer).toBe(true);
  });

  it('reports a timeout after the request was written as having reached the server', async () => {
    const seen = silent.received.at(-1)!;
    const pending = get(transport, silent.url, 200).catch((e: unknown) => e);
    await seen;
    const err = await pending;
    expect(err).toBeInstanceOf(DomainTimeoutError);
    expect((err as DomainTimeoutError).reachedServer).toBe(true);
  });
});

/**
 * A hostile Domain API server for the fault matrix: a raw node:net server on 127.0.0.1 that reads
 * one HTTP request per connection and then misbehaves as the test says (error documents, resets at
 * any point, silence, trickled bytes, bodies without end). It speaks HTTP by hand so that it can
 * break the protocol anywhere, and counts the requests it received per Action.
 */
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/** One request as received, with the connection to answer on. */
export interface Exchange {
  readonly method: string;
  readonly path: string;
  readonly action: string;
  /** All parameters, query and form body merged. */
  readonly params: Readonly<Record<string, string>>;
  /** 1 for the first request of this Action since the last reset, 2 for the second, … */
  readonly nth: number;
  readonly socket: Socket;
}

/** What the server does with a request. */
export type Behaviour = (ex: Exchange) => void;

export interface ConnectionRecord {
  /** Whether a whole request arrived on it (clients may also open spare connections they never use). */
  carriedRequest: boolean;
  /** Bytes the server managed to hand to the socket before it closed. */
  bytesWritten: number;
  /** Resolves when the connection is closed, from either side. */
  readonly closed: Promise<void>;
  isClosed: boolean;
}

export interface HostileServer {
  readonly url: string;
  /** Requests received for an Action since the last reset. */
  sends(action: string): number;
  /** Every connection accepted since the last reset. */
  readonly connections: ConnectionRecord[];
  /** Replaces the behaviour and forgets counts and connections. */
  reset(behaviour: Behaviour): void;
  close(): Promise<void>;
}

const REASONS: Readonly<Record<number, string>> = {
  200: 'OK',
  400: 'Bad Request',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

function head(status: number, headers: Readonly<Record<string, string | number>>): string {
  let text = `HTTP/1.1 ${status} ${REASONS[status] ?? 'Status'}\r\n`;
  for (const [k, v] of Object.entries(headers)) text += `${k}: ${v}\r\n`;
  return text + '\r\n';
}

function write(socket: Socket, data: string | Buffer): void {
  if (!socket.destroyed && socket.writable) socket.write(data);
}

/** Runs `tick` every `ms` until it returns false or the connection closes (the server's own pace). */
function every(socket: Socket, ms: number, tick: () => boolean): void {
  const timer = setInterval(() => {
    if (socket.destroyed || !tick()) clearInterval(timer);
  }, ms);
  socket.once('close', () => clearInterval(timer));
}

/** Writes `next()` chunks as fast as the peer reads them (respecting backpressure) until null. */
function stream(socket: Socket, next: () => Buffer | null, onEnd: () => void = () => socket.end()): void {
  const pump = (): void => {
    for (;;) {
      if (socket.destroyed) return;
      const chunk = next();
      if (chunk === null) {
        onEnd();
        return;
      }
      if (!socket.write(chunk)) {
        socket.once('drain', pump);
        return;
      }
    }
  };
  pump();
}

// ---- behaviours ------------------------------------------------------------------------------

/** A complete answer; the connection is closed after it (no keep-alive between cases). */
export const respond =
  (status: number, body: string, headers: Readonly<Record<string, string | number>> = {}): Behaviour =>
  ({ socket }) => {
    const bytes = Buffer.from(body, 'utf8');
    write(
      socket,
      head(status, { 'content-type': 'application/json;charset=utf-8', 'content-length': bytes.length, connection: 'close', ...headers }),
    );
    write(socket, bytes);
    socket.end();
  };

/** The API's JSON error document. */
export const apiError = (status: number, code: string, headers: Readonly<Record<string, string | number>> = {}): Behaviour =>
  respond(
    status,
    JSON.stringify({ RequestId: 'F00D-0000', HostId: 'domain.aliyuncs.com', Code: code, Message: `${code} from the hostile server` }),
    headers,
  );

/** TCP reset right after the request was read: not one byte of response. */
export const resetBeforeAnyByte: Behaviour = ({ socket }) => void socket.resetAndDestroy();

/** Part of the status line and headers, then a reset. */
export const resetMidHeaders: Behaviour = ({ socket }) => {
  socket.write('HTTP/1.1 200 OK\r\nContent-Type: applic', () => socket.resetAndDestroy());
};

/** Headers announcing 1000 bytes, 100 of them, then a reset (or a plain close with `fin`). */
export const cutMidBody =
  (how: 'reset' | 'fin'): Behaviour =>
  ({ socket }) => {
    write(socket, head(200, { 'content-type': 'application/json', 'content-length': 1000, connection: 'close' }));
    socket.write(`{"RequestId":"${'x'.repeat(85)}`, () => (how === 'reset' ? socket.resetAndDestroy() : socket.end()));
  };

/** Reads the request and never answers. */
export const noAnswer: Behaviour = () => {};

/** A valid response whose head goes out one byte every `ms`. */
export const slowHeaders =
  (ms: number): Behaviour =>
  ({ socket }) => {
    const text =
      head(200, { 'content-type': 'application/json', 'content-length': 2, 'x-padding': 'p'.repeat(200), connection: 'close' }) + '{}';
    let at = 0;
    every(socket, ms, () => {
      write(socket, text[at++]!);
      return at < text.length;
    });
  };

/** Headers at once, then the body one byte every `ms`. */
export const trickleBody =
  (ms: number): Behaviour =>
  ({ socket }) => {
    const body = `{"RequestId":"${'t'.repeat(500)}"}`;
    write(socket, head(200, { 'content-type': 'application/json', 'content-length': body.length, connection: 'close' }));
    let at = 0;
    every(socket, ms, () => {
      write(socket, body[at++]!);
      return at < body.length;
    });
  };

const FILLER = Buffer.alloc(64 * 1024, 'a');

/** A body of `bytes` announced with Content-Length, sent as fast as the client reads. */
export const hugeBody =
  (bytes: number): Behaviour =>
  ({ socket }) => {
    write(socket, head(200, { 'content-type': 'application/json', 'content-length': bytes, connection: 'close' }));
    let left = bytes;
    stream(socket, () => {
      if (left <= 0) return null;
      const n = Math.min(left, FILLER.length);
      left -= n;
      return n === FILLER.length ? FILLER : FILLER.subarray(0, n);
    });
  };

/** A chunked body that never ends (until the client closes the connection). */
export const endlessChunked: Behaviour = ({ socket }) => {
  write(socket, head(200, { 'content-type': 'application/json', 'transfer-encoding': 'chunked', connection: 'close' }));
  const chunk = Buffer.concat([Buffer.from(`${FILLER.length.toString(16)}\r\n`), FILLER, Buffer.from('\r\n')]);
  write(socket, '10\r\n{"RequestId":"aa\r\n');
  stream(socket, () => chunk);
};

// ---- the server ------------------------------------------------------------------------------

const HEAD_END = Buffer.from('\r\n\r\n');

function parseParams(text: string, into: Record<string, string>): void {
  for (const [k, v] of new URLSearchParams(text)) into[k] = v;
}

export async function startHostileServer(initial: Behaviour): Promise<HostileServer> {
  let behaviour = initial;
  let counts = new Map<string, number>();
  let connections: ConnectionRecord[] = [];
  const open = new Set<Socket>();

  const server: Server = createServer((socket) => {
    open.add(socket);
    let markClosed!: () => void;
    const record: ConnectionRecord = {
      carriedRequest: false,
      bytesWritten: 0,
      isClosed: false,
      closed: new Promise<void>((resolve) => (markClosed = resolve)),
    };
    connections.push(record);
    // The client may reset or abort at any moment: that is expected here, not an error.
    socket.on('error', () => {});
    socket.once('close', () => {
      open.delete(socket);
      record.bytesWritten = socket.bytesWritten;
      record.isClosed = true;
      markClosed();
    });

    let buffered = Buffer.alloc(0);
    let handled = false;
    socket.on('data', (data: Buffer) => {
      if (handled) return; // one request per connection; anything after it is ignored
      buffered = Buffer.concat([buffered, data]);
      const end = buffered.indexOf(HEAD_END);
      if (end < 0) return;
      const lines = buffered.subarray(0, end).toString('latin1').split('\r\n');
      const [method = '', path = ''] = lines[0]!.split(' ');
      const headers = new Map<string, string>();
      for (const line of lines.slice(1)) {
        const colon = line.indexOf(':');
        if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
      }
      const length = Number(headers.get('content-length') ?? 0);
      const body = buffered.subarray(end + HEAD_END.length);
      if (body.length < length) return;
      handled = true;
      record.carriedRequest = true;
      const params: Record<string, string> = {};
      const q = path.indexOf('?');
      if (q >= 0) parseParams(path.slice(q + 1), params);
      if (method === 'POST') parseParams(body.subarray(0, length).toString('utf8'), params);
      const action = params.Action ?? '';
      const nth = (counts.get(action) ?? 0) + 1;
      counts.set(action, nth);
      behaviour({ method, path, action, params, nth, socket });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    sends: (action) => counts.get(action) ?? 0,
    get connections() {
      return connections;
    },
    reset(next) {
      behaviour = next;
      counts = new Map();
      connections = [];
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const s of open) s.destroy();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

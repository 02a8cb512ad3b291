import type * as Http from 'node:http';
import type * as Https from 'node:https';
import type { Socket } from 'node:net';
import { DomainTimeoutError, DomainTransportError, responseTooLarge } from '../errors.js';
import { nodeBuiltin } from '../node-builtins.js';
import { reachedServer } from './reached.js';
import { DEFAULT_MAX_RESPONSE_BYTES, splitUrl, type Transport, type TransportResponse } from './types.js';

export interface NodeHttpTransportOptions {
  /** Sockets per origin (default 64). */
  readonly maxSockets?: number;
  /** Idle keep-alive sockets kept per origin (default 16). */
  readonly maxFreeSockets?: number;
}

export interface NodeHttpTransport extends Transport {
  /** Closes idle keep-alive sockets. */
  destroy(): void;
}

function builtin<T>(id: string): T {
  const mod = nodeBuiltin<T>(id);
  if (mod === undefined) throw new Error(`${id} is not available in this runtime; use the fetch transport.`);
  return mod;
}

// Endpoints are few: parse each origin once.
const origins = new Map<string, { protocol: string; hostname: string; port: string | undefined }>();
function originOptions(origin: string): { protocol: string; hostname: string; port: string | undefined } {
  let o = origins.get(origin);
  if (o === undefined) {
    const u = new URL(origin);
    // URL keeps IPv6 hosts in brackets; http.request wants them bare.
    o = { protocol: u.protocol, hostname: u.hostname.replace(/^\[|\]$/g, ''), port: u.port || undefined };
    origins.set(origin, o);
  }
  return o;
}

/** node:http/https with keep-alive agents (the default transport in Node). */
export function createNodeHttpTransport(options: NodeHttpTransportOptions = {}): NodeHttpTransport {
  let httpAgent: Http.Agent | undefined;
  let httpsAgent: Https.Agent | undefined;
  const agentOptions = { keepAlive: true, maxSockets: options.maxSockets ?? 64, maxFreeSockets: options.maxFreeSockets ?? 16 };

  const transport = ((req) =>
    new Promise<TransportResponse>((resolve, reject) => {
      const signal = req.signal;
      if (signal?.aborted) {
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the caller's own abort reason, whatever it is.
        reject(signal.reason);
        return;
      }
      const isHttps = req.url.startsWith('https:');
      const { origin, path } = splitUrl(req.url);
      const target = { ...originOptions(origin), path, method: req.method, headers: req.headers };
      let request: Http.ClientRequest;
      if (isHttps) {
        const https = builtin<typeof Https>('node:https');
        httpsAgent ??= new https.Agent(agentOptions);
        request = https.request({ ...target, agent: httpsAgent });
      } else {
        const http = builtin<typeof Http>('node:http');
        httpAgent ??= new http.Agent(agentOptions);
        request = http.request({ ...target, agent: httpAgent });
      }

      // Whether request bytes may have reached the server: set once the connection is up.
      let connected = false;
      let settled = false;
      let chunks: Buffer[] = [];
      const finish = (fn: () => void): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        // Whatever the caller keeps of a failed call, the bytes read so far go now.
        chunks = [];
        fn();
      };
      const fail = (err: unknown): void => {
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- a DomainTransportError, or the caller's abort reason.
        finish(() => reject(err));
        request.destroy();
      };
      const onAbort = (): void => fail(signal!.reason);
      signal?.addEventListener('abort', onAbort, { once: true });
      // node:http writes nothing before the connection is up: a timer that fires first means unused.
      const timer = setTimeout(
        () => fail(new DomainTimeoutError(req.timeoutMs, { reachedServer: reachedServer(connected ? 'used' : 'unused') })),
        req.timeoutMs,
      );

      request.on('socket', (socket: Socket) => {
        if (!socket.connecting) {
          connected = true; // reused keep-alive socket
          return;
        }
        socket.once(isHttps ? 'secureConnect' : 'connect', () => {
          connected = true;
        });
      });
      request.on('error', (err: NodeJS.ErrnoException) => {
        // An error before 'connect' may still come from a half-made connection (a TLS handshake
        // that failed after the hello): only the code can prove none was made.
        const code = err.code;
        fail(
          new DomainTransportError(`Network error: ${code ?? err.message}`, {
            reachedServer: reachedServer(connected ? 'used' : 'unseen', code),
            code,
            cause: err,
          }),
        );
      });
      request.on('response', (res) => {
        const limit = req.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
        const status = res.statusCode ?? 0;
        if (Number(res.headers['content-length']) > limit) {
          fail(responseTooLarge(status, limit));
          return;
        }
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > limit) fail(responseTooLarge(status, limit));
          else if (!settled) chunks.push(c);
        });
        res.on('error', (err: NodeJS.ErrnoException) =>
          fail(
            new DomainTransportError(`Network error while reading the response: ${err.code ?? err.message}`, {
              reachedServer: reachedServer('used'),
              code: err.code,
              cause: err,
            }),
          ),
        );
        res.on('aborted', () =>
          fail(
            new DomainTransportError('Connection closed while reading the response', {
              reachedServer: reachedServer('used'),
              code: 'ECONNRESET',
            }),
          ),
        );
        res.on('end', () => {
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) {
            if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
          }
          const body = Buffer.concat(chunks).toString('utf8');
          finish(() => resolve({ status, headers, body }));
        });
      });
      request.end(req.body);
    })) as NodeHttpTransport;

  transport.destroy = () => {
    httpAgent?.destroy();
    httpsAgent?.destroy();
    httpAgent = undefined;
    httpsAgent = undefined;
  };
  return transport;
}

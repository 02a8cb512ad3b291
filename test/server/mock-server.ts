/**
 * A local mock of the Alibaba Cloud Domain API (RPC, 2018-01-29) for end-to-end tests.
 *
 * It checks requests the way the real service does — with its own signature implementation,
 * deliberately independent of @alidomain/core — and answers in JSON or XML per `Format`.
 * Tests script answers per Action and inject failures (Throttling, 503, delays, dropped
 * connections, requests never answered), and wait on what the server saw (`waitForRequests`,
 * `connectionsClosed`) rather than on fixed delays. It listens on 127.0.0.1 only.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface RecordedRequest {
  readonly method: string;
  readonly action: string | undefined;
  /** All parameters, query and body merged. */
  readonly params: Readonly<Record<string, string>>;
  readonly queryParams: Readonly<Record<string, string>>;
  readonly bodyParams: Readonly<Record<string, string>>;
  readonly headers: IncomingMessage['headers'];
  /** Whether the signature was valid (requests with a bad one are recorded too). */
  readonly signatureValid: boolean;
}

/** When a reply goes out: after `delayMs`, and not before `until` settles (a test's own event). */
export interface ReplyTiming {
  readonly delayMs?: number;
  readonly until?: PromiseLike<unknown>;
}

export type MockReply =
  /** Success: `data` becomes the JSON body or `<ActionResponse>` XML (RequestId added when missing). */
  | ({ readonly data: Record<string, unknown>; readonly status?: number } & ReplyTiming)
  /** API error body `{RequestId, HostId, Code, Message}` / `<Error>`. */
  | ({
      readonly error: { readonly code: string; readonly message?: string; readonly requestId?: string };
      readonly status: number;
    } & ReplyTiming)
  /** A raw body, as is. */
  | ({ readonly raw: string; readonly status: number; readonly contentType?: string } & ReplyTiming)
  /** Close the connection without answering. */
  | ({ readonly drop: true } & ReplyTiming)
  /** Never answer: the request stays open until the client gives up or the server closes. */
  | { readonly hang: true };

export type MockHandler = (req: RecordedRequest) => MockReply | Promise<MockReply>;

export interface MockServerOptions {
  /** AccessKeyId → AccessKeySecret accepted by the server. Default `{ testid: 'testsecret' }`. */
  readonly accessKeys?: Readonly<Record<string, string>>;
  /** Handlers per Action; Actions without one answer `{ RequestId }`. */
  readonly handlers?: Readonly<Record<string, MockHandler>>;
  readonly hostId?: string;
  /** Port to listen on (default 0: any free port). */
  readonly port?: number;
}

export interface MockServer {
  readonly url: string;
  readonly port: number;
  /** Every request received, in order. */
  readonly requests: RecordedRequest[];
  /** Requests for one Action. */
  requestsFor(action: string): RecordedRequest[];
  /** Replaces the handler of an Action. */
  handle(action: string, handler: MockHandler): void;
  /** Queues one-shot replies for an Action, used before its handler. */
  enqueue(action: string, ...replies: MockReply[]): void;
  /**
   * Resolves with the requests (for `action`, when given) once at least `count` have arrived,
   * at once if they already have. A request counts when the server has read it whole, before
   * it answers.
   */
  waitForRequests(count: number, action?: string): Promise<RecordedRequest[]>;
  /** Connections open now (keep-alive ones included). */
  readonly openConnections: number;
  /** Resolves once no connection is open, at once if none is. */
  connectionsClosed(): Promise<void>;
  close(): Promise<void>;
}

export const throttling = (): MockReply => ({
  status: 400,
  error: { code: 'Throttling', message: 'Request was denied due to request throttling.' },
});
export const serviceUnavailable = (): MockReply => ({
  status: 503,
  error: { code: 'ServiceUnavailable', message: 'The request has failed due to a temporary failure of the server.' },
});
export const dropConnection = (delayMs = 0): MockReply => ({ drop: true, delayMs });
/** A request the server never answers: the way to outlast any client timeout, whatever the load. */
export const hang = (): MockReply => ({ hang: true });

// ---- independent RPC signature (v1.0) -------------------------------------------------------

const UNRESERVED = /[A-Za-z0-9\-_.~]/;

/** RFC 3986 encoding byte by byte (not via encodeURIComponent). */
function rfc3986(s: string): string {
  let out = '';
  for (const ch of s) {
    if (UNRESERVED.test(ch)) {
      out += ch;
      continue;
    }
    for (const byte of Buffer.from(ch, 'utf8')) out += '%' + byte.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

export function expectedSignature(method: string, params: Readonly<Record<string, string>>, secret: string): string {
  const names = Object.keys(params).filter((k) => k !== 'Signature');
  // Code-unit order, like Java's String.compareTo on the server.
  names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const canonical = names.map((n) => `${rfc3986(n)}=${rfc3986(params[n]!)}`).join('&');
  const toSign = `${method}&${rfc3986('/')}&${rfc3986(canonical)}`;
  return createHmac('sha1', `${secret}&`).update(toSign, 'utf8').digest('base64');
}

// ---- wire helpers ------------------------------------------------------------------------------

function parseForm(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (text === '') return out;
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const rawName = eq === -1 ? part : part.slice(0, eq);
    const rawValue = eq === -1 ? '' : part.slice(eq + 1);
    const dec = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
    out[dec(rawName)] = dec(rawValue);
  }
  return out;
}

function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function toXml(name: string, value: unknown): string {
  if (Array.isArray(value)) return value.map((v) => toXml(name, v)).join('');
  if (value !== null && typeof value === 'object') {
    return `<${name}>${Object.entries(value)
      .map(([k, v]) => toXml(k, v))
      .join('')}</${name}>`;
  }
  if (value === undefined || value === null) return `<${name}/>`;
  const scalar = value as string | number | boolean;
  return `<${name}>${xmlEscape(String(scalar))}</${name}>`;
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const REQUIRED = ['Action', 'Version', 'AccessKeyId', 'Signature', 'SignatureMethod', 'SignatureVersion', 'SignatureNonce', 'Timestamp'];

export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const accessKeys = options.accessKeys ?? { testid: 'testsecret' };
  const hostId = options.hostId ?? 'domain.aliyuncs.com';
  const handlers = new Map<string, MockHandler>(Object.entries(options.handlers ?? {}));
  const queues = new Map<string, MockReply[]>();
  const requests: RecordedRequest[] = [];
  const usedNonces = new Set<string>();
  const sockets = new Set<Socket>();
  // Waiters re-checked on every request and every closed connection.
  const requestWaiters = new Set<() => void>();
  const closeWaiters = new Set<() => void>();
  const notify = (waiters: Set<() => void>): void => {
    for (const check of [...waiters]) check();
  };

  async function reply(res: ServerResponse, req: RecordedRequest, r: MockReply): Promise<void> {
    if ('hang' in r) return;
    if (r.delayMs) await new Promise((resolve) => setTimeout(resolve, r.delayMs));
    if (r.until) await r.until;
    if ('drop' in r) {
      res.socket?.destroy();
      return;
    }
    if (res.destroyed) return;
    const xml = req.params.Format === 'XML';
    const requestId = randomUUID().toUpperCase();
    let body: string;
    let status: number;
    let contentType = xml ? 'text/xml;charset=utf-8' : 'application/json;charset=utf-8';
    if ('raw' in r) {
      body = r.raw;
      status = r.status;
      contentType = r.contentType ?? contentType;
    } else if ('error' in r) {
      status = r.status;
      const err = {
        RequestId: r.error.requestId ?? requestId,
        HostId: hostId,
        Code: r.error.code,
        Message: r.error.message ?? r.error.code,
      };
      body = xml ? `<?xml version='1.0' encoding='UTF-8'?>${toXml('Error', err)}` : JSON.stringify(err);
    } else {
      status = r.status ?? 200;
      const data = { RequestId: requestId, ...r.data };
      body = xml ? `<?xml version='1.0' encoding='UTF-8'?>${toXml(`${req.action}Response`, data)}` : JSON.stringify(data);
    }
    res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
    res.end(body);
  }

  function check(req: RecordedRequest): MockReply | undefined {
    const p = req.params;
    const bad = (code: string, message: string, status = 400): MockReply => ({ status, error: { code, message } });
    for (const name of REQUIRED)
      if (p[name] === undefined)
        return bad('MissingParameter', `The input parameter "${name}" that is mandatory for processing this request is not supplied.`);
    if (p.Version !== '2018-01-29') return bad('NoSuchVersion', 'The specified version does not exist.');
    if (p.SignatureMethod !== 'HMAC-SHA1' || p.SignatureVersion !== '1.0')
      return bad('InvalidParameter', 'Unsupported signature method or version.');
    if (!TIMESTAMP.test(p.Timestamp!)) return bad('InvalidTimeStamp.Format', 'Specified time stamp or date value is not well formatted.');
    if (p.Format !== undefined && p.Format !== 'JSON' && p.Format !== 'XML') return bad('InvalidParameter', 'Format must be JSON or XML.');
    if (accessKeys[p.AccessKeyId!] === undefined) return bad('InvalidAccessKeyId.NotFound', 'Specified access key is not found.');
    if (!req.signatureValid) return bad('SignatureDoesNotMatch', 'Specified signature is not matched with our calculation.');
    if (usedNonces.has(p.SignatureNonce!)) return bad('SignatureNonceUsed', 'Specified signature nonce was used already.');
    usedNonces.add(p.SignatureNonce!);
    return undefined;
  }

  const server: Server = createServer((httpReq, res) => {
    const chunks: Buffer[] = [];
    httpReq.on('data', (c: Buffer) => chunks.push(c));
    httpReq.on('end', () => {
      void (async () => {
        const url = new URL(httpReq.url ?? '/', 'http://127.0.0.1');
        let queryParams: Record<string, string>;
        let bodyParams: Record<string, string>;
        try {
          queryParams = parseForm(url.search.slice(1));
          bodyParams = httpReq.method === 'POST' ? parseForm(Buffer.concat(chunks).toString('utf8')) : {};
        } catch {
          res.writeHead(400).end('bad encoding');
          return;
        }
        const params = { ...queryParams, ...bodyParams };
        const secret = accessKeys[params.AccessKeyId ?? ''];
        const signatureValid =
          secret !== undefined &&
          params.Signature !== undefined &&
          expectedSignature(httpReq.method ?? 'GET', params, secret) === params.Signature;
        const recorded: RecordedRequest = {
          method: httpReq.method ?? '',
          action: params.Action,
          params,
          queryParams,
          bodyParams,
          headers: httpReq.headers,
          signatureValid,
        };
        requests.push(recorded);
        notify(requestWaiters);
        const rejection = check(recorded);
        if (rejection !== undefined) return reply(res, recorded, rejection);
        const action = recorded.action!;
        const queued = queues.get(action)?.shift();
        const handler = handlers.get(action);
        const r = queued ?? (handler ? await handler(recorded) : { data: {} });
        return reply(res, recorded, r);
      })().catch((e: unknown) => {
        if (!res.headersSent) res.writeHead(500).end(String(e));
      });
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => {
      sockets.delete(s);
      notify(closeWaiters);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    requestsFor: (action) => requests.filter((r) => r.action === action),
    handle: (action, handler) => void handlers.set(action, handler),
    enqueue: (action, ...replies) => {
      const q = queues.get(action) ?? [];
      q.push(...replies);
      queues.set(action, q);
    },
    waitForRequests: (count, action) =>
      new Promise<RecordedRequest[]>((resolve) => {
        const check = (): void => {
          const seen = action === undefined ? requests : requests.filter((r) => r.action === action);
          if (seen.length < count) return;
          requestWaiters.delete(check);
          resolve([...seen]);
        };
        requestWaiters.add(check);
        check();
      }),
    get openConnections() {
      return sockets.size;
    },
    connectionsClosed: () =>
      new Promise<void>((resolve) => {
        const check = (): void => {
          if (sockets.size > 0) return;
          closeWaiters.delete(check);
          resolve();
        };
        closeWaiters.add(check);
        check();
      }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const s of sockets) s.destroy();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

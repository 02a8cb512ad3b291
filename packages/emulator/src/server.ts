// The HTTP side: read a request, authenticate it, apply faults and rate limits, check its input
// with @alidomain/validators, answer from a handler or the Action's sample, in JSON or XML.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { requestValidators, type ActionName } from '@alidomain/validators';
import { authenticate, type Caller, type WireRequest } from './auth/authenticate.js';
import { NonceLog } from './auth/nonces.js';
import { ApiError, apiError } from './errors.js';
import { delay, Faults, RateLimiter, type RateLimit } from './faults.js';
import { actions, API_HOST, API_VERSION } from './generated/actions.js';
import type { Call, Handlers } from './handlers/context.js';
import type { EmulatorState } from './state/store.js';
import { parseForm } from './wire/form.js';
import { inputOf } from './wire/input.js';
import { render, type Format } from './wire/render.js';

/** One request as the emulator saw it, for tests that wait on what the server received. */
export interface SeenRequest {
  readonly method: string;
  /** The Action named, when the request named one. */
  readonly action: string | undefined;
  /** Query and form parameters merged (for a V3 request, without the headers). */
  readonly params: Readonly<Record<string, string>>;
  readonly headers: IncomingMessage['headers'];
  /** The error code answered, or undefined for a success (and for a dropped connection). */
  readonly code: string | undefined;
}

export interface ServerConfig {
  readonly keys: ReadonlyMap<string, string>;
  readonly state: EmulatorState;
  readonly handlers: Handlers;
  readonly faults: Faults;
  /** Limits by Action; the document's where it states them unless turned off. */
  readonly rateLimits: Readonly<Record<string, RateLimit>>;
  readonly latencyMs: number;
  readonly taskStepMs: number;
  readonly skewMs: number;
  readonly clock: () => number;
  readonly onRequest: (r: SeenRequest) => void;
}

const MAX_BODY = 8 * 1024 * 1024;

export interface EmulatorServer {
  readonly server: Server;
  readonly sockets: Set<Socket>;
  /** From now on a request still waiting out a latency is dropped, not handled: the state is being saved. */
  readonly stop: () => void;
}

export function createEmulatorServer(config: ServerConfig): EmulatorServer {
  let closing = false;
  // Read through a call: whether it is set changes across the awaits of respond().
  const isClosing = () => closing;
  const nonces = new NonceLog(2 * config.skewMs);
  const limiter = new RateLimiter();
  const sockets = new Set<Socket>();

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => {
      void respond(req, res, Buffer.concat(chunks), size > MAX_BODY).catch((e: unknown) => {
        // A bug of the emulator: say so in the API's own shape rather than hang the client, and
        // log it, so that a test waiting on the request does not wait for ever.
        config.onRequest({
          method: req.method ?? '',
          action: undefined,
          params: {},
          headers: redactedHeaders(req.headers),
          code: 'InternalError',
        });
        if (!res.headersSent) send(res, 'JSON', new ApiError('InternalError', 500, `emulator: ${String(e)}`));
      });
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  async function respond(req: IncomingMessage, res: ServerResponse, body: Buffer, tooLarge: boolean): Promise<void> {
    // --latency: added to every answer, refused ones too.
    if (config.latencyMs > 0) await delay(config.latencyMs);
    if (isClosing()) {
      res.destroy();
      return;
    }
    let now = config.clock();
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    let wire: WireRequest;
    let format: Format = 'JSON';
    const seen = (action: string | undefined, params: Readonly<Record<string, string>>, code: string | undefined) =>
      config.onRequest({ method: req.method ?? 'GET', action, params: redacted(params), headers: redactedHeaders(req.headers), code });
    try {
      const form = req.method === 'POST' && isForm(req) ? parseForm(body.toString('utf8')) : {};
      const query = q < 0 ? {} : parseForm(url.slice(q + 1));
      const params = Object.keys(form).length === 0 ? query : { ...query, ...form };
      wire = { method: req.method ?? 'GET', url, headers: req.headers, query, form, params, body };
    } catch {
      seen(undefined, {}, 'InvalidParameter');
      send(res, format, apiError('InvalidParameter', undefined, 'The request is not valid percent-encoded form text.'));
      return;
    }
    const merged = wire.params;
    // The document's default is XML; V3 requests (openapi-client) read JSON unless they ask.
    const isV3Request = typeof req.headers.authorization === 'string' && req.headers.authorization.startsWith('ACS3-');
    // The service reads Format in any case: openapi-client's v1.0 mode sends `json`.
    const asked = merged.Format?.toUpperCase();
    if (asked === 'XML' || asked === 'JSON') format = asked;
    else format = isV3Request ? 'JSON' : 'XML';
    let caller: Caller | undefined;
    try {
      if (tooLarge) throw apiError('InvalidParameter', undefined, `The request body is larger than ${MAX_BODY} bytes.`);
      if (asked !== undefined && asked !== 'JSON' && asked !== 'XML') throw apiError('InvalidParameter', 'Format', 'Expected JSON or XML.');
      // The API is GET, or POST with a form body; anything else is signed over nothing it knows.
      if (wire.method !== 'GET' && wire.method !== 'POST')
        throw apiError('UnsupportedHTTPMethod', undefined, 'Send GET, or POST with a form body.');
      caller = authenticate(wire, { keys: config.keys, nonces, now, skewMs: config.skewMs });
      if (caller.version !== API_VERSION) throw apiError('NoSuchVersion');
      const meta = actions[caller.action];
      if (meta === undefined || !Object.hasOwn(actions, caller.action)) throw apiError('UnsupportedOperation');
      const { latencyMs, outcome } = config.faults.take(caller.action);
      if (latencyMs > 0) {
        await delay(latencyMs);
        if (isClosing()) {
          res.destroy();
          return;
        }
        // The request is handled when the wait ends: rate limits, tasks and the answer see that time.
        now = config.clock();
      }
      if (outcome !== undefined && 'drop' in outcome) {
        seen(caller.action, caller.params, undefined);
        res.socket?.destroy();
        return;
      }
      if (outcome !== undefined && 'error' in outcome) {
        const e = apiError(outcome.error);
        throw outcome.status === undefined ? e : new ApiError(e.code, outcome.status, e.message);
      }
      const limit = config.rateLimits[caller.action];
      if (limit !== undefined) {
        const windows: [string, number][] = [];
        if (limit.perUser !== undefined) windows.push([`${caller.action} ${caller.accessKeyId}`, limit.perUser]);
        if (limit.total !== undefined) windows.push([caller.action, limit.total]);
        // A refused request counts against neither limit: a client that backs off gets in once the second has passed.
        if (!limiter.admit(windows, now)) throw apiError('Throttling');
      }
      if (meta.method === 'POST' && wire.method !== 'POST')
        throw apiError('UnsupportedHTTPMethod', undefined, `${caller.action} must be sent with POST.`);
      config.state.advance(now);
      const input = inputOf(meta, caller.params);
      const [problem] = requestValidators[caller.action as ActionName].problems(input);
      if (problem !== undefined) {
        const missing = problem.received === 'nothing' && problem.expected.startsWith('a value');
        throw apiError(
          missing ? 'MissingParameter' : 'InvalidParameter',
          problem.param,
          missing ? undefined : `Expected ${problem.expected}, received ${problem.received}.`,
        );
      }
      const handler = config.handlers[caller.action];
      const clientIp = typeof caller.params.UserClientIp === 'string' ? caller.params.UserClientIp : (req.socket.remoteAddress ?? '');
      const call: Call = {
        action: caller.action,
        meta,
        input,
        state: config.state,
        now,
        accessKeyId: caller.accessKeyId,
        clientIp,
        taskStepMs: config.taskStepMs,
      };
      // render() only reads the body, so the sample itself can be answered.
      const result = handler ? handler(call) : meta.sample;
      seen(caller.action, caller.params, undefined);
      const out = render(`${caller.action}Response`, { ...result, RequestId: requestId() }, format);
      res.writeHead(200, { 'content-type': out.contentType, 'content-length': Buffer.byteLength(out.body) });
      res.end(out.body);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      seen(caller?.action ?? merged.Action ?? header(req, 'x-acs-action'), caller?.params ?? merged, e.code);
      send(res, format, e);
    }
  }

  return {
    server,
    sockets,
    stop: () => {
      closing = true;
    },
  };
}

function isForm(req: IncomingMessage): boolean {
  const type = req.headers['content-type'] ?? '';
  return type === '' || type.startsWith('application/x-www-form-urlencoded');
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

// RequestIds look like the service's (upper-case UUIDs): a random prefix per emulator process and
// a counter, unique without drawing 16 random bytes per answer.
const ID_PREFIX = randomUUID().toUpperCase().slice(0, 24);
let idCounter = 0;
const requestId = () => ID_PREFIX + (idCounter++ % 0x1000000000000).toString(16).toUpperCase().padStart(12, '0');

// The request log never holds an STS token: a test that prints it must not print a secret.
const REDACTED = '(redacted)';
function redacted(params: Readonly<Record<string, string>>): Readonly<Record<string, string>> {
  return params.SecurityToken === undefined ? params : { ...params, SecurityToken: REDACTED };
}
function redactedHeaders(headers: IncomingMessage['headers']): IncomingMessage['headers'] {
  return headers['x-acs-security-token'] === undefined ? headers : { ...headers, 'x-acs-security-token': REDACTED };
}

function send(res: ServerResponse, format: Format, e: ApiError): void {
  if (res.destroyed) return;
  const out = render('Error', { RequestId: requestId(), HostId: API_HOST, Code: e.code, Message: e.message }, format);
  res.writeHead(e.status, { 'content-type': out.contentType, 'content-length': Buffer.byteLength(out.body) });
  res.end(out.body);
}

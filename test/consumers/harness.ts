// What the consumer tests share: a 127.0.0.1 server for the renderers' pages, their files and the
// spec package's JSON, and a headless Chromium (Debian's: playwright cannot download browsers
// here) whose pages may reach nothing but that server.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const fixtures = join(import.meta.dirname, 'fixtures');
const swaggerUiDist = dirname(require.resolve('swagger-ui-dist/package.json'));

export const specFile = require.resolve('@alidomain/spec/openapi.json');

/** URL path → file. Only these are served, so no request can reach anything else on disk. */
const files = new Map<string, string>([
  ['/openapi.json', specFile],
  ['/swagger-ui.html', join(fixtures, 'swagger-ui.html')],
  ['/redoc.html', join(fixtures, 'redoc.html')],
  ['/redoc/redoc.standalone.js', require.resolve('redoc/bundles/redoc.standalone.js')],
  ...readdirSync(swaggerUiDist).map((name) => [`/swagger-ui/${name}`, join(swaggerUiDist, name)] as const),
]);

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.png': 'image/png',
};

export interface Site {
  origin: string;
  close(): Promise<void>;
}

export async function serve(): Promise<Site> {
  const server = createServer((req, res) => {
    const file = files.get(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    if (req.method !== 'GET' || file === undefined) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': contentTypes[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}

function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      const found = execFileSync('which', [name], { encoding: 'utf8' }).trim();
      if (found) return found;
    } catch {
      // not on the PATH
    }
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  throw new Error("Chromium not found: install Debian's `chromium` (.ci/run does) or set CHROMIUM_PATH.");
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface WatchedPage {
  page: Page;
  /** Console errors, uncaught exceptions, failed loads and error statuses, as they happen. */
  errors: string[];
  /** Every request the page tried to send anywhere but the site: aborted, or answered by a stub. */
  offSite: string[];
}

/**
 * A page in a context of its own that reaches only `site` and records whatever goes wrong.
 * `stubs` answers off-site URLs a renderer requests whatever its options (URL → local file),
 * so that they neither leave the machine nor show up as load errors; they are still recorded.
 */
export async function openPage(browser: Browser, site: Site, stubs: ReadonlyMap<string, string> = new Map()): Promise<WatchedPage> {
  // Service workers would answer requests before the route below could see them.
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, serviceWorkers: 'block' });
  // Redoc lays out 111 operations and Swagger UI parses 1.5 MB of JSON on a small, shared
  // machine: every wait is on an event, with room for a slow one.
  context.setDefaultTimeout(120_000);
  const errors: string[] = [];
  const offSite: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin === site.origin) return route.continue();
    offSite.push(url);
    const stub = stubs.get(url);
    return stub === undefined ? route.abort('blockedbyclient') : route.fulfill({ path: stub });
  });
  const page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => errors.push(`requestfailed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('response', (r) => r.status() >= 400 && errors.push(`HTTP ${r.status()}: ${r.url()}`));
  return { page, errors, offSite };
}

/**
 * The elements under `roots` that name `name` by themselves: their own text (not their
 * children's) is exactly it. A parameter's name cell or an API key's name counts; a sentence
 * that mentions the name, or a longer name that starts with it (SignatureMethod), does not; nor
 * does the name as `code` in a sentence or list item of a rendered description.
 * Each is given by its parent's text, which says where it was ("Name: Signature").
 */
export function namings(roots: Locator, name: string): Promise<string[]> {
  return roots.evaluateAll(
    (elements, wanted) =>
      elements
        .flatMap((root) => [root, ...Array.from(root.querySelectorAll('*'))])
        .filter((el) => !(el.tagName === 'CODE' && el.closest('p, li')))
        .filter(
          (el) =>
            Array.from(el.childNodes)
              .filter((n) => n.nodeType === Node.TEXT_NODE)
              .map((n) => n.textContent)
              .join('')
              .trim() === wanted,
        )
        .map((el) => (el.parentElement?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 80)),
    name,
  );
}

export const fixture = (name: string): string => join(fixtures, name);

// Swagger UI and Redoc, the renderers users point at a spec, show the spec package's JSON in
// headless Chromium: without an error, without reaching past the 127.0.0.1 server the test
// starts, with CheckDomain and every parameter of it on screen, and asking for Signature once.
// Each renderer is driven once, in beforeAll, as a user would (open the page, expand CheckDomain,
// look at how it is authorised); the tests then read what that showed.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, launch, namings, openPage, serve, specFile, type Site } from './harness.js';

const artifacts = join(import.meta.dirname, '../artifacts/consumers');

interface Parameter {
  name?: string;
  $ref?: string;
}
interface Operation {
  operationId: string;
  summary: string;
  tags: string[];
  parameters?: Parameter[];
}
const spec = JSON.parse(readFileSync(specFile, 'utf8')) as {
  paths: Record<string, { get?: Operation; post?: Operation; parameters?: Parameter[] }>;
  components: { parameters: Record<string, Parameter> };
};
const item = Object.values(spec.paths).find((i) => (i.get ?? i.post)?.operationId === 'CheckDomain')!;
const checkDomain = (item.get ?? item.post)!;
const byRef = (p: Parameter) => (p.$ref ? spec.components.parameters[p.$ref.replace('#/components/parameters/', '')]! : p);
/** CheckDomain's parameters as the spec gives them: the path's and the operation's, by name. */
const parameterNames = [...new Set([...(item.parameters ?? []), ...(checkDomain.parameters ?? [])].map((p) => byRef(p).name!))].sort();

/** What a renderer showed for CheckDomain, and what went wrong on the way. */
interface Rendering {
  errors: string[];
  offSite: string[];
  title: string;
  parameters: string[];
  signatureNamings: string[];
}

let site: Site;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  [site, browser] = await Promise.all([serve(), launch()]);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const trimmed = async (l: Locator) => (await l.textContent())?.trim() ?? '';

describe('Swagger UI', () => {
  let shown: Rendering;

  beforeAll(async () => {
    const { page, errors, offSite } = await openPage(browser, site);
    await page.goto(`${site.origin}/swagger-ui.html`);
    const operation = page.locator('.opblock').filter({ has: page.locator('.opblock-summary-operation-id', { hasText: /^CheckDomain$/ }) });
    await operation.locator('.opblock-summary-control').click();
    const rows = operation.locator('table.parameters tr[data-param-name]');
    await rows.first().waitFor();
    const parameters = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-param-name') ?? ''));
    await operation.screenshot({ path: join(artifacts, 'swagger-ui-checkdomain.png') });
    const title = await trimmed(operation.locator('.opblock-summary-description'));
    // The operation's lock opens the API keys it takes: part of what a user is asked for.
    await operation.locator('.authorization__btn').click();
    const authorizations = page.locator('.dialog-ux .auth-container');
    await authorizations.first().waitFor();
    const signatureNamings = await namings(operation.or(authorizations), 'Signature');
    shown = { errors, offSite, title, parameters, signatureNamings };
  }, 300_000);

  it('renders the spec with no console error, page error or failed load', () => {
    expect(shown.errors).toEqual([]);
  });

  it('asks no host but the test server for anything', () => {
    expect(shown.offSite).toEqual([]);
  });

  it('shows CheckDomain by its summary', () => {
    expect(shown.title).toBe(checkDomain.summary);
  });

  it('lists every parameter of CheckDomain, DomainName among them, when it is expanded', () => {
    expect(shown.parameters).toContain('DomainName');
    expect([...shown.parameters].sort()).toEqual(parameterNames);
  });

  it('asks for Signature at most once for CheckDomain: as the API key or as a parameter, not both', () => {
    expect(shown.signatureNamings.length, shown.signatureNamings.join(' | ')).toBeLessThanOrEqual(1);
  });
});

describe('Redoc', () => {
  // Redoc 2's sidebar shows its maker's logo from cdn.redoc.ly whatever the options; a stub
  // answers it here, and it is the one off-site request allowed below.
  const logo = 'https://cdn.redoc.ly/redoc/logo-mini.svg';
  let shown: Rendering;

  beforeAll(async () => {
    const { page, errors, offSite } = await openPage(browser, site, new Map([[logo, fixture('blank.svg')]]));
    await page.goto(`${site.origin}/redoc.html`);
    // The menu as a user uses it: open CheckDomain's tag, then CheckDomain.
    const tag = `tag/${checkDomain.tags[0]!}`;
    await page.locator(`li[data-item-id="${tag}"] > label`).click();
    await page.locator(`li[data-item-id="${tag}/operation/CheckDomain"] > label`).click();
    await page.waitForURL(/\/operation\/CheckDomain$/);
    const operation = page.locator('[data-section-id="operation/CheckDomain"]');
    // "Authorizations:" unfolds the API keys the operation takes.
    await operation.getByText('Authorizations:').click();
    await operation.locator('h5', { hasText: 'API Key' }).first().waitFor();
    const parameters = await operation
      .locator('h5:has-text("Parameters") + table > tbody > tr > td[kind="field"]')
      .evaluateAll((cells) => cells.map((td) => td.getAttribute('title') ?? ''));
    await operation.screenshot({ path: join(artifacts, 'redoc-checkdomain.png') });
    const title = await trimmed(operation.locator('h2').first());
    const signatureNamings = await namings(operation, 'Signature');
    shown = { errors, offSite, title, parameters, signatureNamings };
  }, 300_000);

  it('renders the spec with no console error, page error or failed load', () => {
    expect(shown.errors).toEqual([]);
  });

  it('asks no host but the test server for anything but its own logo', () => {
    expect(shown.offSite.filter((url) => url !== logo)).toEqual([]);
  });

  it('shows CheckDomain by its summary', () => {
    expect(shown.title).toBe(checkDomain.summary);
  });

  it('lists every parameter of CheckDomain, DomainName among them, when it is opened', () => {
    expect(shown.parameters).toContain('DomainName');
    expect([...shown.parameters].sort()).toEqual(parameterNames);
  });

  it('asks for Signature at most once for CheckDomain: as the API key or as a parameter, not both', () => {
    expect(shown.signatureNamings.length, shown.signatureNamings.join(' | ')).toBeLessThanOrEqual(1);
  });
});

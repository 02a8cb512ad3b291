// The built site in a real browser (headless Chromium via playwright-core), opened from the
// file system: search for CheckDomain, follow the result, read the parameter table.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, listFiles, repoRoot } from './build.js';
import { launchChromium } from './chromium.js';

const artifacts = join(repoRoot, 'test/artifacts');

let browser: Browser;
let site: string;
const url = (path: string) => {
  const [file, hash] = path.split('#', 2);
  return pathToFileURL(join(site, file!)).href + (hash ? `#${hash}` : '');
};

beforeAll(async () => {
  site = buildSite();
  mkdirSync(artifacts, { recursive: true });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** A page that fails the test on any script error or failed file load. */
async function open(options: Parameters<Browser['newPage']>[0] = {}): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage(options);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
  page.on('requestfailed', (r) => errors.push(`requestfailed: ${r.url()}`));
  return { page, errors };
}

/** The text of a parameter row's cell in the column with this header. */
async function cellText(page: Page, rowId: string, header: string): Promise<string> {
  const headers = (await page.locator('table.params thead th').allTextContents()).map((h) => h.trim());
  const column = headers.indexOf(header);
  expect(column, `column ${header} in ${headers.join(', ')}`).toBeGreaterThanOrEqual(0);
  return (await page.locator(`tr[id="${rowId}"] > td`).nth(column).textContent())!.trim();
}

describe('the docs site in Chromium', () => {
  it('finds CheckDomain by search and shows DomainName as required', async () => {
    const { page, errors } = await open({ viewport: { width: 1280, height: 900 } });
    await page.goto(url('index.html'));
    const search = page.getByRole('combobox', { name: 'Search Actions and parameters' });
    await search.pressSequentially('CheckDomain', { delay: 20 });
    const result = page.locator('#search-results a.result-action').filter({ has: page.locator('.name', { hasText: /^CheckDomain$/ }) });
    await expect.poll(() => result.count()).toBe(1);
    // The exact name comes first.
    expect((await page.locator('#search-results a .name').first().textContent())?.trim()).toBe('CheckDomain');
    await result.click();
    await page.waitForURL(/\/actions\/CheckDomain\.html$/);
    expect(await page.locator('h1').textContent()).toBe('CheckDomain');
    const row = page.locator('tr[id="param-DomainName"]');
    await expect.poll(() => row.isVisible()).toBe(true);
    expect(await cellText(page, 'param-DomainName', 'Wire name')).toContain('DomainName');
    expect(await cellText(page, 'param-DomainName', 'Required')).toBe('required');
    expect(await cellText(page, 'param-Lang', 'Required')).toBe('optional');
    await row.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifacts, 'docs-checkdomain.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('gives each description in English (lang="en") with the document\'s Chinese (lang="zh") after it', async () => {
    const { page, errors } = await open({ viewport: { width: 1280, height: 900 } });
    await page.goto(url('actions/CheckDomain.html'));
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    const description = page.locator('#description .pair');
    expect(await description.evaluateAll((els) => els.map((e) => e.getAttribute('lang')))).toEqual(['en', 'zh']);
    expect(await description.first().textContent()).toContain('You can call CheckDomain');
    expect(await description.last().textContent()).toContain('调用CheckDomain');
    const feeCommand = page.locator('tr[id="param-FeeCommand"] .pair');
    expect(await feeCommand.evaluateAll((els) => els.map((e) => e.getAttribute('lang')))).toContain('zh');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('switches the descriptions to one language, keeps the choice on the next page, and finds an Action by its English', async () => {
    const { page, errors } = await open({ viewport: { width: 1280, height: 900 } });
    await page.goto(url('actions/CheckDomain.html'));
    const english = page.locator('#description .pair[lang="en"]');
    const chinese = page.locator('#description .pair[lang="zh"]');
    expect([await english.isVisible(), await chinese.isVisible()]).toEqual([true, true]);
    await page.getByRole('button', { name: '中文' }).click();
    expect(await page.getByRole('button', { name: '中文' }).getAttribute('aria-pressed')).toBe('true');
    expect([await english.isVisible(), await chinese.isVisible()]).toEqual([false, true]);
    await page.goto(url('actions/QueryDomainList.html'));
    expect([await english.isVisible(), await chinese.isVisible()]).toEqual([false, true]);
    await page.getByRole('button', { name: 'English' }).click();
    expect([await english.isVisible(), await chinese.isVisible()]).toEqual([true, false]);
    await page.screenshot({ path: join(artifacts, 'docs-english-only.png') });
    // In English, a phrase of an Action's English description finds it.
    await page.locator('#search').pressSequentially('trademark word key', { delay: 10 });
    const result = page
      .locator('#search-results a.result-action')
      .filter({ has: page.locator('.name', { hasText: /^CheckDomainSunriseClaim$/ }) });
    await expect.poll(() => result.count()).toBe(1);
    await result.click();
    await page.waitForURL(/\/actions\/CheckDomainSunriseClaim\.html$/);
    expect([await english.isVisible(), await chinese.isVisible()]).toEqual([true, false]);
    await page.getByRole('button', { name: 'Both' }).click();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('links a parameter result to its anchor', async () => {
    const { page, errors } = await open({ viewport: { width: 1280, height: 900 } });
    await page.goto(url('actions/CheckDomain.html'));
    await page.locator('#search').pressSequentially('TelExt', { delay: 10 });
    const result = page.locator('#search-results a.result-parameter').filter({ hasText: 'SaveBatchTaskForCreatingOrderActivate' }).first();
    await result.click();
    await page.waitForURL(/\/actions\/SaveBatchTaskForCreatingOrderActivate\.html#param-OrderActivateParam\.N\.TelExt$/);
    await expect.poll(() => page.locator('tr[id="param-OrderActivateParam.N.TelExt"]').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('param-OrderActivateParam.N.TelExt');
    // Keyboard: type, Enter opens the first result.
    await page.locator('#search').fill('');
    await page.locator('#search').pressSequentially('queryregistrantprofiles', { delay: 5 });
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/actions\/QueryRegistrantProfiles\.html$/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('is readable at phone width: no sideways scroll, the sidebar behind a menu button', async () => {
    const { page, errors } = await open({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    await page.goto(url('actions/CheckDomain.html'));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const sidebar = page.locator('#sidebar');
    expect(await sidebar.isVisible()).toBe(false);
    await page.screenshot({ path: join(artifacts, 'docs-checkdomain-390.png') });
    await page.locator('#nav-toggle').click();
    expect(await sidebar.isVisible()).toBe(true);
    expect(await sidebar.locator('a[aria-current="page"]').textContent()).toBe('CheckDomain');
    await page.screenshot({ path: join(artifacts, 'docs-sidebar-390.png') });
    await sidebar.getByRole('link', { name: 'QueryDomainList', exact: true }).click();
    await page.waitForURL(/\/actions\/QueryDomainList\.html$/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.locator('#search').pressSequentially('CheckDomain', { delay: 10 });
    await expect.poll(() => page.locator('#search-results').isVisible()).toBe(true);
    await page.screenshot({ path: join(artifacts, 'docs-search-390.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('never scrolls sideways at phone width, on any page', async () => {
    const { page, errors } = await open({ viewport: { width: 390, height: 844 }, isMobile: true });
    const wide: string[] = [];
    for (const file of listFiles(site).filter((f) => f.endsWith('.html'))) {
      await page.goto(url(file));
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 390) wide.push(`${file}: ${width}px`);
    }
    expect(wide).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('follows the system colour scheme', async () => {
    const background = async (scheme: 'light' | 'dark') => {
      const { page, errors } = await open({ viewport: { width: 1280, height: 900 }, colorScheme: scheme });
      await page.goto(url('actions/CheckDomain.html#param-DomainName'));
      const color = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      if (scheme === 'dark') await page.screenshot({ path: join(artifacts, 'docs-checkdomain-dark.png') });
      expect(errors).toEqual([]);
      await page.close();
      return color;
    };
    expect(await background('light')).toBe('rgb(255, 255, 255)');
    expect(await background('dark')).toBe('rgb(13, 17, 23)');
  });
});

// The built site from the keyboard alone, in Chromium: the search box as an ARIA combobox and,
// at phone width, the sidebar behind the menu button.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from './build.js';
import { launchChromium } from './chromium.js';

let browser: Browser;
let site: string;
const url = (file: string) => pathToFileURL(join(site, file)).href;

beforeAll(async () => {
  site = buildSite();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

async function open(file: string, viewport = DESKTOP): Promise<Page> {
  const page = await browser.newPage({ viewport });
  await page.goto(url(file));
  return page;
}

/** The id of the focused element, or its tag name when it has none. */
const focused = (page: Page) => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);

/** Types a query into the search box from the "/" shortcut and waits for the results. */
async function searchFor(page: Page, query: string): Promise<void> {
  await page.keyboard.press('/');
  await expect.poll(() => focused(page)).toBe('search');
  await page.keyboard.type(query);
  await expect.poll(() => page.locator('#search').getAttribute('aria-expanded')).toBe('true');
}

/**
 * Where Tab takes focus, from the top of the page round to where it started: for each stop,
 * 'sidebar', 'main' or 'other'.
 */
async function tabWalk(page: Page, limit = 400): Promise<string[]> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const stops: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return 'body';
      if (el.dataset.walked) return 'again';
      el.dataset.walked = '1';
      return el.closest('#sidebar') ? 'sidebar' : el.closest('main') ? 'main' : 'other';
    });
    if (stop === 'again' || (stop === 'body' && stops.length)) break;
    if (stop !== 'body') stops.push(stop);
  }
  return stops;
}

describe('the search box, from the keyboard', () => {
  it('takes focus from the "/" shortcut', async () => {
    const page = await open('actions/CheckDomain.html');
    await page.keyboard.press('/');
    await expect.poll(() => focused(page)).toBe('search');
    expect(await page.locator('#search').getAttribute('role')).toBe('combobox');
    await page.close();
  });

  it('moves aria-activedescendant to the result ArrowDown selects', async () => {
    const page = await open('actions/CheckDomain.html');
    await searchFor(page, 'domain');
    const input = page.locator('#search');
    expect(await input.getAttribute('aria-activedescendant')).toBeNull();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => input.getAttribute('aria-activedescendant')).toBe('search-result-0');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => input.getAttribute('aria-activedescendant')).toBe('search-result-1');
    expect(await page.locator('#search-result-1').getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('#search-result-0').getAttribute('aria-selected')).toBe('false');
    // Focus stays in the input: the options are not focused, only pointed at.
    expect(await focused(page)).toBe('search');
    await page.close();
  });

  it('opens the selected result on Enter', async () => {
    const page = await open('actions/CheckDomain.html');
    await searchFor(page, 'QueryDomainList');
    await page.keyboard.press('ArrowDown');
    const href = await page.locator('#search-result-0').getAttribute('href');
    expect(href).toMatch(/QueryDomainList\.html$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/actions\/QueryDomainList\.html$/);
    await page.close();
  });

  it('announces the number of results in a polite live region', async () => {
    const page = await open('actions/CheckDomain.html');
    const status = page.locator('#search-status');
    expect(await status.getAttribute('role')).toBe('status');
    expect(await status.getAttribute('aria-live')).toBe('polite');
    await searchFor(page, 'QueryDomainList');
    const count = await page.locator('#search-results [role="option"]').count();
    await expect.poll(() => status.textContent()).toBe(count === 1 ? '1 result.' : `${count} results.`);
    await page.keyboard.type('zzzz');
    await expect.poll(() => status.textContent()).toBe('No Action or parameter matches.');
    await page.close();
  });

  it('closes the results on Escape, focus staying in the input', async () => {
    const page = await open('actions/CheckDomain.html');
    await searchFor(page, 'domain');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#search-popup').isHidden()).toBe(true);
    const input = page.locator('#search');
    expect(await input.getAttribute('aria-expanded')).toBe('false');
    expect(await input.getAttribute('aria-activedescendant')).toBeNull();
    expect(await focused(page)).toBe('search');
    await page.close();
  });

  it('closes the results on Escape from a focused result and returns focus to the input', async () => {
    const page = await open('actions/CheckDomain.html');
    await searchFor(page, 'domain');
    await page.locator('#search-result-0').focus();
    await expect.poll(() => focused(page)).toBe('search-result-0');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#search-popup').isHidden()).toBe(true);
    expect(await focused(page)).toBe('search');
    await page.close();
  });

  it('keeps the results out of the Tab order and closes them when focus leaves', async () => {
    const page = await open('actions/CheckDomain.html');
    await searchFor(page, 'domain');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.locator('#search-popup').isHidden()).toBe(true);
    expect(await page.evaluate(() => !!document.activeElement?.closest('.search'))).toBe(false);
    await page.close();
  });
});

describe('the sidebar at phone width, from the keyboard', () => {
  it('opens from the menu button and takes focus', async () => {
    const page = await open('actions/CheckDomain.html', PHONE);
    await page.locator('#nav-toggle').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#sidebar').isVisible()).toBe(true);
    expect(await page.locator('#nav-toggle').getAttribute('aria-expanded')).toBe('true');
    // Focus lands on the current page's link.
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('#sidebar') !== null)).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('CheckDomain');
    await page.close();
  });

  it('closes on Escape and returns focus to the menu button', async () => {
    const page = await open('actions/CheckDomain.html', PHONE);
    await page.locator('#nav-toggle').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#sidebar').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#sidebar').isHidden()).toBe(true);
    expect(await page.locator('#nav-toggle').getAttribute('aria-expanded')).toBe('false');
    expect(await focused(page)).toBe('nav-toggle');
    await page.close();
  });

  it('keeps its links out of the Tab order while closed', async () => {
    const page = await open('actions/CheckDomain.html', PHONE);
    const stops = await tabWalk(page);
    expect(stops).toContain('main');
    expect(stops).not.toContain('sidebar');
    await page.close();
  });

  it('keeps the page behind it out of the Tab order while open', async () => {
    const page = await open('actions/CheckDomain.html', PHONE);
    await page.locator('#nav-toggle').click();
    await expect.poll(() => page.locator('#sidebar').isVisible()).toBe(true);
    const stops = await tabWalk(page);
    expect(stops).toContain('sidebar');
    expect(stops).not.toContain('main');
    await page.close();
  });
});

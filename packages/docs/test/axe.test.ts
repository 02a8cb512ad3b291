// The built site against axe-core (WCAG 2.1 A and AA, and axe's best practices) in Chromium, in
// the light and the dark colour scheme, on a sample of pages that includes the longest ones.
import { AxeBuilder } from '@axe-core/playwright';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, siteFiles } from './build.js';
import { launchChromium } from './chromium.js';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const SCHEMES = ['light', 'dark'] as const;
const PHONE = { width: 390, height: 844 };

/** The sample: the two top-level pages, CheckDomain, the three largest Action pages and one more with an object list. */
const SAMPLE = (() => {
  const actions = Object.entries(siteFiles())
    .filter(([name]) => name.startsWith('actions/') && name.endsWith('.html'))
    .sort(([, a], [, b]) => b.length - a.length);
  const largest = actions.slice(0, 3).map(([name]) => name);
  // An object-list parameter's row says its example is given per field.
  const objectList = actions.find(([name, html]) => !largest.includes(name) && html.includes('per field, below'))?.[0];
  return [...new Set(['index.html', 'signing.html', 'actions/CheckDomain.html', ...largest, ...(objectList ? [objectList] : [])])];
})();

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

/** axe's violations on the page as it is now, one line each: rule, impact and the first elements. */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return result.violations.map(
    (v) =>
      `${v.id} (${v.impact}, ${v.nodes.length}): ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(', ')}`,
  );
}

async function open(file: string, scheme: (typeof SCHEMES)[number], viewport = { width: 1280, height: 900 }): Promise<Page> {
  // A context of its own: axe's run opens a page beside it, which a browser.newPage() page cannot.
  const page = await (await browser.newContext({ viewport })).newPage();
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(url(file));
  return page;
}

describe('the docs site under axe', () => {
  it('samples the longest Action pages and one with an object list', () => {
    expect(SAMPLE.length).toBeGreaterThanOrEqual(6);
  });

  for (const scheme of SCHEMES) {
    for (const file of SAMPLE) {
      it(`has no violations on ${file} in the ${scheme} scheme`, async () => {
        const page = await open(file, scheme);
        expect(await violations(page)).toEqual([]);
        await page.context().close();
      });
    }

    // At phone width more blocks overflow and must still scroll from the keyboard.
    for (const file of SAMPLE) {
      it(`has no violations on ${file} at phone width in the ${scheme} scheme`, async () => {
        const page = await open(file, scheme, PHONE);
        expect(await violations(page)).toEqual([]);
        await page.context().close();
      });
    }

    it(`has no violations with the descriptions in English only and in Chinese only, in the ${scheme} scheme`, async () => {
      const page = await open('actions/CheckDomain.html', scheme);
      for (const [button, show] of [
        ['English', 'en'],
        ['中文', 'zh'],
      ] as const) {
        await page.getByRole('button', { name: button }).click();
        await expect.poll(() => page.locator('html').getAttribute('data-show')).toBe(show);
        expect(await violations(page), show).toEqual([]);
      }
      await page.context().close();
    });

    it(`has no violations with the search results open, in the ${scheme} scheme`, async () => {
      const page = await open('actions/CheckDomain.html', scheme);
      await page.locator('#search').fill('domain');
      await expect.poll(() => page.locator('#search-popup').isVisible()).toBe(true);
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => page.locator('#search').getAttribute('aria-activedescendant')).toBe('search-result-0');
      expect(await violations(page)).toEqual([]);
      await page.context().close();
    });

    it(`has no violations at phone width with the sidebar open, in the ${scheme} scheme`, async () => {
      const page = await open('actions/CheckDomain.html', scheme, PHONE);
      await page.locator('#nav-toggle').click();
      await expect.poll(() => page.locator('#sidebar').isVisible()).toBe(true);
      expect(await violations(page)).toEqual([]);
      await page.context().close();
    });
  }
});

// The page layout of the PDF conversion (spec/tools/lib/document.mjs): furniture removed, the
// table of contents, the sections and the edition, on a tiny document (fixtures/document.txt).
// Run: node --test spec/tools/test/
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanLines, readToc, readEdition, splitSections } from '../lib/document.mjs';
import { fixtureRaw } from './fixtures.mjs';

const raw = fixtureRaw('document.txt');

describe('cleanLines', () => {
  const lines = cleanLines(raw);
  const texts = lines.map((l) => l.text);

  /** @type {[string, { given: string }][]} */
  const furniture = [
    ['a running head', { given: '域名 API 参考·目录' }],
    ['a footer with the page number and the edition', { given: '10 > 文档版本：20220711' }],
    ['a section heading printed at a page foot', { given: '5.2. CheckDomain' }],
    ['a chapter title', { given: '5.域名管理接口' }],
    ['a table-of-contents entry', { given: '\t5.1. CheckDomain' }],
  ];
  for (const [name, { given }] of furniture) {
    test(`drops ${name}`, () => {
      assert.ok(raw.includes(given), 'the fixture has the line');
      assert.ok(!texts.some((t) => t.trim() === given.trim()));
    });
  }

  test('keeps the content with its line number in the file', () => {
    assert.deepEqual(
      lines.find((l) => l.text.startsWith('PageNum')),
      { n: 13, text: 'PageNum Integer 是 1 页码。' },
    );
  });

  test('removes the one leading space the conversion puts before some lines', () => {
    assert.equal(texts[0], '法律声明');
  });
});

describe('readToc', () => {
  test('the Actions of chapters 4 and 5 in order, with their chapter titles; the appendix is no Action', () => {
    assert.deepEqual(readToc(raw), {
      actions: [
        { number: '5.1', name: 'CheckDomain', chapter: '5', group: '域名管理接口' },
        { number: '5.2', name: 'QueryDomainList', chapter: '5', group: '域名管理接口' },
      ],
      chapters: { 5: '域名管理接口', 6: '附录' },
    });
  });
});

describe('splitSections', () => {
  test('each section runs from its "调用<Action>" sentence to the next one; the last ends at the appendix', () => {
    const sections = splitSections({ lines: cleanLines(raw), toc: readToc(raw) });
    assert.deepEqual(
      sections.map((s) => [s.name, s.lines.map((l) => l.text).filter((t) => t !== '')]),
      [
        ['CheckDomain', ['调用CheckDomain检查域名是否可以注册。', 'DomainName String 是 example.com 域名。']],
        ['QueryDomainList', ['调用QueryDomainList查询域名列表。', 'PageNum Integer 是 1 页码。']],
      ],
    );
  });
});

/** @type {[string, { given: string[], want: string | RegExp }][]} */
const editions = [
  ['every footer gives the same edition', { given: ['10 > 文档版本：20220711', '> 文档版本：20220711 11'], want: '20220711' }],
  [
    'footers that disagree: not one source',
    { given: ['> 文档版本：20220711', '> 文档版本：20230101'], want: /several editions \(20220711, 20230101\)/ },
  ],
  ['no footer at all', { given: ['调用CheckDomain。'], want: /no edition/ }],
];

describe('readEdition', () => {
  for (const [name, { given, want }] of editions) {
    test(name, () => {
      if (typeof want === 'string') assert.equal(readEdition(given), want);
      else assert.throws(() => readEdition(given), want);
    });
  }
});

import { beforeAll, describe, expect, it } from 'vitest';
import { loadXmlSupport, parseXmlDocument } from '../src/parse/xml.js';
import { decodeXmlEntities } from '../src/parse/xml-document.js';
import { fixtureText } from './helpers.js';

// The parser is loaded on demand; the client does this itself before parsing XML.
beforeAll(loadXmlSupport);

describe('parseXmlDocument', () => {
  it('unwraps the root element and reports its name', () => {
    expect(parseXmlDocument('<CheckDomainResponse><Avail>1</Avail></CheckDomainResponse>')).toEqual({
      rootName: 'CheckDomainResponse',
      root: { Avail: '1' },
    });
  });

  it('keeps all text as strings', () => {
    expect(parseXmlDocument('<R><N>007</N><B>true</B><L>12345678901234567890</L></R>').root).toEqual({
      N: '007',
      B: 'true',
      L: '12345678901234567890',
    });
  });

  it('decodes the five predefined entities and character references', () => {
    expect(parseXmlDocument('<R><A>&lt;&gt;&amp;&quot;&apos;&#38;&#x4E2D;</A></R>').root).toEqual({ A: '<>&"\'&中' });
  });

  it('decodes once: &amp;lt; stays &lt;', () => {
    expect(parseXmlDocument('<R><A>&amp;lt;</A></R>').root).toEqual({ A: '&lt;' });
  });

  it('keeps CDATA content verbatim', () => {
    expect(parseXmlDocument('<R><A><![CDATA[a &amp; <b>]]></A></R>').root).toEqual({ A: 'a &amp; <b>' });
  });

  it('does not expand DOCTYPE entities (billion laughs)', () => {
    const text = fixtureText('responses/billion-laughs.xml');
    const started = performance.now();
    const { root } = parseXmlDocument(text);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(root).toEqual({ RequestId: '&lol;&lol9;', DomainName: 'a&b' });
  });

  it('keeps whitespace inside values but drops indentation between elements', () => {
    expect(parseXmlDocument('<R>\n  <A> x </A>\n  <B>\n    <C>1</C>\n  </B>\n</R>').root).toEqual({ A: ' x ', B: { C: '1' } });
  });

  it('rejects malformed XML', () => {
    expect(() => parseXmlDocument('<R><A></B></R>')).toThrow(
      "Expected closing tag 'A' (opened in line 1, col 4) instead of closing tag 'B'",
    );
  });
});

describe('decodeXmlEntities', () => {
  it('leaves unknown entities and invalid code points as written', () => {
    expect(decodeXmlEntities('&nbsp;&#0;&#xD800;')).toBe('&nbsp;&#0;&#xD800;');
  });
});

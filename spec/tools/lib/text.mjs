// Repairs the PDF conversion's damage to running text and reads the facts that the
// descriptions state in prose: allowed values (取值：…), defaults (默认值为…) and limits.

const CJK = /[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]/;
const BREAK = '\u0001'; // a line break inside Latin text: a word break or not, the vocabulary decides

/**
 * The PDF splits words after certain glyphs ("Regist rant Prof ile", "t rue", "z h", "AUDIT ING").
 * Neighbouring Latin tokens are joined when the joined word is one the document uses intact
 * elsewhere (an Action or parameter name, an example value…); "does not" stays two words.
 */
export class Repairer {
  /** @param {Iterable<string>} words the vocabulary: words the document prints whole */
  constructor(words) {
    this.vocab = new Set(words);
  }

  /**
   * Joins the lines of one paragraph: no space inside CJK text, a tentative break between Latin words.
   * @param {string[]} lines
   * @returns {string}
   */
  paragraph(lines) {
    let out = '';
    for (const raw of lines) {
      const t = raw.trim();
      if (!out) out = t;
      else if (CJK.test(out.at(-1) ?? '') || CJK.test(t[0] ?? '')) out += t;
      else out += BREAK + t;
    }
    return this.text(out);
  }

  /**
   * Repairs one line or joined paragraph.
   * @param {string} s
   * @returns {string}
   */
  text(s) {
    s = repairLeadingValue(s);
    // eslint-disable-next-line no-control-regex -- \u0001 is BREAK (above): a line break inside Latin text.
    const runs = /[A-Za-z0-9_.-]+(?:[ \u0001]+[A-Za-z0-9_.-]+)+/g;
    let out = s.replace(runs, (run) => this.joinRun(run));
    out = out.replaceAll(BREAK, ' ');
    out = out.replace(/ +([。，、；：）)！？])/g, '$1').replace(/([（(]) +/g, '$1');
    out = out.replace(/([\u3400-\u9fff]) {2,}/g, '$1 ').replace(/ {2,}/g, ' ');
    return out.trim();
  }

  /**
   * A run of Latin tokens with the joins the vocabulary confirms made.
   * @param {string} run
   */
  joinRun(run) {
    // eslint-disable-next-line no-control-regex -- as above.
    const parts = run.split(/([ \u0001]+)/); // tokens at even indexes, separators at odd
    const tokens = parts.filter((_, i) => i % 2 === 0);
    const seps = parts.filter((_, i) => i % 2 === 1);
    const out = [];
    let i = 0;
    while (i < tokens.length) {
      let best = i;
      let word = tokens[i];
      for (let j = i + 1; j < tokens.length; j++) {
        if (!this.joinable(tokens[j - 1], seps[j - 1])) break;
        word += tokens[j];
        if (this.vocab.has(word) || this.vocab.has(stripPunct(word))) best = j;
      }
      out.push(tokens.slice(i, best + 1).join(''));
      if (best + 1 < tokens.length) out.push(seps[best].includes(BREAK) ? ' ' : seps[best]);
      i = best + 1;
    }
    return out.join('');
  }

  /**
   * @param {string} left the token before the separator
   * @param {string} sep
   */
  joinable(left, sep) {
    return sep.includes(BREAK) || /[tfzTFr]$/.test(left);
  }
}

/**
 * An allowed value at the start of a paragraph, before its full-width colon ("SET _WHOIS_PROT ECT ：…",
 * "regist rant  ：…") or standing alone in a list ("t ech 。", "New gT LD 。", "WAIT ING_EXECUT E  ；等待执行；"):
 * spaces after the glyphs the PDF splits at (t f z T F) are artefacts; other spaces are real ("New gTLD").
 * The vocabulary cannot decide here: values such as "tech" or "ccTLD" occur nowhere intact.
 */
const LEADING_VALUE = /^([A-Za-z0-9_.-][A-Za-z0-9_.\- ]*?) *([：:]|[；;](?=.)|[；;。]$)/;
const MAX_VALUE_TOKENS = 4; // a value stands alone; a longer Latin run ending in "。" is a sentence

/** @param {string} s */
function repairLeadingValue(s) {
  return s.replace(LEADING_VALUE, (/** @type {string} */ whole, /** @type {string} */ value, /** @type {string} */ mark) => {
    if (mark !== '：' && mark !== ':' && value.split(/ +/).length > MAX_VALUE_TOKENS) return whole;
    return glueValue(value) + mark;
  });
}

/**
 * "regist rant" → "registrant", "New gT LD" → "New gTLD": the PDF's split glyphs glued back.
 * @param {string} value
 */
export const glueValue = (value) =>
  value
    .replace(/([tfzTF]) +(?=[A-Za-z_])/g, '$1')
    .replace(/ {2,}/g, ' ')
    .trim();

/** @param {string} w */
const stripPunct = (w) => w.replace(/^[.-]+|[.-]+$/g, '');

/**
 * Every Latin word the document prints whole: the vocabulary of the repairer.
 * @param {string[]} rawLines
 * @param {string[]} [extra]
 * @returns {Set<string>}
 */
export function documentWords(rawLines, extra = []) {
  const words = new Set(extra);
  for (const line of rawLines)
    for (const w of line.match(/[A-Za-z0-9_.-]+/g) ?? []) {
      words.add(w);
      words.add(stripPunct(w));
    }
  return words;
}

/** A paragraph that announces a list of allowed values in the paragraphs after it. */
const LIST_MARK = /取值(?:范围|如下|为|包括)?[：:]?$/;
const VALUE = '-?[A-Za-z0-9_.\\-]+';
/** The forms a list entry takes, tried in this order. */
const ENTRY = [
  // "value：meaning", "New gTLD：meaning", "1、2、3、4：meaning" (several values, one meaning)
  new RegExp(`^(${VALUE}(?: ${VALUE})?(?:、${VALUE})*)[：:] ?(.+)$`),
  // "1 RSA/MD5；": a number, a space, its meaning
  /^(-?\d+) (\S.*)$/,
  // "WAITING_EXECUTE；等待执行；": a semicolon where the colon belongs
  new RegExp(`^(${VALUE})[；;] ?(\\S.*)$`),
  // "registrant；", "tech。", "New gTLD。": a value without a meaning
  new RegExp(`^(${VALUE}(?: ${VALUE})?)[；;。]$`),
];

/**
 * Allowed values listed after "取值：" (or 取值如下：, 取值为：, 取值范围：, a bare 取值), one per
 * paragraph, or fixed by "固定取值knet". Returns [{ value, meaning? }] or undefined when the
 * description lists none. Expects repaired paragraphs (Repairer.paragraph).
 * @param {string[]} paragraphs
 * @returns {import('./types.js').EnumValue[] | undefined}
 */
export function readEnum(paragraphs) {
  const fixed = paragraphs.map((p) => new RegExp(`固定取值为?\\s*(${VALUE})`).exec(p)).find(Boolean);
  if (fixed) return [{ value: fixed[1] }];
  const at = paragraphs.findIndex((p) => LIST_MARK.test(p));
  if (at < 0) return undefined;
  /** @type {import('./types.js').EnumValue[]} */
  const values = [];
  for (let i = at + 1; i < paragraphs.length; i++) {
    const entry = readEntry(paragraphs[i]);
    if (!entry) break;
    values.push(...entry);
  }
  return values.length ? values : undefined;
}

/**
 * One list paragraph as [{ value, meaning? }], or undefined when it is not a list entry.
 * @param {string} paragraph
 * @returns {import('./types.js').EnumValue[] | undefined}
 */
export function readEntry(paragraph) {
  for (const form of ENTRY) {
    const m = form.exec(paragraph);
    if (!m) continue;
    const meaning = m[2]?.replace(/[。；;，,]$/, '');
    return m[1].split('、').map((value) => (meaning ? { value, meaning } : { value }));
  }
  return undefined;
}

/**
 * "默认值为1" / "默认为en" / "默认为true" / "默认设置为127.0.0.1" / "默认为一年" (a year: 1).
 * Prose such as "默认为系统自动生成的流水号" or "默认为字符串" names no value.
 * @param {string} text
 * @returns {string | undefined}
 */
export function readDefault(text) {
  const m = /默认(?:值)?(?:设置)?(?:为|是)\s*([A-Za-z0-9_.-]+|[一二三四五六七八九十](?=[年个天次]))/.exec(text);
  if (!m) return undefined;
  const numeral = '一二三四五六七八九十'.indexOf(m[1]);
  return numeral >= 0 ? String(numeral + 1) : m[1].replace(/\.$/, '');
}

/**
 * "最大值为5000", "范围为1~10年", "取值范围：1~100".
 * @param {string} text
 * @returns {{ minimum?: number, maximum?: number }}
 */
export function readLimits(text) {
  /** @type {{ minimum?: number, maximum?: number }} */
  const limits = {};
  const max = /最大(?:值)?(?:为|是|不超过)\s*(\d+)/.exec(text);
  if (max) limits.maximum = Number(max[1]);
  const range = /范围(?:为|是|：|:)?\s*(\d+)\s*[~～\-—到至]\s*(\d+)/.exec(text);
  if (range) {
    limits.minimum = Number(range[1]);
    limits.maximum = Number(range[2]);
  }
  return limits;
}

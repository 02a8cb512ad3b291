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
  constructor(words) {
    this.vocab = new Set(words);
  }

  /** Joins the lines of one paragraph: no space inside CJK text, a tentative break between Latin words. */
  paragraph(lines) {
    let out = '';
    for (const raw of lines) {
      const t = raw.trim();
      if (!out) out = t;
      else if (CJK.test(out.at(-1)) || CJK.test(t[0])) out += t;
      else out += BREAK + t;
    }
    return this.text(out);
  }

  text(s) {
    // "SET _WHOIS_PROT ECT ：…" — an allowed value at the start of a line: its spaces after
    // the glyphs the PDF splits at are artefacts (values such as "New gTLD" keep their real space).
    s = s.replace(/^([A-Za-z0-9_.\-][A-Za-z0-9_.\- ]*?) *([：:])/, (_, value, colon) => value.replace(/([tfzTF]) +(?=[A-Za-z_])/g, '$1') + colon);
    const runs = /[A-Za-z0-9_.\-]+(?:[ \u0001]+[A-Za-z0-9_.\-]+)+/g;
    let out = s.replace(runs, (run) => this.joinRun(run));
    out = out.replaceAll(BREAK, ' ');
    out = out.replace(/ +([。，、；：）)！？])/g, '$1').replace(/([（(]) +/g, '$1');
    out = out.replace(/([\u3400-\u9fff]) {2,}/g, '$1 ').replace(/ {2,}/g, ' ');
    return out.trim();
  }

  joinRun(run) {
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

  joinable(left, sep) {
    return sep.includes(BREAK) || /[tfzTFr]$/.test(left);
  }
}

const stripPunct = (w) => w.replace(/^[.\-]+|[.\-]+$/g, '');

/** Every Latin word the document prints whole: the vocabulary of the repairer. */
export function documentWords(rawLines, extra = []) {
  const words = new Set(extra);
  for (const line of rawLines) for (const w of line.match(/[A-Za-z0-9_.\-]+/g) ?? []) {
    words.add(w);
    words.add(stripPunct(w));
  }
  return words;
}

/**
 * Allowed values listed after "取值：" as "value：meaning" paragraphs.
 * Returns [{ value, meaning }] or undefined when the description lists none.
 */
export function readEnum(paragraphs) {
  const at = paragraphs.findIndex((p) => /取值[：:]|取值如下|取值为：|取值包括/.test(p) && !/取值范围/.test(p));
  if (at < 0) return undefined;
  const values = [];
  for (let i = at + 1; i < paragraphs.length; i++) {
    // "value：meaning", "1、2、3、4：meaning" (several values, one meaning), "1 RSA/MD5；" (numeric, no colon)
    const m = /^(-?[A-Za-z0-9_.\-]+(?: [A-Za-z0-9_.\-]+)?(?:、-?[A-Za-z0-9_.\-]+)*)[：:] ?(.+)$/.exec(paragraphs[i]) ?? /^(-?\d+) (\S.*)$/.exec(paragraphs[i]);
    if (!m) {
      if (values.length === 0) continue;
      break;
    }
    for (const value of m[1].split('、')) values.push({ value, meaning: m[2].replace(/[。；;，,]$/, '') });
  }
  return values.length ? values : undefined;
}

/** "默认值为1" / "默认为en" / "默认为true". */
export function readDefault(text) {
  const m = /默认(?:值)?(?:为|是)\s*([A-Za-z0-9_.\-]+)/.exec(text);
  return m?.[1];
}

/** "最大值为5000", "范围为1~10年", "取值范围：1~100". */
export function readLimits(text) {
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

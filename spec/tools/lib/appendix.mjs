// The appendices, read from the document: error codes (6.1), domain-name rules (6.2) and the
// identity-credential types (6.3). build/components.mjs turns them into components.
import { appendixLines } from './document.mjs';

/**
 * Reads the appendices into { errors, domainNameRules, credentialTypes }.
 * @param {Pick<import('./types.js').Document, 'lines'>} doc
 * @param {import('./text.mjs').Repairer} repair
 * @returns {import('./types.js').Appendix}
 */
export function readAppendix(doc, repair) {
  const lines = appendixLines(doc).map((l) => l.text);
  const rulesAt = lines.findIndex((t) => t.startsWith('本文为您列出了域名合法性的相关要求'));
  const typesAt = lines.findIndex((t) => t.startsWith('在调用与实名认证相关的接口时'));
  return {
    errors: readErrorTable(lines.slice(0, rulesAt), repair),
    domainNameRules: lines
      .slice(rulesAt + 1, typesAt)
      .filter((t) => t !== '')
      .map((t) => repair.text(t)),
    credentialTypes: readCredentialTypes(lines.slice(typesAt)),
  };
}

/**
 * Rows "Code English message 400 中文语义。", wrapped over lines, codes possibly broken ("NotFou" / "nd").
 * @param {string[]} lines
 * @param {import('./text.mjs').Repairer} repair
 * @returns {import('./types.js').ErrorCode[]}
 */
export function readErrorTable(lines, repair) {
  /** @type {string[]} */
  const joined = [];
  for (const t of lines) {
    if (t === '' || /^(错误代码 描述 HTTP ?状态码 语义|客户端错误|服务器端错误|在该表中.*)$/.test(t)) continue;
    const prev = joined.at(-1);
    if (prev !== undefined && /^[A-Za-z.]+$/.test(prev) && /^[a-z]+$/.test(t)) joined[joined.length - 1] = prev + t;
    else joined.push(t);
  }
  const text = joined.join(' ');
  const errors = [];
  const row = /([A-Z][A-Za-z]*(?:\.[A-Za-z]+)*) (.+?) (\d{3}) (\S+?。)/g;
  for (const m of text.matchAll(row)) {
    errors.push({ code: m[1], httpStatus: Number(m[3]), message: repair.text(m[2]), description: m[4] });
  }
  return errors;
}

/**
 * The table of 6.3: "身份证 SFZ" rows under the holder they belong to (个人, 企业/组织).
 * @param {string[]} lines
 * @returns {import('./types.js').CredentialType[]}
 */
export function readCredentialTypes(lines) {
  /** @type {import('./types.js').CredentialType[]} */
  const types = [];
  /** @type {import('./types.js').CredentialType['holder']} */
  let holder;
  const header = lines.findIndex((t) => t.endsWith('IdentityCredentialType取值'));
  for (const t of lines.slice(header + 1)) {
    if (t === '个人') holder = 'individual';
    else if (t === '企业/组织') holder = 'organization';
    else {
      const m = /^(\S+) ([A-Z]+)$/.exec(t);
      if (m) types.push({ code: m[2], meaning: m[1], holder });
    }
  }
  return types;
}

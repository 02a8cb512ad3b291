// The one ajv runtime helper the precompiled validators use, vendored so that the package has
// no dependency and pulls nothing from ajv into a bundle. ajv's standalone output
// `require("ajv/dist/runtime/ucs2length").default` is rewritten to import this by the generator.
// From ajv (MIT, © 2015-2021 Evgeny Poberezkin), after punycode.js's ucs2.decode.

/** Length of a string in Unicode code points (a surrogate pair counts once), as JSON Schema's minLength/maxLength measure. */
export function ucs2length(str: string): number {
  const len = str.length;
  let length = 0;
  let pos = 0;
  while (pos < len) {
    length++;
    const value = str.charCodeAt(pos++);
    if (value >= 0xd800 && value <= 0xdbff && pos < len && (str.charCodeAt(pos) & 0xfc00) === 0xdc00) pos++;
  }
  return length;
}

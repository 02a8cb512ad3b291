import { describe, expect, it } from 'vitest';
import { Terminal, toJson } from '../../src/terminal.js';

function capture() {
  const out: string[] = [];
  const stream = { write: (s: string) => (out.push(s), true) };
  return { term: new Terminal(stream, stream), text: () => out.join('') };
}

describe('Terminal', () => {
  it('scrubs a hidden value in every form it can be printed in', () => {
    const { term, text } = capture();
    const secret = 'qX"9z\\Vw+odd/chars';
    term.hide(secret);
    term.json({ SecurityToken: secret, url: `?SecurityToken=${encodeURIComponent(secret)}` });
    expect(text()).not.toMatch(/qX|odd/);
    expect(text()).toContain('***');
  });

  it('writes nothing more to a stream whose reader has gone, and says so', () => {
    let listener: ((err: NodeJS.ErrnoException) => void) | undefined;
    const written: string[] = [];
    const stdout = {
      write: (s: string) => (written.push(s), true),
      on: (_: 'error', l: (err: NodeJS.ErrnoException) => void) => (listener = l),
    };
    const term = new Terminal(stdout, { write: () => true });
    term.print('one');
    listener!(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    term.print('two');
    expect(written).toEqual(['one\n']);
    expect(term.stdoutClosed).toBe(true);
  });
});

describe('toJson', () => {
  it('writes a bigint as an exact JSON number', () => {
    expect(toJson({ Price: 12345678901234567890n })).toBe('{"Price":12345678901234567890}');
  });
});

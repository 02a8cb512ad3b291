// The nonce log: a SignatureNonce is refused again for at least the window, and forgotten after
// twice the window at most, so memory stays bounded by the request rate.
import { describe, expect, it } from 'vitest';
import { NonceLog } from '../src/auth/nonces.js';

describe('NonceLog', () => {
  it('refuses a nonce seen before within the window', () => {
    const log = new NonceLog(1000);
    expect(log.add('n', 0)).toBe(true);
    expect(log.add('n', 999)).toBe(false);
  });

  it('still refuses it just after a rotation, while less than a window old', () => {
    const log = new NonceLog(1000);
    log.add('first', 0);
    log.add('n', 900);
    expect(log.add('other', 1000)).toBe(true);
    expect(log.add('n', 1800)).toBe(false);
  });

  it('forgets a nonce once two windows have passed', () => {
    const log = new NonceLog(1000);
    log.add('n', 0);
    log.add('x', 1000);
    log.add('y', 2000);
    expect(log.add('n', 2000)).toBe(true);
  });

  it('forgets everything after a quiet spell of two windows', () => {
    const log = new NonceLog(1000);
    log.add('n', 0);
    expect(log.add('n', 2500)).toBe(true);
  });

  it('holds at most two full generations however fast nonces arrive, and still refuses the recent ones', () => {
    const log = new NonceLog(60_000, 3);
    for (const n of ['a', 'b', 'c', 'd', 'e', 'f', 'g']) expect(log.add(n, 0)).toBe(true);
    expect(log.add('f', 0)).toBe(false);
    expect(log.add('a', 0)).toBe(true);
  });

  it('tells apart a million distinct nonces', () => {
    const log = new NonceLog(60_000, 2_000_000);
    let refused = 0;
    for (let i = 0; i < 1_000_000; i++) if (!log.add(`nonce-${i}-${(i * 2654435761) % 1e9}`, 0)) refused++;
    expect(refused).toBe(0);
  });
});

// SignatureNonce values seen recently: a nonce seen again is a replay. Two generations, each
// `windowMs` long: a nonce is remembered for at least `windowMs` and at most twice that, and a
// whole generation is dropped at once. A generation also ends once it holds `maxPerGeneration`
// nonces, so a load test at thousands of requests per second does not hold millions of them;
// past that rate a nonce is remembered for at least the last `maxPerGeneration` requests.
//
// Each nonce is kept as two 31-bit hashes of different construction (small integers, which the
// garbage collector never has to move or trace) rather than as its string: two different nonces
// are taken for one only if both hashes agree, about once in 2^62.
type Generation = Map<number, number | number[]>;

export class NonceLog {
  private current: Generation = new Map();
  private previous: Generation = new Map();
  private since: number | undefined;

  constructor(
    private readonly windowMs: number,
    private readonly maxPerGeneration = 1_000_000,
  ) {}

  /** Records `nonce`; false when it was already seen within the window. */
  add(nonce: string, now: number): boolean {
    this.since ??= now;
    if (now - this.since >= this.windowMs || this.current.size >= this.maxPerGeneration) {
      // A whole window without a rotation leaves nothing worth keeping from before it.
      this.previous = now - this.since >= 2 * this.windowMs ? new Map<number, number | number[]>() : this.current;
      this.current = new Map();
      this.since = now;
    }
    const key = fnv1a(nonce);
    const check = polynomial(nonce);
    if (holds(this.current, key, check) || holds(this.previous, key, check)) return false;
    const there = this.current.get(key);
    if (there === undefined) this.current.set(key, check);
    else if (typeof there === 'number') this.current.set(key, [there, check]);
    else there.push(check);
    return true;
  }
}

function holds(g: Generation, key: number, check: number): boolean {
  const there = g.get(key);
  return there === check || (Array.isArray(there) && there.includes(check));
}

/** FNV-1a over the UTF-16 code units, as a non-negative 31-bit integer. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 1;
}

/** A polynomial hash (multiplier 0x5bd1e995) with murmur3's final mix, as a non-negative 31-bit integer. */
function polynomial(s: string): number {
  let h = s.length;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 0x5bd1e995) + s.charCodeAt(i)) | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 1;
}

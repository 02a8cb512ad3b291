// SignatureNonce values seen recently: a nonce seen again is a replay. Two generations of sets,
// each `windowMs` long: a nonce is remembered for at least `windowMs` and at most twice that, and
// a whole generation is dropped at once, so remembering costs one set lookup and insert per request.
// A generation also ends once it holds `maxPerGeneration` nonces: a load test at thousands of
// requests per second must not hold millions of them. Past that rate a nonce is remembered for
// at least `maxPerGeneration` requests instead of the whole window.
export class NonceLog {
  private current = new Set<string>();
  private previous = new Set<string>();
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
      this.previous = now - this.since >= 2 * this.windowMs ? new Set() : this.current;
      this.current = new Set();
      this.since = now;
    }
    if (this.current.has(nonce) || this.previous.has(nonce)) return false;
    this.current.add(nonce);
    return true;
  }
}

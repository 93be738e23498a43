/**
 * A small per-process cache: each key's value is computed at most once per `ttlMs`, and callers arriving while it
 * is being computed share that one computation. A failed computation is not kept. Values may be up to `ttlMs`
 * stale, which is why only read models that tolerate it (the leaderboard, the cohort) go through it; replicas
 * each keep their own.
 */
export class TtlCache<T> {
  private readonly entries = new Map<string, { expires: number; value: Promise<T> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
    private readonly maxEntries = 1000,
  ) {}

  get(key: string, compute: () => Promise<T>): Promise<T> {
    const t = this.now();
    const hit = this.entries.get(key);
    if (hit && hit.expires > t) return hit.value;
    const value = compute();
    const entry = { expires: t + this.ttlMs, value };
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, entry);
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}

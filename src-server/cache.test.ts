import { describe, expect, it } from 'vitest';
import { TtlCache } from './cache';

describe('TtlCache', () => {
  it('computes a key at most once per TTL, sharing a computation in flight', async () => {
    let now = 0;
    let calls = 0;
    const cache = new TtlCache<number>(60_000, () => now);
    const compute = async () => ++calls;
    const [a, b] = await Promise.all([cache.get('k', compute), cache.get('k', compute)]);
    expect([a, b, calls]).toEqual([1, 1, 1]);
    now = 59_999;
    expect(await cache.get('k', compute)).toBe(1);
    now = 60_000;
    expect(await cache.get('k', compute)).toBe(2);
    expect(await cache.get('other', compute)).toBe(3);
  });

  it('does not keep a failure', async () => {
    const cache = new TtlCache<number>(60_000, () => 0);
    await expect(cache.get('k', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('k', async () => 7)).toBe(7);
  });

  it('forgets everything on clear, and stays bounded', async () => {
    const cache = new TtlCache<number>(60_000, () => 0, 3);
    for (let i = 0; i < 10; i++) await cache.get(`k${i}`, async () => i);
    expect(await cache.get('k9', async () => -1)).toBe(9);
    cache.clear();
    expect(await cache.get('k9', async () => -1)).toBe(-1);
  });
});

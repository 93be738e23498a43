import { describe, expect, it } from 'vitest';
import { americanise, canonical, conceptsOf } from './terms';

describe('word identity for matching', () => {
  it('folds British spellings into American ones, leaving real -ise words alone', () => {
    expect(americanise('optimised')).toBe('optimized');
    expect(americanise('analysing')).toBe('analyzing');
    expect(americanise('behaviour')).toBe('behavior');
    expect(americanise('modelling')).toBe('modeling');
    expect(americanise('promise')).toBe('promise');
    expect(americanise('exercised')).toBe('exercised');
  });

  it('gives inflections and spellings of one word the same key', () => {
    expect(canonical('optimised')).toBe(canonical('optimized'));
    expect(canonical('optimisation')).toBe(canonical('optimize'));
    expect(canonical('caching')).toBe(canonical('cache'));
    expect(canonical('Caches')).toBe(canonical('cache'));
    expect(canonical('indexes')).toBe(canonical('index'));
    expect(canonical('retries')).toBe(canonical('retry'));
  });

  it('maps synonyms, including multi-word ones, to one concept', () => {
    const keys = (text: string) => conceptsOf(text.split(' ').map(canonical));
    expect(keys('k8s')).toEqual(keys('kubernetes'));
    expect(keys('db')).toEqual(keys('database'));
    expect(keys('response time')[0]).toBe(keys('latency')[0]);
    expect(keys('response time')[1]).toBe('');
    expect(keys('memoization')).toEqual(keys('caching'));
  });
});

import { describe, expect, it } from 'vitest';
import { analyse } from './nlp';

describe('analyse', () => {
  it('gives every token and sentence offsets into the original text', () => {
    const text = 'We cut p95 from 900ms to 200ms.  It’s fine — mostly.\n\nI led it; we didn’t   stop.';
    const doc = analyse(text);
    for (const t of doc.tokens) expect(text.slice(t.start, t.end)).toBe(t.value);
    for (const s of doc.sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('ends a sentence at a line break and after "120k." before a capital, but not inside "Node.js"', () => {
    const doc = analyse(
      'We saved $120k. Then it grew.\nNext line without a stop\nThe service runs on Node.js in production.',
    );
    expect(doc.sentences.map((s) => s.text)).toEqual([
      'We saved $120k.',
      'Then it grew.',
      'Next line without a stop',
      'The service runs on Node.js in production.',
    ]);
  });

  it('drops list markers from the start of a sentence and splits after "ms." before a quote', () => {
    const doc = analyse(
      '- put Redis in front of Postgres\n- cut p95 to 300 ms. "Shared memory" needs locks.',
    );
    expect(doc.sentences.map((s) => s.text)).toEqual([
      'put Redis in front of Postgres',
      'cut p95 to 300 ms.',
      '"Shared memory" needs locks.',
    ]);
  });

  it('marks words as negated only near the negation', () => {
    const doc = analyse(
      'we didnt agree on the design he wanted rest i wanted graphql and we argued about it for weeks',
    );
    const negated = doc.tokens.filter((t) => t.negated).map((t) => t.value);
    expect(negated).toContain('agree');
    expect(negated).not.toContain('argued');
  });

  it('finds numbers, money, percentages and dates as entities', () => {
    const doc = analyse('In March 2021 we cut costs by 38% and saved $120,000 across 4 teams.');
    const types = doc.entities.map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['DATE', 'PERCENT', 'MONEY', 'CARDINAL']));
    for (const e of doc.entities) expect(doc.text.slice(e.start, e.end)).toBe(e.value);
  });

  it('handles an empty answer', () => {
    const doc = analyse('');
    expect(doc.sentences).toEqual([]);
    expect(doc.wordCount).toBe(0);
  });
});

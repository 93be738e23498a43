import { describe, expect, it } from 'vitest';
import { coverPoints, upgradeWithEmbeddings } from './coverage';
import { analyse } from './nlp';

const cover = (answer: string, points: string[]) => coverPoints(analyse(answer), points);

describe('expected point coverage', () => {
  it('covers a point worded with another form of the same word ("caching" for "cache")', () => {
    const [c] = cover('We put a caching layer in front of the product API for popular items.', [
      'Cache popular items in front of the API',
    ]);
    expect(c!.status).toBe('covered');
  });

  it('covers a point written in the other spelling ("optimised" for "optimized")', () => {
    const [c] = cover('I optimised the slow queries first, then the serialisation.', [
      'Optimized the queries',
    ]);
    expect(c!.status).toBe('covered');
  });

  it('covers a point through the synonym table ("k8s" and "response time")', () => {
    const [k8s, latency] = cover(
      'We run it on k8s. The response time dropped after we added a database index.',
      ['Runs on Kubernetes', 'Reduces latency with an index in the db'],
    );
    expect(k8s!.status).toBe('covered');
    expect(latency!.status).toBe('covered');
  });

  it('quotes the covering part of the answer as an exact substring', () => {
    const answer =
      'First we measured everything. Then, because reads dominated, we added Redis as a cache with a 5 minute TTL, ' +
      'and invalidated entries on write, which kept the data fresh, and also cut the load on the primary database by 60%, ' +
      'which let us delay buying a bigger instance for a year.';
    for (const c of cover(answer, [
      'Uses a cache such as Redis with a TTL',
      'Invalidates cache entries on write',
    ])) {
      expect(c.quote).not.toBeNull();
      expect(answer).toContain(c.quote!);
    }
  });

  it('marks a point partial when only some of its terms appear, and missing when none do', () => {
    const [partial, missing] = cover('Every write also has to update the index.', [
      'Every insert, update and delete must also update the index, using extra storage',
      'Low-selectivity columns may not benefit',
    ]);
    expect(partial!.status).toBe('partial');
    expect(missing!.status).toBe('missing');
    expect(missing!.quote).toBeNull();
  });

  it('treats a negated point as contradicted, not covered', () => {
    const [c] = cover("We didn't use caching at all; every request went to the database.", [
      'Caches popular links',
    ]);
    expect(c!.status).toBe('missing');
    expect(c!.contradicted).toBe(true);
    expect(c!.quote).toContain("didn't use caching");
  });

  it('does not call a point contradicted when the point itself is a negative', () => {
    const [c] = cover('An index means we do not need a full table scan.', ['Avoids a full table scan']);
    expect(c!.contradicted).toBe(false);
    expect(c!.status).not.toBe('missing');
  });

  it('upgrades points word matching missed when an embedding puts them close to a sentence', async () => {
    const doc = analyse('I made sure nobody waited on the slow report. The rest was routine.');
    const coverage = coverPoints(doc, [
      'Keeps users from blocking on long-running work',
      'Mentions the weather',
    ]);
    expect(coverage.map((c) => c.status)).toEqual(['missing', 'missing']);
    // A fake model: the first point and the first sentence share a direction; everything else is orthogonal.
    const embed = async (texts: string[]) =>
      texts.map((t) =>
        t.startsWith('Keeps') || t.startsWith('I made sure')
          ? [1, 0, 0]
          : t.startsWith('Mentions')
            ? [0, 1, 0]
            : [0, 0, 1],
      );
    const upgraded = await upgradeWithEmbeddings(doc, coverage, { embed });
    expect(upgraded[0]).toMatchObject({
      status: 'covered',
      method: 'embedding',
      quote: doc.sentences[0]!.text,
    });
    expect(upgraded[1]!.status).toBe('missing');
  });
});

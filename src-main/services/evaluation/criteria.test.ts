import { describe, expect, it } from 'vitest';
import type { Category } from '../../../src-shared/domain';
import { evaluateBuiltin } from './evaluate';

const evaluate = (answer: string, category: Category = 'Technical', expectedPoints: string[] = []) =>
  evaluateBuiltin({
    question: { text: 'How would you design the session service?', category, expectedPoints },
    answer,
  });

const BASE =
  'The session service keeps tokens in Redis with a 30 minute expiry. Each request looks the token up, ' +
  'and a cache in front of Redis serves repeated lookups. We measured 4 ms at p99 under 2,000 requests a second.';

describe('confidence', () => {
  it('drops for hedges, and the reason names each hedge as written', () => {
    const plain = evaluate(BASE);
    const hedged = evaluate(
      'I think the session service keeps tokens in Redis with a 30 minute expiry. Maybe each request looks the token up, ' +
        'and a cache in front of Redis kind of serves repeated lookups. We probably measured 4 ms at p99 under 2,000 requests a second.',
    );
    expect(hedged.criteria.confidence.score).toBeLessThan(plain.criteria.confidence.score - 20);
    for (const h of ['"I think"', '"Maybe"', '"kind of"', '"probably"']) {
      expect(hedged.criteria.confidence.reason).toContain(h);
    }
    expect(plain.criteria.confidence.reason).toMatch(/^No hedges/);
  });

  it('reads "what kind of" as a question, not a hedge', () => {
    expect(evaluate(`${BASE} What kind of cache? An LRU one.`).criteria.confidence.reason).toMatch(
      /^No hedges/,
    );
  });

  it('drops for filler words and names them', () => {
    const result = evaluate(`Um, ${BASE} You know, it basically just works, like, fine.`);
    expect(result.criteria.confidence.score).toBeLessThan(evaluate(BASE).criteria.confidence.score);
    expect(result.criteria.confidence.reason).toMatch(
      /filler words? \("Um", "You know", "basically", "like"\)/,
    );
  });

  it('does not count "like" that introduces an example as a filler', () => {
    const result = evaluate(`${BASE} Often one part, like a migration, takes most of the time.`);
    expect(result.criteria.confidence.reason).toContain('no filler words');
  });

  it('detects passive voice and quotes it', () => {
    const result = evaluate(
      `${BASE} The cache was invalidated by a worker, and the tokens were rotated nightly.`,
    );
    expect(result.criteria.confidence.reason).toContain(
      '2 passive constructions ("was invalidated", "were rotated")',
    );
    expect(evaluate(BASE).criteria.confidence.reason).toContain('active voice');
  });

  it('rewards a story told with "I" over one told only with "we"', () => {
    const story = (who: string) =>
      `Last year our checkout failed for 10% of users. ${who} traced it to a pool limit. ${who} raised the limit and added an alert. Errors fell to zero.`;
    const mine = evaluate(story('I'), 'Behavioral');
    const ours = evaluate(story('We'), 'Behavioral');
    expect(mine.criteria.confidence.score).toBeGreaterThan(ours.criteria.confidence.score);
    expect(ours.criteria.confidence.reason).toMatch(/"I" 0 times vs "we" [3-9]/);
  });
});

describe('technical accuracy', () => {
  const points = ['The service is stateless', 'Stores sessions in Redis with an expiry'];

  it('drops when the answer contradicts itself, and names both claims', () => {
    const consistent = evaluate(`The session service is stateless. ${BASE}`, 'System_Design', points);
    const contradictory = evaluate(
      `The session service is stateless. ${BASE} The session service also stores state in memory between requests.`,
      'System_Design',
      points,
    );
    expect(contradictory.criteria.technical_accuracy.score).toBeLessThan(
      consistent.criteria.technical_accuracy.score - 15,
    );
    expect(contradictory.criteria.technical_accuracy.reason).toContain(
      'contradicts itself ("stateless" vs "stores state")',
    );
  });

  it('drops when the answer negates an expected point', () => {
    const points2 = ['Uses caching for repeated lookups'];
    const yes = evaluate(
      'We used caching for repeated lookups, which took p99 to 4 ms.',
      'Technical',
      points2,
    );
    const no = evaluate(
      "We didn't use caching for repeated lookups, and p99 stayed at 40 ms.",
      'Technical',
      points2,
    );
    expect(no.criteria.technical_accuracy.score).toBeLessThan(yes.criteria.technical_accuracy.score);
    expect(no.criteria.technical_accuracy.reason).toContain('denies an expected point');
    expect(no.expectedPoints[0]).toMatchObject({ status: 'missing', contradicted: true });
  });

  it('names the key terms it found and missed', () => {
    const result = evaluate(BASE, 'System_Design', points);
    expect(result.criteria.technical_accuracy.reason).toMatch(
      /^Uses \d+ of \d+ key terms from the expected points/,
    );
    expect(result.criteria.technical_accuracy.reason).toContain('"stateless"');
  });

  it('judges stories by their evidence instead', () => {
    const result = evaluate('I fixed it. I told my manager. It went well.', 'Behavioral');
    expect(result.criteria.technical_accuracy.reason).toMatch(/concrete actions?.*result/);
  });
});

describe('content quality and clarity', () => {
  it('names how many points are covered and which specifics are present', () => {
    const vague = evaluate('It stores sessions somewhere and it is fine.', 'System_Design', [
      'Stores sessions in Redis with an expiry',
      'Serves repeated lookups from a cache',
    ]);
    expect(vague.criteria.content_quality.reason).toMatch(
      /^Covers 0 of 2 expected points.*no numbers or named tools\.$/,
    );
    const specific = evaluate(BASE, 'System_Design', ['Stores sessions in Redis with an expiry']);
    expect(specific.criteria.content_quality.reason).toMatch(
      /^Covers 1 of 1 expected point; 3 figures \("30 minute", "4", "2,000"\)/,
    );
    expect(specific.criteria.content_quality.reason).toContain('"Redis"');
    expect(specific.criteria.content_quality.score).toBeGreaterThan(
      vague.criteria.content_quality.score + 30,
    );
  });

  it('rewards signposting and penalises run-on sentences', () => {
    const signposted = evaluate(
      'First, the service checks the token in Redis. Then it refreshes the expiry. As a result, active users stay signed in for 30 minutes after their last request.',
    );
    const runOn = evaluate(
      'the service checks the token in redis and it refreshes the expiry and the users stay signed in and the tokens are kept for thirty minutes after the last request and the cache is in front of it and the cache serves repeated lookups and we never really had problems with it',
    );
    expect(signposted.criteria.clarity.reason).toContain('3 signposts ("First", "Then", "As a result")');
    expect(runOn.criteria.clarity.reason).toContain('over 35 words');
    expect(signposted.criteria.clarity.score).toBeGreaterThan(runOn.criteria.clarity.score + 20);
  });
});

import { describe, expect, it } from 'vitest';
import { ok, testRuntime } from '../../../tests/support/runtime';
import { AiCache, evaluationKey, questionSetKey } from './cache';

const q = {
  role: 'Sales',
  difficulty: 'Hard',
  count: 5,
  categories: ['Behavioral', 'Situational'],
  resumeFingerprint: 'r1',
  jobFingerprint: null,
  provider: 'ollama',
  model: 'llama3.2',
};

describe('the AI cache', () => {
  it('keys question sets by everything that changes the answer, with categories in any order', () => {
    expect(questionSetKey(q)).toBe(questionSetKey({ ...q, categories: ['Situational', 'Behavioral'] }));
    for (const change of [
      { role: 'PM' },
      { difficulty: 'Easy' },
      { count: 6 },
      { resumeFingerprint: 'r2' },
      { jobFingerprint: 'j' },
      { model: 'qwen2.5' },
      { provider: 'cloud' },
    ]) {
      expect(questionSetKey({ ...q, ...change }), JSON.stringify(change)).not.toBe(questionSetKey(q));
    }
  });

  it('keys evaluations by the normalised answer, so spacing and case do not miss', () => {
    const e = {
      answer: 'I led the migration.',
      question: 'Q',
      rubricVersion: '1',
      provider: 'ollama',
      model: 'm',
    };
    expect(evaluationKey({ ...e, answer: '  i LED the   migration ' })).toBe(evaluationKey(e));
    expect(evaluationKey({ ...e, rubricVersion: '2' })).not.toBe(evaluationKey(e));
    expect(evaluationKey({ ...e, answer: 'I led the rollout.' })).not.toBe(evaluationKey(e));
  });

  it('serves hits, counts hits and misses, expires question sets after 30 days and evaluations after 7', async () => {
    let now = Date.parse('2026-11-01T00:00:00Z');
    const runtime = await testRuntime({ now: () => new Date(now) });
    const cache = new AiCache(runtime.ctx.db, () => new Date(now));
    let calls = 0;
    const compute = async () => (
      calls++,
      { value: { questions: ['A?'] }, provider: 'ollama', model: 'llama3.2' }
    );
    expect(await cache.getOrCompute('questions', 'k1', compute)).toMatchObject({ cached: false });
    expect(await cache.getOrCompute('questions', 'k1', compute)).toMatchObject({
      cached: true,
      value: { questions: ['A?'] },
      provider: 'ollama',
    });
    await cache.getOrCompute('evaluation', 'e1', async () => ({ value: 1, provider: 'ollama', model: 'm' }));
    now += 8 * 24 * 3600 * 1000;
    expect((await cache.getOrCompute('questions', 'k1', compute)).cached).toBe(true);
    expect(await cache.get('evaluation', 'e1')).toBeNull();
    now += 23 * 24 * 3600 * 1000;
    expect((await cache.getOrCompute('questions', 'k1', compute)).cached).toBe(false);
    expect(calls).toBe(2);
    const status = await ok(runtime, 'ai.status', {});
    expect(status.cache.questions).toEqual({ hits: 2, misses: 2, hitRate: 0.5 });
    expect(status.cache.evaluation).toEqual({ hits: 0, misses: 2, hitRate: 0 });
    expect(await cache.purgeExpired()).toBe(1);
  });

  it('does not store builtin answers', async () => {
    const runtime = await testRuntime();
    const cache = new AiCache(runtime.ctx.db, () => new Date());
    await cache.getOrCompute('questions', 'b', async () => ({ value: 1, provider: 'builtin', model: null }));
    expect(
      (
        await cache.getOrCompute('questions', 'b', async () => ({
          value: 2,
          provider: 'builtin',
          model: null,
        }))
      ).value,
    ).toBe(2);
  });
});

import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_AI_SETTINGS } from '../../../src-shared/ai';
import type { PlanInput } from '../../../src-shared/questions';
import type { FakeBehaviour } from '../../../tests/support/fake-ollama';
import { ok, runtimeWithOllama, testRuntime } from '../../../tests/support/runtime';

// Sales holds few Expert domain-specific questions, so a set of 12 is short at that difficulty.
const PLAN: PlanInput = {
  role: 'Sales',
  difficulty: 'Expert',
  questionCount: 12,
  categories: ['Domain_Specific'],
};

const question = (i: number, over: Record<string, unknown> = {}) => ({
  text: `How would you rebuild a stalled enterprise renewal forecast for a region you just inherited (case ${i})?`,
  category: 'Domain_Specific',
  difficulty: 'Expert',
  expectedPoints: [
    'Where the forecast went wrong',
    'Which accounts you call first',
    'How you track the change',
  ],
  timeLimitSec: 300,
  skills: ['Forecasting'],
  ...over,
});

async function withModel(answers: string[], extra: Partial<FakeBehaviour> = {}) {
  const { runtime, fake } = await runtimeWithOllama({ answers, ...extra });
  const before = await ok(runtime, 'questions.plan', PLAN);
  return { runtime, fake, missing: before.notice!.missing, before };
}

describe('generating the questions a set is missing', () => {
  it('adds the usable ones to the candidate’s bank, says what was set aside, and fills the set', async () => {
    const probe = await testRuntime();
    const { notice } = await ok(probe, 'questions.plan', PLAN);
    const missing = notice!.missing;
    expect(missing).toBeGreaterThan(0);
    const bankText = probe.ctx.bank.all.find((q) => q.role === 'Sales')!.text;
    const answer = JSON.stringify({
      questions: [
        ...Array.from({ length: missing }, (_, i) => question(i)),
        question(90, { text: bankText.toUpperCase() }),
        question(91, { difficulty: 'Medium' }),
        question(92, { expectedPoints: ['one'] }),
        question(93, { category: 'Behavioral' }),
      ],
    });
    const { runtime, before, fake } = await withModel([answer]);
    expect(before.writer).toBe('llama3.2 (Ollama)');
    expect(before.notice!.missing).toBe(missing);
    const progress: string[] = [];
    runtime.subscribe((event, payload) => {
      if (event === 'ai.progress') progress.push((payload as { status: string }).status);
    });

    const result = await ok(runtime, 'questions.generate', { ...PLAN, requestId: randomUUID() });
    expect(result).toEqual({
      added: missing,
      asked: missing,
      cancelled: false,
      message: `Added ${missing} Expert questions by llama3.2 (Ollama) to your bank; the set is full. Set aside: 1 did not follow the question rules; 1 was not at the chosen difficulty; 1 was not of the chosen question types; 1 repeated a question already in the bank.`,
    });
    expect(progress[0]).toBe(`Asking llama3.2 (Ollama) for ${missing} Expert questions…`);
    expect(progress.at(-1)).toMatch(/^llama3\.2 \(Ollama\) is writing… [\d,]+ characters so far$/);
    const sent = JSON.stringify(fake.requests.find((r) => r.path === '/api/chat')?.body);
    expect(sent).toContain(`for a Sales candidate at Expert difficulty`);
    expect(sent).toContain('Use only these categories: Domain_Specific.');

    const mine = await ok(runtime, 'questions.private.list', {});
    expect(mine).toHaveLength(missing);
    expect(
      new Set(mine.map((q) => [q.origin, q.writtenBy, q.role, q.difficulty, q.category].join())),
    ).toEqual(new Set(['generated,llama3.2 (Ollama),Sales,Expert,Domain_Specific']));
    const after = await ok(runtime, 'questions.plan', PLAN);
    expect(after.notice).toBeNull();
    expect(after.questions.every((q) => q.difficulty === 'Expert')).toBe(true);
  });

  it('writes nothing and says so when the model answers with something that is not a list of questions', async () => {
    const { runtime, fake } = await withModel(['Sure! Here are some great questions: 1. Why sales?']);
    const result = await ok(runtime, 'questions.generate', { ...PLAN, requestId: randomUUID() });
    expect(result.message).toBe(
      'llama3.2 (Ollama) could not write questions this time: ollama kept answering in a form Rehearse could not use. Nothing was added.',
    );
    expect(result.added).toBe(0);
    expect(fake.requests.filter((r) => r.path === '/api/chat').length).toBeGreaterThan(1);
    expect(await ok(runtime, 'questions.private.list', {})).toEqual([]);
  });

  it('can be cancelled while the model is writing, and then writes nothing', async () => {
    const answer = JSON.stringify({ questions: Array.from({ length: 12 }, (_, i) => question(i)) });
    const { runtime } = await withModel([answer], { delayMs: 3000 });
    const requestId = randomUUID();
    const pending = ok(runtime, 'questions.generate', { ...PLAN, requestId });
    await new Promise((r) => setTimeout(r, 300));
    expect(await ok(runtime, 'ai.cancel', { requestId })).toEqual({ cancelled: true });
    expect(await pending).toMatchObject({
      added: 0,
      cancelled: true,
      message: 'Cancelled: no questions were added.',
    });
    expect(await ok(runtime, 'questions.private.list', {})).toEqual([]);
  });

  it('honours a Cancel that reaches the host before the request does', async () => {
    const answer = JSON.stringify({ questions: Array.from({ length: 12 }, (_, i) => question(i)) });
    const { runtime, fake } = await withModel([answer]);
    const requestId = randomUUID();
    expect(await ok(runtime, 'ai.cancel', { requestId })).toEqual({ cancelled: false });
    expect(await ok(runtime, 'questions.generate', { ...PLAN, requestId })).toMatchObject({
      added: 0,
      cancelled: true,
    });
    expect(fake.requests.filter((r) => r.path === '/api/chat')).toHaveLength(0);
    expect(await ok(runtime, 'questions.private.list', {})).toEqual([]);
  });

  it('is refused with where to set a model up when none is', async () => {
    const runtime = await testRuntime();
    await ok(runtime, 'ai.settings.save', {
      ...DEFAULT_AI_SETTINGS,
      ollama: { ...DEFAULT_AI_SETTINGS.ollama, mode: 'off' },
    });
    expect((await ok(runtime, 'questions.plan', PLAN)).writer).toBeNull();
    const result = await runtime.invoke('questions.generate', { ...PLAN, requestId: randomUUID() });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'UNAVAILABLE',
        message: 'No AI coach is set up to write questions. Set one up in Settings → AI coach.',
      },
    });
    expect(await ok(runtime, 'questions.private.list', {})).toEqual([]);
  });
});

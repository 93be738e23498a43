import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_AI_SETTINGS } from '../../../src-shared/ai';
import type { FakeBehaviour, FakeOllama } from '../../../tests/support/fake-ollama';
import { ok, runtimeWithOllama, testRuntime } from '../../../tests/support/runtime';

const question = (i: number, over: Record<string, unknown> = {}) => ({
  text: `Tell me about a time you rebuilt a reporting pipeline under deadline pressure (case ${i}).`,
  category: 'Behavioral',
  difficulty: 'Medium',
  expectedPoints: ['The deadline and why it mattered', 'What you changed first', 'The measurable result'],
  timeLimitSec: 240,
  skills: ['SQL'],
  ...over,
});

async function setup(answers: string[], extra: Partial<FakeBehaviour> = {}) {
  const { runtime, fake } = await runtimeWithOllama({ answers, ...extra });
  const session = await ok(runtime, 'sessions.create', {
    role: 'Data Analyst',
    difficulty: 'Medium',
    questionCount: 4,
  });
  return { runtime, session, fake };
}

const chats = (fake: FakeOllama) => fake.requests.filter((r) => r.path === '/api/chat').length;

describe('questions written by a model', () => {
  it('replaces only the questions not yet shown, says who wrote them, and caches the set', async () => {
    const set = JSON.stringify({ questions: [0, 1, 2, 3].map((i) => question(i)) });
    const { runtime, session, fake } = await setup([set]);
    const result = await ok(runtime, 'sessions.tailor', { sessionId: session.id, requestId: randomUUID() });
    expect(result).toMatchObject({ provider: 'ollama', replaced: 3 });
    expect(result.session.questions[0]).toEqual(session.questions[0]);
    for (const q of result.session.questions.slice(1)) {
      expect(q.source).toBe('ai');
      expect(q.reason).toMatch(/^Written by llama3\.2 \(Ollama\)/);
      expect(q.text).toMatch(/case [123]\)\.$/);
    }
    const sent = JSON.stringify(fake.requests.find((r) => r.path === '/api/chat')?.body);
    expect(sent).toContain('Data Analyst');

    const calls = chats(fake);
    const again = await ok(runtime, 'sessions.create', {
      role: 'Data Analyst',
      difficulty: 'Medium',
      questionCount: 4,
    });
    await ok(runtime, 'sessions.tailor', { sessionId: again.id, requestId: randomUUID() });
    expect(chats(fake)).toBe(calls);
  });

  it('keeps the builtin questions when the model’s set breaks the rules, and says so', async () => {
    const bad = JSON.stringify({
      questions: [0, 1, 2, 3].map((i) => question(i, { expectedPoints: ['just one'] })),
    });
    const { runtime, session } = await setup([bad]);
    const result = await ok(runtime, 'sessions.tailor', { sessionId: session.id, requestId: randomUUID() });
    expect(result.replaced).toBe(0);
    expect(result.provider).toBe('builtin');
    expect(result.notes).toEqual([
      'ollama kept answering in a form Rehearse could not use.',
      'Kept the builtin questions.',
    ]);
    expect(result.session.questions).toEqual(session.questions);
  });

  it('keeps a screened-out question from ever reaching the candidate', async () => {
    const screened = JSON.stringify({
      questions: [0, 1, 2, 3].map((i) =>
        question(i, i === 2 ? { text: 'How old are you, and do you plan to have children soon?' } : {}),
      ),
    });
    const { runtime, session } = await setup([screened]);
    const result = await ok(runtime, 'sessions.tailor', { sessionId: session.id, requestId: randomUUID() });
    expect(result.replaced).toBe(0);
    expect(result.session.questions.map((q) => q.text).join('\n')).not.toMatch(/children/);
  });

  it('can be cancelled back to the builtin set', async () => {
    const set = JSON.stringify({ questions: [0, 1, 2, 3].map((i) => question(i)) });
    const { runtime, session } = await setup([set], { delayMs: 3000 });
    const requestId = randomUUID();
    const pending = ok(runtime, 'sessions.tailor', { sessionId: session.id, requestId });
    await new Promise((r) => setTimeout(r, 200));
    expect(await ok(runtime, 'ai.cancel', { requestId })).toEqual({ cancelled: true });
    const result = await pending;
    expect(result).toMatchObject({
      replaced: 0,
      provider: 'builtin',
      notes: ['Cancelled: you are keeping the builtin questions.'],
    });
    expect(result.session.questions).toEqual(session.questions);
    expect(await ok(runtime, 'ai.cancel', { requestId })).toEqual({ cancelled: false });
  });

  it('answers at once with the builtin set when no model is set up', async () => {
    const runtime = await testRuntime();
    await ok(runtime, 'ai.settings.save', {
      ...DEFAULT_AI_SETTINGS,
      ollama: { ...DEFAULT_AI_SETTINGS.ollama, mode: 'off' },
    });
    const session = await ok(runtime, 'sessions.create', {
      role: 'Sales',
      difficulty: 'Easy',
      questionCount: 3,
    });
    const result = await ok(runtime, 'sessions.tailor', { sessionId: session.id, requestId: randomUUID() });
    expect(result).toMatchObject({ provider: 'builtin', replaced: 0 });
    expect(result.session.questions).toEqual(session.questions);
  });
});

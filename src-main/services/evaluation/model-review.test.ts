import { describe, expect, it } from 'vitest';
import type { EventName, EventPayload } from '../../../src-shared/contract';
import { answerFor } from '../../../tests/support/answers';
import { ok, runtimeWithOllama } from '../../../tests/support/runtime';

// Each test answers the question the session drew: a fixed story would not answer most of them.
const answer = (s: { questions: { text: string; expectedPoints: string[] }[] }) => answerFor(s.questions[0]!);
const OFF_TOPIC =
  'My favourite food is pizza, especially with mushrooms. On weekends I like to go hiking in the mountains with my dog. Dolphins are fascinating animals because they sleep with one half of their brain at a time.';

const review = (
  over: Partial<Record<string, number>> = {},
  example = 'Situation: checkout timed out for 15% of requests. Result: errors fell to 0.2%.',
) =>
  JSON.stringify({
    criteria: Object.fromEntries(
      ['content_quality', 'clarity', 'confidence', 'technical_accuracy'].map((c) => [
        c,
        { score: over[c] ?? 70, reason: `The model's reason for ${c}.` },
      ]),
    ),
    strengths: [{ text: 'You quantified the impact.', quote: 'Errors fell to 0.2% within a day.' }],
    improvements: [{ text: 'Say what you learnt.', quote: 'a line that is not in the answer' }],
    exampleAnswer: example,
  });

async function setup(answers: string[], delayMs = 0) {
  const { runtime, fake } = await runtimeWithOllama({ answers });
  fake.behaviour.delayMs = delayMs;
  const events: EventPayload<'evaluations.progress'>[] = [];
  runtime.subscribe((event: EventName, payload: unknown) => {
    if (event === 'evaluations.progress') events.push(payload as EventPayload<'evaluations.progress'>);
  });
  const s = await ok(runtime, 'sessions.create', {
    role: 'Backend Engineer',
    difficulty: 'Medium',
    questionCount: 2,
  });
  return { runtime, s, events, fake };
}

/** The model's own events; the builtin coach may also report an embedding check first. */
const settled = (events: { status: string; provider: string }[]) =>
  events.some((e) => e.provider !== 'builtin' && e.status !== 'running');
const modelEvents = <E extends { provider: string }>(events: E[]) =>
  events.filter((e) => e.provider !== 'builtin');

describe("a model's review of an answer", () => {
  it('arrives after the builtin feedback, replaces its text, keeps only real quotes and flags big disagreements', async () => {
    const { runtime, s, events } = await setup([review({ confidence: 5 })]);
    // Two points left out, so the builtin coach has something to re-read by meaning.
    const q = s.questions[0]!;
    const submitted = await ok(runtime, 'sessions.submitAnswer', {
      sessionQuestionId: q.id,
      text: answerFor({ text: q.text, expectedPoints: q.expectedPoints.slice(0, -2) }),
      elapsedMs: 1,
    });
    expect(submitted.questions[0]!.feedback!.provider).toBe('builtin');
    const builtinConfidence = submitted.questions[0]!.feedback!.result.criteria.confidence.score;
    await expect.poll(() => settled(events), { timeout: 10_000 }).toBe(true);
    expect(modelEvents(events).map((e) => e.status)).toEqual(['running', 'done']);
    // The fake server also embeds, so the builtin coach re-read the expected points by meaning first.
    expect(events[0]).toMatchObject({
      provider: 'builtin',
      status: 'done',
      note: expect.stringMatching(/^Checked your answer's meaning with ollama sentence embeddings/),
    });
    const after = (await ok(runtime, 'sessions.get', { sessionId: s.id })).questions[0]!.feedback!;
    expect(after.provider).toBe('ollama');
    expect(after.result.criteria.clarity.reason).toBe("The model's reason for clarity.");
    expect(after.result.strengths[0]!.quote).toBe('Errors fell to 0.2% within a day.');
    // The model's improvement quoted a line that is not in the answer: it is left out, and the candidate told.
    expect(after.result.improvements).toEqual([]);
    expect(modelEvents(events)[1]!.note).toContain(
      "One point of the model's review quoted words that are not in your answer, so it was left out.",
    );
    expect(after.builtinScores!.confidence.score).toBe(builtinConfidence);
    if (builtinConfidence > 35) {
      expect(after.flags).toContain('confidence');
      expect(modelEvents(events)[1]!.note).toMatch(/disagrees with the builtin coach on .*confidence/);
    }
    // The STAR reading and expected points stay the builtin coach's: they quote the answer exactly.
    expect(after.result.star).toEqual(submitted.questions[0]!.feedback!.result.star);
  });

  it('overrules a model that scores a non-answer above 35, and says why', async () => {
    const { runtime, s, events } = await setup([review({ content_quality: 90, clarity: 90 })]);
    const submitted = await ok(runtime, 'sessions.submitAnswer', {
      sessionQuestionId: s.questions[0]!.id,
      text: OFF_TOPIC,
      elapsedMs: 1,
    });
    const builtin = submitted.questions[0]!.feedback!;
    expect(builtin.result.relevance!.verdict).toBe('not_an_answer');
    await expect.poll(() => settled(events), { timeout: 10_000 }).toBe(true);
    expect(modelEvents(events).at(-1)).toMatchObject({
      status: 'done',
      note: expect.stringMatching(
        /^The model scored this \d+, but it does not answer the question \(This doesn't answer the question: it is about .+\), so the builtin feedback stands\.$/,
      ),
    });
    const after = (await ok(runtime, 'sessions.get', { sessionId: s.id })).questions[0]!.feedback!;
    expect(after.provider).toBe('builtin');
    expect(after.result.overall).toBe(builtin.result.overall);
    expect(after.result.overall).toBeLessThanOrEqual(25);
  });

  it('never shows an example answer with numbers the candidate did not give', async () => {
    const { runtime, s, events } = await setup([review({}, 'I cut errors by 95% and saved $2 million.')]);
    const submitted = await ok(runtime, 'sessions.submitAnswer', {
      sessionQuestionId: s.questions[0]!.id,
      text: answer(s),
      elapsedMs: 1,
    });
    await expect.poll(() => settled(events), { timeout: 10_000 }).toBe(true);
    const after = (await ok(runtime, 'sessions.get', { sessionId: s.id })).questions[0]!.feedback!;
    expect(after.provider).toBe('ollama');
    expect(after.result.exampleAnswer).not.toContain('95%');
    for (const n of after.result.exampleAnswer.match(/\d+(?:[.,]\d+)?/g) ?? [])
      expect(answer(s)).toContain(n);
    expect(submitted.questions[0]!.feedback!.provider).toBe('builtin');
  });

  it('falls back with a note when the model answers nonsense, and never holds up the submit', async () => {
    const { runtime, s, events } = await setup(['{"not": "a review"}'], 400);
    const t = performance.now();
    const submitted = await ok(runtime, 'sessions.submitAnswer', {
      sessionQuestionId: s.questions[0]!.id,
      text: answer(s),
      elapsedMs: 1,
    });
    expect(performance.now() - t).toBeLessThan(350);
    expect(submitted.currentPosition).toBe(1);
    await expect.poll(() => settled(events), { timeout: 20_000 }).toBe(true);
    expect(events.at(-1)).toMatchObject({
      status: 'failed',
      note: 'llama3.2 (Ollama) could not review this answer (ollama kept answering in a form Rehearse could not use.); the builtin feedback stands.',
    });
    expect((await ok(runtime, 'sessions.get', { sessionId: s.id })).questions[0]!.feedback!.provider).toBe(
      'builtin',
    );
  });
});

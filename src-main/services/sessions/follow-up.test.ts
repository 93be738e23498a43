import { describe, expect, it } from 'vitest';
import { ok, snapshot, testRuntime } from '../../../tests/support/runtime';

const VAGUE = 'I would talk to the customer and try to understand what they need from us.';

describe('follow-up turns', () => {
  it('asks at most two follow-ups per question in a mock interview, as their own turns', async () => {
    const runtime = await testRuntime();
    const s = await ok(runtime, 'sessions.create', {
      role: 'Sales',
      difficulty: 'Easy',
      questionCount: 2,
      mode: 'mock',
    });
    const first = s.questions[0]!;
    let d = await ok(runtime, 'sessions.submitAnswer', {
      sessionQuestionId: first.id,
      text: VAGUE,
      elapsedMs: 1000,
    });
    expect(d.questionCount).toBe(3);
    expect(d.questions[1]).toMatchObject({ parentId: first.id, source: 'follow_up', position: 1 });
    expect(d.questions[2]!.questionId).toBe(s.questions[1]!.questionId);
    d = await ok(runtime, 'sessions.submitAnswer', {
      sessionQuestionId: d.questions[1]!.id,
      text: VAGUE,
      elapsedMs: 1000,
    });
    expect(d.questions[2]).toMatchObject({ parentId: first.id, source: 'follow_up' });
    expect(d.questions[2]!.text).not.toBe(d.questions[1]!.text);
    d = await ok(runtime, 'sessions.submitAnswer', {
      sessionQuestionId: d.questions[2]!.id,
      text: VAGUE,
      elapsedMs: 1000,
    });
    // Two follow-ups asked: the next turn is the second question, not a third follow-up.
    expect(d.questions[d.currentPosition]!.questionId).toBe(s.questions[1]!.questionId);
    expect(d.questions.filter((q) => q.parentId === first.id)).toHaveLength(2);
    expect(d.questions.every((q) => q.answer === null || q.answer.skipped || q.feedback !== null)).toBe(true);
  });

  it('offers the follow-up in practice mode only until the candidate moves on', async () => {
    const runtime = await testRuntime();
    const s = await ok(runtime, 'sessions.create', { role: 'Sales', difficulty: 'Easy', questionCount: 2 });
    const after = await ok(runtime, 'sessions.submitAnswer', {
      sessionQuestionId: s.questions[0]!.id,
      text: VAGUE,
      elapsedMs: 1,
    });
    expect(after.questionCount).toBe(2);
    expect(after.questions[0]!.feedback?.provider).toBe('builtin');
    const taken = await ok(runtime, 'sessions.takeFollowUp', { sessionQuestionId: s.questions[0]!.id });
    expect(taken).toMatchObject({ questionCount: 3, currentPosition: 1 });
    expect(taken.questions[1]).toMatchObject({ parentId: s.questions[0]!.id, source: 'follow_up' });

    const other = await ok(runtime, 'sessions.create', {
      role: 'Sales',
      difficulty: 'Easy',
      questionCount: 2,
    });
    await ok(runtime, 'sessions.submitAnswer', {
      sessionQuestionId: other.questions[0]!.id,
      text: VAGUE,
      elapsedMs: 1,
    });
    await ok(runtime, 'sessions.saveDraft', {
      sessionQuestionId: other.questions[1]!.id,
      text: 'started',
      elapsedMs: 1,
    });
    const before = snapshot(runtime);
    expect(
      await runtime.invoke('sessions.takeFollowUp', { sessionQuestionId: other.questions[0]!.id }),
    ).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: 'You have already moved on from that question.' },
    });
    expect(snapshot(runtime)).toBe(before);
  });
});

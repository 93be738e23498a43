import { describe, expect, it } from 'vitest';
import { ok, runtimeWithOllama, snapshot, testRuntime } from '../../../tests/support/runtime';

const VAGUE = 'I would talk to the customer and try to understand what they need from us.';

describe('follow-up turns', () => {
  // a spoken mock interview is a mock interview held out loud: its follow-ups come the same way
  it.each(['mock', 'spoken'] as const)(
    'asks at most two follow-ups per question in a %s interview, as their own turns',
    async (mode) => {
      const runtime = await testRuntime();
      const s = await ok(runtime, 'sessions.create', {
        role: 'Sales',
        difficulty: 'Easy',
        questionCount: 2,
        mode,
      });
      expect(s.mode).toBe(mode);
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
      expect(d.questions.every((q) => q.answer === null || q.answer.skipped || q.feedback !== null)).toBe(
        true,
      );
    },
  );

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

describe('follow-ups adapted by a model', () => {
  async function mockWithFollowUp(answers: string[]) {
    const { runtime, fake } = await runtimeWithOllama({ answers });
    const s = await ok(runtime, 'sessions.create', {
      role: 'Sales',
      difficulty: 'Easy',
      questionCount: 2,
      mode: 'mock',
    });
    const d = await ok(runtime, 'sessions.submitAnswer', {
      sessionQuestionId: s.questions[0]!.id,
      text: VAGUE,
      elapsedMs: 1,
    });
    return { runtime, followUp: d.questions[1]!, fake };
  }

  it('rewrites the follow-up to fit what was said, and says who asked it', async () => {
    const { runtime, followUp, fake } = await mockWithFollowUp([
      '{"question":"You said you would try to understand their needs. Which two questions would you ask them first?"}',
    ]);
    const adapted = await ok(runtime, 'sessions.adaptFollowUp', {
      sessionQuestionId: followUp.id,
      requestId: crypto.randomUUID(),
    });
    expect(adapted).toMatchObject({
      provider: 'ollama',
      text: expect.stringContaining('Which two questions'),
    });
    expect(adapted.reason).toBe(`Asked by llama3.2 (Ollama) after your answer. ${followUp.reason}`);
    const sent = JSON.stringify(fake.requests.filter((r) => r.path === '/api/chat').at(-1)?.body);
    expect(sent).toContain('understand what they need');
    // Once adapted it stays as it is: asking again does not call the model.
    const calls = fake.requests.length;
    expect(
      (
        await ok(runtime, 'sessions.adaptFollowUp', {
          sessionQuestionId: followUp.id,
          requestId: crypto.randomUUID(),
        })
      ).text,
    ).toBe(adapted.text);
    expect(fake.requests.length).toBe(calls);
  });

  it('keeps the builtin follow-up when the model asks something it must not', async () => {
    const { runtime, followUp } = await mockWithFollowUp([
      '{"question":"How old are you, and are you planning a family?"}',
    ]);
    const adapted = await ok(runtime, 'sessions.adaptFollowUp', {
      sessionQuestionId: followUp.id,
      requestId: crypto.randomUUID(),
    });
    expect(adapted).toMatchObject({ provider: 'builtin', text: followUp.text });
    const s = await ok(runtime, 'sessions.get', {
      sessionId: (await ok(runtime, 'sessions.resumable', {}))!.id,
    });
    expect(s.questions[1]!.text).toBe(followUp.text);
  });
});

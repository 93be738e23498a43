import { describe, expect, it } from 'vitest';
import { ok, snapshot, tempDir, testRuntime } from '../../../tests/support/runtime';

const ANSWER = 'I owned the migration plan and shipped it in two weeks.';

describe('practice sessions', () => {
  it('creates a session with the first question shown and the rest waiting', async () => {
    const runtime = await testRuntime();
    const s = await ok(runtime, 'sessions.create', {
      role: 'Backend Engineer',
      difficulty: 'Medium',
      questionCount: 4,
    });
    expect(s).toMatchObject({
      status: 'active',
      questionCount: 4,
      answeredCount: 0,
      currentPosition: 0,
      mode: 'practice',
    });
    expect(s.questions.map((q) => q.position)).toEqual([0, 1, 2, 3]);
    const shown = runtime.connection.sqlite
      .prepare(
        'SELECT position, first_shown_at IS NOT NULL AS shown FROM session_questions WHERE session_id = ? ORDER BY position',
      )
      .all(s.id);
    expect(shown).toEqual([
      { position: 0, shown: 1 },
      { position: 1, shown: 0 },
      { position: 2, shown: 0 },
      { position: 3, shown: 0 },
    ]);
    expect(new Set(s.questions.map((q) => q.questionId)).size).toBe(4);
  });

  it('keeps a draft and the elapsed time across a restart of the runtime', async () => {
    const dataDir = tempDir();
    const first = await testRuntime({ dataDir });
    const s = await ok(first, 'sessions.create', {
      role: 'Product Manager',
      difficulty: 'Easy',
      questionCount: 2,
    });
    const q = s.questions[0]!;
    await ok(first, 'sessions.saveDraft', {
      sessionQuestionId: q.id,
      text: 'half a thought',
      elapsedMs: 4200,
    });
    await first.close();

    const second = await testRuntime({ dataDir });
    expect(await ok(second, 'sessions.resumable', {})).toMatchObject({ id: s.id, currentPosition: 0 });
    const again = await ok(second, 'sessions.get', { sessionId: s.id });
    expect(again.questions[0]).toMatchObject({
      elapsedMs: 4200,
      draft: { text: 'half a thought' },
      answer: null,
    });
  });

  it('never lets an older elapsed time overwrite a newer one', async () => {
    const runtime = await testRuntime();
    const s = await ok(runtime, 'sessions.create', { role: 'Sales', difficulty: 'Easy', questionCount: 1 });
    const id = s.questions[0]!.id;
    await ok(runtime, 'sessions.saveDraft', { sessionQuestionId: id, text: 'b', elapsedMs: 9000 });
    await ok(runtime, 'sessions.saveDraft', { sessionQuestionId: id, text: 'a', elapsedMs: 3000 });
    const got = await ok(runtime, 'sessions.get', { sessionId: s.id });
    expect(got.questions[0]).toMatchObject({ elapsedMs: 9000, draft: { text: 'a' } });
  });

  it('records answers in order, removes their drafts, marks overtime and completes on the last one', async () => {
    const runtime = await testRuntime();
    const s = await ok(runtime, 'sessions.create', {
      role: 'Data Analyst',
      difficulty: 'Hard',
      questionCount: 2,
    });
    const [q1, q2] = s.questions;
    await ok(runtime, 'sessions.saveDraft', { sessionQuestionId: q1!.id, text: 'draft', elapsedMs: 1000 });
    const afterFirst = await ok(runtime, 'sessions.submitAnswer', {
      sessionQuestionId: q1!.id,
      text: ANSWER,
      elapsedMs: 2000,
    });
    expect(afterFirst).toMatchObject({ status: 'active', currentPosition: 1, answeredCount: 1 });
    expect(afterFirst.questions[0]).toMatchObject({
      draft: null,
      answer: { text: ANSWER, skipped: false, timeTakenMs: 2000, overtime: false },
    });

    const overtimeMs = q2!.timeLimitSec * 1000 + 1;
    const done = await ok(runtime, 'sessions.submitAnswer', {
      sessionQuestionId: q2!.id,
      text: ANSWER,
      elapsedMs: overtimeMs,
    });
    expect(done).toMatchObject({ status: 'completed', answeredCount: 2, completedAt: expect.any(String) });
    expect(done.questions[1]!.answer).toMatchObject({ overtime: true, timeTakenMs: overtimeMs });
    expect(await ok(runtime, 'sessions.resumable', {})).toBeNull();
  });

  it('refuses to answer out of turn, twice, or after the session ended, and writes nothing', async () => {
    const runtime = await testRuntime();
    const s = await ok(runtime, 'sessions.create', { role: 'Sales', difficulty: 'Medium', questionCount: 3 });
    const [q1, q2] = s.questions;
    let before = snapshot(runtime);
    expect(
      await runtime.invoke('sessions.submitAnswer', {
        sessionQuestionId: q2!.id,
        text: ANSWER,
        elapsedMs: 1,
      }),
    ).toEqual({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: 'Questions are answered one at a time; this is not the current question.',
      },
    });
    expect(snapshot(runtime)).toBe(before);

    await ok(runtime, 'sessions.submitAnswer', { sessionQuestionId: q1!.id, text: ANSWER, elapsedMs: 1 });
    before = snapshot(runtime);
    expect(
      await runtime.invoke('sessions.submitAnswer', {
        sessionQuestionId: q1!.id,
        text: ANSWER,
        elapsedMs: 1,
      }),
    ).toMatchObject({
      error: { code: 'CONFLICT', message: 'This question has already been answered.' },
    });
    expect(
      await runtime.invoke('sessions.saveDraft', { sessionQuestionId: q1!.id, text: 'late', elapsedMs: 1 }),
    ).toMatchObject({
      error: { code: 'CONFLICT' },
    });
    expect(snapshot(runtime)).toBe(before);

    await ok(runtime, 'sessions.end', { sessionId: s.id });
    before = snapshot(runtime);
    expect(
      await runtime.invoke('sessions.submitAnswer', {
        sessionQuestionId: q2!.id,
        text: ANSWER,
        elapsedMs: 1,
      }),
    ).toEqual({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: 'This session has ended, so its answers can no longer be changed.',
        details: { status: 'completed' },
      },
    });
    expect(await runtime.invoke('sessions.end', { sessionId: s.id })).toMatchObject({
      error: { code: 'CONFLICT', message: 'This session has already ended.' },
    });
    expect(snapshot(runtime)).toBe(before);
  });

  it('ends a session with no answers as abandoned and keeps its draft', async () => {
    const runtime = await testRuntime();
    const s = await ok(runtime, 'sessions.create', { role: 'Sales', difficulty: 'Easy', questionCount: 2 });
    await ok(runtime, 'sessions.saveDraft', {
      sessionQuestionId: s.questions[0]!.id,
      text: 'unsent words',
      elapsedMs: 10,
    });
    const ended = await ok(runtime, 'sessions.end', { sessionId: s.id });
    expect(ended.status).toBe('abandoned');
    expect(ended.questions[0]!.draft?.text).toBe('unsent words');
  });

  it('skips a question and moves on', async () => {
    const runtime = await testRuntime();
    const s = await ok(runtime, 'sessions.create', { role: 'Sales', difficulty: 'Easy', questionCount: 2 });
    const next = await ok(runtime, 'sessions.skipQuestion', {
      sessionQuestionId: s.questions[0]!.id,
      elapsedMs: 3000,
    });
    expect(next.currentPosition).toBe(1);
    expect(next.questions[0]!.answer).toMatchObject({ skipped: true, text: '' });
  });

  it('lists sessions newest first, paged, with answered counts', async () => {
    let clock = Date.parse('2026-01-01T09:00:00Z');
    const runtime = await testRuntime({ now: () => new Date((clock += 60_000)) });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const s = await ok(runtime, 'sessions.create', { role: 'Sales', difficulty: 'Easy', questionCount: 2 });
      if (i === 0)
        await ok(runtime, 'sessions.submitAnswer', {
          sessionQuestionId: s.questions[0]!.id,
          text: ANSWER,
          elapsedMs: 1,
        });
      ids.push(s.id);
    }
    const page1 = await ok(runtime, 'sessions.list', { page: 1, pageSize: 2 });
    const page3 = await ok(runtime, 'sessions.list', { page: 3, pageSize: 2 });
    expect(page1.total).toBe(5);
    expect(page1.items.map((s) => s.id)).toEqual([ids[4], ids[3]]);
    expect(page3.items.map((s) => s.id)).toEqual([ids[0]]);
    expect(page3.items[0]!.answeredCount).toBe(1);
  });

  it('tells the candidate a session does not exist', async () => {
    const runtime = await testRuntime();
    expect(
      await runtime.invoke('sessions.get', { sessionId: '00000000-0000-4000-8000-000000000000' }),
    ).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'That practice session no longer exists.' },
    });
  });

  it('emits sessions.changed for every change', async () => {
    const runtime = await testRuntime();
    const seen: string[] = [];
    runtime.subscribe((event, payload) => seen.push(`${event}:${(payload as { status: string }).status}`));
    const s = await ok(runtime, 'sessions.create', { role: 'Sales', difficulty: 'Easy', questionCount: 1 });
    await ok(runtime, 'sessions.submitAnswer', {
      sessionQuestionId: s.questions[0]!.id,
      text: ANSWER,
      elapsedMs: 1,
    });
    expect(seen).toEqual(['sessions.changed:active', 'sessions.changed:completed']);
  });
});

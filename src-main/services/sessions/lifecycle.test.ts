import { describe, expect, it } from 'vitest';
import { ok, snapshot, testRuntime } from '../../../tests/support/runtime';

const ANSWER = 'I split the rollout into three waves and measured errors after each.';

async function complete(runtime: Awaited<ReturnType<typeof testRuntime>>, sessionId: string) {
  let s = await ok(runtime, 'sessions.get', { sessionId });
  while (s.status === 'active')
    s = await ok(runtime, 'sessions.submitAnswer', {
      sessionQuestionId: s.questions[s.currentPosition]!.id,
      text: ANSWER,
      elapsedMs: 5000,
    });
  return s;
}

describe('session lifecycle', () => {
  it('pauses and resumes, refuses answers while paused, and keeps drafts typed at the moment of pausing', async () => {
    const runtime = await testRuntime();
    const s = await ok(runtime, 'sessions.create', { role: 'Sales', difficulty: 'Easy', questionCount: 2 });
    const q = s.questions[0]!;
    const paused = await ok(runtime, 'sessions.pause', { sessionId: s.id });
    expect(paused).toMatchObject({ status: 'paused', pausedAt: expect.any(String) });
    await ok(runtime, 'sessions.saveDraft', { sessionQuestionId: q.id, text: 'last words', elapsedMs: 7000 });
    const before = snapshot(runtime);
    expect(
      await runtime.invoke('sessions.submitAnswer', {
        sessionQuestionId: q.id,
        text: ANSWER,
        elapsedMs: 7000,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'This session is paused. Resume it to carry on answering.' },
    });
    expect(await runtime.invoke('sessions.pause', { sessionId: s.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'This session is already paused.' },
    });
    expect(snapshot(runtime)).toBe(before);
    expect(await ok(runtime, 'sessions.resumable', {})).toMatchObject({ id: s.id, status: 'paused' });
    const resumed = await ok(runtime, 'sessions.resume', { sessionId: s.id });
    expect(resumed).toMatchObject({ status: 'active', pausedAt: null });
    expect(resumed.questions[0]).toMatchObject({ elapsedMs: 7000, draft: { text: 'last words' } });
    expect(await runtime.invoke('sessions.resume', { sessionId: s.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'This session is not paused.' },
    });
  });

  it('ends a paused session as completed when something was answered', async () => {
    const runtime = await testRuntime();
    const s = await ok(runtime, 'sessions.create', { role: 'Sales', difficulty: 'Easy', questionCount: 3 });
    await ok(runtime, 'sessions.submitAnswer', {
      sessionQuestionId: s.questions[0]!.id,
      text: ANSWER,
      elapsedMs: 1,
    });
    await ok(runtime, 'sessions.pause', { sessionId: s.id });
    expect(await ok(runtime, 'sessions.end', { sessionId: s.id })).toMatchObject({ status: 'completed' });
  });

  it('retakes a completed session with the same questions as numbered attempts', async () => {
    const runtime = await testRuntime();
    const first = await ok(runtime, 'sessions.create', {
      role: 'Data Analyst',
      difficulty: 'Medium',
      questionCount: 3,
      mode: 'mock',
      categories: ['Technical', 'Behavioral'],
    });
    expect(await runtime.invoke('sessions.retake', { sessionId: first.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'Only a completed session can be retaken.' },
    });
    await complete(runtime, first.id);
    const second = await ok(runtime, 'sessions.retake', { sessionId: first.id });
    expect(second).toMatchObject({
      attempt: 2,
      retakeOf: first.id,
      firstAttemptId: first.id,
      mode: 'mock',
      categories: ['Technical', 'Behavioral'],
      status: 'active',
    });
    expect(second.questions.map((q) => q.questionId)).toEqual(first.questions.map((q) => q.questionId));
    expect(second.questions.every((q) => q.answer === null && q.draft === null)).toBe(true);
    await complete(runtime, second.id);
    // Retaking the first attempt again still numbers after the latest.
    const third = await ok(runtime, 'sessions.retake', { sessionId: first.id });
    expect(third).toMatchObject({ attempt: 3, retakeOf: first.id, firstAttemptId: first.id });
  });

  it('refuses company mode without a company, naming the field', async () => {
    const runtime = await testRuntime();
    const before = snapshot(runtime);
    expect(
      await runtime.invoke('sessions.create', {
        role: 'Sales',
        difficulty: 'Easy',
        questionCount: 2,
        mode: 'company',
      }),
    ).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION_ERROR',
        message: 'Choose a company for company mode.',
        details: { field: 'companyId', reason: 'Choose a company for company mode.' },
      },
    });
    expect(
      await runtime.invoke('sessions.create', {
        role: 'Sales',
        difficulty: 'Easy',
        questionCount: 2,
        mode: 'casual',
      }),
    ).toMatchObject({
      ok: false,
      error: { message: 'Mode must be Practice, Mock interview, Spoken mock interview or Company.' },
    });
    expect(snapshot(runtime)).toBe(before);
  });
});

describe('history filters', () => {
  it('narrows by date range, role, job and status, and pages the result', async () => {
    let now = Date.parse('2026-10-01T12:00:00Z');
    const runtime = await testRuntime({ now: () => new Date(now) });
    const job = await ok(runtime, 'jobs.create', { title: 'Analyst', description: 'SQL and dashboards.' });
    const made: { id: string; day: number; role: string }[] = [];
    for (let day = 0; day < 40; day++) {
      now = Date.parse('2026-10-01T12:00:00Z') + day * 86_400_000;
      const role = day % 2 === 0 ? 'Sales' : 'Data Analyst';
      const s = await ok(runtime, 'sessions.create', {
        role,
        difficulty: 'Easy',
        questionCount: 1,
        jobId: day % 5 === 0 ? job.id : undefined,
      });
      if (day % 3 === 0) await complete(runtime, s.id);
      made.push({ id: s.id, day, role });
    }
    const since = new Date(now - 6 * 86_400_000).toISOString();
    const week = await ok(runtime, 'sessions.list', { since, pageSize: 100 });
    expect(week.total).toBe(7);
    const sales = await ok(runtime, 'sessions.list', { role: 'Sales', status: 'completed', pageSize: 100 });
    expect(sales.items.map((s) => s.id).sort()).toEqual(
      made
        .filter((m) => m.role === 'Sales' && m.day % 3 === 0)
        .map((m) => m.id)
        .sort(),
    );
    const forJob = await ok(runtime, 'sessions.list', { jobId: job.id, pageSize: 3, page: 2 });
    expect(forJob).toMatchObject({ total: 8, page: 2 });
    expect(forJob.items.map((s) => s.jobId)).toEqual([job.id, job.id, job.id]);
    const range = await ok(runtime, 'sessions.list', {
      since: '2026-10-05T00:00:00+02:00',
      until: '2026-10-07T23:59:59+02:00',
    });
    expect(range.total).toBe(3);
    const before = snapshot(runtime);
    expect(
      await runtime.invoke('sessions.list', { since: '2026-10-07T00:00:00Z', until: '2026-10-05T00:00:00Z' }),
    ).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION_ERROR',
        message: 'The end date must be on or after the start date.',
        details: { field: 'until', reason: 'The end date must be on or after the start date.' },
      },
    });
    expect(snapshot(runtime)).toBe(before);
  });
});

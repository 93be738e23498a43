import { describe, expect, it } from 'vitest';
import { answerFor } from '../../../tests/support/answers';
import { ok, testRuntime } from '../../../tests/support/runtime';

type TestRuntime = Awaited<ReturnType<typeof testRuntime>>;

// A strong answer speaks to the question drawn: a fixed story would not answer most of them.
const STRONG = answerFor;
const WEAK = () => 'I do not really know, maybe I would call them.';

async function finishSession(
  runtime: TestRuntime,
  answer: (q: { text: string; expectedPoints: string[] }) => string,
) {
  const s = await ok(runtime, 'sessions.create', {
    role: 'Sales',
    difficulty: 'Easy',
    questionCount: 2,
  });
  for (const q of s.questions)
    await ok(runtime, 'sessions.submitAnswer', {
      sessionQuestionId: q.id,
      text: answer(q),
      elapsedMs: 60_000,
    });
  // Answering the last question completes the session.
  expect((await ok(runtime, 'sessions.get', { sessionId: s.id })).status).toBe('completed');
  return s.id;
}

describe('the first hour guide', () => {
  it('ticks each first step off as the candidate’s data shows it, and remembers the first report seen', async () => {
    const runtime = await testRuntime();
    const steps = async () =>
      Object.fromEntries((await ok(runtime, 'guide.get', {})).steps.map((s) => [s.id, s.done]));
    expect(await steps()).toEqual({
      profile: false,
      resume: false,
      job: false,
      session: false,
      report: false,
    });
    await ok(runtime, 'profile.save', { name: 'Ines', targetRole: 'Sales', experienceLevel: 'Mid' });
    await ok(runtime, 'jobs.create', {
      title: 'Account Executive',
      description: 'Salesforce and negotiation.',
    });
    expect(await steps()).toMatchObject({ profile: true, resume: false, job: true, session: false });
    const id = await finishSession(runtime, WEAK);
    const guide = await ok(runtime, 'guide.get', {});
    expect(guide.latestCompletedId).toBe(id);
    expect(guide.steps.find((s) => s.id === 'report')!.done).toBe(false);
    // A session in progress has no report yet: opening it does not count.
    const open = await ok(runtime, 'sessions.create', {
      role: 'Sales',
      difficulty: 'Easy',
      questionCount: 1,
    });
    expect((await ok(runtime, 'guide.reportSeen', { sessionId: open.id })).steps.at(-1)).toEqual({
      id: 'report',
      done: false,
    });
    expect((await ok(runtime, 'guide.reportSeen', { sessionId: id })).steps.at(-1)).toEqual({
      id: 'report',
      done: true,
    });
    expect((await ok(runtime, 'guide.get', {})).dismissed).toBe(false);
    expect((await ok(runtime, 'guide.dismiss', {})).dismissed).toBe(true);
  });

  it('names the next step: a retake after a weak session, else a job’s missing skill, else the weakest category', async () => {
    const runtime = await testRuntime();
    await ok(runtime, 'profile.save', { name: 'Ines', targetRole: 'Sales', experienceLevel: 'Mid' });
    expect((await ok(runtime, 'guide.get', {})).next).toBeNull();
    const weak = await finishSession(runtime, WEAK);
    const retake = (await ok(runtime, 'guide.get', {})).next!;
    expect(retake).toMatchObject({ kind: 'retake', sessionId: weak, action: 'Retake it now', setup: null });
    expect(retake.reason).toMatch(/^Your last Sales session averaged \d+\/100\. /);

    const strong = await finishSession(runtime, STRONG);
    const report = await ok(runtime, 'sessions.report', { sessionId: strong });
    expect(report.averages!.overall).toBeGreaterThanOrEqual(60);
    const weakest = (await ok(runtime, 'guide.get', {})).next!;
    expect(weakest.kind).toBe('weak_category');
    expect(weakest.setup).toMatchObject({ categories: [expect.any(String)], questionCount: 5 });

    await ok(runtime, 'resumes.importText', {
      requestId: crypto.randomUUID(),
      text: 'Ines Duarte\nines@example.org\n\nEXPERIENCE\nAccount Manager, Tidewell\nMar 2019 – Present\n- Grew renewals by 20% across 30 accounts.\n\nSKILLS\nNegotiation, Prospecting',
    });
    const job = await ok(runtime, 'jobs.create', {
      title: 'Account Executive',
      company: 'Larkspur',
      description: 'Required: Salesforce, negotiation and prospecting.',
    });
    const gap = (await ok(runtime, 'guide.get', {})).next!;
    expect(gap).toEqual({
      kind: 'job_gap',
      title: 'Prepare to talk about Salesforce',
      reason: 'Account Executive at Larkspur asks for Salesforce, and your résumé does not mention it.',
      action: 'Practise for Account Executive',
      sessionId: null,
      setup: { jobId: job.id, questionCount: 5 },
    });
  });
});

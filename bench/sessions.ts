// Session benches: the writes a candidate waits on, through the same handlers the hosts call, and the crash trial.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startRuntime } from '../src-main/core/runtime';
import { runCrashTrials } from '../tests/support/crash';
import { memorySecrets } from '../tests/support/memory-secrets';
import { report } from './stats';
import { ok } from '../tests/support/invoke';

const ANSWER =
  'I owned the migration plan, split it into three waves and measured error rates after each; we finished two weeks early.';

export async function benchSessionWrites(dataDir: string): Promise<void> {
  const runtime = await startRuntime({ dataDir, host: 'cli', secrets: memorySecrets() });
  try {
    const create: number[] = [];
    const submit: number[] = [];
    const draft: number[] = [];
    for (let i = 0; i < 200; i++) {
      let t = performance.now();
      const s = await ok(runtime, 'sessions.create', {
        role: 'Backend Engineer',
        difficulty: 'Medium',
        questionCount: 5,
      });
      create.push(performance.now() - t);
      const q = s.questions[0]!.id;
      for (let k = 0; k < 5; k++) {
        t = performance.now();
        await ok(runtime, 'sessions.saveDraft', {
          sessionQuestionId: q,
          text: ANSWER.slice(0, 20 + k * 10),
          elapsedMs: k,
        });
        draft.push(performance.now() - t);
      }
      t = performance.now();
      await ok(runtime, 'sessions.submitAnswer', { sessionQuestionId: q, text: ANSWER, elapsedMs: 9000 });
      submit.push(performance.now() - t);
    }
    report('session_create_with_first_question_builtin', 'ms', create, { target_p95: 100 });
    report('session_submit_answer', 'ms', submit, { target_p95: 20, note: 'evaluation excluded' });
    report('session_save_draft', 'ms', draft, { target_p95: 5 });
  } finally {
    await runtime.close();
  }
}

export async function benchCrash(browser: Browser): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'rehearse-crash-'));
  const result = await runCrashTrials(browser, dir, 50);
  report('crash_trial_draft_lag', 'ms', result.draftLagMs, {
    trials: result.trials,
    answers_lost: result.answersLost,
    integrity_failures: result.integrityFailures,
    confirmed_answers: result.confirmedAnswers,
    target: 'answers_lost 0, draft lag about 1 s at most',
  });
}

/** The report of a 20-question session (target ≤ 50 ms): every answer evaluated, then the report built. */
export async function benchReport(dataDir: string): Promise<void> {
  const runtime = await startRuntime({ dataDir, host: 'cli', secrets: memorySecrets() });
  try {
    const s = await ok(runtime, 'sessions.create', {
      role: 'Software Engineer',
      difficulty: 'Medium',
      questionCount: 20,
    });
    for (const q of s.questions)
      await ok(runtime, 'sessions.submitAnswer', {
        sessionQuestionId: q.id,
        text: ANSWER,
        elapsedMs: 90_000,
      });
    const samples: number[] = [];
    for (let i = 0; i < 100; i++) {
      const t = performance.now();
      await ok(runtime, 'sessions.report', { sessionId: s.id });
      samples.push(performance.now() - t);
    }
    report('session_report_20_questions', 'ms', samples, { target_p95: 50 });
  } finally {
    await runtime.close();
  }
}

/**
 * The crash trial: a candidate types and submits in the real UI in Chromium while the host process is killed
 * with SIGKILL at a random moment. After each kill the database file is checked: integrity, every answer the
 * UI had confirmed, and how far the saved draft trails what had been typed.
 */
import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startHost } from './host-process';

export interface CrashReport {
  trials: number;
  answersLost: number;
  integrityFailures: number;
  /** How much typing the saved draft was missing at the moment of the kill, per trial (ms). */
  draftLagMs: number[];
  confirmedAnswers: number;
}

const WORDS =
  'we shipped the queue first then measured latency and cut errors by half within two weeks'.split(' ');

async function reachRoom(page: Page): Promise<void> {
  const resume = page.getByRole('button', { name: 'Resume session' });
  const start = page.getByRole('button', { name: 'Start a practice session' });
  await Promise.race([resume.waitFor(), start.waitFor()]);
  let fresh = !(await resume.isVisible());
  if (!fresh) {
    await resume.click();
    const paused = page.getByRole('button', { name: 'Resume', exact: true });
    const answer = page.getByLabel('Your answer');
    // The last submit before the kill may have finished the session: the room then shows its review.
    const review = page.getByRole('button', { name: 'New session' });
    await Promise.race([paused.waitFor(), answer.waitFor(), review.waitFor()]);
    if (await paused.isVisible()) await paused.click();
    if (await review.isVisible()) {
      await review.click();
      fresh = true;
    }
  } else await start.click();
  if (fresh) {
    // Long enough that most kills land mid-answer rather than on a finished session's review, which would
    // leave no draft to measure.
    await page.getByLabel('Number of questions').fill('8');
    await page.getByRole('button', { name: 'Start' }).click();
  }
  await page.getByLabel('Your answer').waitFor();
}

export async function runCrashTrials(
  browser: Browser,
  dataDir: string,
  trials: number,
  random: () => number = Math.random,
): Promise<CrashReport> {
  const report: CrashReport = {
    trials,
    answersLost: 0,
    integrityFailures: 0,
    draftLagMs: [],
    confirmedAnswers: 0,
  };
  const confirmed = new Map<string, string>();
  let onboarded = false;
  for (let trial = 0; trial < trials; trial++) {
    const host = await startHost(['--data-dir', dataDir]);
    const context = await browser.newContext();
    const page = await context.newPage();
    let typed = '';
    let typedAt: number[] = [];
    let questionId = '';
    try {
      await page.goto(host.url);
      if (!onboarded) {
        await page.getByLabel('Your name').fill('Crash');
        await page.getByLabel('Target role').selectOption('Sales');
        await page.getByRole('radio', { name: 'Mid' }).check();
        await page.getByRole('button', { name: 'Continue' }).click();
        onboarded = true;
      }
      await reachRoom(page);
      const box = page.getByLabel('Your answer');
      typed = await box.inputValue();
      typedAt = typed.split('').map(() => 0);
      questionId = await currentQuestionId(dataDir);
      const killAfter = 300 + random() * 3500;
      const started = Date.now();
      await box.focus();
      await page.keyboard.press('Control+End');
      while (Date.now() - started < killAfter) {
        if (typed.length > 40 && random() < 0.08) {
          const text = typed;
          const qid = questionId;
          await page.keyboard.press('Control+Enter');
          // Confirmed only once the UI moved on (next question or the review): the write it waited for has committed.
          const review = page.getByRole('button', { name: 'Retake with the same questions' });
          const next = page.getByRole('button', { name: 'Next question' });
          await Promise.race([
            review.waitFor({ timeout: 5000 }),
            next.waitFor({ timeout: 5000 }),
            page.waitForFunction(
              (t) => {
                const el = document.querySelector('textarea');
                return el !== null && el.value !== t;
              },
              text,
              { timeout: 5000 },
            ),
          ]);
          confirmed.set(qid, text);
          if (await review.isVisible()) break;
          if (await next.isVisible()) await next.click();
          typed = '';
          typedAt = [];
          questionId = await currentQuestionId(dataDir);
          await page.getByLabel('Your answer').focus();
          continue;
        }
        const word = `${WORDS[Math.floor(random() * WORDS.length)]!} `;
        for (const ch of word) {
          await page.keyboard.type(ch);
          typed += ch;
          typedAt.push(Date.now());
        }
      }
    } catch (err) {
      // The page may be mid-action when the host goes; what matters is what reached the disk.
      // CRASH_DEBUG=1 prints each failed step and saves a screenshot of the page, for diagnosing a failing trial.
      if (process.env.CRASH_DEBUG) {
        console.log('trial', trial, (err as Error).message.split('\n')[0]);
        await page.screenshot({ path: `/tmp/crash-${trial}.png` }).catch(() => undefined);
      }
    }
    const killedAt = Date.now();
    await host.stop('SIGKILL');
    await context.close().catch(() => undefined);

    // Read-write: after a crash SQLite may need to recover the write-ahead log, as the next start would.
    const db = new BetterSqlite3(join(dataDir, 'rehearse.sqlite'));
    try {
      if (db.pragma('integrity_check', { simple: true }) !== 'ok') report.integrityFailures++;
      for (const [qid, text] of confirmed) {
        const row = db.prepare('SELECT text FROM answers WHERE session_question_id = ?').get(qid) as
          { text: string } | undefined;
        if (row?.text !== text) {
          report.answersLost++;
          if (process.env.CRASH_DEBUG)
            console.log('lost', qid, JSON.stringify(text), JSON.stringify(row?.text));
        }
      }
      if (questionId && !confirmed.has(questionId)) {
        const draft = db.prepare('SELECT text FROM drafts WHERE session_question_id = ?').get(questionId) as
          { text: string } | undefined;
        const saved = draft?.text ?? '';
        const keep = typed.startsWith(saved) ? saved.length : 0;
        // The first character the disk does not have was typed at typedAt[keep]; everything after is lag.
        const firstMissing = typedAt[keep];
        report.draftLagMs.push(keep >= typed.length || !firstMissing ? 0 : killedAt - firstMissing);
      }
    } finally {
      db.close();
    }
  }
  report.confirmedAnswers = confirmed.size;
  return report;
}

/** The question on screen: the open session's current one, read from the file the host writes. */
async function currentQuestionId(dataDir: string): Promise<string> {
  for (let i = 0; i < 20; i++) {
    const db = new BetterSqlite3(join(dataDir, 'rehearse.sqlite'), { readonly: true });
    try {
      const row = db
        .prepare(
          "SELECT q.id FROM sessions s JOIN session_questions q ON q.session_id = s.id AND q.position = s.current_position WHERE s.status IN ('active','paused') ORDER BY s.updated_at DESC LIMIT 1",
        )
        .get() as { id: string } | undefined;
      if (row) return row.id;
    } finally {
      db.close();
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return '';
}

// `npm run bench`: one JSON line per figure. Timings are p50/p95 over many runs, never single samples.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RehearseApi } from '../src-shared/contract';
import { KEEP_NAMES_SHIM, launchBrowser } from '../tests/support/browser';
import { startHost } from '../tests/support/host-process';
import { benchChainOverhead, benchStreamToRenderer } from './ai';
import { benchAccuracy, benchParse, benchRealAccuracy } from './parse';
import { benchPostings, benchQuestionShares } from './postings';
import { benchQuestionSet } from './questions';
import { benchCrash, benchReport, benchSessionWrites } from './sessions';
import { benchEvaluation } from './evaluation';
import { benchData } from './data';
import { benchBackupAudio } from './backup-audio';
import { benchVault } from './vault';
import { benchProgress } from './progress';
import { benchServer } from './server';
import { benchPackage } from './package';
import { benchVoice } from './voice';
import { benchVoiceCrash } from './voice-crash';
import { benchWhisper } from './whisper';
import { benchStart } from './start';
import { report } from './stats';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'rehearse-bench-'));
  dirs.push(dir);
  return dir;
};

async function main() {
  const browser = await launchBrowser();
  try {
    await benchStart(browser, tempDir);

    // Round trips through window.rehearse in the page: fetch, HTTP, validation, handler, SQLite, JSON back.
    const host = await startHost(['--data-dir', tempDir()]);
    const context = await browser.newContext();
    await context.addInitScript(KEEP_NAMES_SHIM);
    const page = await context.newPage();
    await page.goto(host.url);
    await page.getByRole('heading', { name: 'Welcome to Rehearse' }).waitFor();
    const timings = await page.evaluate(async () => {
      const api = (window as unknown as { rehearse: RehearseApi }).rehearse;
      const time = async (n: number, fn: (i: number) => Promise<{ ok: boolean }>) => {
        const out: number[] = [];
        for (let i = 0; i < n; i++) {
          const t = performance.now();
          const r = await fn(i);
          if (!r.ok) throw new Error(JSON.stringify(r));
          out.push(performance.now() - t);
        }
        return out;
      };
      await api.invoke('profile.save', {
        name: 'Bench',
        targetRole: 'Backend Engineer',
        experienceLevel: 'Mid',
      });
      const session = await api.invoke('sessions.create', {
        role: 'Backend Engineer',
        difficulty: 'Medium',
        questionCount: 1,
      });
      if (!session.ok) throw new Error(session.error.message);
      const sessionQuestionId = session.value.questions[0]!.id;
      await time(50, () => api.invoke('app.info', {}));
      return {
        info: await time(1000, () => api.invoke('app.info', {})),
        draft: await time(1000, (i) =>
          api.invoke('sessions.saveDraft', {
            sessionQuestionId,
            text: `draft ${i} `.repeat(40),
            elapsedMs: i,
          }),
        ),
      };
    });
    report('browser_host_round_trip_app_info', 'ms', timings.info);
    report('browser_host_round_trip_save_draft', 'ms', timings.draft);
    await context.close();
    await host.stop();

    await benchChainOverhead();
    await benchStreamToRenderer(browser, tempDir());
    await benchParse(tempDir());
    await benchRealAccuracy();
    await benchAccuracy(tempDir());
    benchPostings();
    await benchQuestionShares();
    await benchQuestionSet(tempDir());
    await benchSessionWrites(tempDir());
    await benchReport(tempDir());
    await benchEvaluation();
    await benchCrash(browser);
    await benchProgress(tempDir());
    await benchData(tempDir());
    await benchBackupAudio(tempDir());
    await benchVault(tempDir());
    await benchServer();
    benchPackage();
    await benchVoice(tempDir());
    await benchVoiceCrash(tempDir);
    await benchWhisper(tempDir());
  } finally {
    await browser.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}

void main();

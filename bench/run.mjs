// `npm run bench`: one JSON line per figure. Timings are p50/p95 over many runs, never single samples.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'rehearse');
const CHROMIUM = process.env.REHEARSE_CHROMIUM ?? '/usr/bin/chromium';

function quantile(sorted, q) {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

function report(name, unit, samples, extra = {}) {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (n) => Math.round(n * 1000) / 1000;
  console.log(
    JSON.stringify({
      bench: name,
      unit,
      runs: samples.length,
      p50: round(quantile(sorted, 0.5)),
      p95: round(quantile(sorted, 0.95)),
      max: round(sorted.at(-1)),
      ...extra,
    }),
  );
}

function startHost(dataDir) {
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /Rehearse is running at (\S+)/.exec(out);
      if (m)
        resolve({
          url: m[1],
          stop: () => new Promise((r) => (child.once('exit', r), child.kill('SIGTERM'))),
        });
    });
    child.once('exit', (code) => reject(new Error(`host exited ${code}: ${out}`)));
  });
}

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
const dirs = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'rehearse-bench-'));
  dirs.push(d);
  return d;
};

try {
  // 1. Cold start: spawn the host process until the first screen's heading is on screen in Chromium.
  const starts = [];
  for (let i = 0; i < 10; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const t0 = performance.now();
    const host = await startHost(tempDir());
    await page.goto(host.url);
    await page.getByRole('heading', { name: 'Welcome to Rehearse' }).waitFor();
    starts.push(performance.now() - t0);
    await context.close();
    await host.stop();
  }
  report('browser_host_start_to_first_screen', 'ms', starts);

  // 2. Round trips through window.rehearse in the page: fetch, HTTP, validation, handler, SQLite, JSON.
  const host = await startHost(tempDir());
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(host.url);
  await page.getByRole('heading', { name: 'Welcome to Rehearse' }).waitFor();
  const timings = await page.evaluate(async () => {
    const api = globalThis.rehearse;
    const time = async (n, fn) => {
      const out = [];
      for (let i = 0; i < n; i++) {
        const t = performance.now();
        const r = await fn(i);
        if (!r.ok) throw new Error(r.error.message);
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
    const qid = session.value.questions[0].id;
    await time(50, () => api.invoke('app.info', {})); // warm-up
    return {
      info: await time(1000, () => api.invoke('app.info', {})),
      draft: await time(1000, (i) =>
        api.invoke('sessions.saveDraft', {
          sessionQuestionId: qid,
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
} finally {
  await browser.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}

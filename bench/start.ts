// Cold start: spawning the host process until the first screen's heading is on screen in Chromium. Runs inside
// `npm run bench`, or alone (`npx tsx bench/start.ts [runs]`) while working on the start.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { KEEP_NAMES_SHIM, launchBrowser } from '../tests/support/browser';
import { startHost } from '../tests/support/host-process';
import { report } from './stats';

/**
 * Where it goes: the process until it listens (Node, module loading, opening and migrating the data), then the
 * page (bridge and bundle, the first calls, the first render).
 */
export async function benchStart(browser: Browser, tempDir: () => string, runs = 10): Promise<void> {
  const starts: number[] = [];
  const listening: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    await context.addInitScript(KEEP_NAMES_SHIM);
    const page = await context.newPage();
    const t0 = performance.now();
    const host = await startHost(['--data-dir', tempDir()]);
    listening.push(performance.now() - t0);
    await page.goto(host.url);
    await page.getByRole('heading', { name: 'Welcome to Rehearse' }).waitFor();
    starts.push(performance.now() - t0);
    await context.close();
    await host.stop();
  }
  report('browser_host_start_to_listening', 'ms', listening);
  report('browser_host_start_to_first_screen', 'ms', starts);
}

if (process.argv[1]?.endsWith('start.ts')) {
  const dirs: string[] = [];
  void (async () => {
    const browser = await launchBrowser();
    try {
      await benchStart(
        browser,
        () => {
          const dir = mkdtempSync(join(tmpdir(), 'rehearse-bench-'));
          dirs.push(dir);
          return dir;
        },
        Number(process.argv[2] ?? 10),
      );
    } finally {
      await browser.close();
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    }
  })();
}

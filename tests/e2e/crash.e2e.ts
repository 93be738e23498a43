import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { runCrashTrials } from '../support/crash';
import { seeded } from '../support/random';
import { tempDir } from '../support/runtime';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('killing the host while the candidate types and submits', () => {
  // `npm run bench` runs 50 of these trials; here a dozen keep the suite quick while still able to fail.
  it('keeps the database intact, every confirmed answer, and the draft within about a second', async () => {
    const report = await runCrashTrials(browser, tempDir(), 12, seeded(20261122));
    expect(report.integrityFailures).toBe(0);
    expect(report.answersLost).toBe(0);
    expect(report.draftLagMs.length).toBeGreaterThan(3);
    expect(Math.max(...report.draftLagMs)).toBeLessThanOrEqual(1500);
    expect(report.confirmedAnswers).toBeGreaterThan(5);
  }, 240_000);
});

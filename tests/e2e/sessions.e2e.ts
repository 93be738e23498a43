import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser } from '../support/browser';
import { onboard } from '../support/onboard';
import { startHost } from '../support/host-process';
import { answerUntilReview } from '../support/room';
import { tempDir } from '../support/runtime';

const ANSWER =
  'I set up a weekly review of the pipeline, owned the fixes myself, and we cut late reports from 9 to 2 a month.';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function start(page: Page, opts: { count: number; mode?: 'Practice' | 'Mock interview' }) {
  await page.getByRole('button', { name: 'Practice', exact: true }).click();
  await page.getByRole('heading', { name: 'Set up a practice session' }).waitFor();
  if (opts.mode) await page.getByRole('radio', { name: opts.mode, exact: true }).check();
  await page.getByLabel('Number of questions').fill(String(opts.count));
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByRole('heading', { name: new RegExp(`Question 1 of ${opts.count}`) }).waitFor();
}

describe('practice sessions, through the UI', () => {
  it('counts down, keeps taking an answer after time is up, and marks it overtime', async () => {
    const host = await startHost(['--data-dir', tempDir()]);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.clock.install();
    await page.goto(host.url);
    await onboard(page, { name: 'Noor', role: 'Data Analyst', level: 'Mid' });
    await start(page, { count: 1 });
    const timer = page.getByRole('timer');
    const first = await timer.innerText();
    expect(first).toMatch(/^\d+:\d{2}$/);
    await page.clock.fastForward('10:01');
    await expect.poll(() => timer.innerText()).toMatch(/^Overtime \+\d+:\d{2}$/);
    expect(await timer.getAttribute('aria-label')).toBe('Overtime');
    await expectAccessible(page, 'room in overtime');
    await page.getByLabel('Your answer').fill(ANSWER);
    await page.getByRole('button', { name: 'Submit answer' }).click();
    await page.getByText('Overtime', { exact: true }).waitFor();
    await context.close();
    await host.stop();
  });

  it('pauses, survives closing the window, offers the session on return and resumes with the draft', async () => {
    const dataDir = tempDir();
    const host = await startHost(['--data-dir', dataDir]);
    let context = await browser.newContext();
    let page = await context.newPage();
    await page.goto(host.url);
    await onboard(page, { name: 'Noor', role: 'Data Analyst', level: 'Mid' });
    await start(page, { count: 2 });
    await page.getByLabel('Your answer').fill('Half of my answer about the migration');
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByRole('heading', { name: 'Session paused' }).waitFor();
    await expectAccessible(page, 'paused');
    await context.close();

    context = await browser.newContext();
    page = await context.newPage();
    await page.goto(host.url);
    await page.getByRole('heading', { name: 'You have a session in progress' }).waitFor();
    await page.getByRole('button', { name: 'Resume session' }).click();
    await page.getByRole('heading', { name: 'Session paused' }).waitFor();
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.getByRole('heading', { name: /Question 1 of 2/ }).waitFor();
    expect(await page.getByLabel('Your answer').inputValue()).toBe('Half of my answer about the migration');
    await context.close();
    await host.stop();
  });

  it('runs a mock interview, retakes it as attempt #2 with the same questions, and filters history', async () => {
    const host = await startHost(['--data-dir', tempDir()]);
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(host.url);
    await onboard(page, { name: 'Noor', role: 'Data Analyst', level: 'Mid' });
    await start(page, { count: 2, mode: 'Mock interview' });
    // Mock mode: no feedback pages between answers; the feedback waits for the review.
    const mock = await answerUntilReview(page, ANSWER);
    expect(mock.feedbackPages).toBe(0);
    const asked = mock.asked;
    await page.getByRole('heading', { name: 'Report', exact: true }).waitFor();

    await page.getByRole('button', { name: 'Retake with the same questions' }).click();
    await page.getByRole('heading', { name: /Question 1 of 2/ }).waitFor();
    expect(await page.locator('.question-text').innerText()).toBe(asked[0]);
    const retake = await answerUntilReview(page, ANSWER);
    expect(retake.asked.filter((t) => asked.includes(t)).length).toBeGreaterThanOrEqual(2);
    await page.getByRole('heading', { name: /Attempt #2/ }).waitFor();
    await page.getByRole('columnheader', { name: 'vs attempt #1' }).waitFor();
    await page.getByRole('button', { name: 'Export Markdown' }).focus();
    const download = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    expect((await download).suggestedFilename()).toMatch(/^rehearse-data-analyst-\d{4}-\d{2}-\d{2}\.md$/);
    await expectAccessible(page, 'review of a retake');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'History' }).click();
    await page.getByRole('heading', { name: 'History' }).waitFor();
    await expect.poll(() => page.locator('tbody tr').count()).toBe(2);
    await page.getByLabel('Status').selectOption('abandoned');
    await page.getByText('No sessions match these filters.').waitFor();
    await page.getByLabel('When').selectOption('custom');
    await page.getByLabel('From').fill('2030-01-02');
    await page.getByLabel('To').fill('2030-01-01');
    await page.getByText('The end date must be on or after the start date.').waitFor();
    await expectAccessible(page, 'history with filters');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => page.locator('tbody tr').count()).toBe(2);
    expect(await page.locator('tbody tr').first().innerText()).toContain('Attempt #2');
    expect(problems).toEqual([]);
    await context.close();
    await host.stop();
  });
});

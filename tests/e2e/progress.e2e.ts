import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRuntime } from '../../src-main/core/runtime';
import { addDays, hostTimeZone, localDay } from '../../src-main/services/progress/dates';
import { seedSessions } from '../../src-main/services/progress/seed';
import { expectAccessible, launchBrowser } from '../support/browser';
import { onboard } from '../support/onboard';
import { startHost } from '../support/host-process';
import { memorySecrets } from '../support/memory-secrets';
import { tempDir } from '../support/runtime';

const ANSWER =
  'When two teammates disagreed about a release, I set up a short meeting, listened to both, and we agreed a staged rollout. Errors fell by 40% and we shipped on time.';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true }).click();

/** Sets up a session of `count` Behavioral questions and answers until the review is on screen. */
async function completeSession(page: Page, count: number) {
  await nav(page, 'Practice');
  await page.getByRole('heading', { name: 'Set up a practice session' }).waitFor();
  await page.getByLabel('Number of questions').fill(String(count));
  await page.getByRole('checkbox', { name: 'Behavioral' }).check();
  await page.getByRole('button', { name: 'Start' }).click();
  const h1 = page.locator('h1');
  await page.getByRole('heading', { name: /^Question 1 of/ }).waitFor();
  for (let turn = 0; turn < 3 * count; turn++) {
    const title = await h1.innerText();
    if (/^Question \d+ of/.test(title)) {
      await page.getByLabel('Your answer').fill(ANSWER);
      await page.getByRole('button', { name: 'Submit answer' }).click();
    } else if (/^Feedback on question/.test(title)) {
      await page.getByRole('button', { name: 'Next question' }).click();
    } else if (await page.getByRole('button', { name: 'Retake with the same questions' }).isVisible()) {
      return;
    }
    await expect.poll(() => h1.innerText(), { timeout: 15_000 }).not.toBe(title);
  }
  throw new Error('the session did not reach its review');
}

describe('progress, through the UI', () => {
  it('shows the dashboard, achievements and a study plan built from sessions completed in the app', async () => {
    const host = await startHost(['--data-dir', tempDir()]);
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(host.url);
    await onboard(page, { name: 'Noor', role: 'Data Analyst', level: 'Mid' });

    // Before any practice: the dashboard says what to do.
    await nav(page, 'Progress');
    await page.getByRole('heading', { name: 'Your progress' }).waitFor();
    await page.getByText('Complete your first practice session and your scores').waitFor();
    await expectAccessible(page, 'empty dashboard');

    await completeSession(page, 2);
    await page.getByText('Achievement earned: First interview.').waitFor();
    await completeSession(page, 2);

    await nav(page, 'Progress');
    await page.getByRole('heading', { name: 'Your progress' }).waitFor();
    const summary = page.getByRole('region', { name: 'Summary' });
    await expect.poll(() => summary.getByRole('definition').first().innerText()).toBe('2');
    await summary.getByText('Complete 8 more scored sessions to see your improvement rate').waitFor();
    await summary.getByText(/^1 day, practised today$/).waitFor();
    // Both sessions fall in this week: one point is not a trend yet.
    await page.getByText('Practise again next week to see a trend.').waitFor();
    const byType = page.getByRole('region', { name: 'By question type' });
    await byType.getByRole('rowheader', { name: 'Behavioral' }).waitFor();
    expect(await byType.getByRole('row', { name: /Behavioral/ }).innerText()).toMatch(
      /Behavioral\s+\d+(\.\d)?\s+4 answers/,
    );
    await page
      .getByRole('region', { name: 'By criterion' })
      .getByRole('rowheader', { name: 'Clarity' })
      .waitFor();
    await page
      .getByRole('region', { name: 'Roles practised most' })
      .getByText('Data Analyst: 2 sessions')
      .waitFor();
    await expectAccessible(page, 'dashboard with two sessions');

    // A recommendation opens the setup screen with its practice set chosen.
    const recommendation = page
      .getByRole('region', { name: 'What to practise next' })
      .getByRole('button')
      .first();
    const label = await recommendation.innerText();
    await recommendation.click();
    await page.getByRole('heading', { name: 'Set up a practice session' }).waitFor();
    expect(await page.getByLabel('Number of questions').inputValue()).toBe('5');
    if (label.includes('Behavioral'))
      expect(await page.getByRole('checkbox', { name: 'Behavioral' }).isChecked()).toBe(true);

    // Achievements, reached with the keyboard.
    await nav(page, 'Progress');
    await page.getByRole('heading', { name: 'Your progress' }).waitFor();
    await page
      .getByRole('navigation', { name: 'Progress' })
      .getByRole('button', { name: 'Achievements' })
      .focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Achievements' }).waitFor();
    await page.getByText('1 of 7 earned.').waitFor();
    await page.getByRole('region', { name: 'Earned' }).getByText('First interview').waitFor();
    const ten = page.getByRole('progressbar', { name: 'Ten interviews' });
    expect(await ten.getAttribute('value')).toBe('2');
    expect(await ten.getAttribute('max')).toBe('10');
    await page.getByText('2 of 10 sessions').waitFor();
    await expectAccessible(page, 'achievements');

    // A study plan: ten hours a week is a task every day, so there is one today.
    await page
      .getByRole('navigation', { name: 'Progress' })
      .getByRole('button', { name: 'Study plan' })
      .click();
    await page.getByRole('heading', { name: 'Make a plan' }).waitFor();
    await expectAccessible(page, 'study plan form');
    await page.getByLabel('Hours per week').fill('0');
    await page.getByRole('button', { name: 'Make my plan' }).click();
    await page.getByText('Plan at least 1 hour a week.').waitFor();
    await page.getByLabel('Hours per week').fill('10');
    await page.getByRole('button', { name: 'Make my plan' }).click();
    await page.getByRole('heading', { name: 'Your 30-day plan' }).waitFor();
    await page
      .getByRole('region', { name: 'Focus' })
      .or(page.getByRole('heading', { name: 'Focus' }))
      .first()
      .waitFor();
    const today = page.getByRole('region', { name: 'Today' });
    expect(await today.getByRole('checkbox').count()).toBe(1);
    const doneText = async () =>
      /(\d+) of (\d+) tasks done/.exec(await page.getByText(/^\d+ of \d+ tasks done/).innerText())!;
    const before = Number((await doneText())[1]);
    // Tick a task of next week with the keyboard.
    const week2 = page.getByRole('region', { name: /^Week 2:/ });
    await week2.getByText(/tasks in week 2/).click();
    const box = week2.getByRole('checkbox').first();
    await box.focus();
    await page.keyboard.press('Space');
    await expect.poll(async () => Number((await doneText())[1])).toBe(before + 1);
    expect(await box.isChecked()).toBe(true);
    await expectAccessible(page, 'study plan');

    // A task's Start opens the practice set it names.
    const start = week2.getByRole('button', { name: /^Start: / }).first();
    await start.click();
    await page.getByRole('heading', { name: 'Set up a practice session' }).waitFor();
    expect(Number(await page.getByLabel('Number of questions').inputValue())).toBeGreaterThan(0);

    // The plan survives a reload.
    await page.reload();
    await nav(page, 'Progress');
    await page
      .getByRole('navigation', { name: 'Progress' })
      .getByRole('button', { name: 'Study plan' })
      .click();
    await page.getByRole('heading', { name: 'Your 30-day plan' }).waitFor();
    expect(Number((await doneText())[1])).toBe(before + 1);
    expect(problems).toEqual([]);
    await context.close();
    await host.stop();
  });

  it('shows the streak reminder as a banner in the browser, once a day, and can be switched off', async () => {
    const dataDir = tempDir();
    // Yesterday's practice, 21 or 30 hours ago (whichever is yesterday here): the streak is alive but today
    // has no session yet.
    const zone = hostTimeZone();
    const now = Date.now();
    const yesterday = addDays(localDay(new Date(now), zone), -1);
    const when = [21, 30]
      .map((h) => new Date(now - h * 3_600_000))
      .find((d) => localDay(d, zone) === yesterday)!;
    const runtime = await startRuntime({ dataDir, host: 'cli', secrets: memorySecrets() });
    await runtime.invoke('profile.save', {
      name: 'Noor',
      targetRole: 'Data Analyst',
      experienceLevel: 'Mid',
    });
    seedSessions(runtime.connection.sqlite, [
      {
        completedAt: when.toISOString(),
        localDate: yesterday,
        timeZone: zone,
        role: 'Data Analyst',
        answers: [{ category: 'Behavioral', overall: 70 }],
      },
    ]);
    await runtime.close();

    const host = await startHost(['--data-dir', dataDir]);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(host.url);
    const banner = page.getByRole('region', { name: 'Streak reminder' });
    await banner.getByText('Your 1-day streak ends at midnight.').waitFor();
    await expectAccessible(page, 'home with the streak reminder');
    await banner.getByRole('button', { name: 'Dismiss reminder' }).click();
    await banner.waitFor({ state: 'detached' });

    // Never twice in a day.
    await page.reload();
    await page.getByRole('heading', { name: 'Welcome back, Noor' }).waitFor();
    await nav(page, 'Settings');
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    expect(await banner.count()).toBe(0);
    const toggle = page.getByRole('checkbox', { name: 'Remind me to keep my practice streak' });
    // Enabled once the setting has loaded.
    await expect.poll(() => toggle.isEnabled()).toBe(true);
    expect(await toggle.isChecked()).toBe(true);
    await toggle.press('Space');
    await page.getByText('Streak reminders are off.').waitFor();
    await page.reload();
    await nav(page, 'Settings');
    await expect.poll(() => toggle.isEnabled()).toBe(true);
    expect(await toggle.isChecked()).toBe(false);
    await expectAccessible(page, 'settings with reminders off');
    await context.close();
    await host.stop();
  });
});

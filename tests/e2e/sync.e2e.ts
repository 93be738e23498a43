// Leaderboard sync through the UI: the real leaderboard server (in this process, over SQLite on 127.0.0.1), the
// browser host as a real process inside a private D-Bus session with its own unlocked gnome-keyring (the device
// secret goes to the OS keychain), and Chromium.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../src-server/test-support/harness';
import { expectAccessible, launchBrowser } from '../support/browser';
import { startHostWithKeyring } from '../support/keyring-host';
import { answerUntilReview } from '../support/room';
import { onExit, tempDir } from '../support/runtime';

const ANSWER =
  'When two teammates disagreed about a release, I set up a short meeting, listened to both, and we agreed a staged rollout. Errors fell by 40% and we shipped on time.';
const NAME = 'Ottoline';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true }).click();

describe('leaderboard sync, through the UI', () => {
  it('shows what will be sent, turns on, shows the leaderboard with the alias, and turns off, by keyboard', async () => {
    const server = await startTestServer('sqlite');
    onExit(() => server.close());
    const url = await startHostWithKeyring(tempDir());
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(url);

    await page.getByLabel('Your name').fill(NAME);
    await page.getByLabel('Target role').selectOption('Data Analyst');
    await page.getByRole('radio', { name: 'Mid' }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: `Welcome back, ${NAME}` }).waitFor();

    await nav(page, 'Practice');
    await page.getByRole('heading', { name: 'Set up a practice session' }).waitFor();
    await page.getByLabel('Number of questions').fill('1');
    await page.getByRole('button', { name: 'Start' }).click();
    await answerUntilReview(page, ANSWER);

    await nav(page, 'Settings');
    const section = page.getByRole('region', { name: 'Leaderboard sync' });
    await section.getByText(/^Off\./).waitFor();
    await section.getByRole('button', { name: 'Set up leaderboard sync…' }).focus();
    await page.keyboard.press('Enter');
    const address = section.getByLabel('Leaderboard server address');
    await expect.poll(() => address.inputValue()).toBe('http://127.0.0.1:8787');
    await expect.poll(() => section.getByText(/team’s server address setting/).count()).toBe(1);
    await address.fill(server.url);

    // The example is a real record of the session just finished: its scores, never its words or the name.
    const example = JSON.parse(await section.getByTestId('sync-example').innerText()) as {
      sessions: Record<string, unknown>[];
    };
    expect(Object.keys(example.sessions[0]!).sort()).toEqual([
      'clientSessionId',
      'completedAt',
      'criteria',
      'difficulty',
      'durationSec',
      'overallScore',
      'questionCount',
      'role',
    ]);
    expect(example.sessions[0]).toMatchObject({ role: 'Data Analyst', questionCount: 1 });
    const exampleText = JSON.stringify(example);
    expect(exampleText).not.toContain(NAME);
    expect(exampleText).not.toContain('staged rollout');
    await expectAccessible(page, 'settings: leaderboard sync, before turning on');

    await section.getByRole('button', { name: 'Turn on leaderboard sync' }).focus();
    await page.keyboard.press('Enter');
    const on = section.getByRole('status').filter({ hasText: /^On\./ });
    await on.waitFor();
    await expect.poll(() => on.innerText(), { timeout: 15_000 }).toMatch(/Everything is sent/);
    const alias = /appears as (User_\d+)/.exec(await on.innerText())![1]!;
    await expectAccessible(page, 'settings: leaderboard sync, on');

    await section.getByRole('button', { name: 'Open the leaderboard' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Leaderboard', level: 1 }).waitFor();
    const board = page.getByRole('table');
    await board.getByText(`${alias} (you)`).waitFor();
    await page.getByText(/higher than/).waitFor();
    await expectAccessible(page, 'leaderboard');
    await page.getByRole('radio', { name: 'All time' }).focus();
    await page.keyboard.press('Space');
    await page
      .getByRole('table', { name: /all time/ })
      .getByText(`${alias} (you)`)
      .waitFor();

    await nav(page, 'Settings');
    await section.getByRole('button', { name: 'Turn off and delete my data on the server' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Leaderboard sync is off, and your data on the server was deleted.').waitFor();
    await section.getByText(/^Off\./).waitFor();
    const after = await server.client.get<{ entries: { alias: string }[] }>(
      '/leaderboard?role=Data%20Analyst&period=all_time',
    );
    expect(after.body.entries.map((e) => e.alias)).not.toContain(alias);
    expect(problems).toEqual([]);
  });
});

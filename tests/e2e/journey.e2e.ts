import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser } from '../support/browser';
import { answerTo } from '../support/answers';
import { startHost, type HostProcess } from '../support/host-process';
import { tempDir } from '../support/runtime';

const DRAFT = 'An unsent draft about the time our on-call rota burned people out';
const SECOND_ANSWER =
  'I would first check the data myself, then talk to the team lead with specifics and a proposal.';

function savedDraft(dataDir: string): string | null {
  const db = new BetterSqlite3(join(dataDir, 'rehearse.sqlite'), { readonly: true });
  try {
    return (
      (
        db.prepare('SELECT text FROM drafts ORDER BY updated_at DESC LIMIT 1').get() as
          { text: string } | undefined
      )?.text ?? null
    );
  } finally {
    db.close();
  }
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens the host's launch link in a fresh context and fails the test on any page error or CSP violation. */
async function open(
  host: HostProcess,
  colorScheme: 'light' | 'dark' = 'light',
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ colorScheme });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  await page.goto(host.url);
  return { context, page, problems };
}

describe('the first practice journey, through the UI', () => {
  it('onboards, practises, survives a crash of the host with the draft intact, and keeps history across restarts', async () => {
    const dataDir = tempDir();
    let host = await startHost(['--data-dir', dataDir]);
    let { context, page, problems } = await open(host);

    // Onboarding: validation in place, then a profile.
    await page.getByRole('heading', { name: 'Welcome to Rehearse' }).waitFor();
    await expectAccessible(page, 'onboarding');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => page.getByText('Name is required.').isVisible()).toBe(true);
    await expect.poll(() => page.getByLabel('Your name').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'onboarding with errors');
    await page.getByLabel('Your name').fill('Ada');
    await page.getByLabel('Target role').selectOption({ label: 'Another role (type it)' });
    await page.getByLabel('Your role').fill('Platform Engineer');
    await page.getByRole('radio', { name: 'Senior' }).check();
    await page.getByRole('button', { name: 'Continue' }).click();

    // Home, empty state.
    await page.getByRole('heading', { name: 'Welcome back, Ada' }).waitFor();
    await expect.poll(() => page.getByText('No sessions yet.').isVisible()).toBe(true);
    await expectAccessible(page, 'home (empty)');
    await page.getByRole('button', { name: 'Start a practice session' }).click();

    // Setup: the role typed at onboarding is offered, a bad count is refused with its message.
    await page.getByRole('heading', { name: 'Set up a practice session' }).waitFor();
    expect(await page.getByLabel('Role').inputValue()).toBe('Platform Engineer');
    await page.getByLabel('Role').selectOption('Backend Engineer');
    await page.getByRole('radio', { name: 'Medium' }).check();
    await page.getByLabel('Number of questions').fill('25');
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await expect.poll(() => page.getByText('Number of questions must be at most 20.').isVisible()).toBe(true);
    await expectAccessible(page, 'setup with error');
    await page.getByLabel('Number of questions').fill('3');
    await page.getByRole('button', { name: 'Start', exact: true }).click();

    // The room: one question at a time with a running countdown.
    await page.getByRole('heading', { name: 'Question 1 of 3' }).waitFor();
    const timer = page.getByRole('timer');
    const t0 = await timer.textContent();
    expect(t0).toMatch(/^\d+:\d{2}$/);
    await expect.poll(async () => (await timer.textContent()) !== t0, { timeout: 5000 }).toBe(true);
    await expectAccessible(page, 'practice room');

    const answer = page.getByLabel('Your answer');
    await answer.fill('too short');
    await page.getByRole('button', { name: 'Submit answer' }).click();
    await expect
      .poll(() => page.getByText('Your answer must be at least 10 characters.').isVisible())
      .toBe(true);
    // The coach checks that an answer answers the question drawn, so the answer speaks to it.
    const firstAnswer = answerTo(await page.locator('.question-text').innerText());
    await answer.fill(firstAnswer);
    await answer.press('Control+Enter');
    // Practice mode: feedback on the answer first, with focus on the way onwards.
    await page.getByRole('heading', { name: 'Feedback on question 1' }).waitFor();
    await page.getByRole('heading', { name: 'A stronger version of your answer' }).waitFor();
    await expectAccessible(page, 'feedback on an answer');
    // The way onwards is the first thing after the heading.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Next question');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Question 2 of 3' }).waitFor();

    // An unsent draft, saved while typing, then the host is killed outright.
    await page.getByLabel('Your answer').pressSequentially(DRAFT, { delay: 5 });
    // Saved within about a second of the last keystroke: read it from the database file itself.
    await expect.poll(() => savedDraft(dataDir), { timeout: 5000 }).toBe(DRAFT);
    await expect
      .poll(() => page.getByTestId('save-state').textContent(), { timeout: 5000 })
      .toBe('Draft saved');
    expect(problems).toEqual([]);
    expect(await host.stop('SIGKILL')).toBe('SIGKILL');
    await context.close();

    host = await startHost(['--data-dir', dataDir]);
    ({ context, page, problems } = await open(host, 'dark'));
    await page.getByRole('heading', { name: 'You have a session in progress' }).waitFor();
    await expectAccessible(page, 'home with a session to resume (dark)');
    await page.getByRole('button', { name: 'Resume session' }).click();
    await page.getByRole('heading', { name: 'Question 2 of 3' }).waitFor();
    expect(await page.getByLabel('Your answer').inputValue()).toBe(DRAFT);
    await expectAccessible(page, 'practice room (dark)');

    await page.getByLabel('Your answer').fill(SECOND_ANSWER);
    await page.getByRole('button', { name: 'Submit answer' }).click();
    await page.getByRole('button', { name: 'Next question' }).click();
    await page.getByRole('heading', { name: 'Question 3 of 3' }).waitFor();
    await page.getByRole('button', { name: 'Skip question' }).click();

    // Review of the finished session.
    await page.getByRole('heading', { name: 'Backend Engineer · Medium' }).waitFor();
    await expect.poll(() => page.getByText('Session complete. Well done!').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('2 of 3 answered', { exact: false }).isVisible()).toBe(true);
    expect(await page.locator('p.answer', { hasText: firstAnswer }).first().isVisible()).toBe(true);
    expect(await page.getByText('Skipped.').isVisible()).toBe(true);
    await expectAccessible(page, 'session review (dark)');
    expect(problems).toEqual([]);
    await context.close();

    // A clean stop and start: the session is still in History and opens read-only.
    expect(await host.stop('SIGTERM')).toBe(0);
    host = await startHost(['--data-dir', dataDir]);
    ({ context, page, problems } = await open(host));
    await page.getByRole('heading', { name: 'Welcome back, Ada' }).waitFor();
    await page.getByRole('button', { name: 'History', exact: true }).click();
    await page.getByRole('heading', { name: 'History' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Backend Engineer' });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getByRole('cell').allTextContents()).toEqual(
      expect.arrayContaining(['Backend Engineer', 'Medium', 'Completed', '2 of 3']),
    );
    await expectAccessible(page, 'history');
    await row.getByRole('button', { name: /^Open Backend Engineer session/ }).click();
    await expect
      .poll(() => page.locator('p.answer', { hasText: SECOND_ANSWER }).first().isVisible())
      .toBe(true);
    expect(await page.getByRole('textbox').count()).toBe(0);

    // Settings edits the profile.
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByLabel('Your name').fill('Ada L.');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect.poll(() => page.getByText('Profile saved.').isVisible()).toBe(true);
    await expectAccessible(page, 'settings');
    expect(problems).toEqual([]);
    await context.close();
    await host.stop();
  });

  it('runs a whole session by keyboard alone', async () => {
    const host = await startHost(['--data-dir', tempDir()]);
    const { context, page, problems } = await open(host);
    await page.getByRole('heading', { name: 'Welcome to Rehearse' }).waitFor();

    const tabTo = async (matches: () => Promise<boolean>, limit = 30) => {
      for (let i = 0; i < limit; i++) {
        await page.keyboard.press('Tab');
        if (await matches()) return;
      }
      throw new Error('focus never reached the control');
    };
    const focused = () =>
      page.evaluate(
        () => document.activeElement?.textContent?.trim() ?? document.activeElement?.getAttribute('id') ?? '',
      );

    await tabTo(
      async () =>
        (await page.evaluate(() => (document.activeElement as HTMLElement | null)?.tagName)) === 'INPUT',
    );
    await page.keyboard.type('Keyboard User');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown'); // first role in the list
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowRight'); // into the level radios
    await page.keyboard.press('Space');
    await tabTo(async () => (await focused()) === 'Continue');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Welcome back, Keyboard User' }).waitFor();

    await tabTo(async () => (await focused()) === 'Start a practice session');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Set up a practice session' }).waitFor();
    await tabTo(
      async () =>
        (await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)) === 'number',
    );
    await page.keyboard.press('Control+A');
    await page.keyboard.type('1');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Question 1 of 1' }).waitFor();
    // The answer box takes focus when the question appears (on a loaded machine, a moment after it renders).
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await page.keyboard.type('Typed without a mouse from the first key to the last.');
    await page.keyboard.press('Control+Enter');
    await page.getByRole('heading', { name: /· Easy|· Medium|· Hard|· Expert/ }).waitFor();
    expect(
      await page
        .locator('p.answer', { hasText: 'Typed without a mouse from the first key to the last.' })
        .first()
        .isVisible(),
    ).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
    await host.stop();
  });

  it('fails the accessibility check when a control has no label (the check can fail)', async () => {
    const host = await startHost(['--data-dir', tempDir()]);
    const { context, page } = await open(host);
    await page.getByRole('heading', { name: 'Welcome to Rehearse' }).waitFor();
    await page.evaluate(() => document.querySelector('form')!.append(document.createElement('input')));
    await expect(expectAccessible(page, 'planted violation')).rejects.toThrow(/label/);
    await context.close();
    await host.stop();
  });
});

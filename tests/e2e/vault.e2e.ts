import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RehearseApi } from '../../src-shared/contract';
import { expectAccessible, launchBrowser } from '../support/browser';
import { onboard } from '../support/onboard';
import { startHost, type HostProcess } from '../support/host-process';
import { answerUntilReview } from '../support/room';
import { tempDir } from '../support/runtime';

// A phrase no question, feedback template or bank entry contains, so finding it in the file means the answer.
const MARKER = 'quokka-lantern-5531';
const ANSWER = `When our nightly billing export kept failing I traced it to a timezone bug (${MARKER}), wrote the fix with tests, and cut failed runs from 12 to 0 a month.`;
const WEAK = 'short';
const GOOD = 'Maple-Harbor-42';
const NEXT = 'Quiet!Lantern7';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function nav(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true }).click();
}

async function passphraseSection(page: Page): Promise<Locator> {
  await nav(page, 'Settings');
  const section = page.getByRole('region', { name: 'Passphrase', exact: true });
  await section.waitFor();
  return section;
}

/** The text of everything a control's aria-describedby points at: what a screen reader reads after its name. */
function description(control: Locator): Promise<string> {
  return control.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
}

/**
 * Records whether a disabled button reading `text` ever appears, from now on: the busy state of a key
 * derivation lasts well under a second, too short to catch reliably by polling.
 */
async function watchBusy(page: Page, text: string): Promise<() => Promise<boolean>> {
  await page.evaluate((busyText) => {
    const w = window as unknown as { busySeen?: boolean };
    w.busySeen = false;
    const observer = new MutationObserver(() => {
      for (const b of document.querySelectorAll('button'))
        if (b.textContent === busyText && b.disabled) {
          w.busySeen = true;
          observer.disconnect();
        }
    });
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
  }, text);
  return () => page.evaluate(() => (window as unknown as { busySeen?: boolean }).busySeen === true);
}

/** The database's bytes as they are on disk: the file and its write-ahead log. */
function databaseBytes(dataDir: string): Buffer[] {
  return ['rehearse.sqlite', 'rehearse.sqlite-wal']
    .map((f) => join(dataDir, f))
    .filter((f) => existsSync(f))
    .map((f) => readFileSync(f));
}

async function expectUnlockScreen(page: Page) {
  await page.getByRole('heading', { name: 'Rehearse is locked' }).waitFor();
  expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
  // autofocus: the candidate can type straight away
  await expect
    .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type))
    .toBe('password');
}

async function unlock(page: Page, passphrase: string) {
  const busy = await watchBusy(page, 'Unlocking…');
  await page.keyboard.type(passphrase);
  await page.keyboard.press('Enter');
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  expect(await busy()).toBe(true);
}

describe('the passphrase, through the UI', () => {
  it('turns on by keyboard after naming each unmet rule, locks at start, unlocks, locks, changes, and leaves no answer in plaintext', async () => {
    const dataDir = tempDir();
    let host: HostProcess = await startHost(['--data-dir', dataDir]);
    let context = await browser.newContext({ acceptDownloads: true });
    let page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(host.url);
    await onboard(page, { name: 'Ines', role: 'Data Analyst', level: 'Mid' });

    // Something private to protect: one answered question.
    await nav(page, 'Practice');
    await page.getByRole('heading', { name: 'Set up a practice session' }).waitFor();
    await page.getByLabel('Number of questions').fill('1');
    await page.getByRole('button', { name: 'Start' }).click();
    await answerUntilReview(page, ANSWER);
    // so that its absence at the end means encryption, not an answer stored somewhere else
    expect(databaseBytes(dataDir).some((b) => b.includes(MARKER))).toBe(true);

    let section = await passphraseSection(page);
    await section.getByText(/^Off\./).waitFor();
    await section
      .getByText(
        'If you forget your passphrase, your data cannot be read — not by you, and not by anyone else. There is no reset.',
      )
      .waitFor();
    await section.getByText(/deletes your older automatic backups, which are not encrypted/).waitFor();

    // The export offered first is the same download as Your data's.
    const download = page.waitForEvent('download');
    await section.getByRole('button', { name: 'Export a copy first' }).focus();
    await page.keyboard.press('Enter');
    expect((await download).suggestedFilename()).toMatch(/^rehearse-export-.*\.zip$/);
    await page.getByText(/^Exported \d+ records/).waitFor();

    // A weak passphrase: the checklist marks each rule as it is typed, and submitting names every unmet one.
    const field = section.getByLabel('Passphrase', { exact: true });
    const confirm = section.getByLabel('Type it again');
    const rules = section.getByRole('listitem');
    await field.focus();
    await page.keyboard.type(WEAK);
    expect(await rules.allTextContents()).toEqual([
      '○Not met: at least 8 characters',
      '○Not met: an uppercase letter',
      '✓Met: a lowercase letter',
      '○Not met: a digit',
      '○Not met: a symbol',
    ]);
    expect(await section.getByRole('list').getAttribute('aria-live')).toBe('polite');
    await page.keyboard.press('Enter');
    const weak = 'Your passphrase needs at least 8 characters, an uppercase letter, a digit and a symbol.';
    await section.getByText(weak, { exact: true }).waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await description(field)).toContain(weak);
    await expectAccessible(page, 'passphrase: weak one refused');
    // the rule marks and the warning have their own colours: checked against the dark theme too
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible(page, 'passphrase: weak one refused, dark theme');
    await page.emulateMedia({ colorScheme: 'light' });

    // Meets the rules, but the two do not match: the message sits by the second field, which takes focus.
    await page.keyboard.press('Control+A');
    await page.keyboard.type(GOOD);
    expect((await rules.allTextContents()).every((t) => t.startsWith('✓Met: '))).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.type(`${GOOD}?`);
    await page.keyboard.press('Enter');
    const mismatch = 'The two passphrases do not match.';
    await section.getByText(mismatch, { exact: true }).waitFor();
    expect(await confirm.getAttribute('aria-invalid')).toBe('true');
    expect(await description(confirm)).toBe(mismatch);
    expect(await confirm.evaluate((el) => el === document.activeElement)).toBe(true);

    // A good one: busy while the key is derived, then on.
    const turningOn = await watchBusy(page, 'Turning on…');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(GOOD);
    await page.keyboard.press('Enter');
    await page.getByText(/^Your passphrase is on and your data is encrypted\./).waitFor();
    expect(await turningOn()).toBe(true);
    await section.getByText(/^On\./).waitFor();
    await section.getByText(/scrypt/).waitFor();
    await expectAccessible(page, 'passphrase: on');

    // A restart opens to the unlock screen and nothing else.
    await context.close();
    await host.stop();
    host = await startHost(['--data-dir', dataDir]);
    context = await browser.newContext();
    page = await context.newPage();
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(host.url);
    await expectUnlockScreen(page);
    await expectAccessible(page, 'unlock screen');

    await page.keyboard.type('Maple-Harbor-41');
    await page.keyboard.press('Enter');
    const alert = page.getByRole('alert').filter({ hasText: 'That passphrase is not right.' });
    await alert.waitFor();
    expect(await alert.innerText()).toBe(
      'That passphrase is not right. 4 more tries before unlocking pauses for 30 minutes.',
    );
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type))
      .toBe('password');

    // Forgetting it: said plainly, and the only way on is Delete everything (not taken here).
    await page.getByRole('button', { name: 'Forgot your passphrase?' }).focus();
    await page.keyboard.press('Enter');
    expect(
      await page.getByRole('button', { name: 'Forgot your passphrase?' }).getAttribute('aria-expanded'),
    ).toBe('true');
    await page.getByText(/^Without your passphrase your data cannot be read/).waitFor();
    await page.getByRole('button', { name: 'Delete everything…' }).waitFor();
    await expectAccessible(page, 'unlock screen: wrong passphrase, forgotten passphrase open');

    await page.getByLabel('Passphrase', { exact: true }).focus();
    await unlock(page, GOOD);
    await page.getByRole('heading', { name: 'Welcome back, Ines' }).waitFor();
    await nav(page, 'History');
    await page.getByRole('button', { name: /^Open Data Analyst session from/ }).click();
    await page.locator('p.answer', { hasText: ANSWER }).first().waitFor();

    // Lock now brings the unlock screen back at once.
    section = await passphraseSection(page);
    await section.getByRole('button', { name: 'Lock now' }).focus();
    await page.keyboard.press('Enter');
    await expectUnlockScreen(page);
    await unlock(page, GOOD);

    // Change it; the new one is the one that unlocks.
    section = await passphraseSection(page);
    await section.getByLabel('Current passphrase').focus();
    await page.keyboard.type(GOOD);
    await page.keyboard.press('Tab');
    await page.keyboard.type(NEXT);
    await page.keyboard.press('Tab');
    await page.keyboard.type(NEXT);
    const changing = await watchBusy(page, 'Changing…');
    await page.keyboard.press('Enter');
    await page.getByText(/^Your passphrase is changed/).waitFor();
    expect(await changing()).toBe(true);
    await expectAccessible(page, 'passphrase: changed');
    await section.getByRole('button', { name: 'Lock now' }).click();
    await expectUnlockScreen(page);
    await unlock(page, NEXT);
    await page
      .getByRole('heading', { name: /Settings|Welcome back/ })
      .first()
      .waitFor();

    expect(problems).toEqual([]);
    await context.close();
    await host.stop();

    // At rest, the answer is nowhere in the database's bytes (nor in its write-ahead log).
    const files = databaseBytes(dataDir);
    expect(files.length).toBeGreaterThan(0);
    for (const bytes of files) {
      expect(bytes.includes(MARKER)).toBe(false);
      expect(bytes.includes('traced it to a timezone bug')).toBe(false);
    }
  });

  it('turns off only with the right passphrase; five wrong tries pause unlocking; a forgotten passphrase leads to Delete everything and a fresh start', async () => {
    const host = await startHost(['--data-dir', tempDir()]);
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(host.url);
    await onboard(page, { name: 'Tomas', role: 'Data Analyst', level: 'Mid' });
    // Turned on through the contract: the form itself is the first test's.
    await page.evaluate(async (passphrase) => {
      const api = (window as unknown as { rehearse: RehearseApi }).rehearse;
      const r = await api.invoke('vault.enable', { passphrase, confirm: passphrase });
      if (!r.ok) throw new Error(r.error.message);
    }, GOOD);

    const section = await passphraseSection(page);
    await section.getByText(/^On\./).waitFor();
    const field = section.getByLabel('Your passphrase', { exact: true });
    await field.focus();
    await page.keyboard.type('Maple-Harbor-41');
    await page.keyboard.press('Enter');
    const wrong = 'That passphrase is not right. 4 more tries before unlocking pauses for 30 minutes.';
    await section.getByText(wrong, { exact: true }).waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await description(field)).toContain(wrong);
    await section.getByText(/^On\./).waitFor();
    await expectAccessible(page, 'passphrase: turning off refused');

    // Locked, and the passphrase forgotten: the fifth wrong try within 15 minutes pauses unlocking.
    await section.getByRole('button', { name: 'Lock now' }).click();
    await expectUnlockScreen(page);
    const unlockField = page.getByLabel('Passphrase', { exact: true });
    const alert = page.getByRole('alert').filter({ hasText: /passphrase/ });
    for (const left of [3, 2, 1]) {
      await unlockField.fill(`Maple-Harbor-${left}0`);
      await unlockField.press('Enter');
      await alert
        .getByText(
          `That passphrase is not right. ${left} more ${left === 1 ? 'try' : 'tries'} before unlocking pauses for 30 minutes.`,
        )
        .waitFor();
    }
    await unlockField.fill('Maple-Harbor-00');
    await unlockField.press('Enter');
    await alert.getByText(/^Too many wrong passphrases: unlocking is paused until \d\d:\d\d\.$/).waitFor();
    await expect.poll(() => unlockField.isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Unlock' }).isDisabled()).toBe(true);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible(page, 'unlock screen: paused, dark theme');

    // The one way on, paused or not: Delete everything, confirmed by typing DELETE, then a fresh start.
    await page.getByRole('button', { name: 'Forgot your passphrase?' }).click();
    await page.getByRole('button', { name: 'Delete everything…' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Delete everything?' });
    await dialog.waitFor();
    await expectAccessible(page, 'unlock screen: delete everything dialog');
    await dialog.getByLabel('Type DELETE to confirm').focus();
    await page.keyboard.type('DELETE');
    await page.keyboard.press('Enter');
    await page.getByText('Everything was deleted. Rehearse starts afresh.').waitFor();
    await onboard(page, { name: 'Tomas', role: 'Data Analyst', level: 'Mid' });
    await (await passphraseSection(page)).getByText(/^Off\./).waitFor();

    expect(problems).toEqual([]);
    await context.close();
    await host.stop();
  });
});

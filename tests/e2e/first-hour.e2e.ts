import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser } from '../support/browser';
import { startHost } from '../support/host-process';
import { onboard } from '../support/onboard';
import { tempDir } from '../support/runtime';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the first hour', () => {
  it('says before starting when the bank cannot fill the set, and offers repeats', async () => {
    const host = await startHost(['--data-dir', tempDir()]);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(host.url);
    await onboard(page, { name: 'Ines', role: 'Sales', level: 'Mid' });
    await page.getByRole('button', { name: 'Practice', exact: true }).click();
    await page.getByRole('heading', { name: 'Set up a practice session' }).waitFor();
    await page.getByRole('radio', { name: 'Expert' }).check();
    await page.getByRole('checkbox', { name: 'Domain Specific' }).check();
    await page.getByLabel('Number of questions').fill('20');
    const notice = page.getByRole('status').filter({ hasText: 'Expert domain specific' });
    await notice.waitFor();
    const text = await notice.innerText();
    const [, held] =
      /^The bank holds only (\d+) Expert domain specific questions for Sales; (.+) added\.$/.exec(text) ?? [];
    expect(held, text).toBeDefined();
    // No model is set up, so the way to more questions is one click away.
    await page.getByRole('button', { name: 'Set up an AI coach' }).waitFor();
    await expectAccessible(page, 'setup with a short-bank notice');
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByRole('heading', { name: /Question 1 of 20/ }).waitFor();

    // The next set: the Expert ones were all just asked, so the notice says so and repeats can come back.
    await page.getByRole('button', { name: 'Practice', exact: true }).click();
    await page.getByRole('radio', { name: 'Expert' }).check();
    await page.getByRole('checkbox', { name: 'Domain Specific' }).check();
    await page.getByLabel('Number of questions').fill('20');
    const none = page.getByRole('status').filter({
      hasText:
        'No Expert domain specific questions for Sales left that you have not seen in your last 5 sessions;',
    });
    await none.waitFor();
    const repeats = page.getByRole('checkbox', {
      name: `Allow questions from your recent sessions (${held} more at this difficulty)`,
    });
    await repeats.check();
    await page
      .getByRole('status')
      .filter({ hasText: `The bank holds only ${held} Expert domain specific questions for Sales;` })
      .waitFor();
    await expectAccessible(page, 'setup with repeats allowed');
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByRole('heading', { name: /Question 1 of 20/ }).waitFor();
    await context.close();
    await host.stop();
  });
  it('explains on Diagnostics why each provider is or is not in use, in light and dark', async () => {
    const host = await startHost(['--data-dir', tempDir()]);
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ colorScheme });
      const page = await context.newPage();
      await page.goto(host.url);
      if (colorScheme === 'light') await onboard(page, { name: 'Ines', role: 'Sales', level: 'Mid' });
      await page.getByRole('button', { name: 'Settings' }).click();
      await page.getByRole('button', { name: 'Diagnostics' }).click();
      await page.getByRole('heading', { name: 'Diagnostics' }).waitFor();
      const row = (label: string) => page.getByRole('row').filter({ hasText: label });
      await row('In-app language model').waitFor();
      expect(await row('Built-in coach').innerText()).toContain('Always available, offline.');
      const model = await row('In-app language model').innerText();
      expect(model).toContain('Not set up');
      expect(model).toContain('Not downloaded — Settings → AI coach → Models inside Rehearse → Download.');
      expect(await row('In-app embeddings').innerText()).toContain('Not downloaded');
      expect(await row('Cloud AI').innerText()).toContain(
        'No key set up — Settings → AI coach → Cloud AI (optional).',
      );
      expect(await row('Ollama').innerText()).toMatch(/Ollama is not running at http:\/\/127\.0\.0\.1:11434/);
      await expectAccessible(page, `diagnostics (${colorScheme})`);
      await context.close();
    }
    await host.stop();
  });
});

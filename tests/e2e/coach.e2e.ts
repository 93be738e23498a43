import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser } from '../support/browser';
import { startHost } from '../support/host-process';
import { onboard } from '../support/onboard';
import { tempDir } from '../support/runtime';

const OFF_TOPIC =
  'My favourite food is pizza, especially with mushrooms. On weekends I like to go hiking in the mountains with my dog. ' +
  'Dolphins are fascinating animals because they sleep with one half of their brain at a time.';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the coach, through the UI', () => {
  it('tells a candidate plainly when a text does not answer the question, by keyboard, in both themes', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const host = await startHost(['--data-dir', tempDir()]);
      const context = await browser.newContext({ colorScheme });
      const page = await context.newPage();
      await page.goto(host.url);
      await onboard(page, { name: 'Ines', role: 'Software Engineer', level: 'Mid' });

      await page.getByRole('button', { name: 'Practice', exact: true }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Set up a practice session' }).waitFor();
      await page.getByLabel('Number of questions').focus();
      await page.keyboard.press('Control+A');
      await page.keyboard.type('2');
      await page.getByRole('button', { name: 'Start' }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: /Question 1 of 2/ }).waitFor();

      await page.getByLabel('Your answer').focus();
      await page.keyboard.type(OFF_TOPIC);
      await page.keyboard.press('Control+Enter');
      await page.getByRole('heading', { name: 'Feedback on question 1' }).waitFor();

      const verdict = page.getByRole('region', { name: 'Not an answer to this question' });
      await verdict.waitFor();
      expect(await verdict.innerText()).toContain(
        "This doesn't answer the question: it is about food, pizza and mushrooms.",
      );
      expect(await verdict.innerText()).toContain(
        'What an answer needs: Answer what was asked: re-read the question and speak to its subject directly.',
      );
      expect(await verdict.innerText()).toContain(
        'Every score is capped at 25 until it answers the question.',
      );
      const overall = Number(await page.locator('.feedback .meter').first().innerText());
      expect(overall).toBeLessThanOrEqual(25);
      // Nothing in it is praised, quoted as structure or rewritten into a "stronger version".
      expect(await page.getByRole('heading', { name: 'Strengths' }).count()).toBe(0);
      expect(await page.getByRole('heading', { name: 'A stronger version of your answer' }).count()).toBe(0);
      expect(await page.getByText('present', { exact: false }).count()).toBe(0);
      await expectAccessible(page, `feedback on a non-answer (${colorScheme})`);

      const next = page.getByRole('button', { name: 'Next question' });
      for (let i = 0; i < 20 && !(await next.evaluate((el) => el === document.activeElement)); i++) {
        await page.keyboard.press('Tab');
      }
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: /Question 2 of 2/ }).waitFor();
      await context.close();
      await host.stop();
    }
  });
});

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
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

/** Every chart label whose box pokes out of its chart's svg, by how much (1 px of rounding allowed). */
async function labelsOutside(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const svg of document.querySelectorAll('svg.recharts-surface')) {
      const frame = svg.getBoundingClientRect();
      for (const text of svg.querySelectorAll('text')) {
        if (!text.textContent?.trim()) continue;
        const box = text.getBoundingClientRect();
        const over = Math.max(
          frame.left - box.left,
          box.right - frame.right,
          frame.top - box.top,
          box.bottom - frame.bottom,
        );
        if (over > 1) out.push(`"${text.textContent}" by ${Math.round(over)} px`);
      }
    }
    return out;
  });
}

const chartCount = (page: Page) => page.locator('svg.recharts-surface').count();

describe('charts keep their labels inside the frame', () => {
  it('on the report and the dashboard, at 1024 and 1440 px, light and dark', async () => {
    const host = await startHost(['--data-dir', tempDir()]);
    const setup = await browser.newContext({ viewport: { width: 1024, height: 800 } });
    const page = await setup.newPage();
    await page.goto(host.url);
    await onboard(page, { name: 'Ada', role: 'Machine Learning Engineer', level: 'Mid' });
    await page.getByRole('button', { name: 'Practice', exact: true }).click();
    await page.getByLabel('Number of questions').fill('3');
    await page.getByRole('button', { name: 'Start' }).click();
    for (const n of [1, 2, 3]) {
      await page.getByRole('heading', { name: new RegExp(`Question ${n} of 3`) }).waitFor();
      await page
        .getByLabel('Your answer')
        .fill(
          'I measured the latency first, then cut it by 40% with a cache, and checked the error rate daily.',
        );
      await page.keyboard.press('Control+Enter');
      if (n < 3) await page.getByRole('button', { name: 'Next question' }).click();
    }
    await page.getByRole('button', { name: 'Back to history' }).waitFor();
    await setup.close();

    for (const width of [1024, 1440])
      for (const colorScheme of ['light', 'dark'] as const) {
        const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
        const view = await context.newPage();
        await view.goto(host.url);
        await view.getByRole('button', { name: 'History', exact: true }).click();
        await view
          .getByRole('button', { name: /^Open Machine Learning Engineer session/ })
          .first()
          .click();
        await view.getByText('Criteria', { exact: true }).waitFor();
        await expect.poll(() => chartCount(view)).toBe(2);
        expect(await labelsOutside(view), `report at ${width} px, ${colorScheme}`).toEqual([]);
        await view.getByRole('button', { name: 'Progress', exact: true }).click();
        await view.getByRole('heading', { name: 'By question type' }).waitFor();
        await expect.poll(() => chartCount(view)).toBeGreaterThanOrEqual(2);
        expect(await labelsOutside(view), `dashboard at ${width} px, ${colorScheme}`).toEqual([]);
        await context.close();
      }
    await host.stop();
  });
});

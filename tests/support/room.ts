import type { Page } from 'playwright-core';

/**
 * Answers every turn of the session on screen until its review appears, stepping through practice mode's
 * feedback pages and any follow-ups. Returns the questions asked, in order, and how many were follow-ups.
 */
export async function answerUntilReview(
  page: Page,
  answer: string,
  opts: { keyboard?: boolean } = {},
): Promise<{ asked: string[]; followUps: number; feedbackPages: number }> {
  const asked: string[] = [];
  let followUps = 0;
  let feedbackPages = 0;
  const room = page.getByLabel('Your answer');
  const feedback = page.getByRole('button', { name: 'Next question' });
  const review = page.getByRole('button', { name: 'Back to history' });
  for (let turn = 0; turn < 60; turn++) {
    await Promise.race([room.waitFor(), feedback.waitFor(), review.waitFor()]);
    if (await review.isVisible()) return { asked, followUps, feedbackPages };
    if (await feedback.isVisible()) {
      feedbackPages++;
      if (opts.keyboard) {
        await page.keyboard.press('Tab');
        await page.keyboard.press('Enter');
      } else await feedback.click();
      await feedback.waitFor({ state: 'detached' });
      continue;
    }
    const text = await page.locator('.question-text').innerText();
    asked.push(text);
    if (
      (await page.getByText('Why this question:').innerText()).match(
        /interviewer asks|expected point was missing|without a single number/,
      )
    )
      followUps++;
    await room.fill(answer);
    if (opts.keyboard) await page.keyboard.press('Control+Enter');
    else await page.getByRole('button', { name: 'Submit answer' }).click();
    await page
      .locator('.question-text', { hasText: text })
      .waitFor({ state: 'detached' })
      .catch(() => undefined);
  }
  throw new Error('the session did not end within 60 turns');
}

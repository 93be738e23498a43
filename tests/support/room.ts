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

/** From Home to the first question of a one-question practice session. */
export async function startOneQuestion(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Practice', exact: true }).click();
  await page.getByLabel('Number of questions').fill('1');
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByRole('heading', { name: /Question 1 of 1/ }).waitFor();
}

/** The seconds the recorder's timer says have been spoken ("0:07 of 2:30" is 7). */
export async function spokenSeconds(page: Page): Promise<number> {
  const timer = page.getByRole('timer', { name: 'Time spoken' });
  const [m, s] = (await timer.innerText()).split(' ')[0]!.split(':').map(Number);
  return m! * 60 + s!;
}

/**
 * In the practice room, records with the shortcut until the fake microphone has played `durationSec` of speech
 * (and a second more), then stops; the caller waits for what its transcriber says.
 */
export async function recordSpoken(page: Page, durationSec: number, key = 'Alt+KeyR'): Promise<void> {
  await page.keyboard.press(key);
  await page.getByRole('button', { name: 'Stop recording' }).waitFor();
  const deadline = Date.now() + 20_000;
  while ((await spokenSeconds(page)) < Math.ceil(durationSec) + 1) {
    if (Date.now() > deadline)
      throw new Error(`The recording did not reach ${Math.ceil(durationSec) + 1} s.`);
    await page.waitForTimeout(200);
  }
  await page.keyboard.press(key);
}

import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser } from '../support/browser';
import type { RehearseApi } from '../../src-shared/contract';
import { DEFAULT_AI_SETTINGS } from '../../src-shared/ai';
import { startFakeOllama } from '../support/fake-ollama';
import { startHost } from '../support/host-process';
import { onboard } from '../support/onboard';
import { onExit, tempDir } from '../support/runtime';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Keyboard only: focus the control and press Enter, as a candidate tabbing through would. */
async function press(target: Locator): Promise<void> {
  await target.focus();
  await target.page().keyboard.press('Enter');
}

const home = async (page: Page) => {
  await press(page.getByRole('button', { name: 'Home', exact: true }));
  await page.getByRole('heading', { name: /^Welcome back/ }).waitFor();
};

/** A host over a fresh data folder and a candidate who has just finished onboarding. */
async function freshCandidate(name: string) {
  const host = await startHost(['--data-dir', tempDir()]);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(host.url);
  await onboard(page, { name, role: 'Sales', level: 'Mid' });
  return { host, context, page };
}

describe('the first hour', () => {
  it('says before starting when the bank cannot fill the set, and offers repeats', async () => {
    const { host, context, page } = await freshCandidate('Ines');
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
    const dark = await browser.newContext({ colorScheme: 'dark' });
    const night = await dark.newPage();
    await night.goto(host.url);
    await night.getByRole('button', { name: 'Practice', exact: true }).click();
    await night.getByRole('radio', { name: 'Expert' }).check();
    await night.getByRole('checkbox', { name: 'Domain Specific' }).check();
    await night.getByLabel('Number of questions').fill('20');
    await night.getByRole('status').filter({ hasText: 'Expert domain specific' }).waitFor();
    await expectAccessible(night, 'setup with a short-bank notice (dark)');
    await dark.close();
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
  it('has the model that is set up write the missing questions: cancelled, malformed, then good, by keyboard', async () => {
    const ollama = await startFakeOllama({ answers: ['{}'] });
    onExit(() => ollama.close());
    const { host, context, page } = await freshCandidate('Ines');
    const invoke = (channel: string, input: unknown) =>
      page.evaluate(
        ([c, i]) => (window as unknown as { rehearse: RehearseApi }).rehearse.invoke(c as never, i as never),
        [channel, input] as const,
      );
    await invoke('ai.settings.save', {
      ...DEFAULT_AI_SETTINGS,
      ollama: { ...DEFAULT_AI_SETTINGS.ollama, mode: 'on', host: ollama.url },
    });
    const mine = async () =>
      ((await invoke('questions.private.list', {})) as { ok: true; value: unknown[] }).value.length;

    await press(page.getByRole('button', { name: 'Practice', exact: true }));
    await page.getByRole('heading', { name: 'Set up a practice session' }).waitFor();
    await page.getByRole('radio', { name: 'Expert' }).check();
    await page.getByRole('checkbox', { name: 'Domain Specific' }).check();
    await page.getByLabel('Number of questions').fill('12');
    const notice = page.getByRole('status').filter({ hasText: 'Expert domain specific' });
    await notice.waitFor();
    const held = Number(/only (\d+) Expert/.exec(await notice.innerText())?.[1]);
    const missing = 12 - held;
    const generate = page.getByRole('button', { name: `Generate ${missing} more with llama3.2 (Ollama)` });
    await generate.waitFor();
    expect(await page.getByRole('button', { name: 'Set up an AI coach' }).count()).toBe(0);
    await expectAccessible(page, 'setup offering to generate');

    // A slow model, cancelled: the progress is said, Cancel has the focus, and nothing is written.
    ollama.behaviour.delayMs = 5000;
    await press(generate);
    await page
      .getByRole('status')
      .filter({ hasText: `Asking llama3.2 (Ollama) for ${missing} Expert questions…` })
      .waitFor();
    const cancel = page.getByRole('button', { name: 'Cancel writing questions' });
    await expect.poll(() => cancel.evaluate((b) => b === document.activeElement)).toBe(true);
    await expectAccessible(page, 'setup while a model writes');
    await page.keyboard.press('Enter');
    await page.getByText('Cancelled: no questions were added.', { exact: true }).waitFor();
    expect(await mine()).toBe(0);
    ollama.behaviour.delayMs = 0;

    // A model that answers with no list of questions: the exact sentence, and nothing written.
    ollama.behaviour.answers = ['Here are some ideas: ask about pricing, ask about churn.'];
    await press(generate);
    await page
      .getByText(
        'llama3.2 (Ollama) could not write questions this time: ollama kept answering in a form Rehearse could not use. Nothing was added.',
        { exact: true },
      )
      .waitFor();
    expect(await mine()).toBe(0);
    await notice.waitFor();

    // A good answer: the set fills at Expert and the notice goes.
    ollama.behaviour.answers = [
      JSON.stringify({
        questions: Array.from({ length: missing }, (_, i) => ({
          text: `How would you rescue a stalled multi-year renewal with a procurement team you have never met (case ${i + 1})?`,
          category: 'Domain_Specific',
          difficulty: 'Expert',
          expectedPoints: ['Who decides and why', 'What you offer first', 'How you keep the deal moving'],
          timeLimitSec: 300,
          skills: ['Negotiation'],
        })),
      }),
    ];
    await press(generate);
    const done = page.getByText(
      `Added ${missing} Expert questions by llama3.2 (Ollama) to your bank; the set is full.`,
      { exact: true },
    );
    await done.waitFor();
    await expect.poll(() => done.evaluate((p) => p === document.activeElement)).toBe(true);
    await expect.poll(() => notice.count()).toBe(0);
    expect(await mine()).toBe(missing);
    await expectAccessible(page, 'setup after the model filled the set');
    await press(page.getByRole('button', { name: 'Start' }));
    await page.getByRole('heading', { name: /Question 1 of 12/ }).waitFor();
    // The session was planned with the written questions in it, every one at Expert.
    const sessions = (await invoke('sessions.list', { page: 1, pageSize: 1 })) as {
      value: { items: { id: string }[] };
    };
    const detail = (await invoke('sessions.get', { sessionId: sessions.value.items[0]!.id })) as {
      value: { questions: { source: string; difficulty: string }[] };
    };
    const sources = detail.value.questions.map((q) => q.source);
    expect(sources.filter((s) => s === 'private')).toHaveLength(missing);
    expect(detail.value.questions.every((q) => q.difficulty === 'Expert')).toBe(true);
    await context.close();

    // The offer in dark.
    const dark = await browser.newContext({ colorScheme: 'dark' });
    const night = await dark.newPage();
    await night.goto(host.url);
    await night.getByRole('button', { name: 'Practice', exact: true }).click();
    await night.getByRole('radio', { name: 'Expert' }).check();
    await night.getByRole('checkbox', { name: 'Behavioral' }).check();
    await night.getByLabel('Number of questions').fill('20');
    await night.getByRole('button', { name: /^Generate \d+ more with llama3\.2 \(Ollama\)$/ }).waitFor();
    await expectAccessible(night, 'setup offering to generate (dark)');
    // The written questions are in My questions, each marked with the model that wrote it.
    await night.getByRole('button', { name: 'My questions', exact: true }).click();
    await night.getByRole('list', { name: 'My questions, newest first' }).waitFor();
    expect(
      await night
        .getByRole('listitem')
        .filter({ hasText: /^Written by llama3\.2 \(Ollama\)$/ })
        .count(),
    ).toBe(missing);
    await dark.close();
    await host.stop();
  });

  it('explains on Diagnostics why each provider is or is not in use, in light and dark', async () => {
    const host = await startHost(['--data-dir', tempDir()]);
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ colorScheme });
      const page = await context.newPage();
      await page.goto(host.url);
      if (colorScheme === 'light') {
        await onboard(page, { name: 'Ines', role: 'Sales', level: 'Mid' });
        // The first steps can be hidden, and stay hidden.
        await press(page.getByRole('button', { name: 'Hide these steps' }));
        await expect.poll(() => page.getByRole('region', { name: 'Your first steps' }).count()).toBe(0);
      } else {
        await page.getByRole('heading', { name: /^Welcome back/ }).waitFor();
        await page.getByRole('region', { name: 'Recent sessions' }).waitFor();
        expect(await page.getByRole('region', { name: 'Your first steps' }).count()).toBe(0);
      }
      await page.getByRole('button', { name: 'Settings' }).click();
      await page.getByRole('button', { name: 'Diagnostics' }).click();
      await page.getByRole('heading', { name: 'Diagnostics' }).waitFor();
      await page.getByRole('button', { name: 'Check providers now' }).click();
      await page.getByRole('button', { name: 'Check providers now' }).waitFor();
      const row = (label: string) => page.getByRole('row').filter({ hasText: label });
      await row('In-app language model').waitFor();
      expect(await row('Built-in coach').innerText()).toContain('Always available, offline.');
      const model = await row('In-app language model').innerText();
      expect(model).toContain('Not set up');
      expect(model).toContain('Not downloaded — Settings → AI coach → Models inside Rehearse → Download.');
      expect(await row('In-app embeddings').innerText()).toContain('Not downloaded');
      expect(await row('In-app speech to text (Whisper)').innerText()).toContain('Not downloaded');
      expect(await row('Cloud AI').innerText()).toContain(
        'No key set up — Settings → AI coach → Cloud AI (optional).',
      );
      await expect
        .poll(() => row('Ollama').innerText())
        .toMatch(/Ollama is not running at http:\/\/127\.0\.0\.1:11434/);
      await expectAccessible(page, `diagnostics (${colorScheme})`);
      await context.close();
    }
    await host.stop();
  });

  it('guides a new candidate from a fresh data folder to a first report and a next step, by keyboard', async () => {
    const { host, context, page } = await freshCandidate('Noor');
    const steps = page.getByRole('region', { name: 'Your first steps' });
    await steps.getByText('4 of 5 left.').waitFor();
    expect(await steps.getByRole('listitem').first().innerText()).toContain('(done)');
    await expectAccessible(page, 'home with first steps');

    await press(steps.getByRole('button', { name: 'Add your résumé' }));
    await page.getByRole('heading', { name: 'Your résumé' }).waitFor();
    await press(page.getByRole('button', { name: 'Paste text' }));
    await page
      .getByLabel('Résumé text')
      .fill(
        'Noor Haddad\nnoor@example.org\n\nEXPERIENCE\nAccount Manager, Tidewell\nMar 2019 – Present\n- Grew renewals by 20% across 30 accounts.\n\nSKILLS\nNegotiation, Prospecting',
      );
    await press(page.getByRole('button', { name: 'Read this text' }));
    await page.getByRole('heading', { name: /^What Rehearse found in/ }).waitFor();

    await home(page);
    await steps.getByText('3 of 5 left.').waitFor();
    await press(steps.getByRole('button', { name: 'Add a job posting' }));
    await page.getByRole('heading', { name: 'Job postings' }).waitFor();
    await press(page.getByRole('button', { name: 'Add a job posting' }));
    await page
      .getByLabel('Posting text')
      .fill('Account Executive\nLarkspur is hiring.\n\nRequirements\n- Salesforce\n- Negotiation\n');
    await page.getByLabel('Job title').fill('Account Executive');
    await press(page.getByRole('button', { name: 'Save posting' }));
    await page.getByText('of the required skills are on your résumé.').waitFor();

    await home(page);
    await steps.getByText('2 of 5 left.').waitFor();
    await press(steps.getByRole('button', { name: 'Start your first session' }));
    await page.getByRole('heading', { name: 'Set up a practice session' }).waitFor();
    await page.getByLabel('Number of questions').fill('2');
    await press(page.getByRole('button', { name: 'Start' }));
    await page.getByRole('heading', { name: /Question 1 of 2/ }).waitFor();
    // Practice mode: feedback after the first answer, then on; the last answer opens the report.
    for (const n of [1, 2]) {
      await page.getByRole('heading', { name: new RegExp(`Question ${n} of 2`) }).waitFor();
      await page.getByLabel('Your answer').fill('I would do my best and see what happens.');
      await page.keyboard.press('Control+Enter');
      if (n === 1) await press(page.getByRole('button', { name: 'Next question' }));
    }
    await page.getByRole('button', { name: 'Back to history' }).waitFor();

    // The report names the next step; opening it was the last of the first steps.
    const next = page.getByRole('region', { name: /^Your next step: / });
    await next.waitFor();
    expect(await next.innerText()).toMatch(/Your last Sales session averaged \d+\/100\./);
    await expectAccessible(page, 'report with next step');

    await home(page);
    await page.getByRole('region', { name: /^Your next step: Retake your last session/ }).waitFor();
    expect(await page.getByRole('region', { name: 'Your first steps' }).count()).toBe(0);
    await expectAccessible(page, 'home with next step');
    // The same Home and report in dark.
    const dark = await browser.newContext({ colorScheme: 'dark' });
    const night = await dark.newPage();
    await night.goto(host.url);
    await night.getByRole('region', { name: /^Your next step: / }).waitFor();
    await expectAccessible(night, 'home with next step (dark)');
    await dark.close();
    await press(page.getByRole('button', { name: 'Retake it now' }));
    await page.getByRole('heading', { name: /Question 1 of 2/ }).waitFor();
    await context.close();
    await host.stop();
  });
});

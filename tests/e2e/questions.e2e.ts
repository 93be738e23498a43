import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser } from '../support/browser';
import { onboard } from '../support/onboard';
import { startHost } from '../support/host-process';
import { answerUntilReview } from '../support/room';
import { tempDir } from '../support/runtime';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const HEADER = 'text,category,difficulty,expected_points,time_limit_sec,skills,tags,role';

describe('my questions and company mode, through the UI', () => {
  it('writes, imports (refusing a bad file whole), exports, and practises company questions by keyboard', async () => {
    const dataDir = tempDir();
    const files = tempDir();
    const host = await startHost(['--data-dir', dataDir]);
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(host.url);
    await onboard(page, { name: 'Priya', role: 'Product Manager', level: 'Senior' });

    await page.getByRole('button', { name: 'My questions' }).click();
    await page.getByRole('heading', { name: 'My questions', level: 1 }).waitFor();
    await page.getByText(/No questions of your own yet/).waitFor();
    await expectAccessible(page, 'my questions (empty)');

    // Written by hand: a field error first, then a saved question.
    await page.getByRole('button', { name: 'Write a question' }).click();
    await page
      .getByLabel('Question', { exact: true })
      .fill('How do you decide what not to build this quarter?');
    await page.getByLabel('Expected answer points').fill('A clear goal\nEvidence used');
    await page.getByRole('button', { name: 'Save question' }).click();
    await page.getByText('List at least 3 expected answer points.').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id.endsWith('-expectedPoints'))).toBe(true);
    await page.getByLabel('Expected answer points').fill('A clear goal\nEvidence used\nHow you said no');
    await page.getByLabel('Tags (optional)').fill('prioritisation, roadmap');
    await expectAccessible(page, 'question form');
    await page.getByRole('button', { name: 'Save question' }).click();
    await page.getByText('How do you decide what not to build this quarter?').waitFor();

    // A file with one bad row imports nothing and says which row and column.
    const bad = join(files, 'bad.csv');
    writeFileSync(
      bad,
      [
        HEADER,
        'Tell me about a launch that missed its goal.,Behavioral,Medium,What happened|What you learnt|What changed,240,,launches,',
        'Pricing?,Situational,Medium,Segments|Willingness to pay|Experiments,240,,,',
      ].join('\n'),
    );
    await page.getByLabel('Import CSV or JSON').setInputFiles(bad);
    const alert = page.getByRole('alert').filter({ hasText: 'Nothing was imported from bad.csv' });
    await alert.waitFor();
    expect(await alert.getByRole('row').nth(1).innerText()).toMatch(
      /^2\s+text\s+The question must be at least 10 characters\.$/,
    );
    await expectAccessible(page, 'import errors');
    expect(await page.locator('li.card').count()).toBe(1);

    const good = join(files, 'good.csv');
    writeFileSync(
      good,
      [
        HEADER,
        'Tell me about a launch that missed its goal.,Behavioral,Medium,What happened|What you learnt|What changed,240,,launches,',
        '"How would you price a new ""team"" plan, and test it?",Situational,Medium,Segments|Willingness to pay|Experiments,240,Pricing,pricing,Product Manager',
      ].join('\n'),
    );
    await page.getByLabel('Import CSV or JSON').setInputFiles(good);
    await page.getByText('Imported 2 questions from good.csv.').waitFor();
    await expect.poll(() => page.locator('li.card').count()).toBe(3);
    await page.getByLabel('Tag').selectOption('pricing');
    await expect.poll(() => page.locator('li.card').count()).toBe(1);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export JSON' }).click();
    const file = await (await download).path();
    const exported = JSON.parse(readFileSync(file!, 'utf8')) as { questions: { text: string }[] };
    expect(exported.questions.map((q) => q.text).sort()).toEqual([
      'How do you decide what not to build this quarter?',
      'How would you price a new "team" plan, and test it?',
      'Tell me about a launch that missed its goal.',
    ]);

    // Company mode: a shipped profile with its sources, stories prompt, then a session where values become questions.
    await page.getByRole('button', { name: 'Companies' }).click();
    await page.getByRole('heading', { name: 'Companies', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Show GitLab’s profile' }).click();
    await page.getByText('Question mix in company mode:').waitFor();
    await expect.poll(() => page.getByText(/handbook\.gitlab\.com/).count()).toBeGreaterThan(0);
    await expectAccessible(page, 'companies');

    // Own profile from a pasted page.
    await page.getByRole('button', { name: 'Add a company from its careers page' }).click();
    await page
      .getByLabel('The company’s values or careers page')
      .fill(
        'Our values\nShip small\nWe release in small steps.\nSay it plainly\nWe write clearly.\n\nHow we hire\nA recruiter call, then a case study presentation.',
      );
    await page.getByRole('button', { name: 'Pick out values and stages' }).click();
    await page.getByRole('heading', { name: 'Check and edit the profile' }).waitFor();
    expect(await page.getByLabel('Value 1', { exact: true }).inputValue()).toBe('Ship small');
    expect(await page.getByLabel('Stage 2', { exact: true }).inputValue()).toBe('Case or presentation');
    await page.getByLabel('Company name').fill('Larkspur');
    await expectAccessible(page, 'company form');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Saved “Larkspur”.').waitFor();

    await page.getByRole('button', { name: 'Practise for Larkspur' }).click();
    await page.getByRole('heading', { name: 'Set up a practice session' }).waitFor();
    // The form appears once its lists have arrived, so the chosen company is already the selected option.
    expect(
      await page
        .getByLabel('Company profile')
        .evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? ''),
    ).toBe('Larkspur');
    await expectAccessible(page, 'setup with company');
    await page.getByLabel('Number of questions').fill('4');
    // Keyboard only from here: focus Start and press Enter.
    await page.getByRole('button', { name: 'Start' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /Question 1 of 4/ }).waitFor();
    await expectAccessible(page, 'room with reason');
    // Company mode asks follow-ups like an interviewer, so the session grows past 4 turns.
    const { asked: texts, followUps } = await answerUntilReview(
      page,
      'An answer long enough for this question.',
      {
        keyboard: true,
      },
    );
    expect(followUps).toBeGreaterThan(0);
    expect(texts.length).toBe(4 + followUps);
    expect(texts.some((t) => /Larkspur's stated values is "(Ship small|Say it plainly)"/.test(t))).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
    await host.stop();
  });
});

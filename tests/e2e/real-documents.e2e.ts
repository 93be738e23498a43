import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RehearseApi } from '../../src-shared/contract';
import { expectAccessible, launchBrowser } from '../support/browser';
import { startFakeOllama } from '../support/fake-ollama';
import { startHost } from '../support/host-process';
import { onboard } from '../support/onboard';
import { tempDir } from '../support/runtime';

/**
 * A candidate meets the résumé and job screens with documents nobody in the project wrote: a two-column LaTeX
 * résumé (pearsonk27/latexcv, MIT; see tests/fixtures/real-resumes/README.md) and PostHog's published posting
 * (see tests/fixtures/real-postings/README.md). Both are read imperfectly, and the candidate puts it right.
 */
const RESUME = join(__dirname, '..', 'fixtures', 'real-resumes', 'documents', 'pearson.pdf');
const POSTING = readFileSync(
  join(__dirname, '..', 'fixtures', 'real-postings', 'posthog-senior-full-stack-software-engineer.txt'),
  'utf8',
);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const press = async (page: Page, name: string | RegExp, exact = true) => {
  await page.getByRole('button', { name, exact }).focus();
  await page.keyboard.press('Enter');
};
/** Replaces a field's text the way a keyboard user does: focus, select all, type. */
const retype = async (page: Page, field: ReturnType<Page['getByLabel']>, text: string) => {
  await field.focus();
  await page.keyboard.press('ControlOrMeta+A');
  if (text) await page.keyboard.insertText(text);
  else await page.keyboard.press('Delete');
};
/** The focused element, by its accessible label, else its id, else its tag and text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el) return '';
    return el.getAttribute('aria-label') || el.id || `${el.tagName}: ${el.textContent}`;
  });

async function start(page: Page, url: string, beforeResume?: () => Promise<void>) {
  await page.goto(url);
  await onboard(page, { name: 'Kris', role: 'Software Engineer', level: 'Mid' });
  await beforeResume?.();
  await press(page, 'Résumé');
  await page.getByRole('heading', { name: 'Your résumé' }).waitFor();
  await page.getByLabel(/Choose a PDF/).setInputFiles(RESUME);
  await page.getByRole('heading', { name: 'What Rehearse found in “pearson”' }).waitFor({ timeout: 30_000 });
  // The cursor lands on what was read, not on the page body (the file chooser is disabled while reading).
  await expect.poll(() => focused(page)).toBe('review-title');
}

describe('real documents, as a candidate meets them', () => {
  it('corrects a real résumé by keyboard: a save bar in reach, named buttons, no lost edits', async () => {
    const host = await startHost(['--data-dir', tempDir()]);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await start(page, host.url, async () => {
      // Setting up a session says whether a résumé will shape it, and leads to the résumé screen.
      await press(page, 'Practice');
      const resume = page.getByRole('group', { name: 'Résumé' });
      await resume.waitFor();
      expect(await resume.textContent()).toContain(
        'No résumé yet: questions come from the question bank and the job posting only.',
      );
      await press(page, 'Add your résumé');
    });

    // The skills the candidate listed stand apart from those found in the text, each saying where it was seen.
    const listed = page.getByRole('list', { name: /^You listed/ });
    const inText = page.getByRole('list', { name: /^Found in your text/ });
    // A listed skill outside the taxonomy is kept as written and says so; a known one goes by its usual name.
    const chip = (name: string) => listed.getByRole('listitem').filter({ hasText: name });
    expect(await chip('Html/CSS').textContent()).toMatch(/^Html\/CSSas written · technical/);
    expect(
      await listed
        .getByRole('listitem')
        .filter({ hasText: /^Java ·/ })
        .textContent(),
    ).not.toContain('as written');
    expect(await listed.textContent()).toContain('Microsoft SQL Server (you wrote “SQL Server”)');
    expect(await inText.getByText('Kubernetes', { exact: true }).count()).toBe(1);
    expect(await inText.textContent()).toContain('Kubernetes · tools · in latest job');
    expect(await listed.getByText('Kubernetes', { exact: true }).count()).toBe(0);

    // The reader takes "Connance / Waystar" for a company and a place; each role is named with its dates.
    expect(
      await page
        .getByRole('group', { name: 'Senior Data Integration Engineer at Connance, 2017 – 2019' })
        .count(),
    ).toBe(1);
    // Its heading follows the edits, so the role is found by the words that stay.
    const role = page.getByRole('group', { name: /^Senior Data Integration Engineer at Connance/ });
    expect(await role.getByLabel('Location').inputValue()).toBe('Waystar');
    expect(await page.getByText('No unsaved corrections.').count()).toBe(1);
    await retype(page, role.getByLabel('Company'), 'Connance / Waystar');
    await retype(page, role.getByLabel('Location'), '');
    const status = page.getByRole('status').filter({ hasText: 'You have unsaved corrections.' });
    await status.waitFor();
    // The save button stays on screen while the fix, far up a long page, is still in view.
    const save = page.getByRole('button', { name: 'Save corrections' });
    const box = (await save.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(800);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(await page.getByRole('region', { name: 'Save your corrections' }).count()).toBe(1);

    // Leaving with unsaved corrections asks first; staying keeps them.
    const asked: string[] = [];
    page.once('dialog', (d) => {
      asked.push(d.message());
      void d.dismiss();
    });
    await press(page, 'Jobs');
    await expect
      .poll(() => asked)
      .toEqual(['Leave without saving your corrections to “pearson”? They will be lost.']);
    expect(await page.getByRole('heading', { name: 'Your résumé' }).isVisible()).toBe(true);
    expect(
      await page
        .getByRole('group', { name: 'Senior Data Integration Engineer at Connance / Waystar, 2017 – 2019' })
        .getByLabel('Company')
        .inputValue(),
    ).toBe('Connance / Waystar');
    // Closing the window asks too (in Electron the shell asks; here the browser does), and staying keeps them.
    const closing: string[] = [];
    page.once('dialog', (d) => {
      closing.push(d.type());
      void d.dismiss();
    });
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => closing).toEqual(['beforeunload']);
    expect(page.isClosed()).toBe(false);
    expect(await page.getByText('You have unsaved corrections.').count()).toBe(1);

    // The education's field of study was read as "of Arts"; the degree is Economics.
    const school = page.getByRole('group', { name: 'Bachelor of Arts, Boston College' });
    expect(await school.getByLabel('Field of study').inputValue()).toBe('of Arts');
    await retype(page, school.getByLabel('Field of study'), 'Economics');

    // Every remove button names what it removes; removing a skill leaves the cursor on the next one.
    expect(
      await page
        .getByRole('button', { name: 'Remove this role: Software Engineer at SBE Vision, 2022-04 – 2022-09' })
        .count(),
    ).toBe(1);
    expect(
      await page.getByRole('button', { name: 'Remove this entry: Bachelor of Arts, Boston College' }).count(),
    ).toBe(1);
    const inTextNames = await inText
      .getByRole('button')
      .evaluateAll((b) => b.map((x) => x.getAttribute('aria-label')));
    const i = inTextNames.indexOf('Remove Positive attitude');
    expect(i).toBeGreaterThanOrEqual(0);
    await press(page, 'Remove Positive attitude');
    await expect.poll(() => focused(page)).toBe(inTextNames[i + 1]);
    expect(await inText.getByText('Positive attitude', { exact: true }).count()).toBe(0);

    // A role added by keyboard takes the cursor to its first field.
    await press(page, 'Add a role');
    await expect.poll(() => focused(page)).toBe('experience-4-title');
    await page.keyboard.insertText('Volunteer Tutor');
    await page.keyboard.press('Tab');
    await page.keyboard.insertText('Boston Public Library');
    const tutor = page.getByRole('group', { name: /^Volunteer Tutor/ });
    await tutor.getByLabel('What you did').focus();
    await page.keyboard.insertText('Taught adult reading classes\n\n\nRan a weekly coding club');

    // A year typed key by key stays on screen; saving half a year or a date in words is refused, says where
    // in the screen's words, puts the cursor there, and writes nothing.
    const year = school.getByLabel('Graduation year');
    await year.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('201');
    expect(await year.inputValue()).toBe('201');
    await press(page, 'Save corrections');
    const refusal = page.getByRole('alert').filter({ hasText: 'Not saved.' });
    await expect
      .poll(() => refusal.textContent())
      .toBe(
        'Not saved. Check “Bachelor of Arts, Boston College”, Graduation year: write the year in four digits, like 2015.',
      );
    await expect.poll(() => focused(page)).toBe('education-0-graduationYear');
    expect(await year.getAttribute('aria-invalid')).toBe('true');
    await page.keyboard.type('4');
    expect(await year.inputValue()).toBe('2014');
    const sbeStart = page
      .getByRole('group', { name: /^Software Engineer at SBE Vision/ })
      .getByLabel('Start');
    await retype(page, sbeStart, 'April 2022');
    await press(page, 'Save corrections');
    await expect
      .poll(() => refusal.textContent())
      .toBe(
        'Not saved. Check “Software Engineer at SBE Vision, April 2022 – 2022-09”, Start: write the date as YYYY-MM or YYYY, like 2022-04.',
      );
    await expect.poll(() => focused(page)).toBe('experience-0-start');
    expect(await page.getByRole('cell').getByText('Corrected').count()).toBe(0);
    await retype(page, sbeStart, '2022-04');

    await expectAccessible(page, 'résumé review with unsaved corrections (light)');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible(page, 'résumé review with unsaved corrections (dark)');
    await page.emulateMedia({ colorScheme: 'light' });

    await press(page, 'Save corrections');
    await page.getByText('No unsaved corrections.').waitFor();
    // The cursor stays on the button, so the candidate carries on from where they were.
    expect(await focused(page)).toBe('BUTTON: Save corrections');
    await expect.poll(() => page.getByRole('cell').getByText('Corrected').count()).toBe(1);
    // Saved means kept: a fresh load shows the corrections, and leaving no longer asks.
    await page.reload();
    await press(page, 'Résumé');
    const fixed = page.getByRole('group', {
      name: 'Senior Data Integration Engineer at Connance / Waystar, 2017 – 2019',
    });
    expect(await fixed.getByLabel('Location').inputValue()).toBe('');
    expect(
      await page
        .getByRole('group', { name: 'Bachelor of Arts, Boston College' })
        .getByLabel('Field of study')
        .inputValue(),
    ).toBe('Economics');
    // Blank lines between the points are dropped on save: they are spacing, not things the candidate did.
    expect(
      await page
        .getByRole('group', { name: 'Volunteer Tutor at Boston Public Library' })
        .getByLabel('What you did')
        .inputValue(),
    ).toBe('Taught adult reading classes\nRan a weekly coding club');
    expect(
      await page
        .getByRole('list', { name: /^Found in your text/ })
        .getByText('Positive attitude')
        .count(),
    ).toBe(0);
    page.once('dialog', (d) => {
      asked.push(d.message());
      void d.dismiss();
    });
    await press(page, 'Jobs');
    await page.getByRole('heading', { name: 'Job postings' }).waitFor();
    expect(asked).toHaveLength(1);

    expect(problems).toEqual([]);
    await context.close();
    await host.stop();
  });

  it('warns before a sixth version removes the oldest, corrected one', async () => {
    const host = await startHost(['--data-dir', tempDir()]);
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await start(page, host.url);
    // Four more real résumés of the corpus (PDF and Word), through the same channel the upload uses.
    for (const file of ['bell.pdf', 'card.docx', 'kirti.pdf', 'olla.pdf']) {
      const dataBase64 = readFileSync(join(RESUME, '..', file)).toString('base64');
      await page.evaluate(
        async ([fileName, data]) => {
          const api = (window as unknown as { rehearse: RehearseApi }).rehearse;
          const r = await api.invoke('resumes.import', {
            requestId: crypto.randomUUID(),
            fileName: fileName!,
            dataBase64: data!,
          });
          if (!r.ok) throw new Error(r.error.message);
        },
        [file, dataBase64],
      );
    }
    await press(page, 'Home');
    await press(page, 'Résumé');
    const warning = page.getByText(/^You have 5 versions/);
    await warning.waitFor();
    // The newest, olla.pdf (a Europass CV), has no projects, and the empty group says so.
    await page.getByRole('heading', { name: 'What Rehearse found in “olla”' }).waitFor();
    expect(await page.getByRole('group', { name: 'Projects (0)' }).textContent()).toContain(
      'No projects were found.',
    );
    // The oldest is the one the candidate corrected in the first place.
    expect(await warning.textContent()).toBe(
      'You have 5 versions, the most Rehearse keeps: adding one removes the oldest, “pearson”. Delete another version first to keep it.',
    );
    await press(page, 'Review pearson');
    await page.getByRole('heading', { name: 'What Rehearse found in “pearson”' }).waitFor();
    await retype(page, page.getByRole('group', { name: 'Contact' }).getByLabel('Name'), 'Kris Pearson');
    await press(page, 'Save corrections');
    await expect
      .poll(() => warning.textContent())
      .toBe(
        'You have 5 versions, the most Rehearse keeps: adding one removes the oldest, “pearson”, with your corrections. Delete another version first to keep it.',
      );
    // The file chooser is described by the warning, so a screen reader hears it before choosing a file.
    const described = await page.getByLabel(/Choose a PDF/).getAttribute('aria-describedby');
    expect(await page.locator(`[id="${described!.split(' ')[0]!}"]`).textContent()).toMatch(
      /^You have 5 versions/,
    );
    await expectAccessible(page, 'résumé screen at the version limit (light)');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible(page, 'résumé screen at the version limit (dark)');
    expect(problems).toEqual([]);
    await context.close();
    await host.stop();
  });

  it('says a model is still reading a posting, then what it added and what it was refused', async () => {
    const ollama = await startFakeOllama({
      // "architecture" is in PostHog's posting; Kubernetes is not, so it is dropped.
      answers: [
        JSON.stringify({
          title: 'Senior Full Stack Software Engineer',
          company: 'PostHog',
          experienceLevel: 'Senior',
          requiredSkills: ['Django', 'architecture', 'Kubernetes'],
          niceToHaveSkills: [],
        }),
      ],
      // Long enough that the wait is seen on a busy machine.
      delayMs: 3000,
    });
    const host = await startHost(['--data-dir', tempDir()]);
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(host.url);
    await onboard(page, { name: 'Kris', role: 'Software Engineer', level: 'Mid' });
    await press(page, 'Settings');
    await page.getByLabel('Ollama address').fill(ollama.url);
    await page.getByRole('radio', { name: 'Always use it' }).check();
    await press(page, 'Save AI settings');
    await expect
      .poll(() => page.getByTestId('ollama-health').textContent(), { timeout: 10_000 })
      .toContain('Working.');

    await press(page, 'Jobs');
    await press(page, 'Add a job posting');
    await page.getByLabel('Posting text').focus();
    await page.keyboard.insertText(POSTING);
    await press(page, 'Fill in from the posting');
    const status = page.getByRole('status').filter({ hasText: /^Found/ });
    // The builtin reading shows at once, and the wait for the model is said, not left as a still screen.
    await expect
      .poll(() => status.textContent(), { timeout: 8_000 })
      .toMatch(
        /^Found 5 required \(.*\)\. Check the fields above\. A model is reading the posting too; what it adds will show here\.$/,
      );
    await expectAccessible(page, 'job form while a model reads');
    await expect
      .poll(() => status.textContent(), { timeout: 20_000 })
      .toMatch(
        /The model \(ollama · [^)]+\) added architecture\. It also proposed Kubernetes, which the posting does not say, so they were left out\.$/,
      );
    expect(await status.textContent()).not.toContain('A model is reading');
    // The list the form filled takes the model's additions; the candidate had not touched it.
    expect(await page.getByLabel('Required skills').inputValue()).toContain('architecture');

    expect(problems).toEqual([]);
    await context.close();
    await host.stop();
    await ollama.close();
  });

  it('keeps a real posting’s skills as the candidate corrected them, and matches on those', async () => {
    const host = await startHost(['--data-dir', tempDir()]);
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await start(page, host.url);

    await press(page, 'Jobs');
    await press(page, 'Add a job posting');
    await page.getByLabel('Posting text').focus();
    await page.keyboard.insertText(POSTING);
    await press(page, 'Fill in from the posting');
    const required = page.getByLabel('Required skills');
    // The reader takes a quality ("Scalability") and a category ("Databases") for skills the posting requires.
    await expect.poll(() => required.inputValue()).toContain('Scalability');
    expect(await required.inputValue()).toContain('Databases');
    await retype(page, required, 'Django, PostgreSQL');
    await retype(page, page.getByLabel('Nice-to-have skills'), 'ClickHouse');
    await expectAccessible(page, 'job form with corrected skills');
    await press(page, 'Save posting');
    // The cursor moves to the saved posting, whose match opens under it.
    await expect
      .poll(() =>
        page.evaluate(() => `${document.activeElement?.tagName}: ${document.activeElement?.textContent}`),
      )
      .toBe('H2: Senior Full Stack Software Engineer');

    const job = page.getByRole('listitem').filter({ hasText: 'Senior Full Stack Software Engineer' });
    await expect
      .poll(() => job.getByText(/^Asks for:/).textContent())
      .toBe('Asks for: Django, PostgreSQL. Nice to have: ClickHouse.');
    const match = page.getByRole('region', {
      name: 'How your résumé matches Senior Full Stack Software Engineer',
    });
    // PostgreSQL (in the résumé's projects) of Django and PostgreSQL.
    await expect.poll(() => match.textContent()).toContain('50% of the required skills are on your résumé.');
    expect(await match.textContent()).not.toMatch(/Scalability|Databases/);
    expect(await match.textContent()).toContain('Compared with your résumé “pearson”, the version in use.');

    // Editing the posting again shows the corrected lists, and saving it keeps them.
    await press(page, 'Edit Senior Full Stack Software Engineer');
    expect(await page.getByLabel('Required skills').inputValue()).toBe('Django, PostgreSQL');
    expect(await page.getByLabel('Nice-to-have skills').inputValue()).toBe('ClickHouse');
    // Filling in again keeps the candidate's lists, and says so rather than "Found …" over unchanged fields.
    await press(page, 'Fill in from the posting');
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /^Found/ })
          .textContent(),
      )
      .toMatch(
        /^Found 5 required \(.*Scalability.*\)\. Required skills already had your entries, so it was kept; empty it and fill in again to use what was found\.$/,
      );
    expect(await page.getByLabel('Required skills').inputValue()).toBe('Django, PostgreSQL');
    await press(page, 'Save posting');
    await expect
      .poll(() => job.getByText(/^Asks for:/).textContent())
      .toBe('Asks for: Django, PostgreSQL. Nice to have: ClickHouse.');
    await expectAccessible(page, 'job match after correcting the skills');

    // Practice names the résumé it will use; the set starts with the corrected posting.
    await press(page, 'Practice');
    const resume = page.getByRole('group', { name: 'Résumé' });
    await resume.waitFor();
    expect(await resume.textContent()).toContain(
      '“pearson” is in use: some questions ask about your own roles',
    );
    await page
      .getByLabel('Job posting')
      .selectOption({ label: 'Senior Full Stack Software Engineer — PostHog' });
    await expectAccessible(page, 'practice setup with a résumé and a posting');
    await press(page, 'Start');
    await page.getByText(/^Why this question: /).waitFor();

    expect(problems).toEqual([]);
    await context.close();
    await host.stop();
  });
});

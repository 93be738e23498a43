import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RehearseApi } from '../../src-shared/contract';
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

/** The posting of issue 15's shape, written for the project: a Requirements list with a years line in it. */
const BACKEND = readFileSync(
  join(__dirname, '..', 'fixtures', 'own-postings', 'senior-backend-engineer.txt'),
  'utf8',
);
const NO_SKILLS = `Office Coordinator
We are a small, friendly team looking for someone organised and kind who enjoys helping people and keeping a busy office running smoothly.
`;

const LAB = `Lab Technician

Requirements
• 2+ years of experience with PCR, cell culture and Excel
`;

const press = async (page: Page, name: string, exact = true) => {
  await page.getByRole('button', { name, exact }).focus();
  await page.keyboard.press('Enter');
};

describe('job postings as people write them, through the UI by keyboard', () => {
  it('shows the skills of a real-shaped posting, and asks for them when a posting has none', async () => {
    const host = await startHost(['--data-dir', tempDir()]);
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(host.url);
    await onboard(page, { name: 'Ada', role: 'Backend Engineer', level: 'Senior' });
    // The résumé is only the other side of the match; it comes in through the same channel as a pasted one.
    await page.evaluate(async (requestId) => {
      const api = (window as unknown as { rehearse: RehearseApi }).rehearse;
      const r = await api.invoke('resumes.importText', {
        requestId,
        text: 'Ada Lovelace\nada@example.com\n\nEXPERIENCE\nBackend Engineer — Analytical Engines Ltd\nJan 2019 – Present\n• Built payment services in Go on PostgreSQL and Kafka.\n\nSKILLS\nGo, PostgreSQL, Kafka, Docker\n',
      });
      if (!r.ok) throw new Error(r.error.message);
    }, randomUUID());

    await press(page, 'Jobs');
    await page.getByRole('heading', { name: 'Job postings' }).waitFor();
    await press(page, 'Add a job posting');
    await page.getByLabel('Posting text').focus();
    await page.keyboard.insertText(BACKEND);
    await press(page, 'Fill in from the posting');
    await expect.poll(() => page.getByLabel('Job title').inputValue()).toBe('Senior Backend Engineer');
    expect(await page.getByLabel('Company (optional)').inputValue()).toBe('Ledgerline');
    expect(await page.getByLabel('Experience level (optional)').inputValue()).toBe('Senior');
    const found = await page.getByRole('status').filter({ hasText: 'Found' }).textContent();
    expect(found).toMatch(
      // "Review code and mentor two mid-level engineers" asks for code review too.
      /^Found 10 required \(Code review, Go, Java, PostgreSQL, .*\) and 2 nice to have \(gRPC, Datadog\)\./,
    );
    // The required skills fill the Required skills field, the last of them after the "5+ years" line.
    const stack = (await page.getByLabel('Required skills').inputValue()).split(', ');
    for (const skill of [
      'Go',
      'Java',
      'PostgreSQL',
      'Kafka',
      'Kubernetes',
      'Terraform',
      'Amazon Web Services',
    ])
      expect(stack).toContain(skill);
    await expectAccessible(page, 'job form, proposal found');
    await press(page, 'Save posting');

    const backend = page.getByRole('listitem').filter({ hasText: 'Senior Backend Engineer' });
    await expect
      .poll(() => backend.getByText(/^Asks for:/).textContent())
      .toMatch(/Go, Java, .*PostgreSQL.*Kafka.*Kubernetes.*Terraform.*Amazon Web Services/);
    const match = page.getByRole('region', { name: 'How your résumé matches Senior Backend Engineer' });
    // Go, PostgreSQL and Kafka of the ten required skills (the seven named, the two under PostgreSQL, code review).
    await expect.poll(() => match.textContent()).toContain('30% of the required skills are on your résumé.');
    expect(await match.getByText('Kubernetes', { exact: true }).count()).toBe(1);
    await expectAccessible(page, 'job match');

    await press(page, 'Add a job posting');
    await page.getByLabel('Posting text').focus();
    await page.keyboard.insertText(NO_SKILLS);
    await press(page, 'Fill in from the posting');
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'No skills found in the posting.' }).count())
      .toBe(1);
    expect(await page.getByLabel('Job title').inputValue()).toBe('Office Coordinator');
    await press(page, 'Save posting');

    const office = page.getByRole('region', { name: 'How your résumé matches Office Coordinator' });
    await office.getByRole('heading', { name: 'No skills found in this posting' }).waitFor();
    // Never "100%" of nothing: no percentage at all until there is something to cover.
    expect(await office.textContent()).not.toMatch(/\d+%/);
    expect(
      await page.getByRole('listitem').filter({ hasText: 'Office Coordinator' }).textContent(),
    ).toContain('No skills found in this posting yet.');
    await expectAccessible(page, 'job match, no skills (light)');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible(page, 'job match, no skills (dark)');
    await page.emulateMedia({ colorScheme: 'light' });

    await press(page, 'Add the skills it asks for');
    // The edit form opens with the cursor in the Required skills field, so the candidate can type straight away.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('id') ?? ''))
      .toMatch(/-requiredSkills$/);
    await page.keyboard.insertText('Excel, Google Workspace');
    await press(page, 'Save posting');
    await expect.poll(() => office.textContent()).toContain('0% of the required skills are on your résumé.');
    expect(await office.getByText('Excel', { exact: true }).count()).toBe(1);
    await expectAccessible(page, 'job match after adding skills');

    // A trade's own words that the skills list does not name are offered as the posting writes them, not listed:
    // most such phrases are not skills, so the candidate adds the ones that are.
    await press(page, 'Add a job posting');
    await page.getByLabel('Posting text').focus();
    await page.keyboard.insertText(LAB);
    await press(page, 'Fill in from the posting');
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /^Found/ })
          .textContent(),
      )
      .toBe(
        "Found 1 required (Excel). It also asks for Cell culture and PCR, which Rehearse's skills list has no name for; add any that matter. Check the fields above.",
      );
    expect(await page.getByLabel('Required skills').inputValue()).toBe('Excel');
    await expectAccessible(page, 'job form, phrases offered as written');

    expect(problems).toEqual([]);
    await context.close();
    await host.stop();
  });
});

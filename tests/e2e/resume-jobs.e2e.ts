import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser } from '../support/browser';
import { onboard } from '../support/onboard';
import { startHost } from '../support/host-process';
import { tempDir } from '../support/runtime';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

function resumePdf(file: string): Promise<void> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'LETTER', margin: 54 });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => {
      writeFileSync(file, Buffer.concat(chunks));
      resolve();
    });
    doc.registerFont('R', '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf');
    doc.registerFont('B', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf');
    doc.font('B').fontSize(20).text('Zoë Ní Bhriain');
    doc.font('R').fontSize(10).text('zoe@example.com | +353 1 555 0199 | Dublin, Ireland');
    doc.moveDown().font('B').fontSize(12).text('EXPERIENCE');
    doc.font('B').fontSize(10).text('Data Analyst — Harbour Insights, Dublin, Ireland');
    doc.font('R').text('March 2021 – Present');
    doc.text('• Built Tableau dashboards used by 40 managers; automated reporting with Python and SQL.');
    doc.moveDown().font('B').fontSize(12).text('EDUCATION');
    doc.font('R').fontSize(10).text('BSc in Statistics, Trinity College Dublin, 2020');
    doc.moveDown().font('B').fontSize(12).text('SKILLS');
    doc.font('R').fontSize(10).text('SQL, Python, Tableau, Excel, Communication');
    doc.end();
  });
}

describe('résumé and job postings, through the UI', () => {
  it('refuses a disguised file, reads a real PDF, takes corrections, and matches a pasted posting', async () => {
    const dataDir = tempDir();
    const files = tempDir();
    const host = await startHost(['--data-dir', dataDir]);
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(host.url);
    await onboard(page, { name: 'Zoë', role: 'Data Analyst', level: 'Mid' });

    await page.getByRole('button', { name: 'Résumé', exact: true }).click();
    await page.getByRole('heading', { name: 'Your résumé' }).waitFor();
    await expect.poll(() => page.getByText('No résumé yet.').isVisible()).toBe(true);
    await expectAccessible(page, 'résumé (empty)');

    const fake = join(files, 'resume.pdf');
    writeFileSync(fake, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    await page.getByLabel(/Choose a PDF/).setInputFiles(fake);
    await expect
      .poll(() =>
        page
          .getByRole('alert')
          .filter({ hasText: 'Only PDF, DOCX and plain-text files are supported' })
          .count(),
      )
      .toBe(1);
    expect(existsSync(join(dataDir, 'resumes')) ? readdirSync(join(dataDir, 'resumes')) : []).toEqual([]);

    const pdf = join(files, 'Zoe CV.pdf');
    await resumePdf(pdf);
    await page.getByLabel(/Choose a PDF/).setInputFiles(pdf);
    await page.getByRole('heading', { name: 'What Rehearse found in “Zoe CV”' }).waitFor({ timeout: 20_000 });
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('Zoë Ní Bhriain');
    expect(await page.getByLabel('Email').inputValue()).toBe('zoe@example.com');
    expect(await page.getByLabel('Company').first().inputValue()).toBe('Harbour Insights');
    expect(await page.getByLabel('Institution').first().inputValue()).toBe('Trinity College Dublin');
    for (const skill of ['SQL', 'Python', 'Tableau']) {
      expect(
        await page
          .getByRole('list', { name: /^You listed/ })
          .getByText(skill, { exact: true })
          .count(),
      ).toBe(1);
    }
    await expectAccessible(page, 'résumé review');
    expect(readdirSync(join(dataDir, 'resumes'))).toHaveLength(1);

    await page.getByRole('group', { name: 'Contact' }).getByLabel('Location').fill('Cork, Ireland');
    await page.getByRole('button', { name: 'Save corrections' }).click();
    await expect.poll(() => page.getByText('Corrections saved.', { exact: false }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('cell').getByText('Corrected').isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Jobs', exact: true }).click();
    await page.getByRole('button', { name: 'Add a job posting' }).click();
    await page.getByRole('button', { name: 'Save posting' }).click();
    await expect.poll(() => page.getByText('Title is required.').isVisible()).toBe(true);
    await page
      .getByLabel('Posting text')
      .fill(
        'Senior Data Analyst\nHarbour Insights is hiring.\n\nRequirements\n- SQL and Looker\n- Python\n\nNice to have\n- dbt\n',
      );
    await page.getByRole('button', { name: 'Fill in from the posting' }).click();
    await expect.poll(() => page.getByLabel('Job title').inputValue()).toBe('Senior Data Analyst');
    expect(await page.getByLabel('Company (optional)').inputValue()).toBe('Harbour Insights');
    await expectAccessible(page, 'job form');
    await page.getByRole('button', { name: 'Save posting' }).click();
    await expect
      .poll(() => page.getByText('of the required skills are on your résumé.').isVisible())
      .toBe(true);
    const report = page.getByRole('region', { name: 'How your résumé matches Senior Data Analyst' });
    // SQL and Python of SQL, Looker, Python and the title's trade, data analysis: two of four.
    expect(await report.textContent()).toContain('50%');
    expect(await report.getByText('Looker', { exact: true }).count()).toBe(1);
    await expectAccessible(page, 'job match');
    expect(problems).toEqual([]);
    await context.close();
    await host.stop();
  });
});

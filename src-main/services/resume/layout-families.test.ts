// Layout families first met in the held-out résumés (tests/fixtures/heldout-resumes), each written here as a made-up
// document of the same layout: the held-out documents stay a measure, and these tests hold the general rule.
import { Document, ExternalHyperlink, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import {
  parseBody as resume,
  parseText as parse,
  shippedTaxonomy,
} from '../../../tests/support/resume-reader';
import { pdfOf } from '../../../tests/support/pdf';
import { makeLine } from './document';
import { parseResumeFile } from './parse';
import { splitSections } from './sections';

const taxonomy = shippedTaxonomy();

const listed = (text: string) =>
  parse(text)
    .skills.filter((s) => s.sources.includes('skills'))
    .map((s) => s.asWritten ?? s.name);

describe('layout families of the held-out résumés', () => {
  it('a run of slashes between spaces separates the items of a skills line', () => {
    const skills = listed(
      'Jane Roe\njane@example.org\n\nSKILLS\n\nPython /// Go /// Rust\nPostgres /// Redis\n',
    );
    expect(skills).toEqual(expect.arrayContaining(['Python', 'Go', 'Rust', 'Postgres', 'Redis']));
    expect(skills.some((s) => s.includes('/'))).toBe(false);
  });

  it('a bracketed level followed by a colon heads the items after it', () => {
    const skills = listed(
      'Jane Roe\njane@example.org\n\nSKILLS\n\nLanguages: (proficient): Kotlin, Swift, Go (familiar): Rust, Haskell\n',
    );
    expect(skills).toEqual(expect.arrayContaining(['Kotlin', 'Swift', 'Go', 'Rust', 'Haskell']));
    expect(skills.some((s) => /proficient|familiar|:/.test(s))).toBe(false);
  });

  it('a school whose name holds "at" keeps it when the degree follows after a comma', () => {
    const r = parse(
      'Jane Roe\njane@example.org\n\nEDUCATION\n\nUniversity of Northern State at Riverton, BS Chemistry   May 2012\n',
    );
    expect(r.education.map((e) => [e.degree, e.institution])).toEqual([
      ['Bachelor', 'University of Northern State at Riverton'],
    ]);
  });

  it('"Degree, Field at the School" still splits at "at"', () => {
    const r = parse(
      'Jane Roe\njane@example.org\n\nEDUCATION\n\nPhD, Marine Biology at the University of Coldport\n',
    );
    expect(r.education.map((e) => [e.degree, e.institution])).toEqual([['PhD', 'University of Coldport']]);
  });

  it('a skills line of short lower-case items is a list, not a sentence', () => {
    const skills = listed(
      'Jane Roe\njane@example.org\n\nSKILLS\n\n- Others: API design, caching, load testing, data modelling, mentoring\n',
    );
    expect(skills).toEqual(
      expect.arrayContaining(['API design', 'caching', 'load testing', 'data modelling', 'mentoring']),
    );
  });

  it('a wrapped sentence whose last line is one section word does not open a section (plain text)', () => {
    const r = resume(
      'EXPERIENCE',
      '',
      'Northwind, Platform Engineer  2019/05 - 2021/02',
      '',
      '-   Built the deployment tooling for the whole company, working across',
      '    many different',
      '    technologies.',
      '-   Ran the on-call rota, and shared topics like caching, queues and',
      '    so on.',
    );
    expect(r.skills.filter((s) => s.sources.includes('skills'))).toEqual([]);
    expect(r.experience.map((e) => [e.title, e.company])).toEqual([['Platform Engineer', 'Northwind']]);
  });

  it("a degree on a bullet under the school's line is the entry's degree, and that line its school", () => {
    const r = parse(
      'Jane Roe\njane@example.org\n\nEDUCATION\n\nHogeschool Zuidkust  2014 - 2018\n- Bachelor of Applied Informatics\n',
    );
    expect(r.education.map((e) => [e.degree, e.institution])).toEqual([['Bachelor', 'Hogeschool Zuidkust']]);
  });

  it('a title set like the known section titles ends the section before it, even when it names none', () => {
    const title = (text: string) => makeLine(text, { size: 14, bold: true });
    const body = (text: string) => makeLine(text, { size: 10 });
    const sections = splitSections(
      [
        title('Jane Roe'),
        body('jane@example.org'),
        title('Skills'),
        body('Python, Go, Rust'),
        title('Odds and Ends'),
        body('Second prize, regional chess open 2015'),
        body('Choir member 2012'),
      ],
      10,
    );
    expect(sections.map((s) => [s.kind, s.lines.map((l) => l.text)])).toEqual([
      ['header', ['Jane Roe', 'jane@example.org']],
      ['skills', ['Python, Go, Rust']],
      ['other', ['Second prize, regional chess open 2015', 'Choir member 2012']],
    ]);
  });

  it('an e-mail address printed nowhere but linked from an "email" label is read from the link (PDF and Word)', async () => {
    const pdf = await pdfOf((doc) => {
      doc.fontSize(20).text('Jane Roe');
      doc.fontSize(10).text('email', { link: 'mailto:jane.roe@example.org' });
      doc.text('blog', { link: 'https://example.org/blog' });
      doc.fontSize(14).text('Experience');
      doc.fontSize(10).text('Platform Engineer, Northwind   Jan 2020 - Present');
    });
    const docx = await Packer.toBuffer(
      new Document({
        sections: [
          {
            children: [
              new Paragraph({ children: [new TextRun({ text: 'Jane Roe', size: 40 })] }),
              new Paragraph({
                children: [
                  new ExternalHyperlink({
                    link: 'mailto:jane.roe@example.org',
                    children: [new TextRun('email')],
                  }),
                ],
              }),
              new Paragraph({ children: [new TextRun('Platform Engineer, Northwind   Jan 2020 - Present')] }),
            ],
          },
        ],
      }),
    );
    for (const bytes of [pdf, docx]) {
      const r = await parseResumeFile(new Uint8Array(bytes), {
        taxonomy,
        reference: { year: 2026, month: 11 },
      });
      expect(r.contact.email).toBe('jane.roe@example.org');
    }
  });

  it("a job's wrapped list of tools heads nothing: the next job's title and employer stay its own", () => {
    const r = resume(
      'EXPERIENCE',
      '',
      'Platform Engineer, Northwind Inc.  Jan 2022 - Present',
      '- Ran the build farm.',
      'Tools used',
      'Go, Kafka, Postgres, Redis, Terraform, Ansible,',
      'Grafana, Vault.',
      'Backend Developer, Eastbrook Ltd.  Mar 2019 - Dec 2021',
      '- Wrote the billing service.',
    );
    expect(r.experience.map((e) => [e.title, e.company])).toEqual([
      ['Platform Engineer', 'Northwind Inc.'],
      ['Backend Developer', 'Eastbrook Ltd.'],
    ]);
  });

  it('a name and its dates run into a paragraph head a project inside the job, not a job', () => {
    const r = resume(
      'EXPERIENCE',
      '',
      'Platform Engineer, Northwind Inc.  Jan 2019 - Present',
      'Ledger (Mar 2021 - present) Ledger is the payments platform the whole company settles its invoices on, every day.',
      '- Cut settlement time by half.',
      'Atlas (Jan 2019 - Feb 2021) Atlas is the internal map of services that every team registers its deployments in.',
      '- Wrote its first version.',
    );
    expect(r.experience.map((e) => [e.title, e.company, e.start, e.current])).toEqual([
      ['Platform Engineer', 'Northwind Inc.', '2019-01', true],
    ]);
  });

  it('a bold employer line after a gap still completes a bold title whose dates wrapped (PDF)', async () => {
    const pdf = await pdfOf((doc) => {
      doc.font('Helvetica-Bold').fontSize(20).text('Jane Roe');
      doc.font('Helvetica').fontSize(10).text('jane@example.org');
      doc.moveDown(1).font('Helvetica-Bold').fontSize(14).text('Experience');
      const job = (title: string[], employer: string, bullet: string) => {
        doc.moveDown(0.8).font('Helvetica-Bold').fontSize(11);
        for (const line of title) doc.text(line);
        doc.moveDown(0.8).text(employer);
        doc.font('Helvetica').fontSize(10).text(`- ${bullet}`);
      };
      job(['Web Developer  Apr 2012 -- Nov 2019'], 'Eastbrook Library (Remote)', 'Built the catalogue.');
      job(
        ['Freelance Developer/Systems Administrator  Sep 2011 -- Apr', '2012'],
        'Northwind Systems (Remote)',
        'Ran the servers.',
      );
    });
    const r = await parseResumeFile(new Uint8Array(pdf), { taxonomy, reference: { year: 2026, month: 11 } });
    expect(r.experience.map((e) => [e.title, e.company, e.start, e.end])).toEqual([
      ['Web Developer', 'Eastbrook Library', '2012-04', '2019-11'],
      ['Freelance Developer/Systems Administrator', 'Northwind Systems', '2011-09', '2012-04'],
    ]);
  });

  it("a school's line over its degree's line, a gap between them, is one entry", () => {
    const r = resume(
      'EDUCATION',
      '',
      'Eastbrook State University  2013/09 - 2017/07',
      '',
      'Bachelor of Chemistry.',
    );
    expect(r.education.map((e) => [e.degree, e.institution, e.graduationYear])).toEqual([
      ['Bachelor', 'Eastbrook State University', 2017],
    ]);
  });

  it("an e-mail address hyphenated across two lines ('jane-' over 'roe@example.org') is read whole", () => {
    const r = parse(
      ['Jane Roe', 'Data scientist · jane-', 'roe@example.org · Coldport', '', 'Skills', 'Python'].join('\n'),
    );
    expect(r.contact.email).toBe('jane-roe@example.org');
    expect(r.contact.name).toBe('Jane Roe');
  });
});

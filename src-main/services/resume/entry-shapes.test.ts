// Layout families of résumés nobody tuned the reader on (session 9), each written here as a made-up document of the
// same layout: the reader decides from the shape of a line or an entry, not from any one document's words.
import { describe, expect, it } from 'vitest';
import { parseFile, parseText as parse } from '../../../tests/support/resume-reader';
import { pdfOf } from '../../../tests/support/pdf';

describe('entry shapes', () => {
  it('three cells spread across the line (title, employer, dates) are three fields, not one run of words (PDF)', async () => {
    // A LaTeX class that sets each entry's head as three cells pushed apart by \hfill: nothing but space between.
    const cells = (doc: PDFKit.PDFDocument, y: number, a: string, b: string, c: string) => {
      doc.fontSize(10).text(a, 50, y, { lineBreak: false });
      doc.text(b, 250, y, { lineBreak: false });
      doc.text(c, 545 - doc.widthOfString(c), y, { lineBreak: false });
    };
    const bytes = await pdfOf((doc) => {
      doc.fontSize(20).text('Jane Roe', 250, 50, { lineBreak: false });
      doc.fontSize(10).text('jane@example.org', 250, 76, { lineBreak: false });
      doc.fontSize(12).text('Employment', 50, 110, { lineBreak: false });
      cells(doc, 130, 'Platform Engineer', 'Northwind', '3/2021 – Present, Austin TX');
      doc.text('• Ran the build farm for four product teams.', 60, 146, { lineBreak: false });
      cells(doc, 166, 'Support Analyst, Intern', 'Northwind', '6/2019 - 8/2019, Austin TX');
      doc.text('• Answered customer tickets and wrote runbooks.', 60, 182, { lineBreak: false });
      doc.fontSize(12).text('Education', 50, 214, { lineBreak: false });
      cells(doc, 234, 'Austin, TX', 'Coldport University', '2015-2019');
      doc.text('• B.S. in Computer Science, May 2019. GPA: 3.6', 60, 250, { lineBreak: false });
      cells(doc, 270, 'Lyon, France', 'Lycée Saint-Exupéry High School', 'Fall 2011 – Spring 2015');
      doc.text('• Completed my secondary education there.', 60, 286, { lineBreak: false });
    });
    const r = await parseFile(bytes);
    expect(r.experience.map((e) => [e.title, e.company, e.start, e.current ? 'present' : e.end])).toEqual([
      ['Platform Engineer', 'Northwind', '2021-03', 'present'],
      ['Support Analyst, Intern', 'Northwind', '2019-06', '2019-08'],
    ]);
    // The degree opens its bullet; the grade labelled at the bullet's end does not make it a detail.
    expect(r.education.map((e) => [e.degree, e.institution, e.graduationYear])).toEqual([
      ['Bachelor', 'Coldport University', 2019],
      ['High school', 'Lycée Saint-Exupéry High School', 2015],
    ]);
  });

  it('the column headings and levels of a language self-assessment grid are not skills', () => {
    const r = parse(
      [
        'Jane Roe',
        'jane@example.org',
        '',
        'LANGUAGES',
        'Mother tongue\tItalian',
        'Other languages\tUNDERSTANDING\tSPEAKING\tWRITING',
        'Listening\tReading\tSpoken interaction\tSpoken production',
        'English\tB2.2\tB2.2\tB2.1\tB2.2\tB2.1',
        'Japanese\tFluently',
        'German\tLimited',
      ].join('\n'),
    );
    const skills = r.skills.map((s) => s.asWritten ?? s.name);
    expect(skills).toEqual(expect.arrayContaining(['Italian', 'English', 'Japanese', 'German']));
    expect(
      skills.filter((s) =>
        /understanding|speaking|writing|listening|reading|spoken|B2|fluently|limited/i.test(s),
      ),
    ).toEqual([]);
  });

  it('a timeline printed flat numbers each entry: the number is no part of the title, an organisation before its country is the employer', () => {
    const r = parse(
      [
        'Jane Roe',
        'jane@example.org',
        '',
        'EXPERIENCE',
        '1. Data Analyst (Intern) — Harbor Group, UK',
        'Mar 2022 — Present',
        'Built the weekly sales dashboards and cleaned the CRM data.',
        '1. Web Developer — Finch Studio, Leeds',
        '2019 — 2021',
        'Designed responsive pages and fixed performance issues.',
      ].join('\n'),
    );
    expect(r.experience.map((e) => [e.title, e.company, e.start, e.current ? 'present' : e.end])).toEqual([
      ['Data Analyst (Intern)', 'Harbor Group', '2022-03', 'present'],
      ['Web Developer', 'Finch Studio', '2019', '2021'],
    ]);
  });

  it('a narrow date column wraps each range: the end opens the next line, before a bullet or the rest of a word', () => {
    const r = parse(
      [
        'Jane Roe',
        'jane@example.org',
        '',
        'EXPERIENCE',
        '2022/07 – Staff Engineer, Northwind Energy, Inc., Fremont, CA',
        '2023/11',
        '• Built the software of the cell test lab.',
        '2020/03 – Data Scientist / Geographer, Contoso Tide, Portland, ME',
        '2021/01 • Designed and deployed the models that scaled production.',
        '2019/07 – Contractor, Harbor Program, U.S. Department of Energy, Remote / Wash-',
        '2019/09 ington, D.C.',
        '• Ran ocean simulations for a carbon capture project.',
      ].join('\n'),
    );
    expect(r.experience.map((e) => [e.title, e.company, e.start, e.current ? 'present' : e.end])).toEqual([
      ['Staff Engineer', 'Northwind Energy, Inc.', '2022-07', '2023-11'],
      ['Data Scientist / Geographer', 'Contoso Tide', '2020-03', '2021-01'],
      ['Contractor', 'Harbor Program', '2019-07', '2019-09'],
    ]);
    expect(r.experience[1]!.bullets).toEqual(['Designed and deployed the models that scaled production.']);
  });

  it("section titles in a left margin column, each beside its section's first line, open their sections (PDF)", async () => {
    const bytes = await pdfOf((doc) => {
      doc.fontSize(18).text('Jane Roe', 150, 50, { lineBreak: false });
      doc.fontSize(9).text('jane@example.org', 150, 74, { lineBreak: false });
      const head = (y: number, left: string, right: string) => {
        doc.fontSize(10).text(left, 150, y, { lineBreak: false });
        doc.text(right, 545 - doc.widthOfString(right), y, { lineBreak: false });
      };
      doc.fontSize(12).text('Experience', 50, 110, { lineBreak: false });
      head(111, 'Harbor Analytics – Chicago, IL', 'July 2019 - Present');
      doc.fontSize(10).text('Software Engineer II', 150, 125, { lineBreak: false });
      doc.fontSize(9).text('• Moved the logs from MySQL to a search index.', 160, 139, { lineBreak: false });
      head(160, 'City Housing Authority – Philadelphia, PA', 'March 2017 - March 2018');
      doc.fontSize(10).text('Information Systems Co-op', 150, 174, { lineBreak: false });
      doc.fontSize(9).text('• Mapped the security cameras of eighty sites.', 160, 188, { lineBreak: false });
      doc.fontSize(12).text('Education', 50, 214, { lineBreak: false });
      head(215, 'Coldport University – Philadelphia, PA', 'Graduated June 2019');
      doc.fontSize(10).text('College of Computing and Informatics', 150, 229, { lineBreak: false });
      doc.text('B.S. in Computer Science', 150, 243, { lineBreak: false });
      doc.fontSize(12).text('Skills', 50, 270, { lineBreak: false });
      doc.fontSize(9).text('Python, Ruby, Ansible', 150, 271, { lineBreak: false });
    });
    const r = await parseFile(bytes);
    expect(r.experience.map((e) => [e.title, e.company, e.start, e.current ? 'present' : e.end])).toEqual([
      ['Software Engineer II', 'Harbor Analytics', '2019-07', 'present'],
      ['Information Systems Co-op', 'City Housing Authority', '2017-03', '2018-03'],
    ]);
    expect(r.education.map((e) => [e.degree, e.institution, e.graduationYear])).toEqual([
      ['Bachelor', 'Coldport University', 2019],
    ]);
    expect(r.skills.filter((s) => s.sources.includes('skills')).map((s) => s.asWritten ?? s.name)).toEqual(
      expect.arrayContaining(['Python', 'Ruby', 'Ansible']),
    );
  });

  it('employer over "Title • dates" cards: a range wrapped before its dash, a sentence in the first person, a title with no role word read like the others', () => {
    const r = parse(
      [
        'Jane Roe',
        'jane@example.org',
        '',
        '## Experience',
        '',
        '**Commons Software Trust, Amsterdam**',
        'Codebase Steward (Communities & Product) • Feb, 2021 — Present',
        'Supporting communities around shared codebases.',
        '',
        '**Eventwise, Amsterdam**',
        'Developer Relations | Community manager • Oct, 2018',
        '— Jan, 2021',
        '',
        'I built communities and planned events across Europe and in',
        'Germany.',
        '',
        '**Northwind Media, Madrid**',
        'Developer Relations | Head of Marketing • Feb, 2014 —',
        'Oct, 2018',
        '',
        'Since 2014 I have attended more than a hundred events where I also developed',
        'my interviewing skills (mostly in Spanish).',
      ].join('\n'),
    );
    expect(r.experience.map((e) => [e.title, e.company, e.start, e.current ? 'present' : e.end])).toEqual([
      ['Codebase Steward', 'Commons Software Trust', '2021-02', 'present'],
      ['Developer Relations', 'Eventwise', '2018-10', '2021-01'],
      ['Developer Relations', 'Northwind Media', '2014-02', '2018-10'],
    ]);
  });

  it('skill bars: each bold name over its percentage is a skill, the percentage rates it', () => {
    const r = parse(
      [
        'Jane Roe',
        'jane@example.org',
        '',
        '## Skills',
        '**Web Development (PHP, JavaScript)**',
        '85%',
        '**WordPress Development**',
        '80%',
        '**Data Analysis (Python, Excel)**',
        '70%',
      ].join('\n'),
    );
    const skills = r.skills.filter((s) => s.sources.includes('skills')).map((s) => s.asWritten ?? s.name);
    expect(skills).toEqual(
      expect.arrayContaining([
        'Web Development',
        'PHP',
        'JavaScript',
        'WordPress Development',
        'Python',
        'Excel',
      ]),
    );
    expect(skills.filter((s) => /%/.test(s))).toEqual([]);
  });

  it('a skills section of named skills, each over its description, keeps the names the taxonomy does not know', () => {
    const described = (name: string, text: string) => [`### ${name}`, text];
    const r = parse(
      [
        'Jane Roe',
        'jane@example.org',
        '',
        '## Skills',
        ...described(
          'Docker',
          'Familiar with containers and with building and running images for deployment.',
        ),
        ...described(
          'Linux',
          'Experienced with using Linux for administration, scripting and server management.',
        ),
        ...described('Git', 'Experienced with Git for version control and with review workflows on GitLab.'),
        ...described('Java', 'Capable of developing applications with Java and of writing their tests.'),
        ...described(
          'Fortigate Firewalls',
          'Familiar with configuring firewalls for network security and traffic control.',
        ),
        ...described(
          'SQL Databases',
          'Capable of writing queries and of managing relational databases in production.',
        ),
      ].join('\n'),
    );
    const skills = r.skills.filter((s) => s.sources.includes('skills')).map((s) => s.asWritten ?? s.name);
    expect(skills).toEqual(
      expect.arrayContaining(['Docker', 'Linux', 'Git', 'Java', 'Fortigate Firewalls', 'SQL Databases']),
    );
  });

  it('schools named in bold that wrap in a narrow column, each over its years and a description of the school (PDF)', async () => {
    const bytes = await pdfOf((doc) => {
      doc.fontSize(18).text('Jane Roe', 50, 50, { lineBreak: false });
      doc.fontSize(10).text('jane@example.org', 50, 74, { lineBreak: false });
      doc.fontSize(14).text('Education', 50, 110, { lineBreak: false });
      let y = 134;
      for (const [name, years, about] of [
        [
          ['St Anne’s Convent', 'School Harihar'],
          '2008 — 2018',
          [
            'St. Anne’s Convent School is known',
            'for its disciplined learning',
            'and its strong academic foundation.',
          ],
        ],
        [
          ['Coldport Govt', 'Polytechnic'],
          '2018 — 2021',
          [
            'Coldport Government Polytechnic is',
            'dedicated to providing quality',
            'technical education to its students.',
          ],
        ],
      ] as const) {
        for (const part of name) {
          doc.font('Helvetica-Bold').fontSize(12).text(part, 50, y, { lineBreak: false });
          y += 15;
        }
        y += 8;
        doc.font('Helvetica').fontSize(12).text(years, 50, y, { lineBreak: false });
        y += 23;
        for (const part of about) {
          doc.text(part, 50, y, { lineBreak: false });
          y += 15;
        }
        y += 10;
      }
    });
    const r = await parseFile(bytes);
    expect(r.education.map((e) => [e.degree, e.institution, e.graduationYear])).toEqual([
      [null, 'St Anne’s Convent School Harihar', 2018],
      [null, 'Coldport Govt Polytechnic', 2021],
    ]);
  });

  it('entries opened by their years: the school after a gap belongs to the degree above it', () => {
    const r = parse(
      [
        'Jane Roe',
        'jane@example.org',
        '',
        'EDUCATION',
        '2020-2023',
        '**Bachelors, Computer Science**',
        '',
        'Coldport University of Technology',
        'In my bachelors I got to learn about',
        'computer architecture and algorithms.',
        '',
        '2023-2025',
        '**Masters, Embedded Systems**',
        '',
        'Coldport University of Technology',
      ].join('\n'),
    );
    expect(r.education.map((e) => [e.degree, e.institution, e.graduationYear])).toEqual([
      ['Bachelor', 'Coldport University of Technology', 2023],
      ['Master', 'Coldport University of Technology', 2025],
    ]);
  });

  it('a name whose family name is typed in lower case is still the name, not a later heading', () => {
    const r = parse(
      [
        '# Priya sharma',
        'Web Developer',
        'priya@example.org',
        '',
        '## Experience',
        'Web Developer • Aug, 2022 — Present',
        '',
        '# Social Links',
        'github.com/priya-example',
      ].join('\n'),
    );
    expect(r.contact.name).toBe('Priya sharma');
  });

  it('a level in a cell of its own rates the name in the cell before it, as a level after a space does', () => {
    const r = parse(
      ['Jane Roe', 'jane@example.org', '', 'SKILLS', 'Html/CSS\t3+ yrs', 'React\t3+ yrs'].join('\n'),
    );
    const skills = r.skills.filter((s) => s.sources.includes('skills')).map((s) => s.asWritten ?? s.name);
    expect(skills).toEqual(expect.arrayContaining(['Html/CSS', 'React']));
    expect(skills.filter((s) => /yrs/.test(s))).toEqual([]);
  });
});

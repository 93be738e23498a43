// Layout families first met in CV web pages and JSON Resume files from new owners (session 8 of
// tests/fixtures/real-resumes: academicpages and other Jekyll pages, al-folio JSON Resume files, a Hugo Academic site)
// and in the spent fresh set, each written here as a made-up document of the same layout, so the rule is held by a
// test and not by one real document.
import { describe, expect, it } from 'vitest';
import {
  parseBody as parse,
  parseFile,
  REFERENCE as reference,
  shippedTaxonomy,
} from '../../../tests/support/resume-reader';
import { pdfOf } from '../../../tests/support/pdf';
import { peelLocation } from './contact';
import { findRange } from './dates';
import { assignFields, headerParts } from './experience';
import { makeLine, type Line } from './document';
import { extractTextDocument, parseDocument } from './parse';

const taxonomy = shippedTaxonomy();

/** Lines as an extractor gives them, read as a document of body size 10. */
const parseLines = (...lines: Line[]) =>
  parseDocument({ lines, pages: 1, bodySize: 10 }, { taxonomy, reference });
const jobs = (r: Pick<ReturnType<typeof parse>, 'experience'>) =>
  r.experience.map((e) => [e.title, e.company, e.start, e.current ? 'present' : e.end]);
const fields = (line: string) => assignFields(headerParts(line));

describe('layout families of CV web pages and JSON Resume files', () => {
  it('keeps an institution named "for" something whole', () => {
    expect(fields('Northwind Institute for Applied Statistics (NIAS)').company).toBe(
      'Northwind Institute for Applied Statistics',
    );
    expect(fields('Research Intern, Centre for Coastal Engineering & Networking').company).toBe(
      'Centre for Coastal Engineering & Networking',
    );
    // A role "for" an employer still splits there.
    expect(fields('Software Engineer for Contoso')).toMatchObject({
      title: 'Software Engineer',
      company: 'Contoso',
    });
  });

  it('peels a town, its state and its country off an employer', () => {
    expect(peelLocation('Contoso Robotics, Palo Alto, CA, USA')).toEqual({
      rest: 'Contoso Robotics',
      location: 'Palo Alto, CA, USA',
    });
    expect(fields('Fabrikam GmbH, Sankt Augustin, NRW, Germany')).toMatchObject({
      company: 'Fabrikam GmbH',
      location: 'Sankt Augustin, NRW, Germany',
    });
  });

  it('reads "YYYY - :" before a title as a job still going', () => {
    expect(findRange('2022 - : Applied Scientist & Economist')).toMatchObject({
      start: { year: 2022, month: null },
      end: null,
      current: true,
    });
    const r = parse(
      'Work experience',
      '======',
      '* **2022 - : Applied Scientist & Economist**',
      '  * Northwind SE',
      '* **2020 - 2022: Research Professional**',
      '  * Contoso University',
    );
    expect(jobs(r)).toEqual([
      ['Applied Scientist & Economist', 'Northwind SE', '2022', 'present'],
      ['Research Professional', 'Contoso University', '2020', '2022'],
    ]);
  });

  it('takes a share of full time after a title as the mark of the role', () => {
    expect(fields('Plasticity and Learning (25%), University of Northwind')).toMatchObject({
      title: 'Plasticity and Learning (25%)',
      company: 'University of Northwind',
    });
    expect(fields('Research Doctorate (100%), University of Northwind')).toMatchObject({
      title: 'Research Doctorate (100%)',
      company: 'University of Northwind',
    });
  });

  it('reads an e-mail address spelt out against harvesters', () => {
    const r = parseDocument(
      extractTextDocument(
        ['Dr. Jane Roe', 'jroe [AT] example [DOT] org | github | Berlin', '', 'Skills', 'Python'].join('\n'),
      ),
      { taxonomy, reference },
    );
    expect(r.contact.email).toBe('jroe@example.org');
    const s = parseDocument(
      extractTextDocument(
        ['Jane Roe', 'Contact: jane.roe (at) mail.example.com', '', 'Skills', 'Python'].join('\n'),
      ),
      { taxonomy, reference },
    );
    expect(s.contact.email).toBe('jane.roe@mail.example.com');
  });

  it('reads a list whose items end with their dates, the header two items up', () => {
    // A Word list that kept no levels: title and employer, the place, then the dates, each its own item.
    const r = parseLines(
      makeLine('Jane Roe', { size: 20 }),
      makeLine('Work experience', { heading: true }),
      ...[
        'Data Analyst, Fabrikam Bank,',
        'Lyon, FRA',
        'Nov 2018 - present',
        'Guest Researcher, Northwind Institute for Economic Research (NIER)',
        'Berlin, DEU',
        'Sept 2016 - Sept 2017',
      ].map((t) => makeLine(t, { bullet: true })),
    );
    expect(r.experience.map((e) => [e.title, e.company, e.location, e.start, e.end ?? 'present'])).toEqual([
      ['Data Analyst', 'Fabrikam Bank', 'Lyon, FRA', '2018-11', 'present'],
      ['Guest Researcher', 'Northwind Institute for Economic Research', 'Berlin, DEU', '2016-09', '2017-09'],
    ]);
  });

  it('reads a list of short undated items under a title named for its field as skills, not jobs', () => {
    const r = parse(
      '## Data science experience',
      '',
      '* Python (numpy, pandas)',
      '* R',
      '* Shiny',
      '* Data visualisation (ggplot2)',
    );
    expect(r.experience).toEqual([]);
    expect(r.skills.map((s) => s.name)).toEqual(expect.arrayContaining(['Python', 'R', 'Shiny']));
    // A dated list under the same kind of title is still jobs.
    const jobsThere = parse(
      'Research experience',
      '',
      'Research Assistant, Contoso University',
      '2019 - 2021',
    );
    expect(jobs(jobsThere)).toEqual([['Research Assistant', 'Contoso University', '2019', '2021']]);
  });

  it('reads a JSON Resume page of one table per section row by row: dates beside each role, labels beside lists (PDF)', async () => {
    const lines = (doc: PDFKit.PDFDocument, x: number, y: number, texts: string[]) =>
      texts.forEach((t, k) => doc.fontSize(10).text(t, x, y + k * 12, { lineBreak: false }));
    const bytes = await pdfOf((doc) => {
      doc.fontSize(24).text('Jane Roe', 50, 50, { lineBreak: false });
      lines(doc, 50, 82, ['jane@example.org · (555) 010-0199 · Calgary, Alberta, CA']);
      doc.fontSize(15).text('Work Experience', 50, 110, { lineBreak: false });
      // The date cell wraps and sits in the middle of its row, beside the role's bullets.
      lines(doc, 160, 135, [
        'Specialist Programmer',
        'Fabrikam',
        '• Moved a legacy billing application onto services for an airline client.',
        '• Led a team of five developers through the migration.',
        '• Cut the application start time by a tenth.',
      ]);
      lines(doc, 50, 159, ['Feb 2023 –', 'Dec 2023']);
      lines(doc, 160, 205, [
        'Application Developer',
        'Contoso Solutions',
        '• Built the mobile screens of a booking app.',
        '• Worked part time while studying.',
      ]);
      lines(doc, 50, 223, ['Apr 2019 –', 'Sep 2020']);
      doc.fontSize(15).text('Education', 50, 275, { lineBreak: false });
      lines(doc, 160, 300, [
        'MSc',
        'Software Engineering, University of Northwind, Calgary, Canada',
        'Grade: 10',
      ]);
      lines(doc, 50, 306, ['Jan 2024 – Dec', '2025']);
      doc.fontSize(15).text('Skills', 50, 350, { lineBreak: false });
      lines(doc, 200, 375, ['Java, Python, Typescript']);
      lines(doc, 50, 375, ['Programming Languages']);
      lines(doc, 200, 393, ['Neo4j, PostgreSQL, Cypher']);
      lines(doc, 50, 387, ['Database and Query', 'Languages']);
      lines(doc, 200, 417, ['Git, Docker, Kubernetes']);
      lines(doc, 50, 417, ['Tools']);
    });
    const r = await parseFile(bytes);
    expect(jobs(r)).toEqual([
      ['Specialist Programmer', 'Fabrikam', '2023-02', '2023-12'],
      ['Application Developer', 'Contoso Solutions', '2019-04', '2020-09'],
    ]);
    expect(r.education.map((e) => [e.degree, e.institution])).toEqual([
      ['Master', 'University of Northwind'],
    ]);
    const listed = r.skills.filter((k) => k.sources.includes('skills')).map((k) => k.name);
    expect(listed).toEqual(
      expect.arrayContaining(['Java', 'Python', 'TypeScript', 'PostgreSQL', 'Git', 'Docker', 'Kubernetes']),
    );
  });

  it('reads "Employer: Title (dates)" items whose dates the page wrapped onto the next line', () => {
    const r = parseLines(
      makeLine('Jane Roe', { size: 20 }),
      makeLine('jane@example.org'),
      makeLine('Experience', { heading: true }),
      makeLine('Northwind Labs: Applied Scientist (June 2020 - Present)', { bullet: true }),
      makeLine('Topics: Sequential Decision Making, Time Series.', { bullet: true }),
      makeLine('Contoso Institute of Science, Bangalore (CIS): Research Fellow (June', { bullet: true }),
      makeLine('2014 - Oct 2014)'),
      makeLine('Fabrikam Institute of Management, Ahmedabad (FIM): Research Intern', { bullet: true }),
      makeLine('(Jan 2015 - March 2015)'),
      makeLine('Tailspin Research and Development Organization (TRDO), Ministry of', { bullet: true }),
      makeLine('Defence, India: Research Intern (Nov 2015 - May 2016)'),
    );
    expect(jobs(r)).toEqual([
      ['Applied Scientist', 'Northwind Labs', '2020-06', 'present'],
      ['Research Fellow', 'Contoso Institute of Science', '2014-06', '2014-10'],
      ['Research Intern', 'Fabrikam Institute of Management', '2015-01', '2015-03'],
      ['Research Intern', 'Tailspin Research and Development Organization', '2015-11', '2016-05'],
    ]);
  });

  it('takes a bold role naming a technology for a role, not a skills title', () => {
    const r = parseLines(
      makeLine('Jane Roe', { size: 20 }),
      makeLine('Work', { size: 13, bold: true }),
      makeLine('2020.05 - 2020.06'),
      makeLine('Technology Intern, Wealth Management', { bold: true }),
      makeLine('Contoso Bank'),
      makeLine('2018.05 - 2018.06'),
      makeLine('Internship Trainee, Technical Services', { bold: true }),
      makeLine('Fabrikam Power'),
    );
    expect(r.experience.map((e) => e.start)).toEqual(['2020-05', '2018-05']);
    expect(r.experience[0]!.title).toMatch(/^Technology Intern/);
  });

  it('takes no last detail of one job for the employer of the next', () => {
    const r = parse(
      'Work experience',
      '======',
      '* Doctoral Researcher (Jul 2019 - now)',
      '  * Northwind University Hospital (Germany)',
      '  * Main topic: randomness in people',
      '  * Supervised two master students',
      '',
      '* Research intern (Nov 2017 - Jul 2018)',
      '  * Contoso Centre for Neuroscience (Germany)',
    );
    expect(jobs(r)).toEqual([
      ['Doctoral Researcher', 'Northwind University Hospital', '2019-07', 'present'],
      ['Research intern', 'Contoso Centre for Neuroscience', '2017-11', '2018-07'],
    ]);
  });

  it('takes an institution named for engineering for the employer of a "Lab : Role" line', () => {
    expect(fields('Centre for Coastal Engineering & Networking (CCEN) : Research Intern')).toMatchObject({
      title: 'Research Intern',
      company: 'Centre for Coastal Engineering & Networking',
    });
  });

  it('keeps a lone level after a dash in the title, and a Spanish legal form ends no sentence', () => {
    expect(fields('Mechanical Engineer - Intern')).toMatchObject({
      title: 'Mechanical Engineer - Intern',
      company: null,
    });
    const r = parseLines(
      makeLine('Jane Roe', { size: 20 }),
      makeLine('Work Experience', { size: 15 }),
      makeLine('Feb 2019 – Apr 2019'),
      makeLine('Mechanical Engineer - Intern', { bold: true }),
      makeLine('Solar Research Centre (SRC)'),
      makeLine('Installed a micro-grid.', { bullet: true }),
      makeLine('Oct 2019 – Oct 2020'),
      makeLine('Research Fellow', { bold: true }),
      makeLine('Northwind Automatización, S.L.'),
      makeLine('Built a drone navigation stack.', { bullet: true }),
    );
    expect(jobs(r)).toEqual([
      ['Mechanical Engineer - Intern', 'Solar Research Centre', '2019-02', '2019-04'],
      ['Research Fellow', 'Northwind Automatización', '2019-10', '2020-10'],
    ]);
  });

  it("reads a visiting scholar's item, and an employer's last word wrapped onto the description", () => {
    const r = parseLines(
      makeLine('Jane Roe', { size: 20 }),
      makeLine('Experience', { heading: true }),
      makeLine('04/2024– 9/2024: Visiting Scholar, The College of Northwind and Mary', { bullet: true }),
      makeLine('Conducting research on matrix theory under the supervision of'),
      makeLine('Professor Ada Byron.'),
      makeLine('09/2021– 12/2021: Research Assistant, The Contoso Polytechnic', {
        bullet: true,
        gapBefore: true,
      }),
      makeLine('University. Assisting the project leader, Professor Grace Lin, in'),
      makeLine('the research project on numerical ranges.'),
    );
    expect(jobs(r)).toEqual([
      ['Visiting Scholar', 'The College of Northwind and Mary', '2024-04', '2024-09'],
      ['Research Assistant', 'The Contoso Polytechnic University', '2021-09', '2021-12'],
    ]);
  });

  it('takes the name on the item right under a dated role for its employer, however far the list spaced it', () => {
    const item = (text: string, gapBefore = false) => makeLine(text, { bullet: true, gapBefore });
    const r = parseLines(
      makeLine('Jane Roe', { size: 20 }),
      makeLine('Work experience', { heading: true }),
      item('July 2023 - January 2025: Associate ML Scientist'),
      item('Northwind Institute for Artificial Intelligence, Delhi, India', true),
      item('Automated image classification model development'),
      item('August 2022 - February 2023: Research Intern'),
      item('Contoso Institute of Technology Delhi', true),
      item('Worked on cancer detection from ultrasound images'),
    );
    expect(jobs(r)).toEqual([
      ['Associate ML Scientist', 'Northwind Institute for Artificial Intelligence', '2023-07', '2025-01'],
      ['Research Intern', 'Contoso Institute of Technology Delhi', '2022-08', '2023-02'],
    ]);
  });

  it("reads a German compound school name and a school named without a school word after the degree's field", () => {
    const r = parse(
      'Education',
      '',
      '* Ph.D. in Nordwind Universitätsmedizin Berlin, 2019-now',
      '* B.Sc. Psychology, HS Contoso Frankfurt — Mar 2017–Jan 2020',
      '* M.Sc. Physics, First Class — 2016',
      '* M.S. in Information Systems, University of Northwind, Berkeley, 2018 (Focus: ML and Systems)',
      '* B.S. in Computing, University of Contoso, Calgary, Canada, 2012',
    );
    expect(r.education.map((e) => [e.degree, e.institution, e.graduationYear])).toEqual([
      ['PhD', 'Nordwind Universitätsmedizin', null],
      ['Bachelor', 'HS Contoso Frankfurt', 2020],
      ['Master', null, 2016],
      ['Master', 'University of Northwind, Berkeley', 2018],
      ['Bachelor', 'University of Contoso', 2012],
    ]);
  });

  it('reads skills lists of CV pages: languages rated after a colon or in a bracket, qualities, a known label', () => {
    const listed = (r: ReturnType<typeof parse>) =>
      r.skills.filter((k) => k.sources.includes('skills')).map((k) => k.asWritten ?? k.name);
    const r = parse(
      '## Language Skills',
      '- **German:** native proficiency',
      '- **French:** basic proficiency',
      '- English (fluent, near-native at speaking and writing)',
      '',
      '## Technical Skills',
      '- **R:** advanced',
      '- **(plus)** Markdown, HTML, Git (basic)',
      '',
      '## Soft skills',
      '- Organized and structured working style',
      '- Perseverance and resilience',
      '- Autodidact, enthusiastic about learning things',
    );
    const got = listed(r);
    expect(got).toEqual(
      expect.arrayContaining([
        'German',
        'French',
        'English',
        'R',
        'Markdown',
        'HTML',
        'Git',
        'Organized and structured working style',
        'Perseverance and resilience',
        'Autodidact',
      ]),
    );
    for (const wrong of [
      'native proficiency',
      'near-native at speaking',
      'writing',
      'Organized',
      'enthusiastic about learning things',
    ])
      expect(got).not.toContain(wrong);
    // A label the taxonomy knows, over a sentence about it, is listed too.
    const s = parse('## Technical skills', '', '* Python', '  * Packages I work with include: Pandas, NumPy');
    expect(listed(s)).toEqual(expect.arrayContaining(['Python', 'Pandas', 'NumPy']));
  });

  it("takes the organisation's line under 'Role, Department' for the employer", () => {
    const r = parseLines(
      makeLine('Jane Roe', { size: 20 }),
      makeLine('Work', { size: 13, bold: true }),
      makeLine('2020.01 - 2022.01'),
      makeLine('Research Assistant, Digital Healthcare', { bold: true }),
      makeLine('Northwind National Institute of Technology, Nagpur'),
      makeLine('• Built a pipeline for early detection from phone data.'),
      makeLine('2023.07 - 2024.05'),
      makeLine('Technical Analyst, Investment Banking', { bold: true }),
      makeLine('Contoso Services AG'),
      makeLine('• Revamped daily ETL jobs.'),
    );
    expect(jobs(r)).toEqual([
      [
        'Research Assistant, Digital Healthcare',
        'Northwind National Institute of Technology',
        '2020-01',
        '2022-01',
      ],
      ['Technical Analyst, Investment Banking', 'Contoso Services AG', '2023-07', '2024-05'],
    ]);
  });

  it('splits an employer whose name visibly ends from the role run into it', () => {
    expect(fields('Fabrikam GmbH Lead Data Scientist')).toMatchObject({
      title: 'Lead Data Scientist',
      company: 'Fabrikam GmbH',
    });
    expect(fields('Northwind Science Council (NSC) Junior Policy Officer')).toMatchObject({
      title: 'Junior Policy Officer',
      company: 'Northwind Science Council',
    });
    expect(fields('University of Contoso Research Assistant')).toMatchObject({
      title: 'Research Assistant',
      company: 'University of Contoso',
    });
    expect(fields('Tailspin Institute for Psycholinguistics PhD Candidate')).toMatchObject({
      title: 'PhD Candidate',
      company: 'Tailspin Institute for Psycholinguistics',
    });
    expect(fields('University of Georgia Adjunct Professor')).toMatchObject({ title: 'Adjunct Professor' });
    // The role first, as before.
    expect(fields('Software Engineer Contoso')).toMatchObject({
      title: 'Software Engineer',
      company: 'Contoso',
    });
  });

  it('reads a header whose quoted course name wrapped onto the line of its dates', () => {
    const r = parseLines(
      makeLine('Jane Roe', { size: 20 }),
      makeLine('Experience', { heading: true }),
      makeLine('Frontend Web-Developer (20%), University of Northwind — Aug–Oct 2023', { bold: true }),
      makeLine('• Rebuilt the department website'),
      makeLine('Teaching Assistant (20%), University of Northwind — “The Neural Foundation', {
        bold: true,
      }),
      makeLine('of Speech” — Feb–Jul 2023', { bold: true }),
      makeLine('• Teaching & lecture preparation'),
    );
    expect(jobs(r)).toEqual([
      ['Frontend Web-Developer (20%)', 'University of Northwind', '2023-08', '2023-10'],
      ['Teaching Assistant (20%)', 'University of Northwind', '2023-02', '2023-07'],
    ]);
  });

  it('reads an academicpages page of postdoctoral fellowships: the employer in lower case, a YYYYMM start, units first', () => {
    const r = parse(
      'Education',
      '======',
      '* PhD in Plant Biology, School of Life Sciences, Northwind University, 2016',
      '',
      'Work experience',
      '======',
      '* June 2024 - present: Postdoctoral Fellowship',
      '  * the University of Contoso',
      '  * Duties included: analysis of sequencing data.',
      '* 201711-202405, Postdoctoral fellow',
      '  * Division of Epidemiology, Department of Medicine, Fabrikam University Medical Center, USA',
      '  * Identification of susceptibility variants.',
    );
    expect(jobs(r)).toEqual([
      ['Postdoctoral Fellowship', 'University of Contoso', '2024-06', 'present'],
      ['Postdoctoral fellow', 'Fabrikam University Medical Center', '2017-11', '2024-05'],
    ]);
    expect(r.education.map((e) => e.institution)).toEqual(['Northwind University']);
    expect(findRange('201711-present')).toMatchObject({ start: { year: 2017, month: 11 }, current: true });
  });
});

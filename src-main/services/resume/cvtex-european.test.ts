// Layout families first met in the cv-boilerplate (cvtex) CVs added to the development corpus in session 8: dates as
// notes in the page's left margin, French and Québec CVs, a law professor's appointments. Each test is a made-up
// document of the same layout.
import { describe, expect, it } from 'vitest';
import {
  parseFile,
  parseText as parse,
  REFERENCE as reference,
  shippedTaxonomy,
} from '../../../tests/support/resume-reader';
import { pdfOf } from '../../../tests/support/pdf';
import { makeLine } from './document';
import { parseDocument } from './parse';

const taxonomy = shippedTaxonomy();

const jobs = (r: ReturnType<typeof parse>) =>
  r.experience.map((e) => [e.title, e.company, e.start, e.current ? 'present' : e.end]);

describe('cvtex and European CV layouts', () => {
  it('dates set as notes in the left margin open the row beside them, a wrapped note included (PDF)', async () => {
    const body = 110;
    const bytes = await pdfOf((doc) => {
      const line = (y: number, text: string, size = 10) =>
        doc.fontSize(size).text(text, body, y, { lineBreak: false });
      const note = (y: number, text: string) => doc.fontSize(7).text(text, 30, y + 2, { lineBreak: false });
      line(60, 'Jane Roe', 18);
      line(84, '12 Harbour Road, Leith');
      line(98, 'jane@example.org');
      line(130, 'Previous Experience', 14);
      note(156, '2019 – Present');
      line(156, 'Northwind Traders – Scotland');
      line(170, 'Operations Manager');
      line(184, 'Edinburgh');
      line(198, 'Ran the warehouse rota and the supplier accounts for the Leith depot.');
      note(226, 'April 2015 to');
      line(226, 'Contoso Freight');
      note(236, 'May 2019');
      line(240, 'Logistics Coordinator');
      line(254, 'Glasgow');
      line(268, 'Booked carriers and kept the delivery schedule for twelve shops.');
      note(296, '2011–15');
      line(296, 'Fabrikam Bakery');
      line(310, 'Shift Supervisor');
      line(324, 'Perth');
      line(352, 'Education', 14);
      note(378, '2008 – 2011');
      line(378, 'BA in Business Management');
      line(392, 'University of Stirling');
    });
    const r = await parseFile(bytes);
    expect(r.contact.name).toBe('Jane Roe');
    expect(r.experience.map((e) => [e.title, e.company, e.start, e.current ? 'present' : e.end])).toEqual([
      ['Operations Manager', 'Northwind Traders', '2019', 'present'],
      ['Logistics Coordinator', 'Contoso Freight', '2015-04', '2019-05'],
      ['Shift Supervisor', 'Fabrikam Bakery', '2011', '2015'],
    ]);
    expect(r.education.map((e) => [e.degree, e.institution, e.graduationYear])).toEqual([
      ['Bachelor', 'University of Stirling', 2011],
    ]);
  });

  it('a French CV: accented section titles, month names, "à", "aujourd’hui", seasons in brackets, a title in lower case', () => {
    const r = parse(
      [
        'Claire Dubois',
        'claire.dubois@example.fr',
        '',
        'Compétences',
        'Excel, SAP, Comptabilité analytique',
        '',
        'Expériences professionnelles',
        'avril 2015 à août 2016\tBoulangerie Martin',
        'Responsable de magasin',
        'Lyon, France',
        '2012 à aujourd’hui\tAgence Durand',
        'assistante comptable',
        '2011 (Été)\tCamping des Pins',
        'Animatrice',
        'Formation',
        '2013–2016\tMaitrise en Gestion',
        'Université de Lyon',
        '2009–2012\tBaccalauréat en Biologie',
        'Université Laval',
        'diplômée en 2006\tLycée Victor Hugo',
        'Baccalauréat général',
      ].join('\n'),
    );
    expect(jobs(r)).toEqual([
      ['Responsable de magasin', 'Boulangerie Martin', '2015-04', '2016-08'],
      ['assistante comptable', 'Agence Durand', '2012', 'present'],
      ['Animatrice', 'Camping des Pins', '2011-06', '2011-06'],
    ]);
    expect(r.education.map((e) => e.degree)).toEqual(['Master', 'Bachelor', 'High school']);
    expect(r.skills.filter((s) => s.sources.includes('skills')).map((s) => s.name)).toContain('SAP');
  });

  it('a law professor: "Academic Appointments", open and two-digit end years, "Honors:" inside a job, a law firm', () => {
    const r = parse(
      [
        'John Doe',
        'jdoe@example.edu',
        '',
        'ACADEMIC APPOINTMENTS',
        '2024–\tNorthfield University (Dallas, Texas)',
        'School of Law',
        'Associate Professor of Law',
        'Courses taught: Contracts, Torts (2023–24)',
        '2019–24\tSouthfield University (Columbia, Missouri)',
        'School of Law',
        'Assistant Professor',
        'Honors: Teacher of the Year (2021–22); Research Award (2022)',
        'ACADEMIC PUBLICATIONS',
        '2023\tA Note on Courts, 107 L. Rev. 1681',
        'ADDITIONAL LEGAL EXPERIENCE',
        '2018–19\tNorthwind, Hansen, Todd, Figel & Frederick, P.L.L.C. (Washington, D.C.)',
        'Associate',
        '2016–18\tHon. Jane Smith (New York, New York)',
        'United States District Court',
        'Law Clerk',
        'EDUCATION',
        '2016\tNew York University School of Law',
        'JD, magna cum laude',
        'Honors:',
        'Law Review, Managing Editor',
        '2012\tSwarthmore College',
        'BA, History, with honors',
      ].join('\n'),
    );
    expect(jobs(r)).toEqual([
      ['Associate Professor of Law', 'Northfield University', '2024', 'present'],
      ['Assistant Professor', 'Southfield University', '2019', '2024'],
      ['Associate', 'Northwind, Hansen, Todd, Figel & Frederick', '2018', '2019'],
      ['Law Clerk', 'Hon. Jane Smith', '2016', '2018'],
    ]);
    expect(r.education.map((e) => [e.degree, e.institution])).toContainEqual([
      'Bachelor',
      'Swarthmore College',
    ]);
  });

  it('"for" inside an employer\'s name parts nothing; with no role word the institution is the employer', () => {
    const r = parse(
      [
        'Sam Poe',
        'sam@example.com',
        '',
        'Previous Experience',
        '2014-present\tRoot Lending',
        'Financial Planning Associate',
        'Boston, MA',
        '2010-2014\tWorking Capital for Community Needs',
        'Director of Operations',
        'Madison, WI',
        '2009-2010\tUniversity of Wisconsin, Madison',
        'Statistical Consultation',
        'Madison, WI',
      ].join('\n'),
    );
    expect(jobs(r)).toEqual([
      ['Financial Planning Associate', 'Root Lending', '2014', 'present'],
      ['Director of Operations', 'Working Capital for Community Needs', '2010', '2014'],
      ['Statistical Consultation', 'University of Wisconsin', '2009', '2010'],
    ]);
  });

  it('section titles in a column of their own beside the entries; bold employers over bulleted roles (PDF)', async () => {
    const body = 140;
    const bytes = await pdfOf((doc) => {
      const line = (y: number, text: string, size = 10, x = body) =>
        doc.fontSize(size).text(text, x, y, { lineBreak: false });
      const bold = (y: number, text: string) =>
        doc.font('Helvetica-Bold').fontSize(10).text(text, body, y, { lineBreak: false }).font('Helvetica');
      const title = (y: number, text: string) =>
        doc
          .font('Helvetica-Bold')
          .fontSize(9)
          .text(text, 40, y + 1, { lineBreak: false })
          .font('Helvetica');
      const dated = (y: number, text: string, dates: string) => {
        line(y, `\u2022 ${text}`, 10, body + 4);
        line(y, dates, 10, 470);
      };
      line(50, 'Jane Roe', 15, 250);
      line(72, 'jane@example.org  \u2022  +30 698 000 0000  \u2022  http://example.org/~jane', 8.6, 150);
      title(110, 'EDUCATION');
      line(110, 'Ionian University, Corfu, Greece');
      dated(124, 'BSc. Informatics', 'Sep 2012 – May 2017');
      line(138, 'Cumulative GPA: 7.61 / 10', 8.6, body + 16);
      title(166, 'WORK');
      line(166, 'Fabrikam Ride, Athens');
      title(176, 'EXPERIENCE');
      dated(180, 'Data Engineer', 'Aug 2017 – Present');
      line(194, 'Tools: Scala, Spark, Hadoop, MySQL', 8.6, body + 16);
      bold(216, 'isMOOD Data Technology Services');
      dated(230, 'Software Engineer', 'Apr 2014 – Aug 2015');
      line(244, 'Development, scheduling and optimization of web crawlers', 8.6, body + 16);
      bold(266, 'Contoso Hellas');
      dated(280, 'Student Partner', 'Sep 2013 – Sep 2014');
      title(310, 'SKILLS');
      line(310, '\u2022 Programming Languages: Java, Scala, Python', 10, body + 4);
      line(324, '\u2022 Databases: Hive, MongoDB', 10, body + 4);
    });
    const r = await parseFile(bytes);
    expect(r.contact.name).toBe('Jane Roe');
    expect(r.experience.map((e) => [e.title, e.company, e.start, e.current ? 'present' : e.end])).toEqual([
      ['Data Engineer', 'Fabrikam Ride', '2017-08', 'present'],
      ['Software Engineer', 'isMOOD Data Technology Services', '2014-04', '2015-08'],
      ['Student Partner', 'Contoso Hellas', '2013-09', '2014-09'],
    ]);
    expect(r.education.map((e) => [e.degree, e.institution])).toEqual([['Bachelor', 'Ionian University']]);
    expect(r.skills.filter((s) => s.sources.includes('skills')).map((s) => s.name)).toEqual(
      expect.arrayContaining(['Java', 'Scala', 'Python', 'MongoDB']),
    );
  });

  it('roles as list items: a wrapped end date, an employer line over them, a bulleted employer under a dated title', () => {
    const r = parse(
      [
        'Sam Roe',
        'sam@example.org',
        '',
        'CLINICAL EXPERIENCE',
        'Northfield Family Dental, Louisville, Kentucky, USA',
        '• Associate Dental Surgeon May 2015 – Present',
        '• Employer: Dr. Jane Doe',
        '• Hours worked: 1200 hours.',
        'RESEARCH EXPERIENCE',
        'University of Louisville, Louisville, Kentucky, USA',
        '• Summer Research Fellow, Dept. of Oral Biology May 2016 –',
        'Aug 2016',
        '• Project: Palate development',
      ].join('\n'),
    );
    expect(jobs(r)).toEqual([
      ['Associate Dental Surgeon', 'Northfield Family Dental', '2015-05', 'present'],
      ['Summer Research Fellow, Dept. of Oral Biology', 'University of Louisville', '2016-05', '2016-08'],
    ]);
    const titled = parse(
      [
        'Sam Roe',
        'sam@example.org',
        '',
        'RESEARCH EXPERIENCE',
        'Research Scholar Feb 2016 – Apr 2018',
        '• National Institute of Technology, Tiruchirappalli Tamil Nadu, India',
        '• Supervisor: Dr. P. Kumar',
        'Research Assistant May 2014 – Aug 2015',
        '• Silicon Institute of Technology, Bhubaneswar Odisha, India',
        '• Focus: Array Signal Processing.',
      ].join('\n'),
    );
    expect(jobs(titled)).toEqual([
      ['Research Scholar', 'National Institute of Technology', '2016-02', '2018-04'],
      ['Research Assistant', 'Silicon Institute of Technology', '2014-05', '2015-08'],
    ]);
  });

  it("a banner name whose two words wrap onto two lines is the name; a skill's level in months is no part of it (PDF)", async () => {
    const bytes = await pdfOf((doc) => {
      doc.fontSize(11).text('SKILLS', 40, 60, { lineBreak: false });
      [
        ['C++', '2 yrs'],
        ['FreeBSD', '1 month'],
        ['Linux', '6 months'],
        ['Git', '3+ yrs'],
      ].forEach(([name, level], k) => {
        doc.fontSize(10).text(name!, 40, 80 + 18 * k, { lineBreak: false });
        doc.fontSize(10).text(level!, 130, 80 + 18 * k, { lineBreak: false, width: 60, align: 'right' });
      });
      doc.fontSize(10).text('jane.roe@example.org', 40, 170, { lineBreak: false });
      doc.font('Helvetica-Bold').fontSize(30).text('JANE', 260, 50, { lineBreak: false });
      doc.fontSize(30).text('ROE', 262, 84, { lineBreak: false }).font('Helvetica');
      doc.fontSize(12).text('Embedded Developer at Contoso', 230, 124, { lineBreak: false });
      doc.fontSize(14).text('WORK EXPERIENCE', 230, 160, { lineBreak: false });
      doc.fontSize(11).text('Northwind Traders', 230, 184, { lineBreak: false });
      doc.fontSize(10).text('2023 - 2025', 480, 184, { lineBreak: false });
      doc.fontSize(10).text('Embedded C++ developer', 230, 200, { lineBreak: false });
      doc.fontSize(10).text('Replaced singletons with dependency injection across the firmware.', 230, 216, {
        width: 320,
      });
    });
    const r = await parseFile(bytes);
    expect(r.contact.name).toBe('JANE ROE');
    const listed = r.skills.filter((s) => s.sources.includes('skills')).map((s) => s.asWritten ?? s.name);
    expect(listed).toEqual(expect.arrayContaining(['FreeBSD', 'Linux']));
    expect(listed.some((s) => /month/.test(s))).toBe(false);
  });

  it('two titled lists side by side under a biography (Interests beside Education) are read one after the other (PDF)', async () => {
    const bytes = await pdfOf((doc) => {
      doc
        .font('Helvetica-Bold')
        .fontSize(17)
        .text('Jane Roe', 60, 80, { lineBreak: false })
        .font('Helvetica');
      doc.fontSize(10).text('PhD Student', 70, 104, { lineBreak: false });
      doc.fontSize(10).text('jane@example.org', 70, 118, { lineBreak: false });
      doc.fontSize(10).text('Northfield University', 70, 132, { lineBreak: false });
      doc.fontSize(17).text('Biography', 262, 50, { lineBreak: false });
      [
        'I am a PhD student in ecology, working on how seed predators',
        'keep tropical forests diverse, with long-term data from Panama',
        'and fieldwork on the plants and the insects that eat them.',
      ].forEach((t, k) => doc.fontSize(10).text(t, 262, 74 + 12 * k, { lineBreak: false }));
      doc.fontSize(13).text('Interests', 266, 130, { lineBreak: false });
      ['Community', 'Ecology', 'Computational', 'Linguistics', 'Information', 'Retrieval'].forEach((t, k) =>
        doc.fontSize(10).text(`${k % 2 === 0 ? '• ' : '  '}${t}`, 285, 150 + 12 * k, { lineBreak: false }),
      );
      doc.fontSize(13).text('Education', 397, 124, { lineBreak: false });
      [
        '• MRes in Biodiversity, Evolution,',
        '  Conservation, 2017',
        '  University College London',
        '',
        '• BSc in Zoology, 2016',
        '  University of Exeter',
      ].forEach((t, k) => doc.fontSize(10).text(t, 415, 144 + 12 * k, { lineBreak: false }));
      doc.fontSize(13).text('Experience', 57, 260, { lineBreak: false });
      doc.fontSize(11).text('Publishing Assistant', 60, 282, { lineBreak: false });
      doc.fontSize(10).text('Springer Nature', 57, 298, { lineBreak: false });
      doc.fontSize(10).text('Sep 2018 – Oct 2019', 57, 310, { lineBreak: false });
      doc.fontSize(10).text('London', 57, 322, { lineBreak: false });
    });
    const r = await parseFile(bytes);
    expect(r.education.map((e) => e.institution)).toEqual([
      'University College London',
      'University of Exeter',
    ]);
  });

  it("undated roles in bold under an employer's heading, among dated entries, are entries; the heading is no place", () => {
    const h = (text: string) => makeLine(text, { heading: true, bold: true, size: 13 });
    const r = parseDocument(
      {
        lines: [
          makeLine('Jane Roe', { size: 20 }),
          makeLine('jane@example.org'),
          makeLine('Work Experience', { heading: true, bold: true, size: 16 }),
          h('Contoso Ltd'),
          makeLine('• Data Science Intern - Forecasting Summer 2024'),
          h('Northfield Tech'),
          makeLine('• Graduate Teaching Assistant', { bold: true }),
          makeLine('• Machine Learning (CS 4824): Spring 2025'),
          makeLine('• Signals and Systems (ECE 2714): Fall 2021'),
          makeLine('• Research Assistant', { bold: true }),
          makeLine('• Responsible Data Science Lab'),
          makeLine('• Advisor: Dr. Jane Smith'),
        ],
        pages: 1,
        bodySize: 10,
      },
      { taxonomy, reference },
    );
    expect(jobs(r)).toEqual([
      ['Data Science Intern', 'Contoso Ltd', '2024-06', '2024-06'],
      ['Graduate Teaching Assistant', 'Northfield Tech', null, null],
      ['Research Assistant', 'Northfield Tech', null, null],
    ]);
  });

  it('"Freelance" over a title is where the employer goes; a sentence under a one-word title adds nothing to it', () => {
    const r = parse(
      [
        'Alex Poe',
        'alex@example.org',
        '',
        'Experience',
        '2019–2021\tFreelance',
        'Full Stack Mobile Engineer',
        '• Built a classified ads Flutter app for two clients.',
        '',
        'Intern',
        'Webits, Corfu | 2021 - Present',
        'I work as an intern, often undertaking many projects geared around web',
        'designing, mostly with CSS, HTML and PHP.',
        '',
        'Skills',
        'Frameworks: Vue3, React Native, Flutter',
      ].join('\n'),
    );
    expect(jobs(r)).toEqual([
      ['Full Stack Mobile Engineer', 'Freelance', '2019', '2021'],
      ['Intern', 'Webits', '2021', 'present'],
    ]);
    expect(r.skills.filter((s) => s.sources.includes('skills')).map((s) => s.name)).toContain('React Native');
  });

  it('a Québec Cégep names a school', () => {
    const r = parse(
      [
        'Léa Roy',
        'lea@example.ca',
        '',
        'Éducation',
        '2007–2010\tTechnique en Bioécologie',
        'Cégep de La Pocatière',
      ].join('\n'),
    );
    expect(r.education.map((e) => e.institution)).toEqual(['Cégep de La Pocatière']);
  });

  it("'Title, Employer, Town, State, Country' over a bulleted description ending in the dates; skills as names over sentences", () => {
    const r = parse(
      [
        'Anu Roe',
        'anu@example.in',
        '',
        'WORK EXPERIENCE',
        'Consultant, Contoso Solutions, Kochi, Kerala, India',
        '• Tasked with evaluating and deploying a cloud backup solution Aug 2018 – Present',
        '',
        'Python dveloper, Fabrikam, Kochi, Kerala, India',
        '• Developed web scraping script using Python and Selenium for an ongoing project Jun 2018 – Jul 2018',
        'PROGRAMMING SKILLS',
        '• Shell Scripting',
        '• Used Bash as primary language before switching to Python for everyday automation tools',
        '• PHP',
        '• Developed a number of web applications that used PHP to generate dynamic content.',
      ].join('\n'),
    );
    expect(jobs(r)).toEqual([
      ['Consultant', 'Contoso Solutions', '2018-08', 'present'],
      ['Python dveloper', 'Fabrikam', '2018-06', '2018-07'],
    ]);
    const listed = r.skills.filter((s) => s.sources.includes('skills')).map((s) => s.asWritten ?? s.name);
    expect(listed).toEqual(expect.arrayContaining(['Shell Scripting', 'PHP']));
  });
});

// Layout families first met in the LaTeX and Word résumés added to the development corpus in session 7 (Europass,
// moderncv, latexcv sidebars, markdown-cv forks), each written here as a made-up document of the same layout.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBody as resume, parseFile } from '../../../tests/support/resume-reader';
import { pdfOf } from '../../../tests/support/pdf';
import { REAL_RESUMES_DIR } from '../../../tests/fixtures/real-resumes/corpus';

const listedOf = (r: Awaited<ReturnType<typeof parseFile>>) =>
  r.skills.filter((s) => s.sources.includes('skills')).map((s) => s.asWritten ?? s.name);

describe('LaTeX and Word layout families', () => {
  it('a Europass-style label column is read across: each label opens its row (PDF)', async () => {
    // Labels right-aligned in a narrow column, each on the baseline of the value it names.
    const row = (doc: PDFKit.PDFDocument, y: number, label: string, value: string, size = 9) => {
      doc
        .fontSize(8)
        .text(label, 30, y + 0.72 * (size - 8), { width: 125, align: 'right', lineBreak: false });
      doc.fontSize(size).text(value, 165, y, { lineBreak: false });
    };
    const bytes = await pdfOf((doc) => {
      row(doc, 60, 'PERSONAL INFORMATION', 'Jane Roe', 14);
      row(doc, 80, '', 'jane@example.org');
      row(doc, 110, 'WORK EXPERIENCE', '');
      row(doc, 130, 'March 2021 – Now', 'Platform Engineer', 12);
      row(doc, 146, '', 'Northwind Traders - Turin (Italy)');
      row(doc, 162, '', '– Ran the build farm and the release pipeline for four product teams.');
      row(doc, 190, 'June 2018 – February 2021', 'Support Analyst', 12);
      row(doc, 206, '', 'Contoso Ltd - Milan (Italy)');
      row(doc, 222, '', '– Answered customer tickets and wrote the team runbooks.');
      row(doc, 250, 'EDUCATION AND TRAINING', '');
      row(doc, 270, 'September 2014 – July 2018', 'Bachelor’s degree in Computer Science', 12);
      row(doc, 286, '', 'University of Turin (Italy)');
      row(doc, 302, 'Mark', '110/110 cum laude');
      row(doc, 318, 'Thesis', 'Scheduling builds on shared machines.');
    });
    const r = await parseFile(bytes);
    expect(r.contact.name).toBe('Jane Roe');
    expect(r.experience.map((e) => [e.title, e.company, e.start, e.current ? 'present' : e.end])).toEqual([
      ['Platform Engineer', 'Northwind Traders', '2021-03', 'present'],
      ['Support Analyst', 'Contoso Ltd', '2018-06', '2021-02'],
    ]);
    expect(r.education.map((e) => [e.degree, e.institution])).toEqual([['Bachelor', 'University of Turin']]);
  });

  it('a sidebar whose skills carry right-aligned levels is one column, the main column another (PDF)', async () => {
    const bytes = await pdfOf((doc) => {
      // Sidebar: skill names with their years at the sidebar's right edge, then education.
      doc.fontSize(11).text('SKILLS', 40, 60, { lineBreak: false });
      [
        ['Python', '5+ yrs'],
        ['Terraform', '3+ yrs'],
        ['Kubernetes', '2+ yrs'],
        ['Ansible', '1+ yrs'],
        ['German', 'B1'],
      ].forEach(([skill, level], i) => {
        doc.fontSize(10).text(skill!, 40, 80 + i * 18, { lineBreak: false });
        doc.fontSize(9).text(level!, 40, 80 + i * 18, { width: 130, align: 'right', lineBreak: false });
      });
      doc.fontSize(11).text('EDUCATION', 40, 200, { lineBreak: false });
      doc.fontSize(10).text('2010 - 2014', 40, 220, { lineBreak: false });
      doc.fontSize(10).text('Bachelor of Science', 40, 236, { lineBreak: false });
      doc.fontSize(10).text('Coldport University', 40, 252, { lineBreak: false });
      // Main column.
      doc.fontSize(22).text('JANE ROE', 215, 60, { lineBreak: false });
      doc.fontSize(10).text('jane@example.org', 215, 90, { lineBreak: false });
      doc.fontSize(11).text('WORK EXPERIENCE', 215, 120, { lineBreak: false });
      doc.fontSize(10).text('Site Reliability Engineer', 215, 140, { lineBreak: false });
      doc.fontSize(10).text('06/2020 - NOW', 470, 140, { lineBreak: false });
      doc.fontSize(10).text('Northwind Traders', 215, 156, { lineBreak: false });
      doc
        .fontSize(10)
        .text('Kept the payment services up and cut paging by half.', 215, 172, { lineBreak: false });
      doc.fontSize(10).text('Systems Administrator', 215, 200, { lineBreak: false });
      doc.fontSize(10).text('01/2015 - 05/2020', 470, 200, { lineBreak: false });
      doc.fontSize(10).text('Contoso Ltd', 215, 216, { lineBreak: false });
      doc.fontSize(10).text('Looked after two hundred Linux servers.', 215, 232, { lineBreak: false });
    });
    const r = await parseFile(bytes);
    expect(r.contact.name?.toLowerCase()).toBe('jane roe');
    expect(r.experience.map((e) => [e.title, e.company])).toEqual([
      ['Site Reliability Engineer', 'Northwind Traders'],
      ['Systems Administrator', 'Contoso Ltd'],
    ]);
    const skills = listedOf(r);
    expect(skills).toEqual(
      expect.arrayContaining(['Python', 'Terraform', 'Kubernetes', 'Ansible', 'German']),
    );
    expect(skills.some((s) => /yrs|B1/.test(s))).toBe(false);
  });

  it('a footer printed on every page is read once, before the body, not as part of the last section (PDF)', async () => {
    const footer = (doc: PDFKit.PDFDocument) =>
      doc
        .fontSize(9)
        .text('Jane Roe • 12 High Street, Bicester • jane@example.org', 50, 780, { lineBreak: false });
    const bytes = await pdfOf(
      (doc) => {
        doc.fontSize(20).text('Jane Roe', 50, 50, { lineBreak: false });
        doc.fontSize(12).text('Experience', 50, 90, { lineBreak: false });
        doc
          .fontSize(10)
          .text('2019 - 2024  Office Manager, Northwind Traders', 50, 110, { lineBreak: false });
        doc
          .fontSize(10)
          .text('Ran the front office and the supplier accounts.', 50, 126, { lineBreak: false });
        footer(doc);
      },
      (doc) => {
        doc.fontSize(12).text('Skills', 50, 50, { lineBreak: false });
        doc.fontSize(10).text('Bookkeeping, Payroll, Excel, Sage', 50, 70, { lineBreak: false });
        footer(doc);
      },
    );
    const r = await parseFile(bytes);
    expect(r.contact.email).toBe('jane@example.org');
    expect(listedOf(r).sort()).toEqual(['Bookkeeping', 'Excel', 'Payroll', 'Sage']);
  });

  it('a section title with one letter slipped still opens its section; a different ending does not', () => {
    const r = resume(
      'SKILLS',
      'Experienced: Python, Go',
      '',
      'WORK EXPEREINCES',
      'Data Engineer, Northwind Traders, 2019 - 2023',
    );
    expect(r.experience.map((e) => [e.title, e.company])).toEqual([['Data Engineer', 'Northwind Traders']]);
    expect(r.skills.filter((s) => s.sources.includes('skills')).map((s) => s.name)).toEqual(
      expect.arrayContaining(['Python', 'Go']),
    );
  });

  it('"Achievements include:" inside a job leads into its list, not into an awards section', () => {
    const r = resume(
      'EXPERIENCE',
      'Solution Architect, Northwind Traders, 2018 - 2023',
      'Achievements include:',
      '- Cut infrastructure delivery from two weeks to half a day',
      'QA Engineer, Contoso Ltd, 2014 - 2018',
      'Technologies used:',
      '- Selenium, Jenkins',
    );
    expect(r.experience.map((e) => [e.title, e.company])).toEqual([
      ['Solution Architect', 'Northwind Traders'],
      ['QA Engineer', 'Contoso Ltd'],
    ]);
    expect(r.sections).not.toContain('awards');
  });

  it("education: moderncv's 'Degree, School, Country', 'Degree from School', and a school's place on its own line", () => {
    const r = resume(
      'EDUCATION',
      '2007 to 2010 MSc Interactive Systems Design, Nottingham, UK',
      '',
      'B.Tech from NORTHERN INSTITUTE OF TECHNOLOGY & SCIENCE, JNTUH.',
      '',
      '2011 - 2014',
      'Master of Science',
      'Coldport Technical University',
      'Aachen, Germany',
      'Software Systems Engineering',
    );
    expect(r.education.map((e) => [e.degree, e.institution])).toEqual([
      ['Master', 'Nottingham'],
      ['Bachelor', 'NORTHERN INSTITUTE OF TECHNOLOGY & SCIENCE'],
      ['Master', 'Coldport Technical University'],
    ]);
  });

  it('Word: an employer one heading level below the section title heads its job, and skill groups titled by their names stay skills', async () => {
    const { Document, HeadingLevel, Packer, Paragraph } = await import('docx');
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: 'Jane Roe', heading: HeadingLevel.HEADING_1 }),
            new Paragraph('jane@example.org'),
            new Paragraph({ text: 'Work Experience', heading: HeadingLevel.HEADING_2 }),
            new Paragraph({ text: 'Northwind Traders', heading: HeadingLevel.HEADING_3 }),
            new Paragraph('Senior Software Engineer (May 2019 – Oct 2021)'),
            new Paragraph('Built the order service and its payment retries.'),
            new Paragraph({ text: 'Contoso', heading: HeadingLevel.HEADING_3 }),
            new Paragraph('Software Engineer (Jun 2015 – Apr 2019)'),
            new Paragraph('Maintained the nightly billing jobs for three markets.'),
            new Paragraph({ text: 'Frameworks and Libraries', heading: HeadingLevel.HEADING_2 }),
            new Paragraph({ text: 'Spring Boot', bullet: { level: 0 } }),
            new Paragraph({ text: 'React', bullet: { level: 0 } }),
            new Paragraph({ text: 'Cloud and Containers', heading: HeadingLevel.HEADING_2 }),
            new Paragraph({ text: 'Kubernetes', bullet: { level: 0 } }),
          ],
        },
      ],
    });
    const r = await parseFile(await Packer.toBuffer(doc));
    expect(r.experience.map((e) => [e.title, e.company, e.start, e.end])).toEqual([
      ['Senior Software Engineer', 'Northwind Traders', '2019-05', '2021-10'],
      ['Software Engineer', 'Contoso', '2015-06', '2019-04'],
    ]);
    expect(listedOf(r)).toEqual(expect.arrayContaining(['Spring Boot', 'React', 'Kubernetes']));
  });

  it('moderncv PDF: bullets drawn from a symbol font (MarVoSym prints "{") are bullets, not text (winslow.pdf)', async () => {
    const bytes = readFileSync(join(REAL_RESUMES_DIR, 'documents', 'winslow.pdf'));
    const r = await parseFile(bytes);
    expect(r.experience.slice(0, 3).map((e) => [e.title, e.company])).toEqual([
      ['Head web architect', 'Canonical'],
      ['Manager and team leader', 'Canonical'],
      ['Lead developer', 'Canonical'],
    ]);
    expect(r.experience.flatMap((e) => e.bullets).some((b) => b.startsWith('{'))).toBe(false);
  });

  it("two pages in two columns: the jobs that run onto page 2 follow page 1's jobs, not page 2's sidebar (PDF)", async () => {
    const sidebar = (doc: PDFKit.PDFDocument, title: string, items: string[]) => {
      doc.fontSize(11).text(title, 40, 60, { lineBreak: false });
      items.forEach((t, i) => doc.fontSize(10).text(t, 40, 80 + i * 16, { lineBreak: false }));
    };
    const job = (doc: PDFKit.PDFDocument, y: number, title: string, dates: string, employer: string) => {
      doc.fontSize(10).text(title, 215, y, { lineBreak: false });
      doc.fontSize(10).text(dates, 470, y, { lineBreak: false });
      doc.fontSize(10).text(employer, 215, y + 16, { lineBreak: false });
      doc.fontSize(10).text('Looked after the services of the team and their releases.', 215, y + 32, {
        lineBreak: false,
      });
    };
    const bytes = await pdfOf(
      (doc) => {
        sidebar(doc, 'SKILLS', ['Python', 'Terraform', 'Kubernetes', 'Ansible', 'Linux']);
        doc.fontSize(22).text('JANE ROE', 215, 60, { lineBreak: false });
        doc.fontSize(12).text('Platform Engineer', 215, 88, { lineBreak: false });
        doc.fontSize(10).text('jane@example.org', 215, 106, { lineBreak: false });
        doc.fontSize(11).text('WORK EXPERIENCE', 215, 130, { lineBreak: false });
        job(doc, 150, 'Platform Engineer', '06/2020 - NOW', 'Northwind Traders');
        job(doc, 210, 'Systems Engineer', '01/2017 - 05/2020', 'Contoso Ltd');
      },
      (doc) => {
        sidebar(doc, 'LANGUAGES', ['English', 'German', 'French', 'Italian', 'Spanish']);
        job(doc, 60, 'Support Analyst', '09/2014 - 12/2016', 'Fabrikam');
        job(doc, 120, 'IT Intern', '03/2013 - 08/2014', 'Tailspin Toys');
      },
    );
    const r = await parseFile(bytes);
    expect(r.experience.map((e) => [e.title, e.company])).toEqual([
      ['Platform Engineer', 'Northwind Traders'],
      ['Systems Engineer', 'Contoso Ltd'],
      ['Support Analyst', 'Fabrikam'],
      ['IT Intern', 'Tailspin Toys'],
    ]);
    // The main column's name and job title are a header, not the sidebar's last list.
    expect(listedOf(r)).not.toContain('Platform Engineer');
  });

  it("markdown-cv jobs: 'dates Employer, town, region, country, site' with an aside, then the title after a gap", () => {
    const r = resume(
      'Occupation',
      '',
      '02/2024-Present Northwind SA, Milan, Lombardia, Italia, northwind.it',
      '(Company based in France, Marseille)',
      '',
      'Business Developer, South Europe',
      '- Responsible for sales development in Southern Europe.',
      '',
      '2010-2011 Contoso S.p.A., Nova Milanese, Lombardia, Italia,',
      'contoso.com',
      '',
      'Plant Development Specialist - Projects/Maintenance',
      '- Designed new dosing systems for the detergent lines.',
    );
    expect(r.experience.map((e) => [e.title, e.company, e.start, e.current ? 'present' : e.end])).toEqual([
      ['Business Developer, South Europe', 'Northwind SA', '2024-02', 'present'],
      ['Plant Development Specialist', 'Contoso S.p.A.', '2010', '2011'],
    ]);
  });

  it('titles stacked over their own dates under one employer, and a title wrapped after "Senior"', () => {
    const r = resume(
      'Professional Experience',
      '',
      'Northwind Cloud',
      'Infrastructure Operations Manager',
      'Mar 2026 - Current',
      'Head of Infrastructure Operations',
      'Jul 2025 - Feb 2026',
      'Senior Infrastructure Engineer',
      'Jan 2024 - Jun 2025',
      '',
      '- Standardised region deployment for the GPU cloud.',
      '',
      'QA Team Lead / Principal Quality Engineer / Senior\t09/2014 - 11/2018',
      'Quality Engineer',
      'Contoso Reuters',
      'Led an automation test team that supported the product groups.',
    );
    expect(r.experience.map((e) => [e.title, e.company, e.start])).toEqual([
      ['Infrastructure Operations Manager', 'Northwind Cloud', '2026-03'],
      ['Head of Infrastructure Operations', 'Northwind Cloud', '2025-07'],
      ['Senior Infrastructure Engineer', 'Northwind Cloud', '2024-01'],
      ['QA Team Lead / Principal Quality Engineer / Senior Quality Engineer', 'Contoso Reuters', '2014-09'],
    ]);
  });

  it('a one-word name heading a Word document is the name when no longer one is found', async () => {
    const { Document, HeadingLevel, Packer, Paragraph } = await import('docx');
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: 'Akosua', heading: HeadingLevel.HEADING_1 }),
            new Paragraph('DevOps Engineer'),
            new Paragraph({ text: 'ACADEMIC DETAILS', heading: HeadingLevel.HEADING_3 }),
            new Paragraph('B.Tech from Coldport Institute of Technology.'),
          ],
        },
      ],
    });
    const r = await parseFile(await Packer.toBuffer(doc));
    expect(r.contact.name).toBe('Akosua');
    expect(r.education.map((e) => [e.degree, e.institution])).toEqual([
      ['Bachelor', 'Coldport Institute of Technology'],
    ]);
  });

  it('labelled skill lists that Markdown ran into one paragraph are split at each label; "Softwares" titles a list', () => {
    const r = resume(
      'TECHNICAL SKILLS',
      'Operating Systems: Linux, Windows Cloud Technology: AWS Version Control System: Git, GitHub Build Tool: Maven Web Server: Apache, Nginx',
      '',
      'Softwares (most important)',
      '- 2D/3D drawing: Autocad, Blender, Inkscape',
    );
    const skills = r.skills.filter((s) => s.sources.includes('skills')).map((s) => s.asWritten ?? s.name);
    expect(skills.sort()).toEqual(
      [
        'Apache',
        'AWS',
        'Autocad',
        'Blender',
        'Git',
        'GitHub',
        'Inkscape',
        'Linux',
        'Maven',
        'Nginx',
        'Windows',
      ].sort(),
    );
  });

  it('a sidebar entry: the employer\'s "Inc." ends no sentence, a school hyphenated across lines is one name, "Fluently" is a level', () => {
    const r = resume(
      'LANGUAGES',
      'Japanese Fluently',
      'English Limited',
      '',
      'EDUCATION',
      '2012/09 - 2017/06',
      'Computer Science',
      'Coldport University Of Science And Tech-',
      'nology',
      '',
      'WORK EXPERIENCE',
      'Fullstack Engineer\t2019/12 - NOW',
      'SmartDrive Inc.',
      'As an engineer at a startup company, I added features on the backend and the frontend.',
    );
    expect(r.experience.map((e) => [e.title, e.company])).toEqual([
      ['Fullstack Engineer', 'SmartDrive Inc.'],
    ]);
    expect(r.education.map((e) => e.institution)).toEqual(['Coldport University Of Science And Technology']);
    expect(r.skills.filter((s) => s.sources.includes('skills')).map((s) => s.asWritten ?? s.name)).toEqual(
      expect.arrayContaining(['Japanese', 'English']),
    );
  });

  it('slash lists of product names split where two parts are known or the unknown ones are in camel case; BComp is a bachelor', () => {
    const r = resume(
      'SKILLS',
      'State: MobX/Redux/Jotai',
      'UI: ChakraUI/TailwindCSS, AntDesign/ChakraUI',
      'OS: GNU/Linux',
      '',
      'EDUCATION',
      'Coldport University, BComp. Computer Science, Honors  2015 -- 2018',
    );
    const skills = r.skills.filter((s) => s.sources.includes('skills')).map((s) => s.asWritten ?? s.name);
    expect(skills).toEqual(
      expect.arrayContaining(['MobX', 'Redux', 'Jotai', 'ChakraUI', 'TailwindCSS', 'AntDesign', 'GNU/Linux']),
    );
    expect(r.education.map((e) => [e.degree, e.institution])).toEqual([['Bachelor', 'Coldport University']]);
  });

  it('a styled line naming a school under Education is no section of its own, whatever its words', async () => {
    const { Document, HeadingLevel, Packer, Paragraph } = await import('docx');
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: 'Jane Roe', heading: HeadingLevel.HEADING_1 }),
            new Paragraph('jane@example.org'),
            new Paragraph({ text: 'Education', heading: HeadingLevel.HEADING_2 }),
            new Paragraph({
              text: 'Business Analyst Certificate 2007 -- 2008',
              heading: HeadingLevel.HEADING_3,
            }),
            new Paragraph({ text: 'Coldport Institute of Technology', heading: HeadingLevel.HEADING_3 }),
            new Paragraph('Requirements gathering and project documentation.'),
          ],
        },
      ],
    });
    const r = await parseFile(await Packer.toBuffer(doc));
    expect(r.education.map((e) => [e.degree, e.institution])).toEqual([
      ['Certificate', 'Coldport Institute of Technology'],
    ]);
    expect(r.sections).not.toContain('skills');
  });

  it('a job told in a sentence ("working as … in … since Nov, 2017") is an entry still going', () => {
    const r = resume(
      'Experience',
      'Currently working as Site Reliability Engineer in Fabrikam Systems Pvt Ltd since Mar, 2019.',
      '',
      'Skills',
      'Linux, Docker',
    );
    expect(r.experience.map((e) => [e.title, e.company, e.start, e.current])).toEqual([
      ['Site Reliability Engineer', 'Fabrikam Systems Pvt Ltd', '2019-03', true],
    ]);
  });

  it('"since" inside a bullet dates nothing', () => {
    const r = resume(
      'Experience',
      'Platform Engineer, Northwind Traders   Jan 2020 – Present',
      '• Kept the build farm running since 2021 with two colleagues.',
    );
    expect(r.experience.map((e) => [e.title, e.company, e.start])).toEqual([
      ['Platform Engineer', 'Northwind Traders', '2020-01'],
    ]);
  });

  it('a moderncv label cell wrapped after its ampersand ("Languages &" / "frameworks …") labels one list', () => {
    const r = resume(
      'Skills',
      'Languages & Go (Gin, Echo), Rust, TypeScript (React,',
      'frameworks Redux, Vue), Python (Django)',
      'Theory & best Pair programming, Code review, Continuous',
      'practice delivery, Test-driven development',
    );
    const listed = r.skills.filter((s) => s.sources.includes('skills')).map((s) => s.asWritten ?? s.name);
    expect(listed).toEqual(expect.arrayContaining(['React', 'Redux', 'Vue', 'Continuous delivery']));
    expect(listed.join('|')).not.toMatch(/frameworks|practice|TypeScript \(/);
  });

  it('jobs as table rows (employer and dates in a narrow left cell, in its middle) are read row by row (PDF)', async () => {
    const lines = (doc: PDFKit.PDFDocument, x: number, y: number, texts: string[]) =>
      texts.forEach((t, k) => doc.fontSize(10).text(t, x, y + k * 12, { lineBreak: false }));
    const bytes = await pdfOf(
      (doc) => {
        doc.fontSize(20).text('Jane Roe', 230, 50, { lineBreak: false });
        lines(doc, 50, 80, ['jane@example.org · example.org']);
        doc.fontSize(13).text('About Me', 270, 110, { lineBreak: false });
        lines(doc, 50, 130, [
          'I am a community manager who has looked after player forums and support desks for ten years,',
          'and I would like to keep doing that.',
        ]);
        doc.fontSize(13).text('My work so far...', 250, 180, { lineBreak: false });
        // Each row: the right cell's title and description, the left cell centred beside them.
        lines(doc, 200, 210, [
          'Community Partnerships Manager',
          'Fabrikam Games makes puzzle games for phones and consoles.',
          '',
          'I look after the partner programme for streamers in Europe',
          'and plan their campaigns with the marketing team.',
        ]);
        lines(doc, 50, 228, ['Fabrikam Games', 'March 2021 - present']);
        lines(doc, 200, 290, [
          'Service Desk Agent',
          'Contoso Membership sells membership software to charities.',
          '',
          'I answered customer calls on three shift patterns, including',
          'one night shift, for customers in three time zones.',
        ]);
        lines(doc, 50, 308, ['Contoso Membership', 'November 2019 -', 'February 2021']);
      },
      (doc) => {
        lines(doc, 200, 50, [
          'Volunteer Presenter / Producer',
          'A town radio station run by volunteers for the valley.',
          '',
          'I hosted two local shows a week and produced both of them,',
          'from booking the guests to editing the podcasts.',
        ]);
        lines(doc, 50, 62, ['Riverside FM', '2012 - 2014']);
        lines(doc, 200, 130, [
          'Support Technician',
          'Learning platforms hosted for schools and colleges.',
          '',
          'I upgraded and migrated client sites, answered support calls',
          'and looked after the hosting servers.',
        ]);
        lines(doc, 50, 140, ['Northwind Learning (ex-', 'Tailspin Education)', '2008 - 2012']);
      },
    );
    const r = await parseFile(bytes);
    expect(r.experience.map((e) => [e.title, e.company, e.start, e.end])).toEqual([
      ['Community Partnerships Manager', 'Fabrikam Games', '2021-03', null],
      ['Service Desk Agent', 'Contoso Membership', '2019-11', '2021-02'],
      ['Volunteer Presenter / Producer', 'Riverside FM', '2012', '2014'],
      ['Support Technician', 'Northwind Learning', '2008', '2012'],
    ]);
  });

  it("a school's last word wrapped onto the row of the cell beside it goes back to the name", () => {
    const r = resume(
      'Education',
      '2016.09 - 2020.06 BSc',
      'Northern Coast Technical',
      'Haifa, Israel\tUniversity',
      'Mechanical Engineering',
    );
    expect(r.education.map((e) => [e.degree, e.institution])).toEqual([
      ['Bachelor', 'Northern Coast Technical University'],
    ]);
  });
});

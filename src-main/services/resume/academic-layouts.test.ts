// Layout families first met in the academic CV pages and JSON Resume files of the development corpus
// (tests/fixtures/real-resumes: academicpages and al-folio forks), each written here as a made-up document of the
// same layout, so the rule is held by a test and not by one real document.
import { describe, expect, it } from 'vitest';
import {
  parseBody as parse,
  REFERENCE as reference,
  shippedTaxonomy,
} from '../../../tests/support/resume-reader';
import { joinWrappedDates } from './dates';
import { makeLine, type Line } from './document';
import { parseExperience } from './experience';
import { htmlToLines } from './extract-docx';
import { parseDocument } from './parse';
import { splitSections } from './sections';

const taxonomy = shippedTaxonomy();

/** Lines as an extractor gives them: the made-up name and address, then the body. */
const parseLines = (...body: Line[]) =>
  parseDocument(
    {
      lines: [makeLine('Jane Roe', { size: 20 }), makeLine('jane@example.org'), ...body],
      pages: 1,
      bodySize: 10,
    },
    { taxonomy, reference },
  );
const jobs = (r: {
  experience: {
    title: string | null;
    company: string | null;
    start: string | null;
    end: string | null;
    current: boolean;
  }[];
}) => r.experience.map((e) => [e.title, e.company, e.start, e.current ? 'present' : e.end]);

describe('layout families of academic CV pages and JSON Resume files', () => {
  it('a CV written as one nested list dates its entries on the list items', () => {
    const r = parse(
      'Work experience',
      '======',
      '* 05/19 – 08/19 Research Intern, Northwind Labs',
      '  * Supervisor: Dr. Ada Byron',
      '* 05/18 – 08/18, Software Engineer Intern, Contoso Inc.',
      '  * Supervisor: Grace Lin',
      '* **Apr. 2016 - Oct. 2016: Vision Intern**',
      '    * Fabrikam, Lyon, France',
      '    * Duties included: built a crowd counter.',
    );
    expect(jobs(r)).toEqual([
      ['Research Intern', 'Northwind Labs', '2019-05', '2019-08'],
      ['Software Engineer Intern', 'Contoso Inc.', '2018-05', '2018-08'],
      ['Vision Intern', 'Fabrikam', '2016-04', '2016-10'],
    ]);
  });

  it('a sub-title over a dated list item is not part of its header; a "Company:" line names the employer', () => {
    const r = parse(
      'Experience',
      '',
      '## Industry & Engineering Roles',
      '* Feb 2024 - Jun 2024: Software Development Engineer, Machine Learning Platform, Hangzhou',
      '  * Company: Tailspin Co.',
      '  * Duties included: profiled GPU kernels.',
      '* Nov 2023 - Present: Research Intern (M.S. Student)',
      '  * Lab: Vision Lab, University of Northern State',
    );
    expect(jobs(r)).toEqual([
      ['Software Development Engineer', 'Tailspin Co.', '2024-02', '2024-06'],
      ['Research Intern (M.S. Student)', 'Vision Lab, University of Northern State', '2023-11', 'present'],
    ]);
  });

  it('a course taught, dated on a list item under an undated job, is not a job', () => {
    const r = parse(
      'Teaching Experience',
      '',
      'Graduate Teaching Assistant; University of Northern State',
      'Responsibilities include leading discussions and grading.',
      '* Fall 2017, PHYS 100: Introduction to Physics',
    );
    expect(r.experience.filter((e) => e.company?.includes('PHYS'))).toEqual([]);
  });

  it("a legal form's full stop does not make a header line a sentence", () => {
    const r = parse(
      'Experience',
      '',
      'Software Engineer Intern, Contoso Systems Inc.',
      'May 2017 – Aug 2017',
    );
    expect(jobs(r)).toEqual([['Software Engineer Intern', 'Contoso Systems Inc.', '2017-05', '2017-08']]);
  });

  it('"Work" and a larger "Internship" title open the experience; a bold "Internship" line inside it does not', () => {
    const line = (text: string, size = 10, bold = false) => makeLine(text, { size, bold });
    const kinds = (lines: Line[]) => splitSections(lines, 10).map((s) => s.kind);
    expect(kinds([line('Jane Roe', 20), line('Work', 13, true), line('Engineer  2019 – 2020')])).toEqual([
      'header',
      'experience',
    ]);
    expect(
      kinds([line('Jane Roe', 20), line('Internship', 14, true), line('Intern, Acme  2019 – 2020')]),
    ).toEqual(['header', 'experience']);
    expect(
      kinds([line('Jane Roe', 20), line('Experience', 14, true), line('Internship', 10, true), line('2018')]),
    ).toEqual(['header', 'experience']);
  });

  it("a table row's date that wraps in its narrow cell is joined, and the next cell's text stays beside it", () => {
    const rows = joinWrappedDates([
      makeLine('2025.07 -\tDeep learning software for robotic'),
      makeLine('Present\t• OpenCV, PyTorch'),
    ]);
    expect(rows.map((l) => [l.text, l.bullet])).toEqual([
      ['2025.07 - Present\tDeep learning software for robotic', false],
      ['OpenCV, PyTorch', true],
    ]);
  });

  it("a table row's summary beside the dates is not the employer; the title and employer above are", () => {
    const bold = (text: string) => makeLine(text, { bold: true });
    const [job, second] = parseExperience(
      [
        bold('Senior Vision Engineer'),
        bold('Northwind-US'),
        bold('2025.07 -\tDeep learning and geometry based software engineering for robotic'),
        bold('Present\tdepalletizing applications.'),
        bold('Vision Engineer'),
        bold('Contoso'),
        bold('2022.02 - 2023.04\tAugmented Reality and perception software development.'),
      ],
      reference,
    );
    expect([job!.title, job!.company, job!.start, job!.current]).toEqual([
      'Senior Vision Engineer',
      'Northwind-US',
      '2025-07',
      true,
    ]);
    expect([second!.title, second!.company]).toEqual(['Vision Engineer', 'Contoso']);
  });

  it("a row's place written with its province is the location, not the employer (Word table)", () => {
    const { lines } = htmlToLines(
      '<h2>Work</h2><table><tr><td><p>2019.05 - 2019.08</p><p>Montreal, Quebec</p></td>' +
        '<td><h6>Research Intern</h6><h6>Samsung AI Center Montreal</h6></td></tr></table>',
    );
    const r = parseLines(...lines);
    expect(jobs(r)).toEqual([['Research Intern', 'Samsung AI Center Montreal', '2019-05', '2019-08']]);
  });

  it('a Word list item holding a nested list is a line of its own, and so is each nested item', () => {
    const { lines } = htmlToLines(
      '<ul><li>Nov 2024 - Present: Research Intern<ul><li>Lab: Vision Lab</li><li>Supervisor: Dr. Roe</li></ul></li></ul>',
    );
    expect(lines.map((l) => [l.text, l.bullet])).toEqual([
      ['Nov 2024 - Present: Research Intern', true],
      ['Lab: Vision Lab', true],
      ['Supervisor: Dr. Roe', true],
    ]);
  });

  it('a card with a category badge before the employer takes its role from the line under it', () => {
    const r = parse(
      'Internship Experience',
      '',
      'Intern Northwind Corporate Development (Tailspin Capital) 2024.4 – Present',
      'Technology Investment Analyst Intern · Shenzhen, China',
      'Tech Investment AI Ecosystem',
      'Intern Contoso Investment 2024.2 – 2024.3',
      'Quantitative Researcher Intern (Machine Learning) · Shanghai, China',
      'Developing deep learning models for time series forecasting.',
      'Time Series Deep Learning',
    );
    expect(jobs(r)).toEqual([
      ['Technology Investment Analyst Intern', 'Northwind Corporate Development', '2024-04', 'present'],
      ['Quantitative Researcher Intern (Machine Learning)', 'Contoso Investment', '2024-02', '2024-03'],
    ]);
  });

  it('the name above the first section beats a larger sub-title further down (Word headings)', () => {
    const { lines } = htmlToLines(
      '<p><strong>Jane Roe</strong></p><p>PhD student · jane@example.org</p><h1>CV</h1><h1>Education</h1>' +
        '<ul><li>B.S. in Physics, University of Northern State, 2020</li></ul><h1>Experience</h1>' +
        '<h2>Research Roles</h2><ul><li>Nov 2024 - Present: Research Intern</li></ul>',
    );
    const r = parseDocument({ lines, pages: 1, bodySize: 10 }, { taxonomy, reference });
    expect(r.contact.name).toBe('Jane Roe');
  });

  it("a table's 'Name' cell run into its value is a labelled name (PDF of a JSON Resume page)", () => {
    const r = parseDocument(
      {
        lines: [makeLine('cv', { size: 20 }), makeLine('Name Jane Roe'), makeLine('Email jane@example.org')],
        pages: 1,
        bodySize: 10,
      },
      { taxonomy, reference },
    );
    expect(r.contact.name).toBe('Jane Roe');
  });

  it("an employer's heading over each list item whose role ends in its term heads that item (Word)", () => {
    const { lines } = htmlToLines(
      '<p><strong>Jane Roe</strong></p><p>jane@example.org</p><h1>Work experience</h1>' +
        '<h3><strong>Northwind.com, Inc</strong></h3><ul><li>Applied Scientist Intern - People and Technology (PXT) Summer 2024</li></ul>' +
        '<h3><strong>Contoso Technology, Inc</strong></h3><ul><li>Machine Learning Intern – Smart Manufacturing Spring 2022, Summer 2022</li></ul>' +
        '<h1>Skills</h1><ul><li>PyTorch, Keras</li></ul>',
    );
    const r = parseDocument({ lines, pages: 1, bodySize: 10 }, { taxonomy, reference });
    expect(jobs(r)).toEqual([
      ['Applied Scientist Intern', 'Northwind.com, Inc', '2024-06', '2024-06'],
      ['Machine Learning Intern', 'Contoso Technology, Inc', '2022-06', '2022-06'],
    ]);
    expect(r.sections).not.toContain('projects');
  });

  it('an education written as one list reads its items as entries and only labelled items as details', () => {
    const r = parse(
      'Education',
      '======',
      '* **University of Northern State**, Sept. 2020 - Present',
      '  * Ph.D in Electrical Engineering, Current overall GPA: 4.0/4.0',
      '  * Advisor: Prof. Ada Byron',
      '* B.S. in Biosciences, Southern Institute of Technology (SIT), 09/11 – 06/15',
      '  * Thesis Advisor: Dr. Grace Lin, Department of Biology, Eastern University',
    );
    expect(r.education.map((e) => [e.degree, e.institution])).toEqual([
      ['PhD', 'University of Northern State'],
      ['Bachelor', 'Southern Institute of Technology'],
    ]);
  });

  it("under a dated list item, an item that is a name and its place is the employer, not the item's comma piece", () => {
    const r = parse(
      'Work experience',
      '======',
      '* **Jan. 2020 - Jun. 2020: Intern, Facial Emotion Analysis**',
      '    * Northwind, Paris, France',
      '    * Duties included: cleaned a data set.',
    );
    expect(jobs(r)).toEqual([['Intern, Facial Emotion Analysis', 'Northwind', '2020-01', '2020-06']]);
  });

  it('"Project management" set in bold among listed skills is a skill, not a projects section', () => {
    const bold = (text: string) => makeLine(text, { bold: true });
    const kinds = splitSections(
      [
        makeLine('Jane Roe', { size: 20 }),
        makeLine('Skills', { size: 14, bold: true }),
        bold('Other'),
        bold('Technical writing'),
        bold('Project management'),
        bold('Python'),
      ],
      10,
    ).map((s) => s.kind);
    expect(kinds).toEqual(['header', 'skills']);
  });

  it("a listed degree that wrapped onto a line of its own stays one entry, the school's name whole", () => {
    const r = parseLines(
      makeLine('Education', { size: 14, bold: true }),
      makeLine('• Ph.D. in Perception for Autonomous Driving, Paris-Nord'),
      makeLine('University & Northwind Lab, 2022-2025 (expected)'),
      makeLine('• M.Sc. in Data Science and Artificial'),
      makeLine('Intelligence, Institut Polytechnique du Nord, 2019-2022'),
    );
    expect(r.education.map((e) => [e.degree, e.institution])).toEqual([
      ['PhD', 'Paris-Nord University & Northwind Lab'],
      ['Master', 'Institut Polytechnique du Nord'],
    ]);
  });

  it('"Degree, Field, School, Year" names a school without a school word; a campus of two words is kept', () => {
    const r = parse(
      'Education',
      '',
      'Ph.D, Computer Science, Virginia Tech, 2027 (expected)',
      'B.Tech., Electronics Engineering, VJTI, 2020',
      'M.S. in University of California, San Diego, 2024 - present',
    );
    expect(r.education.map((e) => [e.degree, e.institution])).toEqual([
      ['PhD', 'Virginia Tech'],
      ['Bachelor', 'VJTI'],
      ['Master', 'University of California, San Diego'],
    ]);
  });

  it("a school's place on the line under it is not the rest of its name (a table cell in a PDF)", () => {
    const r = parseLines(
      makeLine('Education', { size: 14, bold: true }),
      makeLine('2018.08 - 2021.12'),
      makeLine('MS'),
      makeLine('University of Northern State'),
      makeLine('Norman, OK'),
      makeLine('Computer Engineering'),
    );
    expect(r.education.map((e) => [e.degree, e.institution])).toEqual([
      ['Master', 'University of Northern State'],
    ]);
  });

  it('a city and its country after a school are no campus; a long comma list names no school', () => {
    const r = parse(
      'Education',
      '',
      'Bachelor of Information Systems, University of Merdeka, Malang Indonesia, 2017',
      'Postgraduate Degree, Data Science, Course work included Machine Learning, Spark for Big Data, SQL, Python, 2019',
    );
    expect(r.education.map((e) => e.institution)).toEqual(['University of Merdeka', null]);
  });

  it('dated list items ending with a full stop, and "Term YYYY: Title" items, head entries', () => {
    const r = parse(
      'Research experience',
      '======',
      '* Aug. 2023 - Feb. 2024: Visiting Researcher at *Northwind Clinic*.',
      '* Oct. 2022 - Oct. 2023: Placement student at the *Contoso Institute*.',
      '',
      'Teaching experience',
      '======',
      '* Fall 2020: Teaching Assistant',
      '  * University of Northern State',
      '  * Course: Biostatistics',
      '* Summers 2017 - 2018: Teacher and Mentor',
      '  * Fabrikam University',
    );
    expect(jobs(r)).toEqual([
      ['Visiting Researcher', 'Northwind Clinic', '2023-08', '2024-02'],
      ['Placement student', 'Contoso Institute', '2022-10', '2023-10'],
      ['Teaching Assistant', 'University of Northern State', '2020-09', '2020-09'],
      ['Teacher and Mentor', 'Fabrikam University', '2017', '2018'],
    ]);
  });

  it("a listed school's name hyphenated at a line's end is one word again", () => {
    const r = parseLines(
      makeLine('Education', { size: 14, bold: true }),
      makeLine('• M.S. in Data Science, Ecole Supérieure de Mathéma-'),
      makeLine('tiques Appliquées du Nord, 2017'),
    );
    expect(r.education.map((e) => e.institution)).toEqual([
      'Ecole Supérieure de Mathématiques Appliquées du Nord',
    ]);
  });

  it('"**Employer**: Title _(dates)_" and "dates: Title，Employer" (a full-width comma) split into their fields', () => {
    expect(
      jobs(
        parse(
          'Work experience',
          '======',
          '* **Northwind Labs**: Research Intern _(June 2021 - August 2021)_',
          '* 03/2020– 6/2020: Software Engineer Intern，Contoso Technology',
        ),
      ),
    ).toEqual([
      ['Research Intern', 'Northwind Labs', '2021-06', '2021-08'],
      ['Software Engineer Intern', 'Contoso Technology', '2020-03', '2020-06'],
    ]);
  });

  it('with no dates in the whole section, "Lab : Role" lines are undated entries', () => {
    const r = parse(
      'Experience',
      '======',
      '* Vision Lab : Research Intern',
      '  * Built a crowd counter.',
      '* Robotics Group, Contoso University : Undergraduate Researcher',
    );
    expect(r.experience.map((e) => [e.title, e.company, e.start, e.end, e.bullets])).toEqual([
      ['Research Intern', 'Vision Lab', null, null, ['Built a crowd counter.']],
      ['Undergraduate Researcher', 'Robotics Group, Contoso University', null, null, []],
    ]);
  });

  it("a short sentence ending the row above is that row's description, not the next row's employer", () => {
    const rows = parseExperience(
      [
        makeLine('2019.05 - 2019.08\tResearch Intern'),
        makeLine('Montreal, Quebec\tNorthwind AI Center'),
        makeLine('Worked on vision models.'),
        makeLine('2016.03 - 2016.06\tResearch Intern, Team Lead'),
        makeLine('Tokyo, Japan\tContoso Institute of Informatics'),
      ],
      reference,
    );
    expect(rows.map((e) => [e.title, e.company])).toEqual([
      ['Research Intern', 'Northwind AI Center'],
      ['Research Intern, Team Lead', 'Contoso Institute of Informatics'],
    ]);
  });

  it("a degree badge before a school keeps the words that lead the school's name", () => {
    const r = parse('Education', '', 'PhD City University of Northern State Aug. 2020 – Jun. 2025');
    expect(r.education.map((e) => [e.degree, e.institution])).toEqual([
      ['PhD', 'City University of Northern State'],
    ]);
  });

  it('long "dates: Title in the … group at Employer, City" items, wrapped by the page, and a "Since" item', () => {
    const r = parseLines(
      makeLine('Work experience', { bold: true, size: 14 }),
      makeLine(
        '• Since March 2025: Research Associate in the Methods for Spatial Data group at Coldport Technical University',
        { bullet: true },
      ),
      makeLine('of Applied Sciences, Coldport'),
      makeLine(
        '• October 2021 – February 2025: Research Associate in the Applied Statistics group at Northgate University,',
        { bullet: true, gapBefore: true },
      ),
      makeLine('Northgate'),
      makeLine(
        '• March 2019 – August 2019: Working Student in Credit Risk at Contoso Audit AG, Frankfurt am',
        {
          bullet: true,
        },
      ),
      makeLine('Main'),
    );
    expect(jobs(r)).toEqual([
      [
        'Research Associate in the Methods for Spatial Data group',
        'Coldport Technical University of Applied Sciences',
        '2025-03',
        'present',
      ],
      ['Research Associate in the Applied Statistics group', 'Northgate University', '2021-10', '2025-02'],
      ['Working Student in Credit Risk', 'Contoso Audit AG', '2019-03', '2019-08'],
    ]);
  });

  it('a "Short CV" page: "M/YYYY-M/YYYY: Degree, School" items with their thesis, "Title, Group, Employer, Country." jobs', () => {
    // The page's title, set larger than the name, is no name.
    const titled = parseDocument(
      {
        lines: [
          makeLine('Dr. Jane Roe', { bold: true }),
          makeLine('jane@example.org'),
          makeLine('Short CV', { bold: true, size: 14 }),
          makeLine('Education', { bold: true, size: 12 }),
          makeLine('• 9/2015-6/2019: Ph.D. in economics, Coldport University, NL.', { bullet: true }),
        ],
        pages: 1,
        bodySize: 10,
      },
      { taxonomy, reference },
    );
    expect(titled.contact.name).toBe('Dr. Jane Roe');
    const r = parseLines(
      makeLine('Education', { bold: true, size: 12 }),
      makeLine(
        '• 9/2015-6/2019: Ph.D. in economics, Coldport University, NL. Title of the doctoral thesis: On',
        {
          bullet: true,
        },
      ),
      makeLine('flexible extensions of hidden Markov models.'),
      makeLine('• 8/2013-7/2014: Year abroad at the University of Northgate, DK (funded by a scholarship).', {
        bullet: true,
      }),
      makeLine(
        "• 9/2012-6/2015: M.Sc. in economics, Coldport University, NL. Title of the Master's thesis: Quantiles.",
        {
          bullet: true,
        },
      ),
      makeLine('Work experience', { bold: true, size: 12 }),
      makeLine(
        '• Since 7/2019: Research fellow in statistics, School of Mathematics, University of Eastbay, UK.',
        {
          bullet: true,
        },
      ),
      makeLine('• 10/2011-3/2012: Audit intern, Contoso Audit, Coldport, NL.', { bullet: true }),
    );
    expect(r.education.map((e) => [e.degree, e.institution])).toEqual([
      ['PhD', 'Coldport University'],
      [null, 'University of Northgate'],
      ['Master', 'Coldport University'],
    ]);
    expect(jobs(r)).toEqual([
      ['Research fellow in statistics', 'School of Mathematics', '2019-07', 'present'],
      ['Audit intern', 'Contoso Audit', '2011-10', '2012-03'],
    ]);
  });

  it('"**Title** Group, Employer, YYYY-YYYY" items: the title ends before its group; one year closing an item dates it', () => {
    const r = parse(
      'Employment',
      '- **Research associate** Spatial Methods Group, Northgate University, 2023-today',
      '- **Working student** Pricing, Contoso Agri AG, 2021-2022',
      '- **Intern** Market Research, Contoso Agri AG, 2020',
    );
    expect(r.experience.map((e) => [e.title, e.start, e.current ? 'present' : e.end])).toEqual([
      ['Research associate', '2023', 'present'],
      [expect.stringMatching(/^Working student/), '2021', '2022'],
      [expect.stringMatching(/^Intern/), '2020', '2020'],
    ]);
    expect(r.experience.map((e) => e.company)).toEqual([
      'Spatial Methods Group',
      'Contoso Agri AG',
      'Contoso Agri AG',
    ]);
  });

  it("'**Title** | Employer / City, ST' then dates: the place after the slash is no part of the employer or school", () => {
    const r = parse(
      'Education',
      '**PhD, Geology** | University of Eastbay, Northfield / Northfield, ST | Sep 2024 - PRESENT',
      '**BA, Physics** | Coldport Western University / Coldport, OH | Aug 2018 - May 2022',
      '**MSc, Physics** | University of Almería, Almería | 2023',
      '',
      'Experience',
      '**Data Associate** | The Harbor Institute of Science and Art / Southport, MA',
      'July 2022 - July 2024',
      '',
      '**Machine Learning Intern** | Contoso Ventures / Riverton',
      'Jun 2021 - Aug 2021',
    );
    expect(r.education.map((e) => e.institution)).toEqual([
      'University of Eastbay, Northfield',
      'Coldport Western University',
      'University of Almería',
    ]);
    expect(jobs(r)).toEqual([
      ['Data Associate', 'The Harbor Institute of Science and Art', '2022-07', '2024-07'],
      ['Machine Learning Intern', 'Contoso Ventures', '2021-06', '2021-08'],
    ]);
  });

  it("'* Season YYYY: Employer' items with the title on the item under them are jobs; a project under a mentor is not", () => {
    const r = parse(
      'Work Experience',
      '======',
      '* Winter 2025: Northwind Research Asia',
      '  * Research Intern',
      '',
      '* Fall 2024: Contoso',
      '  * Software Engineer Intern',
      '',
      'Open-Source Experience',
      '=====',
      '* GSoC 2025: FabrikamOS',
      '  * Tracing and replay for the disk cache',
      '  * Supervised by Ada Byron',
    );
    expect(jobs(r)).toEqual([
      ['Research Intern', 'Northwind Research Asia', '2025-12', '2025-12'],
      ['Software Engineer Intern', 'Contoso', '2024-09', '2024-09'],
    ]);
  });

  it("'**Employer**: Title _(Month YYYY - Month YYYY)_' items whose dates wrapped, the dash opening the next line", () => {
    const r = parseLines(
      makeLine('Experience', { bold: true, size: 12 }),
      makeLine(
        '• Northwind Research Laboratories: Senior Research Scientist Intern, Vision Group (June 2023',
      ),
      makeLine('- September 2023)'),
      makeLine('• Contoso AI: Machine Learning Engineer (January 2021 - May 2022)'),
      makeLine('– Built a ranking service for search across the catalogue.'),
      makeLine(
        '• Fabrikam University of Applied Sciences: Graduate Research Assistant in Robotics (August 2019 -',
      ),
      makeLine('December 2020)'),
    );
    expect(jobs(r)).toEqual([
      [
        expect.stringMatching(/^Senior Research Scientist Intern/),
        'Northwind Research Laboratories',
        '2023-06',
        '2023-09',
      ],
      ['Machine Learning Engineer', 'Contoso AI', '2021-01', '2022-05'],
      [
        'Graduate Research Assistant in Robotics',
        'Fabrikam University of Applied Sciences',
        '2019-08',
        '2020-12',
      ],
    ]);
  });

  it("a state's two capitals after the town ('Coldport, MS') are no Master; 'B.E' without its last full stop is a Bachelor", () => {
    const r = parse(
      'Education',
      '2015 - 2019 B.E. Mechanical Engineering, Coldport University, Coldport, MS',
      '2013 - 2015 B.E – Computer Science – Northgate University',
      '2021 MS in Physics, University of Eastbay, Riverton, MA',
    );
    expect(r.education.map((e) => [e.degree, e.institution])).toEqual([
      ['Bachelor', 'Coldport University'],
      ['Bachelor', 'Northgate University'],
      ['Master', 'University of Eastbay'],
    ]);
  });

  it('roles as sub-items under their undated employer keep their level numbers and their own employer', () => {
    const r = parse(
      'Experience',
      '======',
      '* **Contoso AI**, Bangalore',
      '  * Associate ML Scientist - 2 (January 2023 - Present)',
      '  * Associate ML Scientist - 1 (July 2021 - December 2022)',
      '* **Fabrikam Analytics**, Pune',
      '  * Data Scientist (June 2019 - June 2021)',
      '  * Data Analyst Intern (January 2019 - May 2019)',
    );
    expect(jobs(r)).toEqual([
      ['Associate ML Scientist - 2', 'Contoso AI', '2023-01', 'present'],
      ['Associate ML Scientist - 1', 'Contoso AI', '2021-07', '2022-12'],
      ['Data Scientist', 'Fabrikam Analytics', '2019-06', '2021-06'],
      ['Data Analyst Intern', 'Fabrikam Analytics', '2019-01', '2019-05'],
    ]);
  });

  it("undated 'Lab : Research Intern' items: an advisor's line and a description naming the employer are not jobs", () => {
    const r = parse(
      'Experience',
      '* Vision Lab : Research Intern',
      '  * The Vision Lab of Coldport University, led by Prof. Ada Byron',
      '  * Research assistant to Prof. Ada Byron at Coldport University',
      '  * Advisor : Dr. Ada Byron',
      '* Robotics Group : Research Intern',
      '  * Robotics Group, Northgate Institute of Technology',
      '  * Supervisor - Dr. Grace Lin',
    );
    expect(jobs(r)).toEqual([
      ['Research Intern', 'Vision Lab', null, null],
      ['Research Intern', 'Robotics Group', null, null],
    ]);
  });

  it("a school's name wrapped before its last word ('… Polytechnic' over 'University, 2016 - 2020') is one school", () => {
    const r = parse(
      'Education',
      'B.Eng. in Computing, The Coldport Polytechnic',
      'University, 2016 - 2020',
      'MSc Data Science, Northgate Polytechnic',
      'University 2022',
      'PhD in Physics, University of Eastbay, 2026',
    );
    expect(r.education.map((e) => [e.degree, e.institution])).toEqual([
      ['Bachelor', expect.stringMatching(/Coldport Polytechnic University$/)],
      ['Master', 'Northgate Polytechnic University'],
      ['PhD', 'University of Eastbay'],
    ]);
  });

  it("'Title | Employer / City' over the dates over a wrapped keyword line: the keywords are not the next employer", () => {
    const r = parse(
      'Experience',
      'Data Associate | The Harbor Institute of Science and',
      'Art / Southport, MA',
      'July 2022 - July 2024',
      'Computer Vision, Drug Discovery, Representation Learning, Methods',
      'Development, Cardiac Imaging, Cloud Platform',
      'Junior Engineer | Contoso Analytics / Riverton, CA',
      'Nov 2021 - Jan 2022',
      'Databases, Workflows, Amazon Web',
      'Services',
    );
    expect(jobs(r)).toEqual([
      ['Data Associate', 'The Harbor Institute of Science and Art', '2022-07', '2024-07'],
      ['Junior Engineer', 'Contoso Analytics', '2021-11', '2022-01'],
    ]);
  });
});

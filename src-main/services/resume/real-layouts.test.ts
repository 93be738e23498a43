// One test per layout family, each on a real résumé of tests/fixtures/real-resumes (sources and licences in its
// README), parsed in process exactly as the worker does.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ParsedResume } from '../../../src-shared/resume';
import { REAL_REFERENCE, REAL_RESUMES_DIR } from '../../../tests/fixtures/real-resumes/corpus';
import { appPaths } from '../../paths';
import { parseResumeFile } from './parse';
import { findMentions, loadTaxonomy, type Taxonomy } from './skills';

let taxonomy: Taxonomy;
beforeAll(() => {
  taxonomy = loadTaxonomy(join(appPaths().resources, 'skills', 'taxonomy.json'));
});

const parse = (file: string): Promise<ParsedResume> =>
  parseResumeFile(new Uint8Array(readFileSync(join(REAL_RESUMES_DIR, 'documents', file))), {
    taxonomy,
    reference: REAL_REFERENCE,
  });

const jobs = (r: ParsedResume) =>
  r.experience.map((e) => [e.title, e.company, e.start, e.current ? 'present' : e.end]);
const schools = (r: ParsedResume) => r.education.map((e) => [e.degree, e.institution]);
const listed = (r: ParsedResume) =>
  r.skills.filter((s) => s.sources.includes('skills')).map((s) => s.asWritten ?? s.name);

describe('real résumés, one layout family each', () => {
  it('LaTeX PDF whose en dash lost its glyph, employer line over the title line (xu.pdf)', async () => {
    const r = await parse('xu.pdf');
    expect(r.contact.name).toBe('Yi Xu');
    expect(jobs(r)).toEqual([
      // The employer's cell ends before the place's cell: its legal form, as printed, stays (the truth accepts both).
      ['Research and Development Intern', 'Taichi Graphics Technology, Inc.', '2021-04', 'present'],
    ]);
    expect(schools(r)).toEqual([['Bachelor', 'Tsinghua University']]);
  });

  it('"Title | Employer | dates" lines, dashes inside titles and names (staley.pdf)', async () => {
    const r = await parse('staley.pdf');
    expect(r.experience).toHaveLength(13);
    expect(jobs(r)[3]).toEqual([
      'Team Member - Acquisition Innovation Through Technology',
      'U.S. Army - ODASA(P)',
      '2020-10',
      '2021-04',
    ]);
    expect(jobs(r)[4]).toEqual([
      'Procurement Systems Analyst, Business Intelligence',
      'U.S. Army - MICC',
      '2011-05',
      '2021-05',
    ]);
    expect(schools(r)).toContainEqual(['Associate', 'Ozarks Technical Community College']);
  });

  it('two-column page from an online builder, the sidebar read first (linn.pdf)', async () => {
    const r = await parse('linn.pdf');
    expect(r.contact).toMatchObject({ name: 'Soe Htet Linn', email: 'mgsoehtetlinn@gmail.com' });
    expect(jobs(r)).toEqual([
      ['Internship', 'Frontiir Co.,Ltd', '2018-05', '2018-08'],
      ['Associate Software Engineer', 'Frontiir Co.,Ltd', '2018-11', '2020-07'],
    ]);
    expect(schools(r)).toEqual([['Bachelor', 'University of Computer Studies, Yangon']]);
    expect(listed(r)).toEqual(expect.arrayContaining(['Python', 'Django', 'Sketch', 'Photoshop', 'English']));
  });

  it('LinkedIn-style export: the name is not the sidebar\'s "Top Skills", and a city is not a skill (hendriks.pdf)', async () => {
    const r = await parse('hendriks.pdf');
    expect(r.contact.name).toBe('Richard Hendriks');
    expect(jobs(r)[0]).toEqual(['CEO/President', 'Pied Piper', '2013-12', '2014-12']);
    expect(listed(r)).toEqual(expect.arrayContaining(['HTML', 'CSS', 'Javascript', 'MP4', 'GIF']));
    // "San Francisco, California" is in the header and "San" is an alias of storage area networks.
    expect(r.skills.map((s) => s.name)).not.toContain('Storage area networks');
  });

  it('promotions: several roles under one employer line, and no wrapped bullet read as an employer (duzan.pdf)', async () => {
    const r = await parse('duzan.pdf');
    const rackspace = r.experience.filter((e) => e.company === 'Rackspace Hosting').map((e) => e.title);
    expect(rackspace).toEqual([
      'Systems Engineer III',
      'Linux Operations Engineer III',
      'Linux Operations Engineer II',
      'Windows System Admin II',
    ]);
    expect(r.experience.map((e) => e.company)).toEqual([
      'Cisco ThousandEyes',
      'Mozilla',
      'Percona',
      'Eligible Inc.',
      'SolidFire Inc.',
      'Rackspace Hosting',
      'Rackspace Hosting',
      'Rackspace Hosting',
      'Rackspace Hosting',
      'Scholastic',
      'Enactus',
    ]);
  });

  it('an employer with its own years over promotions "Title | years" (browning.pdf)', async () => {
    const r = await parse('browning.pdf');
    expect(jobs(r)).toEqual([
      ['Senior Software Engineer', 'Macy’s Technology', '2018', 'present'],
      ['DevOps Engineer', 'Macy’s Technology', '2016', '2018'],
      ['Junior DevOps Engineer', 'Macy’s Technology', '2015', '2016'],
    ]);
  });

  it('European d.m.yyyy dates and "Employer, City, Title" lines in Word (viitamaki.docx)', async () => {
    const r = await parse('viitamaki.docx');
    expect(jobs(r).slice(0, 3)).toEqual([
      ['DevSecOps Team Lead', 'Mitsubishi Logisnext Europe', '2019-08', 'present'],
      ['Senior Test Engineer', 'Enics Oy', '2013-02', '2019-08'],
      ['Senior Test Engineer', 'Tellabs', '2004-11', '2012-05'],
    ]);
    expect(listed(r)).toEqual(expect.arrayContaining(['Bicep', 'Argo CD', 'Robot Framework', 'Finnish']));
  });

  it('German CV titled "Curriculum Vitae" with a Name: row and an Abitur (doering.docx)', async () => {
    const r = await parse('doering.docx');
    expect(r.contact.name).toBe('Christian Döring');
    expect(schools(r)).toEqual([
      ['High school', 'Gymnasium Bruckmühl'],
      ['Bachelor', 'Technical University of Munich'],
    ]);
  });

  it('Indian degrees: B.Tech, a PG diploma at IGNOU, B.E. and M.S, AISSCE with a CPI grade (singh, kanth, gulati)', async () => {
    const singh = await parse('singh.docx');
    expect(schools(singh)).toEqual([
      ['Certificate', 'IGNOU'],
      ['Bachelor', 'Guru Nanak Dev University'],
    ]);
    expect(singh.experience.map((e) => [e.company, e.start])).toEqual([
      ['State Street', '2019-04'],
      ['ThoughtWorks', '2015-01'],
    ]);
    const kanth = await parse('kanth.pdf');
    expect(schools(kanth)).toEqual([
      ['Master', 'The University of Texas at Dallas'],
      ['Bachelor', 'Anna University'],
    ]);
    const gulati = await parse('gulati.pdf');
    expect(schools(gulati)).toEqual([
      ['Master', 'Indian Institute of Science Education and Research'],
      ['High school', 'DAV Public School'],
    ]);
    expect(gulati.education[0]!.gpa).toBe('9.2/10');
  });

  it('UK: "Title at Employer; Mon\'YY - now", MRes and MSc (gorelli.pdf)', async () => {
    const r = await parse('gorelli.pdf');
    expect(jobs(r)[0]).toEqual(['Data Scientist', 'Samsung R&D Institute UK', '2018-11', 'present']);
    expect(schools(r)).toEqual([
      ['Master', 'Imperial College & University of Reading'],
      ['Master', 'University of Oxford'],
      ['Bachelor', 'Brunel University London'],
    ]);
  });

  it('seasons as dates and a Québec college degree (labonte.pdf)', async () => {
    const r = await parse('labonte.pdf');
    expect(jobs(r)).toContainEqual([
      'Junior malware researcher (internship)',
      'ESET Canada Research',
      '2019-06',
      '2019-06',
    ]);
    expect(schools(r)).toEqual([
      ['Bachelor', 'École de Technologie Supérieure'],
      ['Associate', 'Collège Lionel-Groulx'],
    ]);
  });

  it('plain text: "Name, Jr" and "Title Employer (City)" with no separator (fracker.txt)', async () => {
    const r = await parse('fracker.txt');
    expect(r.contact.name).toBe('Martin Fracker');
    expect(jobs(r)).toEqual([['Consultant', 'Improving Enterprises', '2016', 'present']]);
    expect(schools(r)).toEqual([['Bachelor', 'Texas A&M University']]);
  });

  it('roles outside tech: an office administrator, a tutor and a high-school teacher (card, bonsignore, blackwood)', async () => {
    expect(jobs(await parse('card.docx'))).toContainEqual([
      'Office Administrator',
      'Howard & Associates Real Estate',
      '2016-07',
      'present',
    ]);
    expect(jobs(await parse('bonsignore.pdf'))).toContainEqual([
      'Adjunct Professor/Instructor',
      'University of Georgia',
      '2011-08',
      '2018-05',
    ]);
    expect(jobs(await parse('blackwood.pdf'))).toContainEqual([
      'High School Teacher',
      'Lewis Cass',
      '2010-09',
      '2015-07',
    ]);
  });

  it('keeps listed skills the taxonomy does not know, as written, and says where each was found (gulati, fomin)', async () => {
    const gulati = await parse('gulati.pdf');
    const operator = gulati.skills.find((s) => s.name === 'Operator Theory');
    expect(operator).toMatchObject({ asWritten: 'Operator Theory', sources: ['skills'] });
    const fomin = await parse('fomin.pdf');
    expect(fomin.skills.find((s) => s.name === 'sfdx')).toMatchObject({ asWritten: 'sfdx' });
    // Named by the taxonomy, with what the candidate wrote kept beside it.
    const singh = await parse('singh.docx');
    expect(singh.skills.find((s) => s.name === 'Go')).toMatchObject({ asWritten: 'Golang' });
  });
});

describe('skills in sentences need an unambiguous match', () => {
  it('takes no abbreviation from a place name and no soft skill from the start of a longer phrase', () => {
    const names = (text: string) => findMentions(text, 'experience', taxonomy).map((m) => m.skill.name);
    expect(names('Moved from San Francisco to lead the platform team')).not.toContain(
      'Storage area networks',
    );
    expect(names('Designed conflict resolution algorithms for the sync engine')).not.toContain(
      'Conflict resolution',
    );
    // The same names still count where they cannot be anything else.
    expect(names('Migrated the SAN to a new array')).toContain('Storage area networks');
    expect(names('Known for conflict resolution and mentoring')).toContain('Conflict resolution');
  });
});

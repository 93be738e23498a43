import type { SectionKind } from '../../../src-shared/resume';
import { stripBullet, type Line } from './document';

/** 'other' holds sections the app does not use (publications, interests) so they stop the one before. */
export type SectionName = SectionKind | 'contact' | 'header' | 'other';

/** Header wordings seen on real résumés, normalised (lower case, "&" as "and", no punctuation). */
const ALIASES: Record<Exclude<SectionName, 'header'>, string[]> = {
  summary: [
    'summary',
    'professional summary',
    'career summary',
    'profile',
    'professional profile',
    'about',
    'about me',
    'objective',
    'career objective',
    'overview',
    'personal statement',
  ],
  experience: [
    'experience',
    'work experience',
    'professional experience',
    'work history',
    'employment',
    'employment history',
    'career history',
    'relevant experience',
    'professional background',
    'experience history',
    'experiences',
    'professional experiences',
    'work experiences',
    'employment experience',
    'internships',
    'internship experience',
    'internship',
    // A JSON Resume file's own key, as themes print it ("Work" over the jobs).
    'work',
    // A personal page's informal title over the jobs ("My work so far...").
    'my work',
    'my work so far',
    'occupation',
    'occupations',
    'positions held',
    'professional career',
    // A freelancer's list of engagements, cv-boilerplate's own wording for the jobs.
    'project history',
    'previous experience',
    // An academic's posts ("Academic Appointments" over the universities that employed them).
    'appointments',
    'academic appointments',
    'professional appointments',
    // French, Spanish and German CVs (accents are folded before the lookup).
    'experiences professionnelles',
    'experience professionnelle',
    'parcours professionnel',
    'experiencia',
    'experiencia profesional',
    'experiencia laboral',
    'berufserfahrung',
    'berufliche erfahrung',
    // Academic CVs: the jobs under the research they were, often in plain body text.
    'research experience',
    'industry experience',
    'academic experience',
    'research and work experience',
    'work and research experience',
    'research positions',
    'academic positions',
  ],
  education: [
    'education',
    'academic background',
    'qualifications',
    'academic qualifications',
    'education and training',
    'education and qualifications',
    'academics',
    'academic history',
    'education and courses',
    'educational background',
    'academic profile',
    'educational qualifications',
    'academic details',
    'formation',
    'formations',
    'formation academique',
    'etudes',
    'diplomes',
    'formacion',
    'formacion academica',
    'educacion',
    'ausbildung',
  ],
  skills: [
    'skills',
    'technical skills',
    'core competencies',
    'key skills',
    'competencies',
    'technologies',
    'tech stack',
    'skills and tools',
    'tools',
    'tools and technologies',
    'skills and expertise',
    'areas of expertise',
    'expertise',
    'core skills',
    'skill set',
    'skillset',
    'technical experience',
    'programming skills',
    'programming and it skills',
    'it skills',
    'computer skills',
    'skills and proficiency',
    'top skills',
    'other abilities and skills',
    'technical proficiencies',
    'specialties',
    'tech skills',
    'software',
    'softwares',
    'competences',
    'competences techniques',
    'competences informatiques',
    'connaissances informatiques',
    'habilidades',
    'kenntnisse',
  ],
  projects: [
    'projects',
    'personal projects',
    'selected projects',
    'key projects',
    'side projects',
    'project experience',
    'open source',
    'open source projects',
    'side projects highlights',
    'academic projects',
    'technical projects',
    'projets',
    'projets personnels',
    'proyectos',
    'projekte',
  ],
  certifications: [
    'certifications',
    'certificates',
    'licenses and certifications',
    'certifications and licenses',
    'licences and certifications',
    'professional certifications',
    'courses and certifications',
  ],
  awards: [
    'awards',
    'honors',
    'honours',
    'awards and honors',
    'awards and honours',
    'achievements',
    'honors and awards',
    'honours and awards',
    'awards and achievements',
    'honors awards',
    'awards and recognition',
    'honors and recognition',
    'recognition',
    'other achievements',
    'achievements and awards',
    'scholarships',
  ],
  languages: [
    'languages',
    'spoken languages',
    'language skills',
    'language',
    'langues',
    'idiomas',
    'sprachen',
  ],
  volunteering: [
    'volunteering',
    'volunteer experience',
    'volunteer work',
    'community involvement',
    'volunteer',
    'community service',
    'volunteering and leadership',
    'student involvement',
    'extracurricular activities',
    'activities',
    'leadership and activities',
    'participation',
  ],
  other: [
    'publications',
    'references',
    'interests',
    'hobbies',
    'hobbies and interests',
    'interests and hobbies',
    'talks',
    'public speaking experience',
    'patents',
    'coursework',
    'relevant coursework',
    'open source contributions',
    'additional information',
    'bar admissions',
    'divers',
    'loisirs',
    'centres d interet',
    'interets',
  ],
  contact: [
    'contact',
    'contact information',
    'contact details',
    'contact info',
    'personal details',
    'personal information',
    // JSON Resume's key for name, label and contact, printed as a title by themes that show the keys.
    'basics',
  ],
};

/** Section titles that are also a job's title. */
const AMBIGUOUS = new Set(['internship']);

const LOOKUP = new Map<string, SectionName>();
for (const [kind, names] of Object.entries(ALIASES))
  for (const n of names) LOOKUP.set(n, kind as SectionName);

/** Is this text, alone, a known section title ("Top Skills", "Academic Projects")? */
export const LOOKUP_HEADER = (text: string): boolean => LOOKUP.has(normaliseHeader(text));

export const normaliseHeader = (text: string): string =>
  text
    // "Open source (pandas)": a header's aside is not part of its name.
    .replace(/\s*\([^)]*\)\s*$/, '')
    .toLowerCase()
    // "Expériences professionnelles", "Éducation": titles in French or Spanish are looked up without their accents.
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N} ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

export interface HeaderMatch {
  kind: SectionName;
  /** Text on the same line after an inline header ("Skills: Python, SQL"). */
  rest: string;
  /** The inline header's own words, normalised ("tech stack"). */
  label?: string;
  /** Read by its key word, not found among the known titles ("Recent Work Experience"). */
  guessed?: boolean;
}

/**
 * Is this line a section header? Whole-line headers need to look like one (caps, bold, larger, a heading
 * style, or a colon) or be one of the unmistakable words; inline ones need a colon after a known header.
 */
export function matchHeader(line: Line, bodySize: number): HeaderMatch | null {
  const text = line.text.replace(/\t/g, ' ').trim();
  if (line.bullet || text.length > 60) {
    return inlineHeader(text);
  }
  const letters = text.replace(/[^\p{L}]/gu, '');
  const styled =
    line.heading ||
    line.bold ||
    line.size > bodySize + 0.5 ||
    (letters.length > 0 && letters === letters.toUpperCase()) ||
    /:\s*$/.test(text);
  const kind = LOOKUP.get(normaliseHeader(text)) ?? (styled ? misspeltHeader(text) : undefined);
  // "Internship" is also an entry's title (a bold role line); as a section title it is set larger or as a heading.
  if (kind && AMBIGUOUS.has(normaliseHeader(text)) && !line.heading && line.size <= bodySize + 0.5)
    return inlineHeader(text);
  // Unstyled single words like "Experience" still count: résumés exported to plain text lose all styling. One that
  // ends a sentence ("technologies.", the last word of a wrapped line) does not.
  if (kind && (styled || (text.split(/\s+/).length <= 3 && !/[.,;]$/.test(text)))) return { kind, rest: '' };
  // A styled title in nobody's list ("Recent Work Experience", "Technology Experience", "Recent Course
  // Projects") is read by its key word.
  // "Skills & areas of interest" set in small capitals at the body's size keeps no styling a PDF reader sees; a known
  // title paired with another by "&" or "and" still reads as a title.
  const paired = /^(?:skills|experience|education|projects|awards|languages) and [a-z ]{2,30}$/.test(
    normaliseHeader(text),
  );
  const guessed =
    (styled || paired) && !/[.,;]$/.test(text) && !/\d/.test(text) && text.split(/\s+/).length <= 5
      ? kindByWords(text)
      : null;
  if (guessed) return { kind: guessed, rest: '', guessed: true };
  return inlineHeader(text);
}

/**
 * A styled title one slip away from a known one ("WORK EXPEREINCES", "Experiance"): authors' typos survive into the
 * PDF. Only a wrong or swapped letter inside the word counts, as an added or changed ending makes another word
 * ("Experienced" labels a group of skills); short titles must match exactly, as one letter turns "Skill" into "Skull".
 */
function misspeltHeader(text: string): SectionName | undefined {
  const t = normaliseHeader(text);
  if (t.length < 8 || t.split(' ').length > 4) return undefined;
  for (const [alias, kind] of LOOKUP) if (alias.length === t.length && oneSlip(t, alias)) return kind;
  return undefined;
}

/** Same-length texts that differ in one letter or in two neighbours swapped. */
function oneSlip(a: string, b: string): boolean {
  const diff = [...a].flatMap((c, i) => (c === b[i] ? [] : [i]));
  // A different last letter is a different word ending ("Experienced" beside "Experiences").
  if (diff.includes(a.length - 1)) return false;
  if (diff.length === 1) return true;
  const [i, j] = diff as [number, number];
  return diff.length === 2 && j === i + 1 && a[i] === b[j] && a[j] === b[i];
}

/**
 * A title made only of the names of groups of skills ("Frameworks and Libraries", "Cloud and Containers", "Build,
 * CI/CD, and Version Control"): a skills list split under several titles.
 */
const SKILL_GROUP_TITLE =
  /^(?:(?:frameworks?|librar(?:y|ies)|databases?|cloud|containers?|platforms?|build|ci|cd|version|control|devops|testing|infrastructure|operating systems?|and)(?: |$))+$/;

const ROLE_WORD =
  /\b(?:intern|trainee|engineer|developer|manager|analyst|scientist|director|consultant|specialist|assistant|officer|associate|fellow|researcher|technician|administrator|coordinator)\b/i;

function kindByWords(text: string): SectionName | null {
  // "Micron Technology, Inc": a legal form names an employer, not a section.
  if (/\b(?:inc|llc|ltd|gmbh|corp|plc|limited|services|solutions|systems|consulting)\b\.?/i.test(text))
    return null;
  const t = normaliseHeader(text);
  // "Northern Alberta Institute of Technology" names a school under Education, not a section about technology.
  if (/\b(?:institute|university|college|academy|polytechnic)\b/.test(t)) return null;
  if (/\b(?:technical|technology|technologies) experience\b/.test(t)) return 'skills';
  if (/\bvolunteer/.test(t)) return 'volunteering';
  if (/\bexperiences?\b|\bemployment\b|\bwork history\b|\bappointments?\b/.test(t)) return 'experience';
  // "Technology Intern, International Wealth Management" is a role, not a title about technology.
  if (
    (/\bskills?\b|\btechnolog(?:y|ies)\b|\bprogramming languages\b|\bexpertise\b|\btools\b/.test(t) &&
      !ROLE_WORD.test(t)) ||
    SKILL_GROUP_TITLE.test(t)
  )
    return 'skills';
  // "Project management" in bold among skills is a skill; a projects section says "Projects" or just "Project".
  if (/\bprojects\b|^project$|\bprojets\b|\bproyectos\b/.test(t)) return 'projects';
  // "Academic Publications" lists papers, not schooling.
  if (/\beducation\b|\bacademic\b|\bqualifications\b/.test(t) && !/\bpublications?\b/.test(t))
    return 'education';
  if (/\bawards?\b|\bhonou?rs\b|\bachievements\b/.test(t)) return 'awards';
  if (/\bcertifi|\blicen[cs]es\b/.test(t)) return 'certifications';
  if (
    /\bpublications?\b|\binterests\b|\breferences\b|\boutreach\b|\bpresentations\b|\btalks\b|\bhobbies\b/.test(
      t,
    )
  )
    return 'other';
  return null;
}

function inlineHeader(text: string): HeaderMatch | null {
  const m = /^([^:]{3,40}):\s*(.+)$/.exec(text);
  if (!m) return null;
  const label = normaliseHeader(m[1]!);
  const kind = LOOKUP.get(label);
  return kind ? { kind, rest: m[2]!.trim(), label } : null;
}

export interface Section {
  kind: SectionName;
  lines: Line[];
  /** Its title was read by a key word, not found among the known ones. */
  guessed?: boolean;
}

/** Splits the document at headers; lines before the first header form the 'header' section (name, contact). */
/** Labels that introduce a list inside a role or project ("Technologies: Go, Kafka"), not a new section. */
const CONTENT_LABELS = new Set([
  'technologies',
  'tech stack',
  'tools',
  'tools and technologies',
  'stack',
  'environment',
]);

/** A short line set like the document's known section titles, above the body size: a title of its own. */
const titleShaped = (line: Line, style: { size: number; bold: boolean } | null, bodySize: number): boolean =>
  style !== null &&
  line.size > bodySize + 0.5 &&
  Math.abs(line.size - style.size) < 0.3 &&
  line.bold === style.bold &&
  !line.bullet &&
  line.text.split(/\s+/).length <= 4 &&
  !/\d|[.,;:!?]$/.test(line.text.trim());

/**
 * A tabbed line whose first cell is a section title in capitals, or set larger than the body (a margin column of
 * titles beside each section's first line), and the rest of the line as a line of its own.
 */
function sectionLabel(line: Line, bodySize: number): { kind: SectionName; line: Line } | null {
  const tab = line.text.indexOf('\t');
  if (tab <= 0) return null;
  const cell = line.text.slice(0, tab).trim();
  const letters = cell.replace(/[^\p{L}]/gu, '');
  if (letters.length < 3 || (letters !== letters.toUpperCase() && line.size <= bodySize + 1)) return null;
  const header = matchHeader({ ...line, text: cell, bullet: false }, bodySize);
  if (!header || header.rest) return null;
  const { text, bullet } = stripBullet(line.text.slice(tab + 1));
  return { kind: header.kind, line: { ...line, text, bullet: bullet || line.bullet } };
}

export function splitSections(lines: Line[], bodySize: number): Section[] {
  const sections: Section[] = [{ kind: 'header', lines: [] }];
  // The style of the titles read so far: a later title in that style that names no known section ("Miscellaneous")
  // still ends the one before, so its lines are not read as that section's (awards as skills).
  let titleStyle: { size: number; bold: boolean } | null = null;
  // Set once the titles stand in a column of their own: a bold line at the body's size, not in capitals, is then an
  // entry's name ("isMOOD Data Technology Services" over its role), never a title guessed from its words.
  let titlesInColumn = false;
  let column = 0;
  for (const labelled of lines) {
    // "EDUCATION<tab>Ionian University, Corfu": a section title in a column of its own beside the section's first
    // line opens the section, and the line goes on as its first.
    const title = sectionLabel(labelled, bodySize);
    if (title) sections.push({ kind: title.kind, lines: [] });
    titlesInColumn ||= title !== null;
    const line = title ? title.line : labelled;
    let header = title ? null : matchHeader(line, bodySize);
    if (
      header?.guessed &&
      titlesInColumn &&
      !line.heading &&
      line.size <= bodySize + 0.5 &&
      line.text !== line.text.toUpperCase()
    )
      header = null;
    // The other column of a two-column page continues none of this one's sections: what it prints before its first
    // title (a name and job title over the main column) is a header of its own.
    const newColumn = column > 0 && line.column > 0 && line.column !== column;
    column = line.column;
    if (newColumn && !header) sections.push({ kind: 'header', lines: [] });
    const current = sections.at(-1)!.kind;
    if (
      header?.label &&
      CONTENT_LABELS.has(header.label) &&
      (current === 'experience' || current === 'projects')
    ) {
      header = null;
    }
    // "Achievements include:", "Technologies used:" lead into a list inside a role, not a section of their own.
    if (header?.guessed && /:\s*$/.test(line.text) && (current === 'experience' || current === 'projects'))
      header = null;
    // "Honors: Professor of the Year (2022)" under a job, "Honors:" over a degree's list of prizes: a label inside
    // the entry, set as its text is, not a section of awards.
    if (
      header?.kind === 'awards' &&
      (current === 'experience' || current === 'education') &&
      (header.rest !== '' || /:\s*$/.test(line.text)) &&
      !line.heading &&
      !line.bold &&
      line.size <= bodySize + 0.5
    )
      header = null;
    // Inside a skills section, "Languages" or "Tools" in body text label a group of skills, not a new section.
    if (
      header &&
      current === 'skills' &&
      (header.kind === 'languages' || header.kind === 'skills') &&
      !line.heading &&
      !line.bold &&
      line.text !== line.text.toUpperCase() &&
      line.size <= bodySize + 0.5
    ) {
      header = null;
    }
    if (header && !header.rest && line.size > bodySize + 0.5)
      titleStyle ??= { size: line.size, bold: line.bold };
    // The line beside a title in its column takes the title's size from the row; it is the section's first line.
    if (!header && !title && sections.length > 1 && titleShaped(line, titleStyle, bodySize)) {
      sections.push({ kind: 'other', lines: [] });
      continue;
    }
    if (header) {
      // Two columns can repeat a kind (a sidebar "Skills" and a main "Technical skills"): keep them apart.
      sections.push({
        kind: header.kind,
        lines: header.rest ? [{ ...line, text: header.rest, bold: false, heading: false }] : [],
        ...(header.guessed ? { guessed: true } : {}),
      });
    } else {
      sections.at(-1)!.lines.push(line);
    }
  }
  // "Data science experience" over "Python (numpy, pandas)", "R", "Shiny": a title read as jobs by its word, over a
  // list of short undated items, lists skills.
  for (const section of sections)
    if (section.guessed && section.kind === 'experience' && skillList(section.lines)) section.kind = 'skills';
  return sections.map(({ guessed: _guessed, ...section }) => section);
}

const skillList = (lines: Line[]): boolean =>
  lines.length >= 3 &&
  lines.every((l) => l.text.split(/\s+/).length <= 8 && !/\b(?:19|20)\d{2}\b|[.;]$/.test(l.text));

import type { SectionKind } from '../../../src-shared/resume';
import type { Line } from './document';

export type SectionName = SectionKind | 'contact' | 'header';

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
  ],
  languages: ['languages', 'spoken languages', 'language skills', 'language'],
  volunteering: [
    'volunteering',
    'volunteer experience',
    'volunteer work',
    'community involvement',
    'volunteer',
    'community service',
    'volunteering and leadership',
  ],
  contact: [
    'contact',
    'contact information',
    'contact details',
    'contact info',
    'personal details',
    'personal information',
  ],
};

const LOOKUP = new Map<string, SectionName>();
for (const [kind, names] of Object.entries(ALIASES))
  for (const n of names) LOOKUP.set(n, kind as SectionName);

export const normaliseHeader = (text: string): string =>
  text
    .toLowerCase()
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
  const kind = LOOKUP.get(normaliseHeader(text));
  if (kind) {
    const letters = text.replace(/[^\p{L}]/gu, '');
    const styled =
      line.heading ||
      line.bold ||
      line.size > bodySize + 0.5 ||
      (letters.length > 0 && letters === letters.toUpperCase()) ||
      /:\s*$/.test(text);
    // Unstyled single words like "Experience" still count: résumés exported to plain text lose all styling.
    if (styled || text.split(/\s+/).length <= 3) return { kind, rest: '' };
  }
  return inlineHeader(text);
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

export function splitSections(lines: Line[], bodySize: number): Section[] {
  const sections: Section[] = [{ kind: 'header', lines: [] }];
  for (const line of lines) {
    let header = matchHeader(line, bodySize);
    const current = sections.at(-1)!.kind;
    if (
      header?.label &&
      CONTENT_LABELS.has(header.label) &&
      (current === 'experience' || current === 'projects')
    ) {
      header = null;
    }
    if (header) {
      // Two columns can repeat a kind (a sidebar "Skills" and a main "Technical skills"): keep them apart.
      sections.push({
        kind: header.kind,
        lines: header.rest ? [{ ...line, text: header.rest, bold: false, heading: false }] : [],
      });
    } else {
      sections.at(-1)!.lines.push(line);
    }
  }
  return sections;
}

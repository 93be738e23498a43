import type { Education } from '../../../src-shared/resume';
import { peelLocation } from './contact';
import { findPoints, findRange } from './dates';
import type { Line } from './document';

type Degree = NonNullable<Education['degree']>;

/** Most specific first: "Master of Business Administration" must not read as a bachelor's, "PhD" before "MS". */
const DEGREES: [Degree, RegExp][] = [
  ['PhD', /\b(ph\.?\s?d\.?|doctor of philosophy|doctorate|d\.?\s?phil\.?|doctoral)(?![\p{L}])/iu],
  [
    'Master',
    /\b(master'?s?|m\.?\s?sc\.?|m\.s\.|ms|m\.a\.|ma|mba|m\.?\s?eng\.?|mphil|m\.?\s?ed\.?|llm|mfa|mpa|mph|msc)(?![\p{L}])/iu,
  ],
  [
    'Bachelor',
    /\b(bachelor'?s?|b\.?\s?sc\.?|b\.s\.|bs|b\.a\.|ba|b\.?\s?eng\.?|bsc|beng|b\.?\s?tech|btech|b\.?\s?com|bba|bfa|llb|a\.?b\.)(?![\p{L}])/iu,
  ],
  ['Associate', /\b(associate'?s?\s+(?:degree|of)|associate degree|a\.a\.s?\.?|a\.s\.|aas)(?![\p{L}])/iu],
  [
    'High school',
    /\b(high school|secondary school|ged|a-levels?|abitur|baccalaur[ée]at|hsc|gcse)(?![\p{L}])/iu,
  ],
  ['Certificate', /\b(certificate|certification|diploma|bootcamp|nanodegree)(?![\p{L}])/iu],
];

const INSTITUTION =
  /(?<![\p{L}])(universit(?:y|ät|eit|é|à|et|at)|universidad|universidade|uniwersytet|univerzita|college|institute|institut|institutt|school|academy|polytechnic|politecnico|polytechnique|hochschule|[ée]cole|conservatory|conservatoire|bootcamp|seminary)(?![\p{L}])/iu;

const SEP = /\s*(?:\t|\||•|·|\s[—–-]\s|;)\s*/;

function degreeOf(text: string): { degree: Degree; raw: string; index: number } | null {
  for (const [degree, re] of DEGREES) {
    const m = re.exec(text);
    if (m) return { degree, raw: m[0], index: m.index };
  }
  return null;
}

interface Draft {
  lines: string[];
}

/** Groups education lines into entries (a new one starts at a second degree or institution) and reads each. */
export function parseEducation(sectionLines: Line[]): Education[] {
  const lines = semicolonEntries(sectionLines);
  const drafts: Draft[] = [];
  let current: Draft | null = null;
  let hasDegree = false;
  let hasInstitution = false;
  for (const line of lines) {
    const text = line.text;
    const d = !line.bullet && degreeOf(text) !== null;
    const inst = !line.bullet && INSTITUTION.test(text);
    if (!current || (d && hasDegree) || (inst && hasInstitution && !d) || (line.gapBefore && (d || inst))) {
      current = { lines: [] };
      drafts.push(current);
      hasDegree = false;
      hasInstitution = false;
    }
    current.lines.push(text);
    hasDegree ||= d;
    hasInstitution ||= inst;
  }
  return drafts.map(readEntry).filter((e) => e.degree !== null || e.institution !== null);
}

/** "Associate of …, Mesa CC, 2025; Certificate in …, Phoenix College, 2024" wrapped over lines: one entry per ';'. */
function semicolonEntries(lines: Line[]): Line[] {
  const text = lines.map((l) => l.text).join(' ');
  const segments = text.split(/\s*;\s*/).filter(Boolean);
  if (segments.length < 2 || !segments.every((seg) => degreeOf(seg) !== null || INSTITUTION.test(seg)))
    return lines;
  return segments.map((seg) => ({ ...lines[0]!, text: seg, bullet: false, gapBefore: true }));
}

function readEntry(draft: Draft): Education {
  const parts = draft.lines
    .flatMap((l) => l.split(SEP))
    .map((p) => p.trim())
    .filter(Boolean);
  const all = draft.lines.join(' \t ');
  const degreePart = parts.find((p) => degreeOf(p) !== null) ?? null;
  const found = degreePart ? degreeOf(degreePart) : null;
  let institution = parts.find((p) => p !== degreePart && INSTITUTION.test(p)) ?? null;
  if (!institution && degreePart) {
    // "BSc Computer Science, University of Leeds" sits in one part.
    const pieces = degreePart.split(/\s*,\s*/);
    // The degree comes first; a later piece naming a school is the institution even if it reads like a degree
    // ("High School Diploma, Westwood Ridge High School").
    institution = pieces.slice(1).find((p) => INSTITUTION.test(p)) ?? null;
  }
  institution = institution ? cleanInstitution(institution) : null;

  let field: string | null = null;
  if (degreePart) {
    const m = /\b(?:in|of)\s+([\p{L}][\p{L}&,' -]+?)(?=\s*(?:,|\(|\t|\||$|\d|from\b|at\b))/iu.exec(
      degreePart.slice(found?.index ?? 0),
    );
    if (m && !/^(science|arts|engineering|business administration)$/i.test(m[1]!.trim()))
      field = m[1]!.trim();
    else {
      const after = /\b(?:in)\s+([\p{L}][\p{L}&' -]+)/iu.exec(degreePart);
      if (after) field = after[1]!.trim();
    }
    if (!field) {
      const tail = degreePart.slice((found?.index ?? 0) + (found?.raw.length ?? 0)).replace(/^[\s.,:-]+/, '');
      const candidate = tail
        .split(/\s*,\s*/)[0]
        ?.replace(/\d{4}.*$/, '')
        .trim();
      if (candidate && !INSTITUTION.test(candidate) && candidate.length > 2 && candidate.length < 60)
        field = candidate;
    }
  }
  if (field && institution && field.includes(institution))
    field = field.replace(institution, '').replace(/[,\s]+$/, '') || null;

  const range = findRange(all);
  const points = findPoints(all);
  const years = [...(range?.end ? [range.end.year] : []), ...points.map((p) => p.year)];
  const graduationYear = range && range.current ? null : years.length > 0 ? Math.max(...years) : null;
  const gpa =
    /\bGPA\s*:?\s*([0-4]\.\d{1,2}(?:\s*\/\s*[45](?:\.0+)?)?)/i.exec(all)?.[1]?.replace(/\s+/g, '') ?? null;

  return {
    degree: found?.degree ?? null,
    degreeRaw: degreePart ? degreeText(degreePart) : null,
    field,
    institution,
    graduationYear,
    gpa,
  };
}

function cleanInstitution(text: string): string {
  const cleaned = text
    .replace(/\s*\(?\b(?:19|20)\d{2}\b.*$/, '')
    .replace(/\s*GPA.*$/i, '')
    .replace(/^[,\s]+|[,\s]+$/g, '');
  return (peelLocation(cleaned).rest || cleaned).trim();
}

/** The degree as written, without the institution, place or year that share its line. */
function degreeText(part: string): string {
  const pieces = part.split(/\s*,\s*/);
  const kept: string[] = [];
  for (const piece of pieces) {
    if (
      kept.length > 0 &&
      (INSTITUTION.test(piece) || /\b(19|20)\d{2}\b/.test(piece) || peelLocation(piece).location)
    )
      break;
    kept.push(piece);
  }
  return kept
    .join(', ')
    .replace(/\s*\(?\b(19|20)\d{2}\b.*$/, '')
    .replace(/[,\s]+$/, '');
}

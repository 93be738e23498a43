import type { ParsedResume, SectionKind } from '../../../src-shared/resume';
import { SECTION_KINDS } from '../../../src-shared/resume';
import { extractContact, labelledName, loneName, nameOf } from './contact';
import { totalMonths, type YearMonth } from './dates';
import { detectKind, decodeText } from './detect';
import { type ExtractedDocument, type Line } from './document';
import { parseEducation } from './education';
import { parseExperience, ROLE, seniorityOf } from './experience';
import { extractDocx } from './extract-docx';
import { extractPdf } from './extract-pdf';
import { extractText } from './extract-text';
import { parseProjects } from './projects';
import { LOOKUP_HEADER, splitSections } from './sections';
import { findMentions, listedMentions, scoreSkills, type SkillMention, type Taxonomy } from './skills';

export interface ParseOptions {
  taxonomy: Taxonomy;
  /** "Today" for ongoing jobs; tests fix it. */
  reference?: YearMonth;
}

export type ProgressFn = (stage: string, fraction: number) => void;

export async function extractDocument(
  bytes: Uint8Array,
  onProgress?: ProgressFn,
): Promise<ExtractedDocument> {
  const kind = detectKind(bytes);
  if (kind === 'pdf') return extractPdf(bytes, onProgress);
  if (kind === 'docx') return extractDocx(bytes);
  return extractTextDocument(decodeText(bytes) ?? '');
}

export function extractTextDocument(text: string): ExtractedDocument {
  return extractText(text);
}

export async function parseResumeFile(
  bytes: Uint8Array,
  options: ParseOptions & { onProgress?: ProgressFn },
): Promise<ParsedResume> {
  const doc = await extractDocument(bytes, options.onProgress);
  options.onProgress?.('Finding sections, dates and skills', 0.85);
  return parseDocument(doc, options);
}

const now = (): YearMonth => {
  const d = new Date();
  return { year: d.getFullYear(), month: d.getMonth() + 1 };
};

/**
 * The candidate's name: a "Name:" label, else the largest name-shaped line on the first page that is neither a
 * section title nor a job title (a two-column page may put the sidebar's "Top Skills" before the name), else the
 * header's guess.
 */
function pickName(lines: Line[], fromHeader: string | null, top: ReadonlySet<Line>): string | null {
  const labelled = labelledName(lines);
  if (labelled) return labelled;
  const usable = (text: string) => !LOOKUP_HEADER(text) && !ROLE.test(text);
  const first = lines.slice(0, 80).filter((l) => l.page === 1);
  // "MANFRED" over "HÄSTMARK": a name set so large in a banner that each word takes a line of its own.
  const wrapped = first.flatMap((l, i) => {
    const next = first[i + 1];
    // Each word alone is no title of a section or of the document ("CV" over "Education").
    const word = (t: string) =>
      /^\p{L}[\p{L}'’.-]*$/u.test(t) &&
      !LOOKUP_HEADER(t) &&
      !/^(?:cv|resume|résumé|curriculum|vitae)$/i.test(t);
    return next &&
      word(l.text.trim()) &&
      word(next.text.trim()) &&
      l.size >= 18 &&
      Math.abs(l.size - next.size) < 0.3
      ? [{ line: l, text: nameOf(`${l.text.trim()} ${next.text.trim()}`) }]
      : [];
  });
  const all = [...wrapped, ...first.map((l) => ({ line: l, text: nameOf(l.text) }))].filter(
    (c): c is { line: Line; text: string } => c.text !== null && usable(c.text),
  );
  // A name above the first section beats a larger sub-title further down ("Research Roles", an employer's heading).
  const above = all.filter((c) => top.has(c.line));
  const candidates = above.length > 0 ? above : all;
  const biggest = Math.max(...candidates.map((c) => c.line.size), 0);
  const best = candidates.find((c) => c.line.size === biggest);
  if (best && (biggest > Math.min(...candidates.map((c) => c.line.size)) || !fromHeader)) return best.text;
  const header = fromHeader ? nameOf(fromHeader) : null;
  if (header && usable(header)) return header;
  return best?.text ?? null;
}

function mailtoAddress(links: readonly string[]): string | null {
  for (const link of links) {
    const m = /^mailto:([^?]+)/i.exec(link.trim());
    if (!m) continue;
    let address: string;
    try {
      address = decodeURIComponent(m[1]!).trim();
    } catch {
      continue;
    }
    if (/^[^\s@<>()]+@[^\s@<>()]+\.[\p{L}]{2,}$/u.test(address)) return address;
  }
  return null;
}

export function parseDocument(doc: ExtractedDocument, options: ParseOptions): ParsedResume {
  const reference = options.reference ?? now();
  // Page numbers ("1", "Page 2 of 3") are layout, not content: one would otherwise read as an employer.
  const lines = doc.lines.filter(
    (l) => !/^(?:page\s+)?\d{1,3}(?:\s+(?:of|\/)\s+\d{1,3})?$/i.test(l.text.trim()),
  );
  const sections = splitSections(lines, doc.bodySize);
  const linesOf = (kind: string): Line[] => sections.filter((s) => s.kind === kind).flatMap((s) => s.lines);

  const headerLines = [...linesOf('header'), ...linesOf('contact')];
  const contact = extractContact(headerLines.length > 0 ? headerLines : doc.lines.slice(0, 6), doc.lines);
  contact.name = pickName(lines, contact.name, new Set(linesOf('header'))) ?? loneName(lines, doc.bodySize);
  // An address printed nowhere but linked from a label ("email") is still the candidate's address.
  contact.email ??= mailtoAddress(doc.links ?? []);

  const experience = parseExperience(linesOf('experience'), reference);
  const total = totalMonths(
    experience.flatMap((e) => (e.range ? [e.range] : [])),
    reference,
  );

  const mentions: SkillMention[] = [];
  const mention = (text: string, source: SkillMention['source']) =>
    mentions.push(...findMentions(text, source, options.taxonomy));
  for (const section of sections) {
    const text = section.lines.map((l) => l.text).join('\n');
    if (section.kind === 'skills' || section.kind === 'languages')
      mentions.push(...listedMentions(section.lines, options.taxonomy, doc.wrapped === true));
    else if (section.kind === 'projects') mention(text, 'projects');
    else if (section.kind === 'summary') mention(text, 'summary');
    else if (section.kind !== 'experience') mention(text, 'other');
  }
  experience.forEach((e, i) => {
    const text = [e.title ?? '', ...e.bullets].join('\n');
    mention(text, i === 0 ? 'recent_experience' : 'experience');
  });

  const summary = linesOf('summary')
    .map((l) => l.text)
    .join(' ')
    .trim();
  const kinds = new Set<SectionKind>();
  for (const s of sections)
    if ((SECTION_KINDS as readonly string[]).includes(s.kind)) kinds.add(s.kind as SectionKind);

  return {
    contact,
    summary: summary || null,
    skills: scoreSkills(mentions),
    experience: experience.map(({ range: _range, ...e }) => e),
    totalExperienceMonths: total,
    seniority: seniorityOf(total),
    education: parseEducation(linesOf('education')),
    projects: parseProjects(linesOf('projects'), options.taxonomy),
    sections: [...kinds],
  };
}

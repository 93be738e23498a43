import type { ParsedResume, SectionKind } from '../../../src-shared/resume';
import { SECTION_KINDS } from '../../../src-shared/resume';
import { extractContact, looksLikeName } from './contact';
import { totalMonths, type YearMonth } from './dates';
import { detectKind, decodeText } from './detect';
import { type ExtractedDocument, type Line } from './document';
import { parseEducation } from './education';
import { parseExperience, seniorityOf } from './experience';
import { extractDocx } from './extract-docx';
import { extractPdf } from './extract-pdf';
import { extractText } from './extract-text';
import { parseProjects } from './projects';
import { splitSections } from './sections';
import { findMentions, scoreSkills, type SkillMention, type Taxonomy } from './skills';

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

export function parseDocument(doc: ExtractedDocument, options: ParseOptions): ParsedResume {
  const reference = options.reference ?? now();
  const sections = splitSections(doc.lines, doc.bodySize);
  const linesOf = (kind: string): Line[] => sections.filter((s) => s.kind === kind).flatMap((s) => s.lines);

  const headerLines = [...linesOf('header'), ...linesOf('contact')];
  const contact = extractContact(headerLines.length > 0 ? headerLines : doc.lines.slice(0, 6), doc.lines);
  if (!contact.name) {
    const first = doc.lines.find((l) => looksLikeName(l.text));
    contact.name = first ? first.text : null;
  }

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
    if (section.kind === 'skills' || section.kind === 'languages') mention(text, 'skills');
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

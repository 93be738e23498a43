import { readFileSync } from 'node:fs';
import type { FoundSkill } from '../../../src-shared/resume';

export interface TaxonomySkill {
  id: string;
  name: string;
  category: FoundSkill['category'];
  group: string;
  aliases: string[];
  ambiguous?: boolean;
}

export interface Taxonomy {
  skills: TaxonomySkill[];
  /** Normalised name or alias → skill. */
  index: Map<string, TaxonomySkill>;
  /** Longest name or alias, in tokens: how far the matcher looks ahead. */
  maxTokens: number;
}

/** Lower case, internal punctuation that names carry (C++, C#, Node.js, CI/CD, .NET) kept. */
export const normaliseSkill = (s: string): string => tokens(s).join(' ');

function tokens(text: string): string[] {
  return (text.toLowerCase().match(/[.]?[\p{L}\p{N}][\p{L}\p{M}\p{N}+#./&'’-]*/gu) ?? []).map((t) =>
    t.replace(/[.'’-]+$/, ''),
  );
}

export function loadTaxonomy(file: string): Taxonomy {
  const data = JSON.parse(readFileSync(file, 'utf8')) as { skills: TaxonomySkill[] };
  const index = new Map<string, TaxonomySkill>();
  let maxTokens = 1;
  for (const skill of data.skills) {
    for (const name of [skill.name, ...skill.aliases]) {
      const key = normaliseSkill(name);
      if (!key || index.has(key)) continue;
      index.set(key, skill);
      maxTokens = Math.max(maxTokens, key.split(' ').length);
    }
  }
  return { skills: data.skills, index, maxTokens: Math.min(maxTokens, 6) };
}

export type SkillSource = FoundSkill['sources'][number];

export interface SkillMention {
  skill: TaxonomySkill;
  source: SkillSource;
}

/** A skills or languages list, where short ambiguous names ("Go", "R", "Swift") can be trusted. */
const LIST_SOURCES = new Set<SkillSource>(['skills']);

/** Every taxonomy skill named in the text, longest match first, so "Google Cloud Platform" beats "Google". */
export function findMentions(text: string, source: SkillSource, taxonomy: Taxonomy): SkillMention[] {
  const inList = LIST_SOURCES.has(source) || /,.*,/.test(text);
  // Names never span list punctuation: "Excel, VBA" is two skills, not the alias "Excel VBA".
  return text
    .split(/[,;|•·()[\]{}\t]+|\s[-–—]\s|:\s/)
    .flatMap((segment) => matchSegment(segment, source, inList, taxonomy));
}

function matchSegment(
  text: string,
  source: SkillSource,
  inList: boolean,
  taxonomy: Taxonomy,
): SkillMention[] {
  const raw = text.match(/[.]?[\p{L}\p{N}][\p{L}\p{M}\p{N}+#./&'’-]*/gu) ?? [];
  const toks = raw.map((t) => t.toLowerCase().replace(/[.'’-]+$/, ''));
  const found: SkillMention[] = [];
  for (let i = 0; i < toks.length;) {
    let matched = 0;
    for (let n = Math.min(taxonomy.maxTokens, toks.length - i); n >= 1; n--) {
      const skill = taxonomy.index.get(toks.slice(i, i + n).join(' '));
      if (!skill) continue;
      const original = raw
        .slice(i, i + n)
        .join(' ')
        .replace(/[.'’-]+$/, '');
      if (!acceptable(skill, original, source, inList)) continue;
      found.push({ skill, source });
      matched = n;
      break;
    }
    i += matched || 1;
  }
  return found;
}

function acceptable(skill: TaxonomySkill, original: string, source: SkillSource, inList: boolean): boolean {
  // Spoken languages appear in prose ("English literature"); count them only where skills are listed.
  if (skill.category === 'languages') return LIST_SOURCES.has(source) || inList;
  if (skill.ambiguous || original.length <= 2) {
    // "go", "r", "swift" as words are English; as skills they are written like their name, in a list.
    const exact = original === skill.name || skill.aliases.includes(original);
    return exact && inList;
  }
  return true;
}

const WEIGHT: Record<SkillSource, number> = {
  skills: 0.8,
  recent_experience: 0.75,
  projects: 0.7,
  experience: 0.65,
  summary: 0.6,
  other: 0.45,
};
export const MIN_CONFIDENCE = 0.6;

/**
 * Confidence from where a skill was seen (a skills list beats a passing mention) and how often: the best
 * source's weight, +0.05 for each further mention (up to +0.15), +0.05 when seen in more than one kind of place.
 * Only skills at MIN_CONFIDENCE or above are kept.
 */
export function scoreSkills(mentions: SkillMention[]): FoundSkill[] {
  const bySkill = new Map<string, SkillMention[]>();
  for (const m of mentions) bySkill.set(m.skill.id, [...(bySkill.get(m.skill.id) ?? []), m]);
  const out: FoundSkill[] = [];
  for (const list of bySkill.values()) {
    const sources = [...new Set(list.map((m) => m.source))];
    const base = Math.max(...sources.map((s) => WEIGHT[s]));
    const confidence = Math.min(
      1,
      base + Math.min(0.15, (list.length - 1) * 0.05) + (sources.length > 1 ? 0.05 : 0),
    );
    if (confidence + 1e-9 < MIN_CONFIDENCE) continue;
    const skill = list[0]!.skill;
    out.push({
      name: skill.name,
      category: skill.category,
      confidence: Math.round(confidence * 100) / 100,
      sources,
    });
  }
  return out.sort((a, b) => b.confidence - a.confidence || a.name.localeCompare(b.name));
}

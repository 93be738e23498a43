/** The level from the title's words, then from the years of experience the posting asks. */
import type { ExperienceLevel } from '../../../../src-shared/domain';
import { type Block, type Kind } from './sections';
import { type Line, sentences } from './text';

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  twelve: 12,
  fifteen: 15,
};

const YEARS = new RegExp(
  String.raw`\b(\d{1,2}|${Object.keys(NUMBER_WORDS).join('|')})\+?\s*(?:(?:-|–|to)\s*\d{1,2}\s*)?\+?\s*years?\b(?:\s+of)?(?:\s+[\w-]+){0,5}?\s+experience\b`,
  'i',
);

/** A sentence of the opening story that speaks of whom the posting seeks: "The ideal candidate will have …". */
const SEEKS = /\b(?:you|your|ideal candidate|successful candidate|candidates?|applicants?)\b/i;

/** The level from the title's own words, then from the years the requirements ask for. */
export function levelOf(title: string | null, blocks: Block[]): ExperienceLevel | null {
  const t = title ?? '';
  if (/\bprincipal\b/i.test(t)) return 'Principal';
  // "Chief of Staff" is a role, not a level.
  if (/(?<!\bof\s)\bstaff\b/i.test(t)) return 'Staff';
  if (/\b(senior|sr\.?)(?=\s|$)/i.test(t)) return 'Senior';
  if (/\b(junior|jr\.?|entry[- ]level|graduate|intern|internship|apprentice|trainee)\b/i.test(t))
    return 'Entry';
  // What the requirements and duties ask first; then the opening story where it speaks of the candidate
  // ("The ideal candidate will have at least five years of leadership experience").
  const asked = (kinds: Kind[], line: Line) =>
    kinds.includes('summary') ? sentences(line.text).filter((t) => SEEKS.test(t)) : [line.text];
  for (const kinds of [['required', 'duties'], ['summary']] as Kind[][])
    for (const block of blocks) {
      if (!kinds.includes(block.kind)) continue;
      for (const line of block.lines)
        for (const text of asked(kinds, line)) {
          const years = YEARS.exec(text);
          if (!years) continue;
          const n = NUMBER_WORDS[years[1]!.toLowerCase()] ?? Number(years[1]);
          if (n < 2) continue;
          return n >= 8 ? 'Staff' : n >= 5 ? 'Senior' : 'Mid';
        }
    }
  return null;
}

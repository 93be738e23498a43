import type { JobProposal } from '../../../src-shared/jobs';
import type { ExperienceLevel } from '../../../src-shared/domain';
import { findMentions, type Taxonomy } from '../resume/skills';

const NICE =
  /\b(nice to have|nice-to-have|preferred|bonus|plus|desirable|would be (?:great|nice)|good to have|ideally)\b/i;
const REQUIRED =
  /\b(requirements?|required|must[- ]haves?|qualifications|what you(?:'|’)ll need|what we(?:'|’)re looking for|you have|you bring|minimum|essential|skills)\b/i;
const TITLE_WORDS =
  /\b(engineer|developer|manager|analyst|designer|scientist|lead|director|architect|specialist|consultant|administrator|marketer|representative|coordinator|officer|sre|devops|head of|vp)\b/i;

/**
 * Reads a pasted posting: the title, the company, the level, and the skills it asks for, split into required
 * and nice-to-have by the heading or the sentence they sit under. Everything is a proposal the candidate edits.
 */
export function proposeFromPosting(text: string, taxonomy: Taxonomy): JobProposal {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/^[\s#*•·\-–]+/, '').trim())
    .filter(Boolean);

  const labelled = (re: RegExp) => {
    for (const l of lines) {
      const m = re.exec(l);
      if (m?.[1]) return m[1].trim();
    }
    return null;
  };
  const title =
    labelled(/^(?:job title|title|position|role)\s*:\s*(.+)$/i) ??
    lines
      .slice(0, 8)
      .find((l) => TITLE_WORDS.test(l) && l.length <= 80 && !/[.!?]$/.test(l))
      ?.replace(/\s+[-–—|@]\s+.*$/, '') ??
    null;
  const company =
    labelled(/^(?:company|employer|organi[sz]ation)\s*:\s*(.+)$/i) ??
    labelled(/^about\s+([\p{Lu}][\p{L}\p{N}&.' -]{1,40})$/u) ??
    labelled(
      /\bat\s+([\p{Lu}][\p{L}\p{N}&.'-]+(?:\s+[\p{Lu}][\p{L}\p{N}&.'-]+){0,3})\b(?:,|\.|\s+(?:we|is|are)\b)/u,
    ) ??
    labelled(/^([\p{Lu}][\p{L}\p{N}&.'-]+(?:\s+[\p{Lu}][\p{L}\p{N}&.'-]+){0,3})\s+is\s+(?:hiring|looking)/u);

  const required = new Set<string>();
  const nice = new Set<string>();
  const collect = (text: string, into: Set<string>, listed: boolean) => {
    for (const m of findMentions(text, listed ? 'skills' : 'other', taxonomy)) {
      // Postings talk about the business ("logistics", "hiring"); only technical skills and tools are asked for.
      if (m.skill.category === 'technical' || m.skill.category === 'tools') into.add(m.skill.name);
    }
  };
  const headed = lines.some((l) => isHeading(l, taxonomy) && (REQUIRED.test(l) || NICE.test(l)));
  let mode: 'required' | 'nice' | 'other' = headed ? 'other' : 'required';
  for (const line of lines) {
    if (isHeading(line, taxonomy)) {
      mode = NICE.test(line) ? 'nice' : REQUIRED.test(line) ? 'required' : headed ? 'other' : 'required';
      continue;
    }
    if (mode === 'other') continue;
    // "SQL and Tableau. Nice to have: Python." — what follows the phrase is nice to have, what precedes it is not.
    const at = NICE.exec(line);
    const before = at ? line.slice(0, at.index) : line;
    const after = at ? line.slice(at.index) : '';
    collect(before, mode === 'nice' ? nice : required, true);
    collect(after, nice, true);
  }
  for (const skill of required) nice.delete(skill);

  return {
    title,
    company,
    experienceLevel: levelOf(text),
    requiredSkills: [...required],
    niceToHaveSkills: [...nice],
  };
}

function isHeading(line: string, taxonomy: Taxonomy): boolean {
  return (
    line.length <= 60 &&
    !/[.!?]$/.test(line) &&
    (REQUIRED.test(line) || NICE.test(line) || findMentions(line, 'other', taxonomy).length === 0)
  );
}

function levelOf(text: string): ExperienceLevel | null {
  if (/\bprincipal\b/i.test(text)) return 'Principal';
  if (/\bstaff\b/i.test(text)) return 'Staff';
  if (/\b(senior|sr\.?)\s/i.test(text)) return 'Senior';
  if (/\b(junior|jr\.?|entry[- ]level|graduate|intern)\b/i.test(text)) return 'Entry';
  const years = /(\d{1,2})\+?\s*(?:-\s*\d{1,2}\s*)?years?/i.exec(text);
  if (years) {
    const n = Number(years[1]);
    return n >= 8 ? 'Staff' : n >= 5 ? 'Senior' : n >= 2 ? 'Mid' : 'Entry';
  }
  return null;
}

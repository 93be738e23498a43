/** The posting as lines: bullets marked, verbs that name a trade rewritten as its noun, sentences, word patterns. */
const BULLET = /^\s*(?:[-*•·▪◦‣–—]|\d{1,2}[.)]|[a-z][.)])\s+/;

export interface Line {
  text: string;
  bullet: boolean;
}

export function readLines(text: string): Line[] {
  return (
    text
      // "Linux-based", "API-driven": the skill is the word before the suffix.
      .replace(/([\p{L}\p{N}])-(based|driven)\b/gu, '$1 $2')
      // "diversity, equity, inclusion, and accessibility" is a workplace value, not web accessibility.
      // "accounting for changing requirements": the verb, not the trade; "networking with other managers",
      // "networking events": meeting people, not computer networks.
      .replace(/\baccounting for\b/giu, 'allowing for')
      // "Produce and project manage the big, crazy project": project management said as a verb.
      .replace(/\bproject[- ]manag(?:e|es|ed|ing)\b/giu, 'project management')
      // "People manage and develop other engineers", "line-manage", "overseeing a team of trainers", "manage and
      // develop direct reports": managing people said as a verb.
      .replace(/\b(people|line)[- ]manag(?:e|es|ed|ing)\b/giu, '$1 management')
      .replace(
        /\b(?:manag|overs[ae]|supervis)\w*\s+(?:and\s+\w+\s+)?(?:a\s+(?:small\s+|growing\s+)?team\s+of|(?:your\s+|their\s+)?direct\s+reports)\b/giu,
        '$& (staff management)',
      )
      .replace(/\bnetworking(?=\s+(?:with|events?|opportunities)\b)/giu, 'professional networking')
      .replace(/\b(?:personal|social)\s+networking\b/giu, 'professional networking')
      .replace(/\b(diversity|equity|inclusion)\b([^.;\n]{0,40})\baccessibility\b/giu, '$1$2access')
      // "training and programming for accessibility", "programming that meets these needs": programmes of
      // activities, not writing code.
      .replace(
        /\b(training|events?|activities|outreach|specific)\s+(and\s+)?programming\b/giu,
        '$1 $2programmes',
      )
      .replace(/\bprogramming(?=\s+(?:that|which|within)\b)/giu, 'programmes')
      .replace(/\r\n?/g, '\n')
      .split('\n')
      // "• 5+ years of … • Experience with …": pseudo-bullets that a page ran together on one line are its items.
      .flatMap((raw) => (raw.split(/\s•\s/).length > 2 ? raw.split(/\s(?=•\s)/) : [raw]))
      .map((raw) => {
        const bullet = BULLET.test(raw);
        const clean = raw
          .replace(BULLET, '')
          .replace(/^#+\s*/, '')
          .replace(/\*\*|__/g, '')
          .replace(/\s+/g, ' ')
          .trim();
        return { text: clean, bullet };
      })
      .filter((l) => l.text.length > 0)
  );
}

export function sentences(text: string): string[] {
  // "tools an advantage: e.g. Google Analytics": an abbreviation ends no sentence.
  // "… our existing portfolio. E.g. data analytics (…)": examples that open with "E.g." continue the sentence.
  return text
    .split(/(?<=[.!?])(?<!\b(?:e\.g|i\.e)\.)\s+(?=[\p{Lu}"“(])(?!(?:e\.g|i\.e)\.)/iu)
    .filter(Boolean);
}

export const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const patterns = new Map<string, RegExp>();

/** A name as a whole word, built once per name and flags: the reader tests the same names on every sentence. */
export function wordPattern(name: string, flags: string): RegExp {
  const key = `${flags}\u0000${name}`;
  let re = patterns.get(key);
  if (!re) {
    re = new RegExp(`(?<![\\p{L}\\p{N}])${escape(name)}(?![\\p{L}\\p{N}])`, flags);
    patterns.set(key, re);
  }
  re.lastIndex = 0;
  return re;
}

/** The hirer from how a posting talks about itself: "About X", "X is hiring", "Join X", a name it keeps saying. */
import { normaliseSkill, type Taxonomy } from '../../resume/skills';
import { ROLE_WORD } from './header';
import { type Line, escape, wordPattern } from './text';

// A name starts with a capital or a digit, or is a lower-case brand with a capital inside ("pyOpenSci", "eBay").
// A full stop belongs to a name only inside it ("Login.gov"); one before a space ends the sentence.
const NAME_CHAR = String.raw`(?:[\p{L}\p{N}&'’-]|\.(?=[\p{L}\p{N}]))`;

const NAME = String.raw`(?<![\p{L}\p{N}])((?:[\p{Lu}\d]|\p{Ll}{1,3}(?=\p{Lu}))${NAME_CHAR}*(?:[ \t]+(?:of[ \t]+|for[ \t]+|&[ \t]+)?[\p{Lu}\d]${NAME_CHAR}*){0,3})`;

/**
 * "About Fleet", "About The Science and Technology Facilities Council (STFC)": a heading over the hirer's own story,
 * its name long and joined by "and", its acronym after it.
 */
const ABOUT = new RegExp(
  String.raw`^[Aa]bout\s+(?:[Tt]he\s+)?${NAME.replace(String.raw`(?:of[ \t]+|for[ \t]+|&[ \t]+)`, String.raw`(?:of[ \t]+|for[ \t]+|and[ \t]+|&[ \t]+)`).replace('{0,3})', '{0,5})')}(?:\s+\([\p{Lu}\d&]{2,12}\))?:?$`,
  'u',
);

/** What may stand between a name and its verb: ", Inc.", ", a 501(c)(3) nonprofit organization advancing …,". */
export const APPOSITIVE = String.raw`(?:,?\s+(?:Inc|LLC|Ltd)(?![\p{L}\p{N}])\.?)?(?:,\s+(?:an?|the)\s+[^,;.]{3,160},)?`;

/** A university the work happens in: "at the University of Sheffield", not "funded by the University of California". */
const UNIVERSITY =
  /\b(?:at|within|join|of|in)\s+[Tt]he\s+(University\s+of\s+(?:(?:New|North|South|East|West|San|Santa|Saint|St\.?)\s+)?\p{Lu}[\p{L}-]+)(?![\p{L}-])/u;

/** Classifications and pay grades: "AS-05", "IT-04", "GS15", "CS-4". */
const PAY_GRADE = /^\p{Lu}{1,3}-?\d{1,2}$/u;

const NOT_A_COMPANY =
  /^(?:the|a|an|we|you|our|this|that|these|us|it|in|as|at|about|join|apply|role|team|company|us federal|federal|government|remote|senior|junior|lead|here|there|below|above|following|hi|hello|job|position|opportunity|work|post|vacancy)$/i;

/**
 * The company from how postings talk about themselves, strongest cue first: "About X", "X is hiring", "Join X",
 * "At X, we", "As a … at X", "X's …" said again and again, and last the domain of a jobs@ address.
 */
const BRAND =
  /(?<![\p{L}\p{N}.@/-])(\p{Lu}{2,6}|\d+\p{Lu}[\p{L}\d]*|\d+x|\d+\p{Ll}+\d[\p{L}\d]*|\p{Ll}{0,3}\p{Lu}\p{Ll}+\p{Lu}[\p{L}\d]*|\p{L}+\.(?:gov|com|org|io|ai|co))(?![\p{L}\p{N}]|\.[\p{L}])/gu;

/** Acronyms postings use that name no employer: pay grades, laws in general, roles, places, time zones. */
const COMMON_ACRONYM =
  /^(US|USA|UK|EU|IT|AI|ML|UX|UI|CX|API|APIs|PII|GS|HR|PR|DEI|DEIA|EEO|CEO|COO|CTO|CFO|CMO|VP|COVID|AMA|AMAs|PM|QA|SaaS|PaaS|IaaS|OKRs?|KPIs?|FAQ|PDF|RFP|CV|GPA|PTO|EST|PST|UTC|CET|NYC|SF|DC|OR|AND|THE|NOT|ALL|NOTE|GSA|CI|CD|SDK|CLI|JSON|XML|HTTP|HTTPS|URL|SLA|SLO|SRE|ETL|MVP|B2B|B2C|RSVP|ASAP|FTE|WFH|HPC|RSE|RSEs|GPU|GPUs|CPU|CPUs)$/;

export function companyFromText(text: string, lines: Line[], taxonomy: Taxonomy): string | null {
  const clean = (name: string | undefined) => {
    const n = name
      ?.replace(/[’']s$/, '')
      .replace(/[.,]$/, '')
      .trim();
    return n && !NOT_A_COMPANY.test(n) && !NOT_A_COMPANY.test(n.split(/\s+/)[0]!) && !PAY_GRADE.test(n)
      ? n
      : null;
  };
  for (const l of lines) {
    const about = ABOUT.exec(l.text);
    const name = clean(about?.[1]);
    if (name) return name;
  }
  const patterns = [
    // "The Tor Project, Inc., a 501(c)(3) nonprofit organization advancing …, is seeking": a description between.
    // "The U.S. Geological Survey Water Mission Area is hiring": a name is whole, never the tail of a longer one.
    new RegExp(
      `(?<!(?:\\p{Lu}\\p{L}*|\\p{Lu}\\.)[ \\t](?:(?:of|for|&)[ \\t])?)(?:[Tt]he\\s+)?${NAME}${APPOSITIVE}\\s+(?:is|are)\\s+(?:currently\\s+|now\\s+|actively\\s+)?(?:hiring|looking for|seeking|searching for|recruiting|accepting applications)\\b`,
      'u',
    ),
    new RegExp(
      // "At Stripe, we …", "Join Fleet and …"; "Apply online at USA Jobs, where …" places the application, not the work.
      `\\b(?:[Jj]oin\\s+(?:the\\s+)?${NAME}(?:\\s+\\([^)\\s]{4,60}\\))?(?:,|\\s+(?:we|you|and)\\b|[’']s\\b)|(?:At|at)\\s+(?:the\\s+)?${NAME}(?:\\s+\\([^)\\s]{4,60}\\))?(?:,\\s+(?!where\\b|which\\b)|\\s+(?:we|you|and)\\b|[’']s\\b))`,
      'u',
    ),
    new RegExp(`\\b[Jj]oin\\s+(?:the\\s+)?${NAME}\\s+team\\b`, 'u'),
    // "The rOpenSci team is growing": the hirer's own team, growing.
    new RegExp(
      `\\b[Tt]he\\s+${NAME}\\s+team\\s+(?:is|are)\\s+(?:growing|expanding|hiring|looking for)\\b`,
      'u',
    ),
    // "As a Stripe engineer, you …" opens a sentence; "classified as an AS-05 in …" is not about the employer.
    new RegExp(`(?:^|(?<=[\\n.!?]\\s{0,3}))As an?\\s+${NAME}\\s+[a-z]+(?:\\s+[a-z]+)?\\b`, 'u'),
  ];
  for (const re of patterns) {
    for (const m of text.matchAll(new RegExp(re.source, 'gu'))) {
      const name = clean(m[1] ?? m[2]);
      if (name && !/\b(engineer|developer|designer|manager|specialist|analyst|member)\b/i.test(name))
        return name;
    }
  }
  // "EBAs at GitLab are …", "Frontend Engineer roles at GitLab", "If employed by GitLab Federal, LLC", "GitLab team
  // members": words that place the staff in the employer name it, even when the name is also a product the posting
  // asks for ("Ability to use GitLab"). Said once by a team, a role or employment; twice otherwise.
  const placed = new Map<string, number>();
  const place = (name: string | null, weight: number) => {
    if (name && /^\p{L}/u.test(name) && !COMMON_ACRONYM.test(name))
      placed.set(name, (placed.get(name) ?? 0) + weight);
  };
  for (const m of text.matchAll(
    new RegExp(
      `\\b(?:(?:[Tt]eams?|[Rr]oles|[Jj]obs|[Cc]areers)\\s+at|employed\\s+by)\\s+(?:the\\s+)?${NAME}`,
      'gu',
    ),
  ))
    place(clean(m[1]), 2);
  for (const m of text.matchAll(new RegExp(`\\b(?:at|within|across)\\s+${NAME}(?=[\\s,.;:)]|$)`, 'gu')))
    place(clean(m[1]), 1);
  // "submitted by GitLab team members"; "Current team members hold …" opens a sentence with an ordinary word.
  for (const m of text.matchAll(new RegExp(`(?<=\\p{Ll}\\s)${NAME}\\s+team[- ]members?\\b`, 'gu')))
    place(clean(m[1]), 2);
  for (const m of text.matchAll(
    new RegExp(`${NAME}[’']s\\s+(?:\\p{Lu}|team|brand|values|mission|people)`, 'gu'),
  ))
    place(clean(m[1]), 1);
  const placedBest = [...placed].sort((a, b) => b[1] - a[1])[0];
  if (placedBest && placedBest[1] >= 2 && !ROLE_WORD.test(placedBest[0])) return placedBest[0];
  // "here at the University of Sheffield", "partners in The University of Sheffield's faculties": the university the
  // work is placed in is the hirer, ahead of the acronyms of its own groups ("RSE") that the posting repeats.
  const university = UNIVERSITY.exec(text);
  if (university) return university[1]!;
  // A name the posting keeps saying as the subject of its own story: "Login.gov’s core languages", "18F's".
  const counts = new Map<string, number>();
  for (const m of text.matchAll(/(?<![\p{L}\p{N}.])([\p{Lu}\d][\p{L}\p{N}.&-]*[\p{L}\p{N}])[’']s\b/gu)) {
    const name = clean(m[1]);
    if (
      name &&
      !/^(?:it|today|world|america|american|nation|government|agency|department|organi[sz]ation|company|team)$/i.test(
        name,
      )
    )
      counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const top = [...counts].sort((a, b) => b[1] - a[1])[0];
  const best = top && ([widened(top[0], text), top[1]] as const);
  // A name written like one (an acronym, "18F", "10x", "Login.gov", "FedRAMP") that the posting keeps repeating;
  // it outweighs a possessive said less often ("18F Consulting’s" twice in a posting that says 18F eight times).
  // Counted without case ("PostHog" and "Posthog" are one name), returned as most often written.
  const said = new Map<string, { count: number; forms: Map<string, number> }>();
  const defined = definedAcronyms(text);
  const clear = text.replace(/\S+@\S+/g, '');
  for (const m of clear.matchAll(BRAND)) {
    const name = m[1]!;
    // "CN-53", "GS-12": a pay plan and its grade.
    if (/^-\d/.test(clear.slice(m.index + name.length))) continue;
    if (COMMON_ACRONYM.test(name) || (taxonomy.index.has(normaliseSkill(name)) && !defined.has(name)))
      continue;
    const entry = said.get(name.toLowerCase()) ?? { count: 0, forms: new Map<string, number>() };
    entry.count++;
    entry.forms.set(name, (entry.forms.get(name) ?? 0) + 1);
    said.set(name.toLowerCase(), entry);
  }
  const brand = [...said.values()].sort((a, b) => b.count - a.count)[0];
  const brandName = brand && [...brand.forms].sort((a, b) => b[1] - a[1])[0]![0];
  if (brand && brandName && brand.count >= 3 && brand.count > (best?.[1] ?? 0)) return brandName;
  if (best && best[1] >= 2) return best[0];
  // A paragraph that opens with the company doing what companies do: "PostHog exists to …", "Login.gov provides …".
  for (const l of lines.slice(1)) {
    const m = new RegExp(
      `^(?:The\\s+)?${NAME}(?:\\s+\\([^)]{2,12}\\))?${APPOSITIVE}\\s+(?:is|are|exists|empowers|builds|helps|makes|provides|offers|develops|creates|improves|powers|enables|works)\\b`,
      'u',
    ).exec(l.text);
    const name = clean(m?.[1]);
    if (
      name &&
      !taxonomy.index.has(normaliseSkill(name)) &&
      !ROLE_WORD.test(name) &&
      !/\b(?:role|team)s?\b/i.test(name)
    )
      return name;
  }
  const mail = /\b(?:jobs|careers|hiring|recruiting|talent|join)@([a-z0-9-]+)\.[a-z.]+\b/i.exec(text);
  if (mail) {
    const domain = mail[1]!;
    const written = new RegExp(`\\b(${escape(domain)})\\b`, 'i').exec(text.replace(/\S+@\S+/g, ''));
    return written && /^\p{Lu}/u.test(written[1]!) ? written[1]! : domain[0]!.toUpperCase() + domain.slice(1);
  }
  return null;
}

/**
 * "Centers for Disease Control and Prevention (CDC)", "Consumer Financial Protection Bureau (CFPB)": acronyms the
 * posting spells out as a name. Such an acronym is that name, not a skill that shares its letters (CDC, change data
 * capture). The acronym's letters are the initials of the name's capitalised words, in order.
 */
export function definedAcronyms(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(
    /((?:\p{Lu}[\p{L}-]*\s+(?:(?:of|for|and|the|on|&)\s+)*){1,8}\p{Lu}[\p{L}-]*)\s+\((\p{Lu}{2,6})\)/gu,
  )) {
    const initials = m[1]!
      .split(/\s+/)
      .filter((w) => /^\p{Lu}/u.test(w))
      .map((w) => w[0])
      .join('');
    const acronym = m[2]!;
    let at = 0;
    for (const c of initials) if (c === acronym[at]) at++;
    if (at === acronym.length && initials[0] === acronym[0]) out.set(acronym, m[1]!);
  }
  return out;
}

/**
 * "Hack Club's mission", "Hack Club's story": a possessive reads one word ("Club"); the name is the run of
 * capitalised words that comes before it nearly every time the posting says it.
 */
function widened(name: string, text: string): string {
  const all = [...text.matchAll(wordPattern(name, 'gu'))];
  for (let words = 2; words >= 1; words--) {
    const before = new Map<string, number>();
    for (const m of all) {
      const prev = new RegExp(`((?:\\p{Lu}[\\p{L}\\p{N}&.-]*\\s+){${words}})$`, 'u').exec(
        text.slice(0, m.index),
      );
      if (prev) before.set(prev[1]!, (before.get(prev[1]!) ?? 0) + 1);
    }
    const common = [...before].sort((a, b) => b[1] - a[1])[0];
    if (common && common[1] >= 2 && common[1] >= 0.8 * all.length) return `${common[0]}${name}`;
  }
  return name;
}

/** The title (and a hirer named beside it) from the posting's first lines, or from the role its text names. */
import { LABEL, kindOf } from './sections';
import { type Line, escape, wordPattern } from './text';

/**
 * Grades and schedules that postings append to a title: "GS15", "GS-13", "(part-time)", "(full-time or part-time)",
 * and a level in parentheses: "Data Analyst (Intermediate)".
 */
const TITLE_TAIL =
  /\s*(?:\((?:[^)]*\b(?:(?:full|part)[- ]time|contract|temporary|fixed[- ]term|hours (?:per|a) week)\b[^)]*|remote|hybrid|intermediate|junior|mid(?:[- ]level)?|entry[- ]level)\)|\b[GW]S[- ]?\d{1,2}\b)\s*$/i;

/**
 * "Tech Lead, Hack Club Bank", "Hack Club Bank Operations Lead": the employer's name said in the title is not the
 * role.
 */
export function withoutCompany(title: string, company: string): string {
  const name = escape(company);
  const out = title
    .replace(new RegExp(`\\s*,\\s*${name}(?![\\p{L}\\p{N}]).*$`, 'iu'), '')
    .replace(new RegExp(`^${name}\\s+(?=\\p{Lu})`, 'u'), '')
    .trim();
  return out.length >= 3 ? out : title;
}

/** "FedRAMP’s Cyber Data Analyst will play a key role": a title that opens with the name of the team that owns it. */
export function teamOf(title: string | null, text: string): string | null {
  const m = title ? /^(\S+)\s+(\S.{2,})$/.exec(title) : null;
  if (!m) return null;
  const owned = new RegExp(
    `(?<![\\p{L}\\p{N}])${escape(m[1]!)}[’']s\\s+${escape(m[2]!)}(?![\\p{L}\\p{N}])`,
    'iu',
  );
  return owned.test(text) ? m[1]! : null;
}

interface Header {
  title: string | null;
  company: string | null;
  /** The lines before the body: the title (and a label on its own line above it), which are not the posting's text. */
  bodyFrom: number;
}

/**
 * The title: a "Title:" label, or the first line when it reads like one. "Org: Title" (a team or agency before
 * the colon) and "Title at Org" / "Title — Org" give the company too; a second line "Org · Place" names it.
 */
export function headerOf(lines: Line[]): Header {
  // "Organization: Ensure that product documentation pages … are well organized." labels a duty, not the employer:
  // a label's value is a name, short and not a sentence.
  const labelled = (re: RegExp) => {
    for (const l of lines) {
      const m = re.exec(l.text);
      if (m?.[1] && m[1].trim().split(/\s+/).length <= 8 && !/[.!?]$/.test(m[1].trim())) return m[1].trim();
    }
    return null;
  };
  const labelledCompany = labelled(
    /^(?:company|employer|(?:hiring\s+)?organi[sz]ation|agency|(?:unit\s*\/\s*)?division)\s*:\s*(.+)$/i,
  );
  const labelledTitle = labelled(
    /^(?:(?:job|post|position|vacancy)\s+)?(?:title|position|role)\s*:\s*(.+)$/i,
  );
  // "Post title" on a line of its own, the title on the next.
  const above = /^(?:(?:job|post|position|vacancy)\s+)?title:?$/i.test(lines[0]?.text ?? '') ? 1 : 0;
  // "Job vacancy: Community Researcher - OLS is hiring!": the page's title ends by saying who is hiring.
  const hiringTail = /^(.+?)\s+[-–—|]\s+(\S+(?:\s+\S+){0,3}?)\s+is\s+hiring!?$/i.exec(
    lines[above]?.text ?? '',
  );
  const first = hiringTail ? hiringTail[1]! : (lines[above]?.text ?? '');
  // "BBOP Job Openings", "Open Galaxy Positions at Melbourne Bioinformatics", "2021 Cluster Hires": a page heading that
  // names no role. The role is the one the text names; the heading may name the hirer.
  const page = !labelledTitle && pageHeading(first);
  if (page) {
    return {
      title: roleInBody(lines.slice(above + 1)),
      company: labelledCompany ?? page.company,
      bodyFrom: above + 1,
    };
  }
  const announced = HEADLINE.exec(first);
  const looksLikeTitle =
    first.length > 0 &&
    first.length <= 90 &&
    (!/[.!?]$/.test(first) || Boolean(announced)) &&
    !LABEL.test(first);
  let title = labelledTitle ?? (looksLikeTitle ? first : null);
  let company = labelledCompany ?? (hiringTail ? hiringTail[2]! : null);
  if (title && !labelledTitle) {
    // "We're hiring - Senior Research Software Engineer": a page label before a dash, as before a colon.
    const labelDash = /^(.{2,30}?)\s+[-–—|]\s+(.+)$/.exec(title);
    const prefixed =
      /^([^:]{2,50}):\s+(.+)$/.exec(title) ??
      (labelDash && GENERIC_PREFIX.test(labelDash[1]!) ? labelDash : null);
    let suffixed = /^(.+?)\s+(?:at|@|[-–—|])\s+([\p{Lu}\d][^,]{1,50})$/u.exec(title);
    // "Bioinformatician - Gene prediction for …", "Computational Biology - Research Infrastructure": after a dash, a
    // side is the hirer only when it is written as a name, and one of several words ("Research Infrastructure", a
    // team) only when the posting says it again; otherwise it is the title's.
    if (suffixed && !/\s(?:at|@)\s/.test(title)) {
      const other = (side: string) =>
        NAME_SHAPED.test(side) &&
        !ROLE_WORD.test(side) &&
        (!/\s/.test(side) || lines.slice(above + 1).some((l) => wordPattern(side, 'u').test(l.text)));
      if (!other(suffixed[2]!) && !other(suffixed[1]!)) suffixed = null;
    }
    // "Library of Congress - Research Chemist in …": the organisation first, the role after the dash.
    if (
      suffixed &&
      !/\s(?:at|@)\s/.test(title) &&
      !ROLE_WORD.test(suffixed[1]!) &&
      ROLE_WORD.test(suffixed[2]!)
    )
      suffixed = Object.assign([suffixed[0], suffixed[2], suffixed[1]], {
        index: 0,
        input: title,
      }) as RegExpExecArray;
    if (prefixed) {
      // "Job Posting: …", "Now hiring: …" label the page; "Login.gov: Engineer" names the hirer.
      if (!GENERIC_PREFIX.test(prefixed[1]!)) company ??= prefixed[1]!.replace(/\s*\([^)]*\)\s*$/, '').trim();
      title = prefixed[2]!;
    } else if (suffixed && !/\b(remote|hybrid|on-?site|full[- ]time|part[- ]time)\b/i.test(suffixed[2]!)) {
      company ??= suffixed[2]!.trim();
      title = suffixed[1]!;
    }
  }
  if (!company && lines[1]) {
    const second = /^([\p{Lu}\d][\p{L}\p{N}&.' -]{1,40}?)\s*[·|•]\s*\S/u.exec(lines[1].text);
    if (second) company = second[1]!.trim();
  }
  // "pyOpenSci is hiring a Communications Lead": the page's title names the hirer and the role.
  const hiring =
    title && /^(\S+(?:\s+\S+){0,3}?)\s+is\s+hiring\s+(?:an?\s+|its\s+first\s+)?(.{3,60})$/i.exec(title);
  if (hiring) {
    company ??= hiring[1]!;
    title = hiring[2]!;
  }
  // "Internet Freedom Nonprofit Seeks Experienced Grants Manager", "Hiring our next Community Manager": a headline
  // that announces the role. Its subject is the hirer only when it is not a kind of organisation.
  if (title && !labelledTitle && announced) {
    title = announced[2]!.trim();
    if (announced[1] && !ORGANISATION_KIND.test(announced[1])) company ??= announced[1].trim();
  }
  while (title && TITLE_TAIL.test(title)) title = title.replace(TITLE_TAIL, '').trim();
  // "We're hiring a community manager!": a role written in lower case is shown as a title.
  if (title && title === title.toLowerCase() && /^[a-z]/.test(title))
    title = title.replace(/(^|\s)(\p{Ll})/gu, (_, space: string, c: string) => space + c.toUpperCase());
  return { title: title || null, company, bodyFrom: looksLikeTitle && !labelledTitle ? above + 1 : 0 };
}

/** A headline announcing the role: "<Org> Seeks Experienced <Title>", "Hiring our next <Title>", "We're hiring a <title>!". */
const HEADLINE =
  /^(?:(.{2,60}?)\s+(?:seeks|is seeking|is looking for)|(?:vacancy|opening|opportunity)\s+for|(?:we(?:'|’)re|we\s+are|now)\s+hiring(?:\s+for)?|hiring\s+(?:our|its|an?)(?:\s+(?:next|first|new))?)\s+(?:(?:an?|our)\s+)?(?:(?:experienced|seasoned|talented|dynamic)\s+)?(\p{L}[^.!?]{2,60}?)[.!]?$/iu;

/** Words for the page a posting sits on rather than for a role: "Job Openings", "Open Positions", "Careers", "Hires". */
const PAGE_WORDS =
  /\b(?:job\s+openings?|openings|(?:open\s+)?positions?|vacanc(?:y|ies)|careers?|jobs|(?:cluster\s+)?hires|opportunities|join\s+(?:us|our\s+team)|work\s+with\s+us)\b/i;

/** A name: capitalised words, with the small words names carry ("Library of Congress", "Science and Technology …"). */
const NAME_SHAPED =
  /^(?:[\p{Lu}\d][\p{L}\p{N}&.'’-]*)(?:\s+(?:(?:of|for|and|the|de|du|la|&)\s+)*[\p{Lu}\d][\p{L}\p{N}&.'’-]*)*$/u;

/**
 * "BBOP Job Openings", "Open Galaxy Position at Galaxy Europe Team, University of Freiburg", "2021 Cluster Hires": a
 * heading that names the page, not a role. The hirer is what it says the page belongs to ("BBOP", "Melbourne
 * Bioinformatics"), when that is written as a name.
 */
function pageHeading(line: string): { company: string | null } | null {
  const words = PAGE_WORDS.exec(line);
  if (!words || ROLE_WORD.test(line) || line.length > 90 || /[.!?]$/.test(line)) return null;
  const after = /\s(?:at|@|[-–—|])\s+(.+)$/u.exec(line.slice(words.index))?.[1]?.trim();
  const before = line
    .slice(0, words.index)
    .replace(/^(?:open|new|current|our)\s+/i, '')
    .trim();
  const owner = [after?.split(/\s*,\s*/).at(-1), before].find(
    (n) => n && NAME_SHAPED.test(n) && !/^\d/.test(n) && !/^(?:open|new|current|our|the)$/i.test(n),
  );
  return { company: owner ?? null };
}

/** A role said as a title: capitalised words (with "/" and "of") that end in a role noun. */
const ROLE_PHRASE = String.raw`((?:[\p{Lu}][\p{L}-]*\s+(?:(?:of|and|&|\/)\s+)?){0,5}[\p{Lu}][\p{L}-]*(?:\s*\/\s*(?:[\p{Lu}][\p{L}-]*\s+){0,4}[\p{Lu}][\p{L}-]*)?)`;

const ROLE_IN_SENTENCE = new RegExp(
  String.raw`\b(?:(?:opening|position|vacancy|opportunity|role)\s+for|seeking|hiring|looking\s+for|recruiting)\s+(?:an?|the|our)\s+(?:new\s+)?${ROLE_PHRASE}`,
  'u',
);

/**
 * The role a posting under a page heading names: the first line that is a role written as a heading ("Senior
 * Bioinformatician, Bioinformatics Training (Level C)", "Data Scientist"), or a sentence that opens the position
 * ("a position for a Systems Engineer / DevOps Engineer (m/f/d)", "an opening for a Software Developer who …").
 */
function roleInBody(lines: Line[]): string | null {
  for (const line of lines) {
    const t = line.text
      .replace(/\s*\((?:level|grade|band|m\/f\/d|f\/m\/d|m\/w\/d|[a-z]\/[a-z]\/[a-z])[^)]*\)\s*$/i, '')
      .trim();
    if (
      !line.bullet &&
      t.length <= 70 &&
      !/[.!?:;]$/.test(t) &&
      ROLE_WORD.test(t.split(/\s*,\s*/)[0]!) &&
      !kindOf(t) &&
      !LABEL.test(t) &&
      !PAGE_WORDS.test(t) &&
      t.split(/\s+/).every((w) => /^[\p{Lu}\d&/(-]/u.test(w) || /^(?:of|and|for|the|in|at|to|&)$/i.test(w))
    )
      return t;
    const said = ROLE_IN_SENTENCE.exec(line.text);
    if (said && ROLE_WORD.test(said[1]!.split(/\s*\/\s*/)[0]!)) return said[1]!.trim();
  }
  return null;
}

/** Words for a kind of organisation, which a headline's subject may be instead of its name: "Nonprofit Seeks …". */
const ORGANISATION_KIND =
  /\b(?:nonprofit|non-profit|charity|startup|start-up|company|organi[sz]ation|agency|firm|team|lab|group|foundation)$/i;

/** The nouns of job titles: a header's side that has one is the role, not the organisation. */
export const ROLE_WORD =
  /\b(?:engineer|developer|designer|manager|specialist|analyst|officer|scientist|chemist|physicist|biologist|bioinformatician|statistician|technologist|coordinator|director|assistant|associate|administrator|researcher|technician|consultant|writer|editor|librarian|archivist|curator|educator|trainer|instructor|fellow|intern|accountant|bookkeeper|producer|strategist|marketer|recruiter|architect|programmer|advisor|adviser|lead|head)s?\b/i;

/** Words that label a posting page rather than name its employer: "Job Posting: …", "Now hiring: …". */
const GENERIC_PREFIX =
  /^(?:job(?:\s+(?:posting|opening|offer|ad|description|vacancy))?|now hiring|hiring|wanted|we(?:'|’)re hiring|(?:(?:part|full)[- ]time\s+|temporary\s+|contract\s+|new\s+|open\s+|[\w-]+[- ](?:month|year|week)\s+)?(?:vacancy|opening|position|role)|careers?|open role)$/i;

import { readFileSync } from 'node:fs';
import type { FoundSkill } from '../../../src-shared/resume';
import type { Line } from './document';

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
  /** The words the candidate wrote, when they listed the skill ("React.js", "Golang"). */
  asWritten?: string;
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
      const key = toks.slice(i, i + n).join(' ');
      const skill = taxonomy.index.get(key);
      if (!skill) continue;
      const original = raw
        .slice(i, i + n)
        .join(' ')
        .replace(/[.'’-]+$/, '');
      if (!acceptable(skill, original, source, inList)) continue;
      if (!inList && !unambiguousInProse(skill, key, original, raw[i + n])) continue;
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

/** Words that may follow a skill named in a sentence without making it part of a longer name. */
const FOLLOWERS = new Set(
  'and or with in of to for on at across by from as via using through skills skill while when where which that who, the a an is are was were has have had our my their its this these those'.split(
    ' ',
  ),
);

/**
 * In a sentence, a name counts only where it cannot be something else: an abbreviation only in capitals
 * ("San Francisco" is not SAN, storage area networks), and a soft skill only when it is not the start of a longer
 * phrase ("conflict resolution algorithms" is about algorithms).
 */
function unambiguousInProse(
  skill: TaxonomySkill,
  key: string,
  original: string,
  next: string | undefined,
): boolean {
  const written = [skill.name, ...skill.aliases].find((n) => normaliseSkill(n) === key) ?? skill.name;
  if (/^[\p{Lu}\d&/+-]{2,}$/u.test(written) && original !== original.toUpperCase()) return false;
  if (skill.category === 'soft' && next && /^\p{Ll}+$/u.test(next) && !FOLLOWERS.has(next.toLowerCase()))
    return false;
  return true;
}

/** Level words in brackets or after a dash: "English (Native)", "Python [intermediate]", "German – B2". */
const LEVEL =
  /^(?:(?:native|basic|good|limited|full|advanced|intermediate|fluent|elementary)\s+(?:proficiency|command)|native(?: speaker| or bilingual)?|bilingual|fluent(?:ly)?|limited|professional(?: working)?(?: proficiency)?|full professional proficiency|limited working proficiency|elementary(?: proficiency)?|beginner(?: proficiency)?|basic(?:s)?|intermediate|advanced?|expert|good|working knowledge|conversational|mother tongue|[abc][12](?:\.\d)?\+?(?:\s*\/\s*[abc][12])?|toefl.*|ielts.*|jlpt.*|\d+(?:\.\d+)?\+?\s*(?:years?|yrs?|months?|mos?)?|\d{1,3}%)$/i;
/** A level after the name it rates, as a skill bar or a language table prints it: "Python 5+ yrs", "German A2". */
const TRAILING_LEVEL =
  /\s+(?:\d+(?:\.\d+)?\+?\s*(?:years?|yrs?|months?|mos?)|native|fluent(?:ly)?|bilingual|basic|limited|intermediate|advanced|expert|proficient|conversational|elementary|beginner|[abc][12]\+?)$/i;
/** Words that introduce a list rather than name a skill: "Proficient in", "Basic knowledge of", "Advance:". */
const LEAD_IN =
  /^(?:(?:highly\s+|very\s+|strong\s+|solid\s+|good\s+)?(?:proficient|experienced|familiar|skilled|expert|advanced?|intermediate|(?:some\s+|basic\s+)?knowledge|basic|working\s+knowledge|exposure|experience)(?:\s+(?:in|with|of|at))?|others?|including|such\s+as|\(plus\))(?:\s+(?:both\s+)?|\s*$)/i;

/** One item of a skills list, as written, or null when the text is not a name ("Some highlights are"). */
function cleanItem(text: string): string | null {
  const item = text
    .replace(LEAD_IN, '')
    .replace(TRAILING_LEVEL, '')
    .replace(/^[\s\-–—*:]+|[\s\-–—*:.,]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!item || item.length > 40 || !/\p{L}/u.test(item)) return null;
  const words = item.split(' ');
  if (words.length > 5 || LEVEL.test(item)) return null;
  if (groupOnly(words)) return null;
  // "Embedding of ASP in Python": a description, not a name.
  if (words.length >= 3 && words.some((w) => /^(?:of|in|for|to|from|by|the|an?|between|into|about)$/.test(w)))
    return null;
  if (/^(?:and|or|etc|e\.g|i\.e|the|a|an|other|others|more|various)$/i.test(item)) return null;
  return item;
}

/**
 * The skills a candidate LISTS, kept as written: each item of a skills or languages section ("Languages & Libs:
 * Python, Javacript, React"), named by the taxonomy when one matches the whole item and kept as written when none
 * does ("Operator Theory", "Bicep"). Sentences inside the section are read like prose.
 */
/**
 * "Languages & Python (Flask, Django), …" over "frameworks Backbone, jQuery), …": a table's narrow label cell
 * (moderncv's) wrapped its label after the ampersand, and the cell's second half opens the next line. The label is
 * made whole and given its colon, and the value cells are one text again.
 */
function joinWrappedLabels(lines: readonly Line[]): Line[] {
  const out: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const next = lines[i + 1];
    const head = /^(\p{Lu}\p{Ll}+\s+&(?:\s+\p{Ll}+)*)\s+(\S.*)$/u.exec(line.text);
    const tail = next && /^(\p{Ll}[\p{Ll}-]*)\s+(\S.*)$/u.exec(next.text);
    if (head && tail && !line.bullet && !next.bullet && !/:/.test(line.text) && !/:/.test(next.text)) {
      out.push({ ...line, text: `${head[1]!} ${tail[1]!}: ${head[2]!} ${tail[2]!}` });
      i++;
    } else out.push(line);
  }
  return out;
}

/** The column headings of the European self-assessment grid for languages, printed over the levels it rates. */
const GRID_HEADING =
  /^(?:understanding|speaking|writing|listening|reading|spoken (?:interaction|production))$/i;
const gridHeadings = (l: Line): boolean => {
  const cells = l.text.split('\t').map((c) => c.trim());
  return cells.length >= 3 && cells.slice(1).every((c) => GRID_HEADING.test(c));
};

export function listedMentions(
  section: readonly Line[],
  taxonomy: Taxonomy,
  wrapped: boolean,
): SkillMention[] {
  // "Html/CSS<tab>3+ yrs": a level in a cell of its own rates the name before it, as "Html/CSS 3+ yrs" does.
  const lines = joinWrappedLabels(
    section
      .filter((l) => !gridHeadings(l))
      .map((l) => {
        const tab = l.text.lastIndexOf('\t');
        return tab > 0 && l.text.indexOf('\t') === tab && LEVEL.test(l.text.slice(tab + 1).trim())
          ? { ...l, text: `${l.text.slice(0, tab)} ${l.text.slice(tab + 1)}` }
          : l;
      }),
  );
  const out: SkillMention[] = [];
  // Bold lines label groups ("Acquisition", "Languages & Libs") unless the whole list is bold; a short line over a
  // paragraph names that paragraph ("Vulkan-rt" / "Path tracer written in rust…"); contact details that a footer
  // left under the last section are not skills.
  // A skill bar's level on a line of its own ("Web Development" over "85%") rates the line above; it labels nothing.
  const bold = lines.some((l) => !l.bold && !l.heading && !LEVEL.test(l.text.trim()));
  const isLabel = (l: Line, i: number) =>
    (bold && (l.bold || l.heading)) ||
    CONTACT.test(l.text) ||
    (!l.text.includes(',') &&
      l.text.split(/\s+/).length <= 5 &&
      lines[i + 1] !== undefined &&
      isProse(lines[i + 1]!.text));
  // "Docker" over "Familiar with containerization …", "Fortigate Firewalls" over "Familiar with configuring …": when
  // two thirds of the short labels over a description name skills the taxonomy knows, the section describes one skill per label,
  // and the labels it does not know are skills too; labels over lists ("Languages & Libs") or over projects stay labels.
  const described = lines.filter(
    (l, i) =>
      isLabel(l, i) &&
      !CONTACT.test(l.text) &&
      l.text.split(/\s+/).length <= 4 &&
      lines[i + 1] !== undefined &&
      isProse(lines[i + 1]!.text),
  );
  const known = (l: Line) => {
    const name = cleanItem(l.text);
    return name !== null && taxonomy.index.has(normaliseSkill(name));
  };
  const skillPerLabel = described.length >= 4 && described.filter(known).length * 3 >= described.length * 2;
  // A label the taxonomy knows is a skill listed too ("Python" over "Packages I work with include: Pandas, NumPy"),
  // and a short line over a sentence that names skills the taxonomy knows is an item of the list, its sentence the
  // item's description ("Python 2 and 3" over "Extensively used Python for …").
  lines.forEach((l, i) => {
    if (!isLabel(l, i) || CONTACT.test(l.text)) return;
    const name = cleanItem(l.text);
    if (name && (taxonomy.index.has(normaliseSkill(name)) || (skillPerLabel && described.includes(l))))
      out.push(...itemMentions(name, taxonomy));
    else if (
      !(bold && (l.bold || l.heading)) &&
      splitList(l.text, taxonomy).some((p) => taxonomy.index.has(normaliseSkill(cleanItem(p) ?? p)))
    )
      listPiece(l.text.trim(), taxonomy, out);
  });
  for (const raw of joinWrapped(lines, isLabel, wrapped).flatMap((t) => labelledRuns(t, taxonomy))) {
    if (!raw) continue;
    for (const piece of raw.replace(/\[[^\]]*\]/g, ' ').split(/\s*[·•|;▪]\s*/))
      listPiece(piece.trim(), taxonomy, out);
  }
  return out;
}

/**
 * "Operating Systems: Linux, Windows Cloud Technology: AWS Version Control System: Git, GitHub": labelled lists whose
 * line breaks Markdown ran together. Each label starts where the capitalised words before its colon stop naming a
 * skill of the list before it ("Windows" | "Cloud Technology").
 */
function labelledRuns(text: string, taxonomy: Taxonomy): string[] {
  const labels = [
    ...text.matchAll(/(?<=^|[\s,])((?:[\p{Lu}\d][\p{L}\d&/+#.-]*\s+){0,4}[\p{Lu}][\p{L}&/-]*):(?=\s)/gu),
  ];
  if (labels.length < 2) return [text];
  const cuts: number[] = [];
  for (const m of labels) {
    const words = m[1]!.split(/\s+/);
    let start = m.index;
    // The longest run of leading words the taxonomy names ends the list before; the label starts after it.
    for (let n = words.length - 1; n >= 1; n--)
      if (taxonomy.index.has(normaliseSkill(words.slice(0, n).join(' ')))) {
        start += words.slice(0, n).join(' ').length + 1;
        break;
      }
    if (start > 0) cuts.push(start);
  }
  const out: string[] = [];
  let from = 0;
  for (const cut of cuts) {
    out.push(text.slice(from, cut).trim());
    from = cut;
  }
  out.push(text.slice(from).trim());
  return out.filter(Boolean);
}

/** A list wrapped over lines ("Digital marketing, SEO, SEM, Google" / "Ads, Google Analytics") is one text. */
function joinWrapped(
  lines: readonly Line[],
  isLabel: (l: Line, i: number) => boolean,
  wrapped: boolean,
): string[] {
  const out: string[] = [];
  lines.forEach((line, i) => {
    const prev = lines[i - 1];
    const last = out.at(-1);
    if (isLabel(line, i)) {
      out.push('');
      return;
    }
    if (
      wrapped &&
      last &&
      prev &&
      !isLabel(prev, i - 1) &&
      !LEAD_IN.test(line.text) &&
      !GROUP_WORD.test(line.text.split(/\s+/)[0] ?? '') &&
      !line.text.includes(':') &&
      !LEVEL.test(line.text.trim()) &&
      continuesList(prev.text, line.text) &&
      !line.bullet &&
      !line.gapBefore &&
      /,/.test(prev.text) &&
      !/[.:;]$/.test(prev.text.trim()) &&
      !/^[^:,]{1,40}:/.test(line.text)
    )
      out[out.length - 1] = `${last} ${line.text}`;
    else out.push(line.text);
  });
  return out;
}

/**
 * Does a wrapped line go on with the list above it? When the line above ends with a comma, when this one starts in
 * lower case, or when the last name above and the first name here are short enough to be one name cut in two
 * ("… SEM, Google" / "Ads, Google Analytics"); not "… Python, Verilog" / "Dev Tools git, GitHub".
 */
function continuesList(prev: string, line: string): boolean {
  if (/,\s*$/.test(prev) || /^\p{Ll}/u.test(line)) return true;
  const last = prev.split(',').at(-1)!.trim().split(/\s+/);
  const first = line.split(',')[0]!.trim().split(/\s+/);
  return last.length + first.length <= 3;
}

function listPiece(text: string, taxonomy: Taxonomy, out: SkillMention[]): void {
  if (!text) return;
  // "Amazon Web Services (Batch, Fargate, Lambda)": a bracketed list names skills of its own.
  // "English (fluent, near-native at speaking and writing)": a bracket that opens with a level rates the name.
  text = text.replace(/\s*\(([^()]*,[^()]*)\)/g, (_, inner: string) =>
    isLevelWord(inner.split(',')[0]!.trim()) ? '' : `, ${inner}`,
  );
  // "Python: I frequently use python…", "C++: Experience in modern C++…": a skill heading its description;
  // "Spanish: native": a skill and its level.
  // "… the technologies I have the most experience with are: Scalaz, Cats": a list after a sentence's colon.
  const tail = text.slice(text.lastIndexOf(':') + 1);
  if (text.includes(':') && isProse(text.slice(0, text.lastIndexOf(':'))) && /,.*,/.test(tail)) {
    out.push(...findMentions(text.slice(0, text.lastIndexOf(':')), 'other', taxonomy));
    text = tail;
  }
  const labelled = /^([^:]{1,60}):\s*(.*)$/.exec(text);
  if (labelled) {
    const label = stripGroupWords(labelled[1]!.trim(), taxonomy);
    const body = withoutLevels(labelled[2]!.trim());
    if (!body || LEVEL.test(body)) {
      out.push(...itemMentions(label, taxonomy));
      return;
    }
    if (isProse(body)) {
      // "C#, .NET Core, WebAPI: Used .NET stack to…" lists its skills; "rofetta: Convertion between…" names a
      // project, so a lone name counts only when the taxonomy knows it.
      const names = splitList(label, taxonomy);
      out.push(
        ...(names.length > 2
          ? names.flatMap((l) => itemMentions(l, taxonomy))
          : names
              .filter((l) => taxonomy.index.has(normaliseSkill(l)))
              .flatMap((l) => itemMentions(l, taxonomy))),
      );
      out.push(...findMentions(body, 'other', taxonomy));
      return;
    }
    text = body;
  }
  if (isProse(text)) {
    out.push(...findMentions(text, 'other', taxonomy));
    return;
  }
  for (const piece of splitList(withoutLevels(text), taxonomy)) {
    const named = stripGroupWords(piece, taxonomy);
    // "React Native" is a skill the taxonomy knows, not React at a native level.
    const item = taxonomy.index.has(normaliseSkill(named)) ? named : cleanItem(named);
    if (item) out.push(...itemMentions(item, taxonomy));
    else if (piece.split(/\s+/).length > 5) out.push(...findMentions(piece, 'other', taxonomy));
  }
}

/** Share of a text's words (of eight or more) in lower case: sentences are mostly lower case, lists are names. */
function lowerShare(text: string): number {
  const words = text.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (words.length < 8) return 0;
  return words.filter((w) => /^\p{Ll}/u.test(w)).length / words.length;
}

const CONTACT =
  /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}|\+?\d[\d\s()-]{8,}\d|\b(?:linkedin|github|twitter|mastodon)(?:\.com|\s*:)|\b\d{4,6}\s+\p{Lu}\p{L}+|\b[\w-]+\.(?:com|org|net|io|dev|me|xyz|co|info)\b.*•|•.*\b[\w-]+\.(?:com|org|net|io|dev|me|xyz|co|info)\b/iu;

/** Words that name a group of skills rather than a skill ("Programming Languages", "Tools/Libraries"). */
const GROUP_WORD =
  /^(?:programming|languages?|tools?|libraries|libs|frameworks?|platforms?|databases?|technologies|technology|software|softwares|skills?|others?|dev|cloud|deployment|back-?end|front-?end|devops|telemetry|web|mobile|testing|infrastructure|technical|development|spoken|human|it|computer|data|messaging|systems?|operating|documentation|version|control|emulation|analog)$/i;
/** Of those, the words that only ever label a group. */
const LABEL_WORD =
  /^(?:programming|languages?|tools?|libraries|libs|frameworks?|platforms?|databases?|technologies|software|softwares|skills?|others?|operating|back-?end|front-?end|dev)$/i;
const groupOnly = (words: string[]) =>
  words.every((w) => w.split(GROUP_SPLIT).every((p) => !p || GROUP_WORD.test(p))) &&
  words.some((w) => w.split(GROUP_SPLIT).some((p) => LABEL_WORD.test(p)));
const GROUP_SPLIT = /[\s/&]+/;

/** "Programming Languages Scala" → "Scala", "Languages Tamil" → "Tamil"; "Tools/Libraries" → "" (a label). */
function stripGroupWords(text: string, taxonomy: Taxonomy): string {
  if (taxonomy.index.has(normaliseSkill(text))) return text;
  const words = text.replace(LEAD_IN, '').split(/\s+/);
  let i = 0;
  while (i < words.length && words[i]!.split(GROUP_SPLIT).every((w) => !w || GROUP_WORD.test(w))) i++;
  return groupOnly(words.slice(0, i)) ? words.slice(i).join(' ') : words.join(' ');
}

const isLevelWord = (text: string): boolean =>
  LEVEL.test(text) || (LEAD_IN.test(text) && text.replace(LEAD_IN, '').trim() === '');

/**
 * "English (fluent (C2))" → "English": levels in brackets, nested or not, are not names; "(proficient): Java, Dart
 * (familiar): SQL" → "Java, Dart, SQL": a bracketed level heading the items after it separates them.
 */
function withoutLevels(text: string): string {
  let out = text.replace(/\s*\(([^()]*)\)\s*:\s*/g, (m, inner: string) =>
    isLevelWord(inner.trim()) ? ', ' : m,
  );
  for (let i = 0; i < 2; i++)
    out = out.replace(/\s*\(([^()]*)\)/g, (m, inner: string) => (LEVEL.test(inner.trim()) ? '' : m));
  return out.trim();
}

/**
 * "API design, databases, unit, integration & E2E testing, web accessibility": short items, however lower-case, and
 * no full stop ("Familiar with C++ basics, familiar with STL, such as sequential containers." is a sentence).
 */
const shortItems = (text: string): boolean => {
  const items = text.split(/\s*[,;]\s*/).filter(Boolean);
  return !/[.!?]$/.test(text.trim()) && items.length >= 4 && items.every((i) => i.split(/\s+/).length <= 4);
};

const isProse = (text: string): boolean =>
  /\b(?:I|I'm|I've|my|we|our)\b/.test(text) ||
  (lowerShare(text) >= 0.6 && !shortItems(text)) ||
  (/[.!?]$/.test(text.trim()) && text.split(/\s+/).length > 8 && !/,.*,/.test(text));

/** "HTML/CSS/JavaScript" names three skills; "CI/CD", "A/B testing" and "TCP/IP" are one each. */
function slashes(item: string, taxonomy: Taxonomy): string[] {
  if (!/\//.test(item) || SLASH_NAME.test(item) || taxonomy.index.has(normaliseSkill(item))) return [item];
  const parts = item.split(/\s*\/\s*/);
  // "GNU/Linux" stays one name; split where every part is a skill of its own, where two are ("MobX/Redux/Jotai"), or
  // where the parts the taxonomy does not know are product names in camel case ("ChakraUI/TailwindCSS").
  const known = parts.filter((p) => taxonomy.index.has(normaliseSkill(p)));
  const camel = (p: string) => /^\p{Lu}\p{Ll}+\p{Lu}[\p{L}\d]*$/u.test(p);
  const split =
    parts.every((p) => /^[\p{L}\d.+#-]+$/u.test(p)) &&
    (known.length === parts.length || known.length >= 2 || parts.every((p) => known.includes(p) || camel(p)));
  return split ? parts : [item];
}
const SLASH_NAME = /^(?:ci\/cd|a\/b.*|tcp\/ip|i\/o|pl\/sql|os\/2|ui\/ux|ux\/ui|r&d)$/i;

/** "Organized and structured working style", "Perseverance and resilience": one quality, not two names. */
const QUALITY = /^\p{Lu}\p{Ll}+\s+and\s+\p{Ll}/u;

/** "SQL (PostgreSQL)", "Python & Django", "Bicep and Argo CD", "Tamil (native speaker)" → the names in it. */
function splitList(text: string, taxonomy: Taxonomy): string[] {
  const pieces: string[] = [];
  // A run of slashes between spaces separates ("Vue /// React"), as one does ("Vue / React").
  for (const part of text.split(/\s*(?:[,;|•·▪\t]|\s\/+\s|\s{2,}|\s[–—-]\s)\s*|\s+and\s+(?=\S+\s*\()/)) {
    const bracket = /^(.*?)\s*\(([^)]*)\)\s*$/.exec(part);
    // "SQL (PostgreSQL)" names two skills; "(no-SQL)", "(Developed backend using django)" describe one.
    const inner = bracket?.[2]?.trim() ?? '';
    const named = /^[\p{Lu}\d]/u.test(inner) && inner.split(/\s+/).length <= 3 && !LEVEL.test(inner);
    const names = bracket ? [bracket[1]!, ...(named ? [inner] : [])] : [part];
    for (const name of names)
      pieces.push(
        ...name
          .split(QUALITY.test(name) ? /$^/ : /\s+(?:and|&|ja|und|et|with|using|\+)\s+|\s*&\s*(?=\p{Lu})/u)
          .flatMap((p) => slashes(p, taxonomy)),
      );
  }
  return pieces.map((p) => p.trim()).filter(Boolean);
}

function itemMentions(item: string, taxonomy: Taxonomy): SkillMention[] {
  if (!cleanItem(item)) return [];
  const skill = taxonomy.index.get(normaliseSkill(item));
  if (skill) return [{ skill, source: 'skills', asWritten: item }];
  const asIs: TaxonomySkill = {
    id: `as-written:${normaliseSkill(item)}`,
    name: item,
    category: 'technical',
    group: 'As written',
    aliases: [],
  };
  return [{ skill: asIs, source: 'skills', asWritten: item }];
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
      // Two listed words for one skill ("Data structures", "Algorithms") are both kept.
      asWritten: [...new Set(list.flatMap((m) => (m.asWritten ? [m.asWritten] : [])))].join(', ') || null,
      category: skill.category,
      confidence: Math.round(confidence * 100) / 100,
      sources,
    });
  }
  return out.sort((a, b) => b.confidence - a.confidence || a.name.localeCompare(b.name));
}

import type { Experience } from '../../../src-shared/resume';
import { peelLocation } from './contact';
import {
  findRange,
  formatPoint,
  joinWrappedDates,
  leadingPoint,
  monthsOf,
  type DateRange,
  type YearMonth,
} from './dates';
import type { Line } from './document';

const LEGAL_FORM_END = /\b(?:inc|ltd|co|corp|llc|plc|bv|nv|ag|sa|spa|s\.p\.a|gmbh|pty|pte)\.$/i;

/** A word that cannot end a title: the title wrapped after it. */
const DANGLING = /\b(?:senior|junior|principal|staff|chief|deputy|vice|head of|and|of|&)$|\/$/i;

/** Time between jobs, listed like one: its name is the entry's title. */
const GAP = /\b(sabbatical|career break|parental leave|gap year|travell?ing)\b/i;

export const ROLE =
  /\b(engineer|engineering|developer|programmer|manager|analyst|designer|scientist|lead|director|intern|internship|consultant|specialist|architect|head|leader|vp|vice president|president|officer|coordinator|associate|representative|administrator|admin|executive|marketer|strategist|researcher|assistant|technician|advisor|adviser|founder|co-founder|cto|ceo|cfo|coo|principal|staff|senior|junior|sre|devops|accountant|controller|recruiter|writer|editor|teacher|tutor|instructor|trainee|fellow|owner|partner|agent|tester|qa|apprentice|freelance|freelancer|contractor)\b/i;
/** Legal forms and institutions: a field carrying one is an employer, never a job title. */
const EMPLOYER =
  /\b(inc|llc|llp|ltd|limited|gmbh|corp|corporation|plc|bv|nv|oy|ab|as|asa|a\/s|aps|ag|sa|sas|srl|spa|se|kg|pty|pte|kk|labs?|bank|university|hospital|institute|college)\b\.?/i;
/** Words common in company names but also in titles ("Software Engineer", "Social Media Manager"). */
const COMPANY = new RegExp(
  `${EMPLOYER.source}|\\b(company|group|technologies|technology|systems|solutions|studios?|agency|partners|ventures|capital|consulting|software|health|media|holdings|foundation|school)\\b`,
  'i',
);

/** Splits a header line into its fields: tabs, pipes, semicolons, dashes with spaces, middots, " at ", "@", and
 * " for " / " with " before a capitalised employer ("Software Engineer for Acorns"). */
export function headerParts(text: string): string[] {
  // With pipes, the writer chose the pipe: "Team Member - Acquisition Innovation | U.S. Army - ODASA(P)".
  const separator = text.includes('|')
    ? /\s*(?:\t|\|)\s*/
    : /\s*(?:\t|•|·|▪|;|\s[—–-]\s|\s+at\s+|\s@\s|\s+(?:for|with)\s+(?=\p{Lu}))\s*/u;
  return (
    text
      .replace(DURATION, ' ')
      .split(separator)
      .map((p) =>
        p
          .replace(/(?<=\))\.$/, '')
          .replace(/^[,;:()\s—–-]+|[,;:(\s—–-]+$/g, '')
          .trim(),
      )
      // A closing bracket ends the part only when it closes nothing in it ("ODASA(P)" keeps its own).
      .map((p) =>
        /\)$/.test(p) && (p.match(/\(/g)?.length ?? 0) < (p.match(/\)/g)?.length ?? 0)
          ? p.slice(0, -1).trim()
          : p,
      )
      .filter((p) => /\p{L}/u.test(p))
  );
}

/** "(4 months)", "(1 year 9 months)": a duration the writer added to the dates. */
const DURATION =
  /\(\s*(?:\d+\s+(?:years?|yrs?|months?|mos?)(?:,?\s+\d+\s+months?)?|expected|anticipated)\s*\)/gi;

export function assignFields(
  parts: string[],
  guess = true,
): { title: string | null; company: string | null; location: string | null } {
  let location: string | null = null;
  const rest: string[] = [];
  // Is this the header's only field? A place after it ("Lyon" under the line) does not count.
  const fields = parts.filter((p) => peelLocation(p).rest !== '');
  const lone = /^[\p{Lu}][\p{L}'’.-]+$/u;
  const alone = fields.length === 1 || (fields.length === 2 && lone.test(fields[1]!));
  for (const part of parts) {
    const peeled = peelLocation(part);
    if (peeled.location && !location) location = peeled.location;
    if (!peeled.rest) continue;
    // "Financial Analyst, Harbor & Pine Capital": a role and an employer sharing one comma-separated field.
    const pieces = peeled.rest.split(/\s*,\s*/);
    const roleOnly = (p: string) => ROLE.test(p) && !EMPLOYER.test(p);
    if (alone && pieces.length === 2 && roleOnly(pieces[0]!) !== roleOnly(pieces[1]!)) rest.push(...pieces);
    else if (
      // "Mitsubishi Logisnext Europe, Järvenpää, DevSecOps Team Lead" or "Programmer (internship), Zensol
      // Automation Inc., Ville Saint-Laurent": the only field, with one role among its pieces.
      alone &&
      pieces.length >= 3 &&
      pieces.length <= 4 &&
      pieces.filter(roleOnly).length === 1
    )
      rest.push(...pieces);
    else if (
      pieces.length === 2 &&
      !location &&
      !ROLE.test(pieces[0]!) &&
      /^[\p{Lu}][\p{L}'’.-]+$/u.test(pieces[1]!) &&
      !EMPLOYER.test(pieces[1]!)
    ) {
      // "Klarwerk AG, Munich": an employer and its city.
      rest.push(pieces[0]!);
      location = pieces[1]!;
    } else rest.push(peeled.rest);
  }
  // "Adjunct Professor/Instructor University of Georgia", "Consultant Improving Enterprises": with no separator,
  // the title ends at its last role word and the employer's capitalised name follows.
  if (rest.length === 1 && !EMPLOYER.test(rest[0]!.split(/\s+/)[0]!)) {
    const words = rest[0]!.split(/\s+/);
    const last = words.findLastIndex((w) => ROLE.test(w));
    const after = words.slice(last + 1);
    if (
      last >= 0 &&
      after.length > 0 &&
      after.length <= 6 &&
      /^\p{Lu}/u.test(after[0]!) &&
      !/^(?:[IVX]+|Sr|Jr|\d+)\.?$/.test(after[0]!)
    )
      rest.splice(0, 1, words.slice(0, last + 1).join(' '), after.join(' '));
  }
  // "QA Team Lead / Principal Quality Engineer / Senior" over "Quality Engineer": a title cut after a modifier
  // goes on on the next line.
  for (let i = 0; i + 1 < rest.length; i++)
    if (
      DANGLING.test(rest[i]!) &&
      ROLE.test(rest[i]!) &&
      ROLE.test(rest[i + 1]!) &&
      !EMPLOYER.test(rest[i + 1]!)
    )
      rest.splice(i, 2, `${rest[i]!} ${rest[i + 1]!}`);
  const roleLike = rest.filter((p) => (ROLE.test(p) || GAP.test(p)) && !EMPLOYER.test(p));
  let title = roleLike[0] ?? rest.find((p) => ROLE.test(p)) ?? null;
  let others = rest.filter((p) => p !== title);
  // With three or more fields, a lone word after the employer is its city ("Fjordbank — Aarhus").
  if (!location && others.length >= 2) {
    const city = [...others].reverse().find((p) => /^[\p{Lu}][\p{L}'’.-]+$/u.test(p) && !EMPLOYER.test(p));
    if (city && others.indexOf(city) > 0) {
      location = city;
      others = others.filter((p) => p !== city);
    }
  }
  let company = others.find((p) => COMPANY.test(p)) ?? others.find((p) => !ROLE.test(p)) ?? others[0] ?? null;
  if (guess && !title && rest.length >= 2) {
    title = rest[0]!;
    company = rest[1]!;
  }
  return { title: title && cleanTitle(title), company: company && cleanCompany(company), location };
}

/** "DevOps Engineer:" — the colon introduces the dates, not the title. */
const cleanTitle = (title: string): string => title.replace(/[\s:]+$/, '') || title;

/**
 * "Adobe (Media Analytics team) I work on a performance-…": a description run into the header line ends the
 * employer, as does a team or place in brackets; a long comma list keeps its first name ("Aurum GmbH, Munich …").
 */
const WEB_DOMAIN = /^(?:https?:\/\/)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}\/?$/i;

function cleanCompany(company: string): string {
  let c = company
    .replace(/\s+(?:I|We|My|Our)\s.*$/, '')
    .replace(/^the\s+(?=\p{Lu})/u, '')
    .trim();
  if (c.length > 60 && c.includes(',')) c = c.split(/\s*,\s*/)[0]!;
  // "DEC S.p.A., Lainate, Lombardia, Italia, dec.group": the employer, then its town, region, country and site.
  const pieces = c.split(/\s*,\s*/).filter((p) => !WEB_DOMAIN.test(p));
  if (
    pieces.length >= 3 &&
    pieces.slice(1).every((p) => /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{L}[\p{L}'’.-]*){0,2}$/u.test(p))
  )
    c = pieces[0]!;
  c = c
    .replace(/[\s:,]+$|(?<=\))\.$/, '')
    // A bracketed aside after a space is a team or a place; "ODASA(P)" is part of the name.
    .replace(/\s+\([^)]*\)?$/, '')
    .replace(/[\s:,]+$/, '')
    // "Tellabs, Espoo": a single capitalised word after the employer is its city.
    .replace(/^(.{2,}?),\s*([\p{Lu}][\p{L}'’.-]+)$/u, (all, name: string, city: string) =>
      EMPLOYER.test(city) ? all : name,
    );
  return c || company;
}

const isHeaderLike = (line: Line, previous: Line | undefined) => {
  const t = line.text;
  if (line.bullet || t.length > 100 || /;$/.test(t)) return false;
  // "Technologies: Unreal Engine 5, C++" under a job lists what it used; it heads nothing.
  if (/^(?:technologies|tech stack|tools|environment|stack|skills|used)\s*:/i.test(t)) return false;
  // A sentence ends with a full stop; "Eligible Inc." and "Qualfon (Cebu City, Philippines)." do not make one.
  if (/\.$/.test(t) && !/\)\.$/.test(t) && t.split(/\s+/).length > 4) return false;
  // A wrapped bullet or paragraph continues in lower case ("vision and product roadmap"); "iDevops" does not.
  if (/^\p{Ll}\p{Ll}/u.test(t)) return false;
  if (previous?.bullet && /^[\p{Ll}]/u.test(t)) return false;
  // "Python, Flask, SQLAlchemy, PostgreSQL, Redis, Google Cloud," / "Typescript, React.": a list of tools, and the
  // line it runs onto, head nothing; a header has a few comma pieces at most ("Engineer, Acme Inc., Lyon").
  const listLike = (text: string) => (text.match(/,/g)?.length ?? 0) >= 4;
  if (listLike(t) || (previous && /,\s*$/.test(previous.text) && listLike(previous.text))) return false;
  return true;
};

/** A short line that can open an entry dated by one point ("Summer 2019", "2019 (2 months) Summer student …"). */
const pointAnchor = (line: Line, reference: YearMonth): DateRange | null =>
  line.text.length <= 120 && !(/\.$/.test(line.text) && !/\)\.$/.test(line.text))
    ? leadingPoint(line.text, reference.year)
    : null;

export interface ParsedExperience extends Experience {
  range: { start: YearMonth; end: YearMonth | null } | null;
}

/**
 * Entries are anchored on their date ranges. The header is the date line plus up to two header-like lines
 * just above it (or, when the date line holds nothing else and nothing sits above, the lines just below);
 * everything else up to the next header is the entry's bullets.
 */
/**
 * "GovWallet (Oct 2021 – present) GovWallet is a reusable system for …": a one- or two-word name and its dates run
 * into a paragraph head a project inside a job, not a job; a job's header does not go on into a sentence. Dates
 * that open the line ("2018 – present  Teaching Assistant at …", a definition list's term) still head one.
 */
function runIn(text: string, range: DateRange): boolean {
  const words = (t: string) => t.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
  const before = text.slice(0, range.index).replace(/\(\s*$/, '');
  const after = text.slice(range.index + range.length).replace(/^\s*\)/, '');
  return (
    words(before) >= 1 &&
    words(before) <= 2 &&
    words(after) >= 8 &&
    /^\s*\p{Lu}/u.test(after) &&
    !/[|\t]/.test(after)
  );
}

export function parseExperience(sectionLines: Line[], reference: YearMonth): ParsedExperience[] {
  const lines = joinWrappedDates(sectionLines);
  // A bullet that ran onto the next line without a full stop goes on there ("… Terraform and Amazon" / "Web
  // Services (AWS)"), even when the wrapped line starts with a capital; a gap or bold type starts something new.
  const continued: boolean[] = [];
  lines.forEach((line, i) => {
    const prev = lines[i - 1];
    continued[i] =
      !!prev &&
      !line.bullet &&
      !line.gapBefore &&
      !line.bold &&
      !line.heading &&
      (prev.bullet || continued[i - 1]!) &&
      !/[.!?:;)]$/.test(prev.text.trim());
  });
  const anchors: { index: number; range: DateRange }[] = [];
  lines.forEach((line, index) => {
    if (line.bullet) return;
    const range = findRange(line.text, reference.year) ?? pointAnchor(line, reference);
    if (range && !runIn(line.text, range)) anchors.push({ index, range });
  });
  if (anchors.length === 0) return [];

  const headerOf = new Map<number, number[]>();
  const taken = new Set<number>();
  const fieldsOf = (indices: number[], anchor: { index: number; range: DateRange }, guess = true) =>
    assignFields(
      indices
        .map((i) =>
          i === anchor.index
            ? lines[i]!.text.replace(lineRangeText(lines[i]!.text, anchor.range), '\t')
            : lines[i]!.text,
        )
        // "… ESET Canada Research," + "Montréal": a header line ending in a comma goes on on the next one, unless
        // that one sits apart, after a gap (the title under an employer's line of places).
        .reduce<string[]>((acc, text, k) => {
          if (acc.length > 0 && /,\s*$/.test(acc.at(-1)!) && !lines[indices[k]!]!.gapBefore)
            acc[acc.length - 1] = `${acc.at(-1)!} ${text}`;
          else acc.push(text);
          return acc;
        }, [])
        .flatMap(headerParts),
      guess,
    );
  for (const [k, anchor] of anchors.entries()) {
    const header: number[] = [anchor.index];
    const floor = k === 0 ? 0 : anchors[k - 1]!.index + 1;
    for (let i = anchor.index - 1; i >= floor && header.length < 3; i--) {
      if (taken.has(i) || continued[i] || !isHeaderLike(lines[i]!, lines[i - 1])) break;
      header.unshift(i);
    }
    // The title or the employer may sit on the line(s) after the dates ("Acme — Berlin   2019 – 2021" / "Engineer").
    const ceiling = anchors[k + 1]?.index ?? lines.length;
    let fields = fieldsOf(header, anchor, false);
    for (
      let i = anchor.index + 1;
      i < ceiling && header.length < 3 && (!fields.title || !fields.company);
      i++
    ) {
      const line = lines[i]!;
      // "(Company based in France, Marseille)", "boltongroup.net": an aside or the employer's site under its line
      // heads nothing, and the title may follow it.
      if (/^\(.*\)$/.test(line.text.trim()) || WEB_DOMAIN.test(line.text.trim())) continue;
      // Titles stacked over their own dates under one employer ("Manager" / "Mar 2026 - Current" / "Engineer" /
      // "Jan 2024 - Jun 2025"): a role right over the next entry's dates is that entry's title.
      if (i + 1 === ceiling && ROLE.test(line.text) && !EMPLOYER.test(line.text) && fields.title) break;
      // A line that is only a place is the location, taken below; anything else header-like completes the header.
      // A description starts under the header: a sentence, or more than a header's few words, is not part of it.
      if (
        !isHeaderLike(line, lines[i - 1]) ||
        line.text.split(/\s+/).length > 12 ||
        // "SmartDrive Inc." ends with a legal form's full stop, not a sentence's.
        (/\.$/.test(line.text) && !/\)\.$/.test(line.text) && !LEGAL_FORM_END.test(line.text)) ||
        (/,$/.test(line.text) && !ROLE.test(line.text) && !COMPANY.test(line.text)) ||
        // Once the header has a title or an employer, a gap before the next line ends it; a bold line under a bold
        // title that still lacks its employer goes on ("Developer  Sep 2011 – Apr" / "2012" / "Acme Systems").
        (line.gapBefore &&
          (fields.title || fields.company) &&
          !(line.bold && lines[anchor.index]!.bold && fields.title && !fields.company) &&
          // "02/2024-Present ENOGIA SA, Milan" [gap] "Business Developer, South Europe": the title under the
          // employer's line completes the header however far below it sits.
          !(!fields.title && ROLE.test(line.text) && !EMPLOYER.test(line.text))) ||
        peelLocation(line.text).rest === ''
      )
        break;
      header.push(i);
      fields = fieldsOf(header, anchor, false);
    }
    // A place on its own line right under the header ("New York, NY", "Lyon").
    const next = Math.max(...header) + 1;
    const nextLine = lines[next];
    if (nextLine && next < ceiling && !nextLine.bullet && !fields.location) {
      const place = nextLine.text.trim();
      if (
        peelLocation(place).location === place ||
        (/^[\p{Lu}][\p{L}'’ .-]{1,30}$/u.test(place) && !/\.$/.test(place) && !ROLE.test(place))
      )
        header.push(next);
    }
    header.forEach((i) => taken.add(i));
    headerOf.set(k, header);
  }

  const fieldsByEntry = anchors.map((anchor, k) => fieldsOf(headerOf.get(k)!, anchor));
  // What the header says on and above its dates; a line below may be a team or a project, not the employer.
  const fieldsAbove = anchors.map((anchor, k) =>
    fieldsOf(
      headerOf.get(k)!.filter((i) => i <= anchor.index),
      anchor,
    ),
  );
  // "Rackspace Hosting (Jul 2010 - Oct 2014)" over "Systems Engineer III  May 2014 - Oct 2014", "Linux Operations
  // Engineer III  Aug 2013 - May 2014": an employer line with its own dates heads the roles under it (promotions).
  const groups = new Set<number>();
  let groupCompany: string | null = null;
  anchors.forEach((anchor, k) => {
    const f = fieldsByEntry[k]!;
    const next = fieldsAbove[k + 1];
    const nextHeader = headerOf.get(k + 1);
    if (
      f.company &&
      !f.title &&
      next?.title &&
      !next.company &&
      nextHeader &&
      Math.min(...nextHeader) === anchor.index + 1
    ) {
      groups.add(k);
      groupCompany = f.company;
      return;
    }
    if (groupCompany && f.title && !fieldsAbove[k]!.company) f.company = groupCompany;
    else if (f.company) groupCompany = null;
    // "Arizona State University" / "Undergraduate Research Assistant  Oct 2014 - May 2016" / … / "Undergraduate
    // Teaching Assistant  Aug 2015 - Dec 2015": a role with no employer of its own is at the one above.
    const previous = fieldsByEntry[k - 1];
    if (!f.company && f.title && previous?.company && !groups.has(k - 1)) f.company = previous.company;
  });

  return anchors.flatMap((anchor, k) => {
    if (groups.has(k)) return [];
    const header = headerOf.get(k)!;
    const fields = fieldsByEntry[k]!;
    const nextStart = k + 1 < anchors.length ? Math.min(...headerOf.get(k + 1)!) : lines.length;
    const bullets: string[] = [];
    for (let i = Math.max(...header) + 1; i < nextStart; i++) {
      if (taken.has(i)) continue;
      const line = lines[i]!;
      const last = bullets.length - 1;
      if (!line.bullet && last >= 0 && !/[.!?]$/.test(bullets[last]!) && !lines[i - 1]?.gapBefore)
        bullets[last] += ` ${line.text}`;
      else bullets.push(line.text);
    }
    const { start, end, current } = anchor.range;
    return [
      {
        ...fields,
        start: formatPoint(start),
        end: end ? formatPoint(end) : null,
        current,
        months: monthsOf({ start, end }, reference),
        bullets,
        range: { start, end },
      },
    ];
  });
}

function lineRangeText(text: string, range: DateRange): string {
  return text.slice(range.index, range.index + range.length);
}

export function seniorityOf(months: number): 'Entry' | 'Mid' | 'Senior' | 'Staff' {
  if (months < 24) return 'Entry';
  if (months < 60) return 'Mid';
  if (months < 120) return 'Senior';
  return 'Staff';
}

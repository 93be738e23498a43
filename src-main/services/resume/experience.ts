import type { Experience } from '../../../src-shared/resume';
import { peelLocation } from './contact';
import { findRange, formatPoint, monthsOf, type DateRange, type YearMonth } from './dates';
import type { Line } from './document';

const ROLE =
  /\b(engineer|engineering|developer|programmer|manager|analyst|designer|scientist|lead|director|intern|internship|consultant|specialist|architect|head|vp|vice president|president|officer|coordinator|associate|representative|administrator|executive|marketer|strategist|researcher|assistant|technician|advisor|adviser|founder|co-founder|cto|ceo|cfo|coo|principal|staff|senior|junior|sre|devops|accountant|controller|recruiter|writer|editor|teacher|tutor|instructor|trainee|fellow|owner|partner|agent|tester|qa|apprentice|freelance|freelancer|contractor)\b/i;
/** Legal forms and institutions: a field carrying one is an employer, never a job title. */
const EMPLOYER =
  /\b(inc|llc|llp|ltd|limited|gmbh|corp|corporation|plc|bv|nv|oy|ab|as|asa|a\/s|aps|ag|sa|sas|srl|spa|se|kg|pty|pte|kk|labs?|bank|university|hospital|institute|college)\b\.?/i;
/** Words common in company names but also in titles ("Software Engineer", "Social Media Manager"). */
const COMPANY = new RegExp(
  `${EMPLOYER.source}|\\b(company|group|technologies|technology|systems|solutions|studios?|agency|partners|ventures|capital|consulting|software|health|media|holdings|foundation|school)\\b`,
  'i',
);

/** Splits a header line into its fields: tabs, pipes, dashes with spaces, middots, " at ", "@". */
export function headerParts(text: string): string[] {
  return text
    .split(/\s*(?:\t|\||•|·|▪|\s[—–-]\s|\s+at\s+|\s@\s)\s*/)
    .map((p) => p.replace(/^[,;:()\s—–-]+|[,;:()\s—–-]+$/g, '').trim())
    .filter((p) => p.length > 0);
}

export function assignFields(
  parts: string[],
  guess = true,
): { title: string | null; company: string | null; location: string | null } {
  let location: string | null = null;
  const rest: string[] = [];
  for (const part of parts) {
    const peeled = peelLocation(part);
    if (peeled.location && !location) location = peeled.location;
    if (!peeled.rest) continue;
    // "Financial Analyst, Harbor & Pine Capital": a role and an employer sharing one comma-separated field.
    const pieces = peeled.rest.split(/\s*,\s*/);
    const roleOnly = (p: string) => ROLE.test(p) && !EMPLOYER.test(p);
    if (pieces.length === 2 && roleOnly(pieces[0]!) !== roleOnly(pieces[1]!)) rest.push(...pieces);
    else if (
      pieces.length === 2 &&
      !location &&
      !ROLE.test(pieces[0]!) &&
      /^[\p{Lu}][\p{L}'’.-]+$/u.test(pieces[1]!)
    ) {
      // "Klarwerk AG, Munich": an employer and its city.
      rest.push(pieces[0]!);
      location = pieces[1]!;
    } else rest.push(peeled.rest);
  }
  const roleLike = rest.filter((p) => ROLE.test(p) && !EMPLOYER.test(p));
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
  let company = others.find((p) => COMPANY.test(p)) ?? others[0] ?? null;
  if (guess && !title && rest.length >= 2) {
    title = rest[0]!;
    company = rest[1]!;
  }
  return { title, company, location };
}

const isHeaderLike = (line: Line, previous: Line | undefined) => {
  const t = line.text;
  if (line.bullet || t.length > 100 || /[.;]$/.test(t)) return false;
  // A wrapped bullet continues in lower case right after a bullet.
  if (previous?.bullet && /^[\p{Ll}]/u.test(t)) return false;
  return true;
};

export interface ParsedExperience extends Experience {
  range: { start: YearMonth; end: YearMonth | null } | null;
}

/**
 * Entries are anchored on their date ranges. The header is the date line plus up to two header-like lines
 * just above it (or, when the date line holds nothing else and nothing sits above, the lines just below);
 * everything else up to the next header is the entry's bullets.
 */
export function parseExperience(lines: Line[], reference: YearMonth): ParsedExperience[] {
  const anchors: { index: number; range: DateRange }[] = [];
  lines.forEach((line, index) => {
    if (line.bullet) return;
    const range = findRange(line.text, reference.year);
    if (range) anchors.push({ index, range });
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
        .flatMap(headerParts),
      guess,
    );
  for (const [k, anchor] of anchors.entries()) {
    const header: number[] = [anchor.index];
    const floor = k === 0 ? 0 : anchors[k - 1]!.index + 1;
    for (let i = anchor.index - 1; i >= floor && header.length < 3; i--) {
      if (taken.has(i) || !isHeaderLike(lines[i]!, lines[i - 1])) break;
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
      // A line that is only a place is the location, taken below; anything else header-like completes the header.
      if (!isHeaderLike(line, lines[i - 1]) || line.text.length > 70 || peelLocation(line.text).rest === '')
        break;
      header.push(i);
      fields = fieldsOf(header, anchor, false);
    }
    // A place on its own line right under the header ("New York, NY", "Lyon").
    const next = Math.max(...header) + 1;
    const nextLine = lines[next];
    if (nextLine && next < ceiling && !nextLine.bullet && !fields.location) {
      const place = nextLine.text.trim();
      if (peelLocation(place).location === place || /^[\p{Lu}][\p{L}'’ .-]{1,30}$/u.test(place))
        header.push(next);
    }
    header.forEach((i) => taken.add(i));
    headerOf.set(k, header);
  }

  return anchors.map((anchor, k) => {
    const header = headerOf.get(k)!;
    const fields = fieldsOf(header, anchor);
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
    return {
      ...fields,
      start: formatPoint(start),
      end: end ? formatPoint(end) : null,
      current,
      months: monthsOf({ start, end }, reference),
      bullets,
      range: { start, end },
    };
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

/** A point in a résumé's calendar: month is null when only the year is given. */
export interface YearMonth {
  year: number;
  month: number | null;
}

export interface DateRange {
  start: YearMonth;
  end: YearMonth | null;
  current: boolean;
  /** Where in the text the range sits, so callers can cut it out. */
  index: number;
  length: number;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};
/**
 * Month names of CVs written in other languages, whole words only: German, French, Spanish, Portuguese, Italian,
 * Dutch and Indonesian ("Maret 2022 - Present"). Names shared with English or between languages appear once.
 */
const FOREIGN_MONTHS: Record<string, number> = {
  januar: 1,
  janvier: 1,
  enero: 1,
  janeiro: 1,
  gennaio: 1,
  januari: 1,
  februar: 2,
  février: 2,
  fevrier: 2,
  febrero: 2,
  fevereiro: 2,
  febbraio: 2,
  februari: 2,
  märz: 3,
  maerz: 3,
  mars: 3,
  marzo: 3,
  março: 3,
  marco: 3,
  maart: 3,
  maret: 3,
  avril: 4,
  abril: 4,
  aprile: 4,
  mai: 5,
  mayo: 5,
  maio: 5,
  maggio: 5,
  mei: 5,
  juin: 6,
  junio: 6,
  junho: 6,
  giugno: 6,
  juni: 6,
  juillet: 7,
  julio: 7,
  julho: 7,
  luglio: 7,
  juli: 7,
  août: 8,
  aout: 8,
  agosto: 8,
  augustus: 8,
  agustus: 8,
  septembre: 9,
  septiembre: 9,
  setembro: 9,
  settembre: 9,
  oktober: 10,
  octobre: 10,
  octubre: 10,
  outubro: 10,
  ottobre: 10,
  novembre: 11,
  noviembre: 11,
  novembro: 11,
  dezember: 12,
  décembre: 12,
  decembre: 12,
  diciembre: 12,
  dezembro: 12,
  dicembre: 12,
  desember: 12,
  // Their three- and four-letter forms that English does not share ("Fev 2020 - Jul 2021", "Out 2013", "janv. 2019").
  ene: 1,
  gen: 1,
  janv: 1,
  fev: 2,
  févr: 2,
  mrt: 3,
  abr: 4,
  avr: 4,
  mag: 5,
  giu: 6,
  juil: 7,
  lug: 7,
  ago: 8,
  set: 9,
  out: 10,
  okt: 10,
  ott: 10,
  dez: 12,
  dic: 12,
  déc: 12,
};
for (const [name, month] of Object.entries(FOREIGN_MONTHS)) MONTHS[name] = month;

// Seasons map to the month they usually start in a résumé's northern-hemisphere convention.
const SEASONS: Record<string, number> = {
  spring: 3,
  summer: 6,
  fall: 9,
  autumn: 9,
  winter: 12,
  // French, Spanish and German CVs: "2013 (Été)", "Hiver 2012".
  printemps: 3,
  été: 6,
  ete: 6,
  automne: 9,
  hiver: 12,
  primavera: 3,
  verano: 6,
  otoño: 9,
  invierno: 12,
  frühling: 3,
  sommer: 6,
  herbst: 9,
};

const MONTH_NAME = `(?:${Object.keys(FOREIGN_MONTHS)
  .sort((a, b) => b.length - a.length)
  .join(
    '|',
  )}|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?`;
const SEASON = `(?:${Object.keys(SEASONS).join('|')})`;
const YEAR = "(?:(?:19|20)\\d{2}|['’‘]\\d{2})";
// "26th July 2019": a day before the month is read past.
const DAY = '(?:(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\\s+)';
const POINT = `(?:${DAY}?${MONTH_NAME},?\\s+${YEAR}|${SEASON}\\s+${YEAR}|(?:0?[1-9]|1[0-2])[/.](?:19|20)\\d{2}|(?:19|20)\\d{2}[-/.](?:0[1-9]|1[0-2])(?![-/.]?\\d)|${YEAR})`;
/** Forms read only as the ends of a range, where they cannot be a GPA or a fraction: "7/19", "Nov18", "Aug-19", "26.8.2019",
 * "2024.4" (a year and a one-digit month, as Chinese CVs write them), "201711" (a year and its month run together). */
const RANGE_POINT = `(?:(?:19|20)\\d{2}(?:0[1-9]|1[0-2])(?!\\d)|(?:19|20)\\d{2}\\.(?:1[0-2]|[1-9])(?![\\d.])|${POINT}|(?:0?[1-9]|1[0-2])/\\d{2}(?![\\d/])|${MONTH_NAME}['’-]?\\d{2}(?!\\d)|(?:[12]\\d|3[01]|0?[1-9])\\.(?:0?[1-9]|1[0-2])\\.(?:19|20)\\d{2})`;
const NOW =
  "(?:present|current(?:ly)?|now|today|ongoing|to date|till date|working|heute|aujourd['’]hui|actuel(?:lement)?|presente|actualidad|atual|oggi|heden|sekarang)";
const NOW_ONLY = new RegExp(`^${NOW}$`, 'i');
// "--": the en dash as typed in Markdown or TeX source that no renderer turned into one.
const SEP = '\\s*(?:–|—|--|-|−|to|until|till|through|thru|à|au|bis|hasta)\\s*';

// LaTeX PDFs often lose the en dash's glyph mapping: "2018  Present" (two spaces, a control or private-use glyph).
const RANGE_SEP = `(?:${SEP}|\\s{2,}|\\s*[\\u0000-\\u001F\\uE000-\\uF8FF\\uFFFD]\\s*)`;
const RANGE_RE = new RegExp(
  `(?<![\\w/.-])(${RANGE_POINT})${RANGE_SEP}(${RANGE_POINT}|${NOW})(?![\\w/])`,
  'i',
);
/** "Jun. - Sep. 2018", "April-October 2015", "July 10 – July 14, 2017": the year is written once, at the end. */
const SHARED_YEAR_RE = new RegExp(
  `(?<![\\w/.-])${DAY}?(${MONTH_NAME})(?:\\s+\\d{1,2})?${SEP}${DAY}?(${MONTH_NAME})(?:\\s+\\d{1,2})?,?\\s+(${YEAR})(?![\\w/])`,
  'i',
);
/** "working as … since Nov, 2017": a job told in a sentence starts at its point and is still going. */
const SINCE_RE = new RegExp(`(?<![\\w])(?:since|depuis|seit|desde)\\s+(${POINT})(?![\\w/])`, 'i');
const OPEN_RE = new RegExp(`(?<![\\w/.-])(${POINT})\\s*(?:–|—|-)\\s*(?=:)`, 'i');
const POINT_RE = new RegExp(`(?<![\\w/.-])(${POINT})(?![\\w/])`, 'gi');

function twoDigitYear(yy: number, referenceYear: number): number {
  const century = yy + 2000 <= referenceYear + 1 ? 2000 : 1900;
  return century + yy;
}

export function parsePoint(text: string, referenceYear = new Date().getFullYear()): YearMonth | null {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s+(?=\p{L})/u, '');
  let m: RegExpExecArray | null;
  const year = (y: string) =>
    /^['’‘]/.test(y) ? twoDigitYear(Number(y.slice(1)), referenceYear) : Number(y);
  if ((m = new RegExp(`^(${MONTH_NAME}),?\\s+(${YEAR})$`, 'i').exec(t))) {
    return { year: year(m[2]!), month: MONTHS[m[1]!.replace('.', '')] ?? null };
  }
  if ((m = new RegExp(`^(${SEASON})\\s+(${YEAR})$`, 'i').exec(t)))
    return { year: year(m[2]!), month: SEASONS[m[1]!]! };
  if ((m = /^(0?[1-9]|1[0-2])[/.]((?:19|20)\d{2})$/.exec(t)))
    return { year: Number(m[2]), month: Number(m[1]) };
  if ((m = /^((?:19|20)\d{2})[-/.](0[1-9]|1[0-2])$/.exec(t)))
    return { year: Number(m[1]), month: Number(m[2]) };
  if ((m = new RegExp(`^(${YEAR})$`).exec(t))) return { year: year(m[1]!), month: null };
  if ((m = /^(0?[1-9]|1[0-2])\/(\d{2})$/.exec(t)))
    return { year: twoDigitYear(Number(m[2]), referenceYear), month: Number(m[1]) };
  if ((m = new RegExp(`^(${MONTH_NAME})['’-]?(\\d{2})$`, 'i').exec(t)))
    return { year: twoDigitYear(Number(m[2]), referenceYear), month: MONTHS[m[1]!.replace('.', '')] ?? null };
  if ((m = /^((?:19|20)\d{2})\.(1[0-2]|[1-9])$/.exec(t))) return { year: Number(m[1]), month: Number(m[2]) };
  // "201711-present": a year and its month run together, as a range's end only.
  if ((m = /^((?:19|20)\d{2})(0[1-9]|1[0-2])$/.exec(t))) return { year: Number(m[1]), month: Number(m[2]) };
  if ((m = /^(?:[12]\d|3[01]|0?[1-9])\.(0?[1-9]|1[0-2])\.((?:19|20)\d{2})$/.exec(t)))
    return { year: Number(m[2]), month: Number(m[1]) };
  return null;
}

/**
 * "2020–24", "2014--18": a range of years whose end keeps only its last two digits. A hyphen before a number up to
 * 12 reads as a month ("2019-05"), so with a hyphen only a later year that cannot be a month counts.
 */
const SHORT_END_RE = /(?<![\w/.-])((?:19|20)\d{2})\s*(–|—|--|-)\s*(\d{2})(?![\w/.-]|\s*\d)/;

function shortEndRange(text: string): DateRange | null {
  const m = SHORT_END_RE.exec(text);
  if (!m) return null;
  const start = Number(m[1]);
  const yy = Number(m[3]);
  if (yy < start % 100 || (m[2] === '-' && yy <= 12)) return null;
  const end = start - (start % 100) + yy;
  return {
    start: { year: start, month: null },
    end: { year: end, month: null },
    current: false,
    index: m.index,
    length: m[0].length,
  };
}

/** The first date range in the text ("Jan 2020 – Present", "2019-01 to 2020-03", "’18 - ’19"). */
export function findRange(text: string, referenceYear?: number): DateRange | null {
  const short = shortEndRange(text);
  const m = RANGE_RE.exec(text);
  if (short && (!m || short.index < m.index || (short.index === m.index && short.length > m[0].length)))
    return short;
  const shared = SHARED_YEAR_RE.exec(text);
  if (shared && (!m || shared.index <= m.index)) {
    const end = parsePoint(`${shared[2]!} ${shared[3]!}`, referenceYear);
    const start = parsePoint(`${shared[1]!} ${shared[3]!}`, referenceYear);
    if (start && end) return { start, end, current: false, index: shared.index, length: shared[0].length };
  }
  if (!m) {
    // "**2022 - : Applied Scientist**": a start, its dash, and no end before the colon is a job still going.
    const open = OPEN_RE.exec(text);
    const opened = open ? parsePoint(open[1]!, referenceYear) : null;
    if (open && opened)
      return { start: opened, end: null, current: true, index: open.index, length: open[0].length };
    const since = SINCE_RE.exec(text);
    const from = since ? parsePoint(since[1]!, referenceYear) : null;
    return since && from
      ? { start: from, end: null, current: true, index: since.index, length: since[0].length }
      : null;
  }
  const start = parsePoint(m[1]!, referenceYear);
  if (!start) return null;
  const current = NOW_ONLY.test(m[2]!.trim());
  const end = current ? null : parsePoint(m[2]!, referenceYear);
  if (!current && !end) return null;
  return { start, end, current, index: m.index, length: m[0].length };
}

/** Every single date in the text, e.g. a graduation "May 2021" or "2019". */
export function findPoints(text: string, referenceYear?: number): YearMonth[] {
  return [...text.matchAll(POINT_RE)]
    .map((m) => parsePoint(m[1]!, referenceYear))
    .filter((p): p is YearMonth => p !== null);
}

export function formatPoint(p: YearMonth): string {
  return p.month === null ? String(p.year) : `${p.year}-${String(p.month).padStart(2, '0')}`;
}

/** Months as an index: a year-only start counts from January, a year-only end through December. */
const startIndex = (p: YearMonth) => p.year * 12 + (p.month ?? 1) - 1;
const endIndex = (p: YearMonth) => p.year * 12 + (p.month ?? 12) - 1;

/** Inclusive months of one range (Jan–Mar is 3), with an ongoing one ending at the reference month. */
export function monthsOf(range: { start: YearMonth; end: YearMonth | null }, reference: YearMonth): number {
  const end = range.end ?? reference;
  return Math.max(0, Math.min(endIndex(end), endIndex(reference)) - startIndex(range.start) + 1);
}

/** Total months across ranges, overlaps counted once. */
export function totalMonths(
  ranges: { start: YearMonth; end: YearMonth | null }[],
  reference: YearMonth,
): number {
  const spans = ranges
    .map((r) => [startIndex(r.start), Math.min(endIndex(r.end ?? reference), endIndex(reference))] as const)
    .filter(([s, e]) => e >= s)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let cursor = -Infinity;
  for (const [s, e] of spans) {
    const from = Math.max(s, cursor);
    if (e >= from) total += e - from + 1;
    cursor = Math.max(cursor, e + 1);
  }
  return total;
}

const LEADING_RE = new RegExp(
  `^\\(?(${RANGE_POINT})\\)?(?:\\s*\\((\\d+\\s+months?|${SEASON})\\))?(?:\\s*[-–—]\\s*(?=\\p{L}))?`,
  'iu',
);

const TRAILING_RE = new RegExp(
  `(?:^|[\\s,(])((?:${MONTH_NAME}|${SEASON}),?\\s+(?:19|20)\\d{2})\\)?\\s*$`,
  'i',
);

/** A month or a season with its year ending a header line ("Applied Scientist Intern - Ads Summer 2024"): one point. */
export function trailingPoint(text: string, referenceYear?: number): DateRange | null {
  const m = TRAILING_RE.exec(text);
  if (!m) return null;
  const point = parsePoint(m[1]!, referenceYear);
  if (!point) return null;
  const index = m.index + m[0].indexOf(m[1]!);
  return { start: point, end: point, current: false, index, length: m[1]!.length };
}

/**
 * A job dated by one point at the start of its line: "Summer 2019", "2019 (2 months)", or an open start
 * "26.8.2019 - Mitsubishi Logisnext" (a range whose end was left blank: still there). Only entry headers are
 * read this way; a point inside a sentence is not a job's date.
 */
export function leadingPoint(text: string, referenceYear?: number): DateRange | null {
  const m = LEADING_RE.exec(text.trim());
  if (!m) return null;
  const found = parsePoint(m[1]!, referenceYear);
  if (!found) return null;
  // "2013 (Été)": a year and the season the job took, in brackets.
  const season = SEASONS[m[2]?.toLowerCase() ?? ''];
  const point = season && found.month === null ? { ...found, month: season } : found;
  const open = /[-–—]\s*$/.test(m[0]);
  const index = text.indexOf(m[0]);
  return { start: point, end: open ? null : point, current: open, index, length: m[0].length };
}

// "April 2015 to" / "May 2019", "août 2013 à" / "décembre 2013": a range wrapped after its word for "to" too.
const DANGLING = new RegExp(`(?:[-–—]|\\b${MONTH_NAME}|\\s(?:to|until|à|au|bis|hasta))\\s*$`, 'i');
const DANGLING_DASH = /[-–—]\s*$/;
/** The rest of a bracketed range: "September 2023)", "Present)_". */
const BRACKET_END = new RegExp(`^(?:${MONTH_NAME}\\.?\\s+)?(?:(?:19|20)\\d{2}|${NOW})\\)[\\s_*.,]*$`, 'i');
const CONTINUED = new RegExp(`^(?:${MONTH_NAME}\\.?,?\\s+)?(?:19|20)\\d{2}\\b|^(?:${NOW})\\b`, 'i');

/**
 * "… | Oct 2020 - Apr" + "2021": a date range the layout wrapped onto the next line, joined back. In a table's narrow
 * date cell the range wraps inside the cell while the next cell goes on ("2025.07 -<tab>Deep learning …" over
 * "Present<tab>depalletizing …"): the cells are joined, and what the next row holds beside them stays a line.
 */
export function joinWrappedDates<T extends { text: string; bullet: boolean }>(lines: readonly T[]): T[] {
  const out: T[] = [];
  const firstCell = (text: string) => {
    const tab = text.indexOf('\t');
    return tab < 0 ? { cell: text, rest: '' } : { cell: text.slice(0, tab), rest: text.slice(tab + 1) };
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const next = lines[i + 1];
    // "* **Employer**: Title _(June 2023" over "- September 2023)_": a list item's bracketed dates wrapped, the dash
    // opening the next line read as a bullet; or "… (August 2019 -" over "December 2020)".
    if (
      next &&
      line.bullet &&
      (line.text.match(/\(/g)?.length ?? 0) > (line.text.match(/\)/g)?.length ?? 0) &&
      BRACKET_END.test(next.text.trim()) &&
      (next.bullet ? !DANGLING_DASH.test(line.text) : DANGLING.test(line.text))
    ) {
      out.push({ ...line, text: `${line.text.trimEnd()}${next.bullet ? ' - ' : ' '}${next.text.trim()}` });
      i++;
      continue;
    }
    // "■ Summer Research Fellow, Dept. of … May 2016 –" over "Aug 2016": a list item's range the page wrapped, its
    // end alone on the next line.
    if (
      next &&
      line.bullet &&
      !next.bullet &&
      DANGLING_DASH.test(line.text) &&
      CONTINUED.test(next.text.trim()) &&
      next.text.trim().length <= 20
    ) {
      out.push({ ...line, text: `${line.text.trimEnd()} ${next.text.trim()}` });
      i++;
      continue;
    }
    // "Title • Oct, 2018" over "— Jan, 2020": the range wrapped before its dash, which then reads as a bullet.
    if (
      next &&
      !line.bullet &&
      next.bullet &&
      trailingPoint(line.text) &&
      CONTINUED.test(next.text.trim()) &&
      isDateOnlyText(next.text)
    ) {
      out.push({ ...line, text: `${line.text.trimEnd()} – ${next.text.trim()}` });
      i++;
      continue;
    }
    if (!next || line.bullet || next.bullet) {
      out.push(line);
      continue;
    }
    const column = wrappedColumn(line.text, next.text);
    if (column) {
      out.push({ ...line, text: column.head });
      if (column.rest) out.push({ ...next, text: column.rest.text, bullet: column.rest.bullet });
      i++;
      continue;
    }
    if (DANGLING.test(line.text) && CONTINUED.test(next.text.trim())) {
      out.push({ ...line, text: `${line.text.trimEnd()} ${next.text.trim()}` });
      i++;
      continue;
    }
    const a = firstCell(line.text);
    const b = firstCell(next.text);
    if (
      a.rest &&
      b.rest &&
      DANGLING.test(a.cell) &&
      CONTINUED.test(b.cell.trim()) &&
      b.cell.trim().length <= 12
    ) {
      out.push({ ...line, text: `${a.cell.trimEnd()} ${b.cell.trim()}\t${a.rest}` });
      const bullet = /^\s*[•▪◦]\s*/.exec(b.rest);
      out.push({ ...next, text: b.rest.slice(bullet?.[0].length ?? 0).trim(), bullet: !!bullet });
      i++;
      continue;
    }
    out.push(line);
  }
  return out;
}

const DATE_ONLY = new RegExp(`^(?:${RANGE_POINT}|${NOW})$`, 'iu');
const NOW_LEAD = new RegExp(`^${NOW}\\b`, 'i');

/** "Jan, 2020", "Present": a line that holds a point of time and nothing else. */
const isDateOnlyText = (text: string): boolean => DATE_ONLY.test(text.trim().replace(/\s+/g, ' '));

const OPEN_START = new RegExp(`^(${RANGE_POINT})\\s*[-–—]\\s+(?=\\p{L})`, 'iu');
const COLUMN_END = new RegExp(`^(${RANGE_POINT}|${NOW})(?![\\w/.-])\\s*(?![-–—])`, 'iu');

/**
 * "2022/07 – Senior Engineer, Acme, Fremont, CA" over "2023/11" (or "2021/01 • Designed …"): a narrow date column
 * beside the entries, with no gap wide enough to part it, wraps its range and the end opens the next line. The end
 * follows the start in time, as a range's does; what the next line holds after it is the column's neighbour going on
 * (a bullet, or the rest of a hyphenated word).
 */
function wrappedColumn(
  line: string,
  next: string,
): { head: string; rest: { text: string; bullet: boolean } | null } | null {
  const open = OPEN_START.exec(line);
  const close = COLUMN_END.exec(next.trim());
  // "2019 – Present, Acme": a whole range opens the line; its end is not below.
  if (!open || !close || findRange(line) || NOW_LEAD.test(line.slice(open[0].length))) return null;
  const start = parsePoint(open[1]!);
  const now = NOW_ONLY.test(close[1]!);
  const end = now ? null : parsePoint(close[1]!);
  if (!start || (!now && !end)) return null;
  if (end && endIndex(end) < startIndex(start)) return null;
  let body = line.slice(open[0].length).trimEnd();
  let rest = next.trim().slice(close[0].length).trim();
  // "… Remote / Wash-" over "2019/09 ington, D.C.": the neighbour's line goes on after the date.
  if (/\p{L}-$/u.test(body) && /^\p{Ll}/u.test(rest)) {
    body = `${body.slice(0, -1)}${rest}`;
    rest = '';
  }
  const bullet = /^[•▪◦·*]\s*/.exec(rest);
  return {
    head: `${open[0].trimEnd()} ${close[1]!}\t${body}`,
    rest: rest ? { text: rest.slice(bullet?.[0].length ?? 0).trim(), bullet: !!bullet } : null,
  };
}

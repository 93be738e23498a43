import type { Education } from '../../../src-shared/resume';
import { isLocation, isRegion, peelLocation, peelSlashPlace } from './contact';
import { findPoints, findRange } from './dates';
import type { Line } from './document';

type Degree = NonNullable<Education['degree']>;

/**
 * Degree names across countries, most specific first: "Master of Business Administration" must not read as a
 * bachelor's, "PhD" before "MS", "Higher National Diploma" before "Diploma", "Diplom" (a German master's) before
 * "Diploma". Short all-capital forms that are also English words ("AS", "BE", "MA") only count in capitals.
 */
/**
 * "Cambridge, MA", "Oxford, MS 2019": two capitals after a town's comma, ending the place, are its state, not a
 * degree ("Coldport University, MS in Physics" is one).
 */
const notState = (forms: string): string =>
  String.raw`(?:(?<!\p{Lu}[\p{L}.'’-]+,\s*)(?:${forms})|(?:${forms})(?!\s*(?:$|[\d,;|()–-])))`;

const DEGREES: [Degree, RegExp][] = [
  [
    'PhD',
    /\b(ph\.?\s?d\.?|doctor of philosophy|doctorate|d\.?\s?phil\.?|doctoral|doktor|dottorato)(?![\p{L}])/iu,
  ],
  [
    'Master',
    new RegExp(
      String.raw`\b(master'?s?|m\.?\s?sc\.?|m\.\s?s\.?|${notState('ms')}|m\.a\.|mba|m\.?\s?eng\.?|mphil|mres|m\.?\s?ed\.?|llm|mfa|mpa|mph|msc|m\.?\s?tech|mtech|m\.e\.|mca|m\.?\s?com|m\.s\.ed|magister|laurea magistrale|ma[iî]trise|maestr[ií]a|specialist|diplom(?:-\p{L}+)?|dipl\.-\p{L}+\.?)(?![\p{L}])`,
      'iu',
    ),
  ],
  ['Master', new RegExp(String.raw`\b${notState('MA|ME|MS')}(?![\p{L}])`, 'u')],
  [
    'Bachelor',
    /\b(bachelor'?s?|b\.?\s?sc\.?(?:\s*\(hons?\.?\))?|b\.\s?s\.?|bs|b\.a\.|b\.?\s?eng\.?|bsc|beng|basc|bcsc|b\.?\s?tech|btech|b\.?\s?e\.|b\.e(?=[,\s]|$)|b\.?\s?comp\.?|b\.?\s?com|bca|bba|bfa|llb|a\.?b\.|licence|licenciatura|laurea|undergraduate|grado|baccalaur[ée]at\s+(?:en|in|of|ès)(?=\s))(?![\p{L}])/iu,
  ],
  ['Bachelor', new RegExp(String.raw`\b${notState('BA|BE')}(?![\p{L}])`, 'u')],
  [
    'Associate',
    /\b(associate'?s?\s+(?:degree|of|in)|associate degree|a\.a\.s?\.?|a\.s\.|aas|high(?:er)? national diploma|hnd|foundation degree|college degree|dec|dut|bts)(?![\p{L}])/iu,
  ],
  ['Associate', /\b(AS|AA|AAS)(?![\p{L}])/u],
  [
    'High school',
    /\b(high school|secondary school|ged|a-levels?|abitur|baccalaur[ée]at|hsc|ssc|gcse|aissce|aisse|cbse|icse|class (?:xii|12|x|10)|matura|bachillerato)(?![\p{L}])/iu,
  ],
  [
    'Certificate',
    /\b(certificate|certification|certified|post ?graduate(?: diploma)?|pg diploma|diploma|hnc|bootcamp|nanodegree)(?![\p{L}])/iu,
  ],
];

const INSTITUTION =
  /(?<![\p{L}])(universit(?:y|ät|eit|é|à|et|at|ario|aria)|universitäts\p{L}+|universidad|universidade|uniwersytet|univerzita|college|coll[èe]ge|institute|institut|institutt|istituto|school|academy|polytechnic|politecnico|politehnica|polytechnique|hochschule|[ée]cole|gymnasium|lyc[ée]e|c[ée]gep|liceo|lyceum|conservatory|conservatoire|bootcamp|seminary|iit|nit|iiit|iim|suny|cuny)(?![\p{L}])/iu;

/** Field separators inside an entry: tabs, pipes, bullets, semicolons, dashes with spaces. */
const SEP = /\s*(?:\t|\||•|·|\s[—–-]\s|;)\s*/;
/** A grade line or part: "GPA 3.8/4.0", "CGPA: 8.5/10", "Cumulative Performance Index : 9.2/10", "95.8%". */
const GRADE =
  /\b(?:c?gpa|cpi|cgpa|cumulative performance index|percentage|grade|aggregate)\b\s*:?\s*(\d{1,2}(?:\.\d{1,3})?\s*(?:\/\s*\d{1,2}(?:\.\d+)?|%)?)|(?<![\d.])(\d{2}(?:\.\d{1,2})?\s*%)/i;

function degreeOf(text: string): { degree: Degree; raw: string; index: number } | null {
  for (const [degree, re] of DEGREES) {
    const m = re.exec(text);
    if (m) return { degree, raw: m[0], index: m.index };
  }
  return null;
}

const isDateOnly = (text: string) =>
  text.replace(/\(?\s*(?:expected|anticipated|since)\s*\)?/gi, '').replace(/[^\p{L}\p{N}]/gu, '') !== '' &&
  (findRange(text) !== null || findPoints(text).length > 0) &&
  text
    .replace(/\(?\s*(?:expected|anticipated|since|present|current|now|ongoing)\s*\)?/gi, '')
    .replace(/\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?/gi, '')
    .replace(/(?:19|20)\d{2}|\d{1,2}[/.]/g, '')
    .replace(/[\s\-–—,.()]+/g, '') === '';

interface Draft {
  lines: { text: string; bullet: boolean }[];
}

/** Groups education lines into entries (a new one starts at a second degree or institution) and reads each. */
/**
 * "United International" over "Dhaka, Bangladesh<tab>University": a school's name wrapped inside its table cell, the
 * last word landing on the row of the cell beside it. The word goes back to the name.
 */
function rejoinCellWords(lines: Line[]): Line[] {
  const out = lines.map((l) => ({ ...l }));
  out.forEach((line, i) => {
    const m = /^(.+?)\t\s*(\p{Lu}\p{L}+)$/u.exec(line.text);
    const previous = out[i - 1];
    if (
      m &&
      previous &&
      INSTITUTION.test(m[2]!) &&
      !INSTITUTION.test(m[1]!) &&
      !previous.text.includes('\t') &&
      !INSTITUTION.test(previous.text) &&
      /^\p{Lu}[\p{L} .'’-]+$/u.test(previous.text)
    ) {
      previous.text = `${previous.text} ${m[2]!}`;
      line.text = m[1]!.trim();
    }
  });
  return out;
}

/**
 * "BMS College Of" over "Engineering", "St Mary's Convent" over "School Harihar": a bold name its narrow column wrapped
 * is one line again; "St. Mary's Convent School is known" over "for its disciplined learning": a paragraph that runs
 * on in lower case is one text, read as a description.
 */
function rejoinWrapped(lines: Line[]): Line[] {
  const out: Line[] = [];
  for (const line of lines) {
    const last = out.at(-1);
    const runOn =
      last &&
      !line.gapBefore &&
      !line.bullet &&
      !last.bullet &&
      !line.heading &&
      ((/^\p{Ll}/u.test(line.text) &&
        !last.bold &&
        !line.bold &&
        !/[.;:]$/.test(last.text) &&
        !/\t/.test(line.text) &&
        !findPoints(line.text).length) ||
        (last.bold &&
          line.bold &&
          Math.abs(last.size - line.size) < 0.3 &&
          !degreeOf(last.text) &&
          !degreeOf(line.text) &&
          !findPoints(last.text).length &&
          !findPoints(line.text).length &&
          (!INSTITUTION.test(last.text) || /\b(?:of|for|and|de|di|du)$/i.test(last.text))));
    if (runOn) out[out.length - 1] = { ...last, text: continued(last.text, line.text) };
    else out.push(line);
  }
  return out;
}

/** More than six words, most in lower case, and no dates: a sentence about the school, not its name or an entry. */
const sentence = (text: string): boolean => {
  if (findPoints(text).length > 0) return false;
  const words = text.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  return words.length > 6 && words.filter((w) => /^\p{Ll}/u.test(w)).length * 2 > words.length;
};

export function parseEducation(sectionLines: Line[]): Education[] {
  const lines = semicolonEntries(rejoinWrapped(rejoinCellWords(sectionLines)));
  const drafts: Draft[] = [];
  /** Whether each draft opened with a school line that names no degree. */
  const schoolFirst: boolean[] = [];
  let current: Draft | null = null;
  let hasDegree = false;
  let hasInstitution = false;
  let hasDate = false;
  // An education written as one list (an academic page's "* Ph.D. in …, School, 2020" over "  * Advisor: …"): with
  // no degree or school outside the list, the items are the entries and only labelled items are details.
  // A line under a list item with no gap is that item wrapped ("… Autonomous Driving, Paris-Saclay" / "University &
  // CEA LIST, 2022-2025"), not a line outside the list.
  const wrapsItem = (i: number) => i > 0 && lines[i - 1]!.bullet && !lines[i]!.bullet && !lines[i]!.gapBefore;
  const listed = !lines.some(
    (l, i) => !l.bullet && !wrapsItem(i) && (degreeOf(l.text) !== null || INSTITUTION.test(l.text)),
  );
  // "2024(Ongoing)" over "Master's in …" over "Faculty of Sciences, Rabat": where the section opens with a date line,
  // dates open the entries, and a school after a gap still belongs to the degree above it.
  const datesOpen = lines.length > 0 && !lines[0]!.bullet && isDateOnly(lines[0]!.text);
  let describing = false;
  for (const [i, line] of lines.entries()) {
    const text = line.text;
    const item = current?.lines.at(-1);
    if (listed && item && wrapsItem(i)) {
      item.text = continued(item.text, text);
      hasDegree ||= degreeOf(text) !== null;
      hasInstitution ||= INSTITUTION.test(text);
      continue;
    }
    // "MS Thesis (working): …", "Thesis title: …", "Major : Physics": details of the entry above.
    // A sentence under a school already named describes it ("St. Mary's Convent School is known for …"), and so do
    // the lines it runs onto.
    const described: boolean =
      !line.bullet &&
      hasInstitution &&
      (sentence(text) || (describing && !line.gapBefore && !degreeOf(text) && !INSTITUTION.test(text)));
    describing = described;
    const detail = (line.bullet && !listed) || isDetail(text) || described;
    const degree = detail ? null : degreeOf(text);
    let d = degree !== null;
    // "High School Diploma" names a degree; the school word inside it does not name a school.
    // Neither the school word inside a degree ("High School Diploma") nor one in brackets ("(FIEA Graduate
    // School)") names the entry's school.
    let inst =
      !detail && INSTITUTION.test((degree ? text.replace(degree.raw, ' ') : text).replace(/\([^)]*\)/g, ' '));
    const previous = current?.lines.at(-1);
    // A long line that ran on ("… Computers, Politehnica" / "University of Bucharest (Bucharest)") goes on here.
    if (
      current &&
      previous &&
      !line.gapBefore &&
      !d &&
      previous.text.length > 70 &&
      /\p{L}$/u.test(previous.text)
    ) {
      previous.text = `${previous.text} ${text}`;
      hasInstitution ||= inst;
      continue;
    }
    // "The Hong Kong Polytechnic" over "University, 2016 - 2020": a school's name wrapped before its last word, which
    // opens the next line alone (a school named "University of …" starts there instead).
    const noun = SCHOOL_NOUN.exec(text);
    if (
      current &&
      previous &&
      noun &&
      !line.gapBefore &&
      /\p{Lu}[\p{L}'’.-]*$/u.test(previous.text) &&
      !new RegExp(`\\b${noun[1]!}\\b`, 'i').test(previous.text)
    ) {
      previous.text = `${previous.text} ${text}`;
      hasInstitution = true;
      hasDate ||= findRange(text) !== null || findPoints(text).length > 0;
      continue;
    }
    // "High School Diploma  2023" / "Westwood Ridge High School": a school's name, not a second degree.
    if (d && hasDegree && !hasInstitution && INSTITUTION_AT_END.test(text) && degree!.index > 0) {
      d = false;
      inst = true;
    }
    // "Drexel University – Philadelphia, PA  June 2016" over "College of Computing and Informatics": a faculty named
    // under its university, with no dates of its own, is part of the same entry.
    if (
      inst &&
      !d &&
      hasInstitution &&
      UNIT.test(text) &&
      !findRange(text) &&
      findPoints(text).length === 0 &&
      current?.lines.some((l) => /universit/i.test(l.text))
    )
      inst = false;
    // "2012 - 2017" on its own line heads the entry under it once the current one has its degree or school.
    const dateLine = !line.bullet && isDateOnly(text);
    if (
      !current ||
      (d && hasDegree) ||
      (d && inst && hasInstitution) ||
      (inst && hasInstitution && !d) ||
      (line.gapBefore && (d || (inst && !(datesOpen && !hasInstitution)))) ||
      (dateLine && (hasDegree || hasInstitution) && hasDate)
    ) {
      current = { lines: [] };
      drafts.push(current);
      schoolFirst.push(inst && !d);
      hasDegree = false;
      hasInstitution = false;
      hasDate = false;
    }
    // A description of the school is read as its details are, never as its name.
    current.lines.push({ text, bullet: line.bullet || described });
    hasDegree ||= d;
    hasInstitution ||= inst;
    hasDate ||= dateLine || findRange(text) !== null || findPoints(text).length > 0;
  }
  const entries = drafts.map(readEntry);
  // "University of Central Florida — Orlando, FL" over "M.S. in …" and "B.S. in …": a school named once, on
  // its own line, is the school of the degrees under it.
  // The school's own line is then no entry of its own when it names no degree ("National Central University
  // 2013/09 - 2017/07" over "Bachelor of Computer Science"): its dates are the degree's.
  const lent = new Set<number>();
  entries.forEach((e, i) => {
    const prev = entries[i - 1];
    if (!e.institution && e.degree && prev?.institution && schoolFirst[i - 1]) {
      e.institution = prev.institution;
      e.graduationYear ??= prev.graduationYear;
      schoolFirst[i] = true;
      if (!prev.degree) lent.add(i - 1);
    }
  });
  return entries.filter((e, i) => !lent.has(i) && (e.degree !== null || e.institution !== null));
}

/** "Associate of …, Mesa CC, 2025; Certificate in …, Phoenix College, 2024" wrapped over lines: one entry per ';'. */
function semicolonEntries(lines: Line[]): Line[] {
  const text = lines.map((l) => l.text).join(' ');
  const segments = text.split(/\s*;\s*/).filter(Boolean);
  // Each entry names its degree; "BSc …; University of Bologna" is one entry with its fields apart.
  if (segments.length < 2 || !segments.every((seg) => (degreeOf(seg)?.index ?? 99) < 12)) return lines;
  return segments.map((seg) => ({ ...lines[0]!, text: seg, bullet: false, gapBefore: true }));
}

const LABELLED = /^[^:]{1,40}\s?:\s/;
/** A school inside a university: "College of Computing and Informatics", "Faculty of Medicine". */
const UNIT = /^(?:college|school|faculty|department|institute|division)\s+(?:of|for)\s+\p{Lu}/iu;
const SCHOOL_WORD =
  '(?:University|Universit(?:ät\\p{L}*|[éàä])|Universidad|College|Coll[èe]ge|Institute|School|Academy|Polytechnic)';
/** "University of California, Berkeley" (or ", San Diego"), "The University of Texas at Dallas", "Université de Rennes 1". */
const SCHOOL_NAME = new RegExp(
  `(?:The\\s+)?${SCHOOL_WORD}\\s+(?:of|de|du|di|for|at)\\s+(?:the\\s+)?\\p{Lu}[\\p{L}.'&-]*(?:\\s+(?:and\\s+|at\\s+)?[\\p{Lu}\\d][\\p{L}\\d.'&-]*)*(?:,\\s+\\p{Lu}\\p{L}+(?:\\s+\\p{Lu}\\p{L}+)?)?`,
  'u',
);
/** A school's full name led by up to two capitalised words of its own ("City University of Hong Kong"). */
const LEAD_SCHOOL_NAME = new RegExp(`(?:\\p{Lu}[\\p{L}.'&-]*\\s+){1,2}${SCHOOL_NAME.source}`, 'u');
/** "Texas A&M University", "Oregon State University": at most two capitalised words before the school word. */
const SCHOOL_SHORT = new RegExp(`(?:\\p{Lu}[\\p{L}.'&-]*\\s+){1,2}${SCHOOL_WORD}\\b`, 'u');
const DETAIL_LABEL =
  /thesis|project|minor|major|course|title|gpa|grade|cpi|index|percentage|class|honou?rs|award/i;
/** "MS Thesis (working): …", "Major : Physics" — but not "Bachelor of Science: Computer Science: 2011". */
function isDetail(text: string): boolean {
  if (!LABELLED.test(text)) return false;
  const label = text.slice(0, text.indexOf(':'));
  // "10/2013-5/2016: M.Sc. in economics, …": dates before the colon open an entry; they label no detail.
  if (isDateOnly(label)) return false;
  // "B.S. in Computer Science, May 2018. GPA: 3.7": the label opens the line's last sentence; the line opens with
  // its degree.
  const sentences = label.split(/(?<=\p{L}{2}|\d)\.\s+/u);
  if (sentences.length > 1 && degreeOf(sentences[0]!)?.index === 0) return false;
  return DETAIL_LABEL.test(label) || !degreeOf(label);
}
const INSTITUTION_AT_END = new RegExp(`${INSTITUTION.source}\\s*$`, 'iu');

/** "… de Mathéma-" over "tiques Appliquées": a word the layout hyphenated at the line's end. */
const hyphenated = (line: string, next: string) => /\p{Ll}-$/u.test(line) && /^\p{Ll}/u.test(next);
/** A line and the line it runs onto, as one text: a hyphenated word made whole, else a space between. */
const continued = (line: string, next: string) =>
  hyphenated(line, next) ? `${line.slice(0, -1)}${next}` : `${line} ${next}`;

const FUNCTION_WORD = /(?:^|\s)(?:of|and|in|for|the|de|di|du|des|der|und|&)$/i;

/**
 * An entry's lines as one text, a line that goes on the next one ("University of Computer" / "Studies,Yangon",
 * "… Collège Lionel-" / "Groulx, Sainte-Thérèse") joined by a space, other lines kept apart by a tab.
 */
function joinLines(lines: string[]): string {
  let out = '';
  lines.forEach((line, i) => {
    const prev = lines[i - 1];
    if (prev === undefined) out = line;
    else {
      const wraps =
        (/^\(/.test(line) && findPoints(prev).length === 0) ||
        (/^\p{Ll}/u.test(line) && findPoints(prev).length === 0 && prev.length > 50) ||
        /[,\-–&]$/.test(prev) ||
        FUNCTION_WORD.test(prev) ||
        (INSTITUTION.test(prev) &&
          !INSTITUTION.test(line) &&
          !degreeOf(line) &&
          !isDateOnly(line) &&
          !GRADE.test(line) &&
          !/:/.test(line) &&
          // "University of Oklahoma" over "Norman, OK", "RWTH Aachen University" over "Aachen, Germany": the school's
          // place, not the rest of its name.
          peelLocation(line).rest !== '' &&
          line.length < 40);
      if (hyphenated(prev, line)) out = continued(out, line);
      else out += /-$/.test(prev) && /^\p{Lu}/u.test(line) ? line : `${wraps ? ' ' : ' \t '}${line}`;
    }
  });
  return out;
}

function readEntry(draft: Draft): Education {
  // Bullets under an entry are honours and courses: their years and names are not the degree's.
  const main = draft.lines.filter((l, i) => i === 0 || !l.bullet).map((l) => l.text);
  const all = joinLines(main);
  const range = findRange(all);
  const rawParts = (range ? all.replace(all.slice(range.index, range.index + range.length), '\t') : all)
    .split(SEP)
    .map((p) => p.trim())
    .filter(Boolean);
  // "Mindanao State University - Iligan Institute of Technology": two school names joined by a dash are one.
  const parts: string[] = [];
  for (const p of rawParts) {
    const last = parts.at(-1);
    if (last && INSTITUTION.test(last) && INSTITUTION.test(p) && !degreeOf(p) && !degreeOf(last))
      parts[parts.length - 1] = `${last} - ${p}`;
    else parts.push(p);
  }
  // "University of Merdeka  2013 – 2017" over "• Bachelor of Information System": with no degree in the entry's
  // head, a bullet that opens with one names it.
  const inHead = parts.find((p) => degreeOf(p) !== null && !isDetail(p)) ?? null;
  const degreePart =
    inHead ??
    draft.lines.find((l, i) => i > 0 && l.bullet && degreeOf(l.text)?.index === 0 && !isDetail(l.text))
      ?.text ??
    null;
  const found = degreePart ? degreeOf(degreePart) : null;
  let institution = parts.find((p) => p !== degreePart && INSTITUTION.test(p)) ?? null;
  if (!institution && degreePart) {
    // "BSc Computer Science, University of Leeds" and "MS in Space Physics at the University of Tromsø" sit in one
    // part. The degree comes first; a later piece naming a school is the institution even if it reads like a
    // degree ("High School Diploma, Westwood Ridge High School"). A piece splits at "at" unless what comes before
    // it already names a school: "University of North Carolina at Wilmington, BS Computer Science" is one school.
    const pieces = degreePart.split(/\s*,\s*/).flatMap((p) => {
      // "B.Tech from Christu Jyothi Institute of Technology" names its school after "from" as others do after "at".
      const [before, ...after] = p.split(/\s+(?:at|from)\s+(?:the\s+)?/);
      return after.length > 0 && !INSTITUTION.test(before!) ? [before!, ...after] : [p];
    });
    const degreeAt = pieces.findIndex((p) => degreeOf(p) !== null);
    const next = pieces[degreeAt + 1];
    const place = pieces[degreeAt + 2];
    // "University of California, Berkeley, 2018": a one-word campus after the school goes with it (cleanInstitution
    // tells a campus from a town followed by its country).
    // "PhD in Plant Biology, School of Life Sciences, Peking University": the university, not its school.
    const later = (test: (p: string) => boolean) => pieces.findIndex((p, i) => i > degreeAt && test(p));
    const university = later((p) => /universit/i.test(p));
    const at = university >= 0 ? university : later((p) => INSTITUTION.test(p));
    const campus = at >= 0 && /^\p{Lu}[\p{L}'’.-]+$/u.test(pieces[at + 1] ?? '');
    institution =
      (at >= 0 ? pieces.slice(at, campus ? at + 3 : at + 1).join(', ') : undefined) ??
      // "Kymenlaakso University of Applied Sciences, B.Sc from Eletronics": the school may come first.
      pieces.slice(0, degreeAt).find((p) => INSTITUTION.test(p) && !degreeOf(p)) ??
      // "MSc Interactive Systems Design, Nottingham, UK" (moderncv's degree, school, place): the piece between the
      // degree and its country is the school, however short its name.
      (next && place && /^\p{Lu}/u.test(next) && !isRegion(next) && (isRegion(place) || isLocation(place))
        ? next
        : null);
  }
  if (!institution && degreePart && INSTITUTION.test(degreePart.replace(found!.raw, ' '))) {
    // "PhD in Mathematics University of Georgia (Athens, GA)": the school's name inside the degree's part.
    // "PhD City University of Hong Kong": a name's own words before "University of" belong to it.
    const rest = degreePart.replace(found!.raw, ' ');
    const named =
      LEAD_SCHOOL_NAME.exec(rest) ?? SCHOOL_NAME.exec(degreePart) ?? SCHOOL_SHORT.exec(degreePart);
    if (named && !degreeOf(named[0])) institution = named[0].trim();
  }
  if (!institution && degreePart) {
    // "Post Graduate Diploma, Information Security; IGNOU (Delhi)": the part after the degree that is neither a
    // date, a place nor a grade names the school, even without a word like "University".
    const after = parts.slice(parts.indexOf(degreePart) + 1);
    institution =
      after.find(
        (p) =>
          !isDateOnly(p) &&
          !GRADE.test(p) &&
          !/:/.test(p) &&
          peelLocation(p).rest !== '' &&
          /^\p{Lu}/u.test(p) &&
          p.split(/\s+/).length <= 8,
      ) ?? null;
  }
  if (!institution && degreePart) {
    // "Ph.D, Computer Science, Virginia Tech, 2027 (expected)": degree, field, then a school named without a school
    // word, then the year.
    const raw = degreePart.split(/\s*,\s*/);
    // Four short fields at most: a longer comma list is a description ("… Spark for Big Data, SQL, Python").
    const pieces = (raw.length <= 4 ? raw : [])
      .map((p) => p.trim())
      .filter((p) => p && !isDateOnly(p) && !GRADE.test(p) && peelLocation(p).rest !== '');
    const degreeAt = pieces.findIndex((p) => degreeOf(p) !== null);
    const after = pieces.slice(degreeAt + 1);
    const school = after.at(-1);
    // "B.Sc. Psychology, HS Fresenius Frankfurt": the field may share the degree's piece.
    const withField =
      degreeAt >= 0 && /\p{L}{3}/u.test(pieces[degreeAt]!.replace(degreeOf(pieces[degreeAt]!)!.raw, ''));
    if (
      degreeAt >= 0 &&
      (after.length >= 2 || (after.length === 1 && withField && inHead)) &&
      school &&
      /^\p{Lu}/u.test(school) &&
      school.split(/\s+/).length <= 5 &&
      !/\b(?:minor|major|honou?rs|thesis|concentration|specialization|class|distinction|laude|expected)\b/i.test(
        school,
      ) &&
      !/^[A-Z]{2}$/.test(school)
    )
      institution = school;
  }
  if (!institution && degreePart && !inHead) {
    // The head over a degree bullet names the school, whatever its words ("Universitas Negeri Malang  2014 - 2018").
    institution =
      parts.find(
        (p) => !isDateOnly(p) && !GRADE.test(p) && /^\p{Lu}/u.test(p) && p.split(/\s+/).length <= 8,
      ) ?? null;
  }
  // "Mersin High School of Sciences": a school whose name holds the degree's words names both.
  if (
    !institution &&
    found?.degree === 'High school' &&
    degreePart &&
    found.index > 0 &&
    /^\p{Lu}/u.test(degreePart) &&
    titleCased(degreePart)
  )
    institution = degreePart;
  institution = institution ? cleanInstitution(institution) : null;

  let field: string | null = null;
  if (degreePart) {
    const m = /\b(?:in|of)\s+([\p{L}][\p{L}&,' -]+?)(?=\s*(?:,|\(|\t|\||$|\d|from\b|at\b))/iu.exec(
      degreePart.slice(found?.index ?? 0),
    );
    if (m && !/^(science|arts|engineering|business administration)$/i.test(m[1]!.trim()))
      field = m[1]!.trim();
    else {
      const after = /\b(?:in)\s+([\p{L}][\p{L}&' -]+)/iu.exec(degreePart);
      if (after) field = after[1]!.trim();
    }
    if (!field) {
      const tail = degreePart.slice((found?.index ?? 0) + (found?.raw.length ?? 0)).replace(/^[\s.,:-]+/, '');
      const candidate = tail
        .split(/\s*,\s*|\s+at\s+/)[0]
        ?.replace(/\d{4}.*$/, '')
        .trim();
      if (candidate && !INSTITUTION.test(candidate) && candidate.length > 2 && candidate.length < 60)
        field = candidate;
    }
  }
  if (field && institution && field.includes(institution))
    field = field.replace(institution, '').replace(/[,\s]+$/, '') || null;
  if (field) field = field.replace(/\s+at\s+(?:the\s+)?.*$/i, '').replace(/\s*\([^)]*\)\s*$/, '') || null;

  const points = findPoints(all);
  const years = [...(range?.end ? [range.end.year] : []), ...points.map((p) => p.year)];
  const graduationYear = range && range.current ? null : years.length > 0 ? Math.max(...years) : null;
  const grade = GRADE.exec(draft.lines.map((l) => l.text).join(' \t '));
  const gpa = grade ? (grade[1] ?? grade[2] ?? '').replace(/\s+/g, '') || null : null;

  return {
    degree: found?.degree ?? null,
    degreeRaw: degreePart ? degreeText(degreePart) : null,
    field,
    institution,
    graduationYear,
    gpa,
  };
}

/** Capitalised words, a few lower-case joiners between them: a name, not a sentence. */
const titleCased = (text: string): boolean => {
  const words = text.split(/\s+/);
  return (
    words.length <= 8 &&
    words.every((w) => /^[\p{Lu}\d]/u.test(w) || /^(?:of|and|for|the|de|di|du|&)$/i.test(w))
  );
};

/** A school's last word alone at the start of a line, nothing of the name after it. */
const SCHOOL_NOUN =
  /^(university|college|institute|school|academy)(?!\s+(?:of|for|in)\b)(?=\s*(?:$|[,;|\t(]|\d))/i;

/** Words of a field of study that a layout may run into the school's name ("Computer Science Texas A&M University"). */
const FIELD_WORD =
  /^(?:computer|science|sciences|engineering|physics|mathematics|math|chemistry|biology|economics|business|arts|art|information|technology|electrical|mechanical|civil|software|systems|data|statistics|management|administration|education|history|english|psychology|finance|accounting|marketing|communication|communications)$/i;

function cleanInstitution(text: string): string {
  // ": Year abroad at the University of Copenhagen": what a sentence says before "at the" school is no part of it.
  text = text
    .replace(/^[\s:;,–—-]+/, '')
    .replace(/^.*?\b(?:at|in)\s+(?:the\s+)?(?=\p{Lu})/u, (lead) => (INSTITUTION.test(lead) ? lead : ''));
  // "Physics (BA) University of St. Thomas": a degree left in the piece goes with everything before the school.
  if (degreeOf(text) && /\([A-Z][A-Za-z.]{0,6}\)/.test(text)) {
    const named = SCHOOL_NAME.exec(text) ?? SCHOOL_SHORT.exec(text);
    if (named) text = named[0];
  }
  text = peelSlashPlace(text, (tail) => INSTITUTION.test(tail)).rest;
  const words = text.split(/\s+/);
  let skip = 0;
  while (
    skip < words.length - 1 &&
    FIELD_WORD.test(words[skip]!) &&
    !INSTITUTION.test(words.slice(0, skip + 1).join(' '))
  )
    skip++;
  if (skip > 0 && INSTITUTION.test(words.slice(skip).join(' '))) text = words.slice(skip).join(' ');
  // "Faculty of Automatic Control and Computers, Politehnica University of Bucharest", "Anna University, India":
  // of the comma pieces, the one naming a school, a university first; "University of California, Riverside"
  // keeps its campus.
  const pieces = text.split(/\s*,\s*/);
  if (pieces.length > 1) {
    const schools = pieces.filter((p) => INSTITUTION.test(p));
    const best = schools.find((p) => /universit/i.test(p)) ?? schools.at(-1);
    if (best) {
      const i = pieces.indexOf(best);
      const campus = pieces[i + 1];
      text =
        /^university of /i.test(best) &&
        campus &&
        /^\p{Lu}[\p{L}'’.-]+(?:\s\p{Lu}[\p{L}'’.-]+)?$/u.test(campus) &&
        // "University of Almería, Almería": the town the name already holds is the place, not a campus.
        !best.toLowerCase().includes(campus.toLowerCase()) &&
        !isRegion(campus) &&
        // "University of Northwind, Calgary, Canada": a town followed by its country is the place.
        !(pieces[i + 2] && isLocation(`${campus}, ${pieces[i + 2]}`)) &&
        // "Malang Indonesia" is a city and its country, "San Diego" a campus.
        !isLocation(campus.replace(/\s(?=\S+$)/, ', '))
          ? `${best}, ${campus}`
          : best;
    }
  }
  const cleaned = text
    .replace(/^\(?(?:19|20)\d{2}\)?\s+/, '')
    .replace(/\s*\(?\b(?:19|20)\d{2}\b.*$/, '')
    .replace(/\s*(?:c?gpa|cpi)\b.*$/i, '')
    .replace(/^(?:at\s+)?the\s+(?=\p{Lu})/u, '')
    .replace(/^[,\s]+|[,\s]+$/g, '')
    // A sentence's full stop ("B.Tech from … Institute of Technology."), not an abbreviation's ("St.").
    .replace(/(?<=\p{L}{4})\.$/u, '');
  const rest = (peelLocation(cleaned).rest || cleaned).trim();
  // "(Mohali)", "(Tainan, Taiwan)", "(ÉTS), Montréal": a place or short name in brackets is not part of the name.
  return (
    rest
      .replace(/\s*\([^)]*\)(?:\s*,\s*[\p{L}' .-]+)?$/u, '')
      .replace(/\s*\(.*$/, '')
      .trim() || rest
  );
}

/** The degree as written, without the institution, place or year that share its line. */
function degreeText(part: string): string {
  const pieces = part.split(/\s*,\s*/);
  const kept: string[] = [];
  for (const piece of pieces) {
    if (
      kept.length > 0 &&
      (INSTITUTION.test(piece) || /\b(19|20)\d{2}\b/.test(piece) || peelLocation(piece).location)
    )
      break;
    kept.push(piece);
  }
  return kept
    .join(', ')
    .replace(/\s+at\s+(?:the\s+)?.*$/i, '')
    .replace(/\s*\(?\b(19|20)\d{2}\b.*$/, '')
    .replace(/[,\s]+$/, '');
}

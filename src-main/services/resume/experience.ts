import type { Experience } from '../../../src-shared/resume';
import { peelLocation, peelSlashPlace } from './contact';
import {
  findRange,
  formatPoint,
  joinWrappedDates,
  leadingPoint,
  monthsOf,
  trailingPoint,
  type DateRange,
  type YearMonth,
} from './dates';
import type { Line } from './document';

/** "… Software Engineer Intern, 8x8 Inc.", "Contoso S.p.A.", "Zred Automatización, S.L.": a legal form's full stop ends a
 * name, not a sentence; so do initials ("Washington, D.C."). */
const ABBREVIATION_END =
  /\b(?:inc|ltd|co|corp|llc|plc|bv|nv|ag|sa|spa|s\.p\.a|s\.l|s\.a|s\.r\.l|s\.a\.s|slu|srl|gmbh|pty|pte|bros|dept)\.$|(?<![\p{L}.])(?:\p{Lu}\.){2,}$/iu;

const LEGAL_FORM = /^(?:inc|ltd|llc|llp|plc|corp|co|gmbh|ag|s\.?a|b\.?v|n\.?v|pty|pte)\.?$/i;

/** A kind of engagement that may stand before an employer's name ("Intern Qilin Investment"); "Developer Relations" is a
 * function, not a developer at "Relations". */
const BADGE =
  /^(?:intern|internship|trainee|apprentice|freelance|freelancer|contractor|consultant|volunteer|co-op|stagiaire|praktikant|werkstudent)$/i;

/** A word that cannot end a title: the title wrapped after it. */
const DANGLING = /\b(?:senior|junior|principal|staff|chief|deputy|vice|head of|and|of|&)$|\/$/i;

/** Time between jobs, listed like one: its name is the entry's title. */
const GAP = /\b(sabbatical|career break|parental leave|gap year|travell?ing)\b/i;

export const ROLE =
  /\b(engineer|engineering|developer|programmer|manager|analyst|designer|scientist|lead|director|intern|internship|consultant|specialist|architect|head|leader|vp|vice president|president|officer|coordinator|associate|representative|administrator|admin|executive|marketer|strategist|researcher|assistant|technician|advisor|adviser|founder|co-founder|cto|ceo|cfo|coo|principal|staff|senior|junior|sre|devops|accountant|controller|recruiter|writer|editor|teacher|tutor|instructor|trainee|fellow|owner|partner|agent|tester|qa|apprentice|co-op|freelance|freelancer|contractor|presenter|producer|working student|student assistant|(?:phd|doctoral|graduate) (?:student|candidate)|postdoc|fellowship|professor|lecturer|clerk|attorney|lawyer|paralegal|nurse|member|stagiaire|auxil+iaire|professionnel|professionnelle|chercheur|chercheuse|ing[ée]nieur|d[ée]veloppeur|d[ée]veloppeuse|enseignant|enseignante|professeur|responsable|directeur|directrice|technicien|technicienne|conseiller|conseill[èe]re|gestionnaire|praktikant|entwickler|ingeniero|desarrollador|profesor|supervisor|scholar|clinician|surgeon|dentist|physician|therapist|pharmacist|midwife|paramedic|librarian|receptionist|cashier|bookkeeper|auditor|observership|assistante|animat(?:eur|rice)|vendeu(?:r|se)|infirmi[eè]re?|secr[ée]taire|charg[ée]e?|\p{L}+(?:ologist|ographer|ician)|economist|chemist|physicist|pilot|chef|mechanic)(?![\p{L}])/iu;
/** Legal forms and institutions: a field carrying one is an employer, never a job title. */
const EMPLOYER =
  /(?<![\p{L}])(inc|llc|llp|ltd|limited|gmbh|corp|corporation|plc|bv|nv|oy|ab|as|asa|a\/s|aps|ag|sa|sas|srl|spa|se|kg|pty|pte|kk|labs?|bank|universit(?:y|é|à|ät|at|et)|universidad|universidade|hospital|institute|institut|college|c[ée]gep|[ée]cole|hochschule)(?![\p{L}])\.?/iu;
const EMPLOYER_FIRST =
  /^(\p{Lu}.*?(?:\b(?:GmbH|Inc\.?|Ltd\.?|LLC|AG|SE|plc|B\.?V\.?|S\.?A\.?)|\([\p{Lu}\d&.-]{2,12}\)|\b(?:University|Institute|College|School|Academy)\s+(?:of|for)\s+\p{Lu}[\p{L}'’-]+))\s+(\p{Lu}.*)$/u;
const SCHOOL_FIRST =
  /^((?:\p{Lu}[\p{L}'’.-]*\s+){0,3}(?:University|Institute|College|School|Academy)\s+(?:of|for)\s+\p{Lu}[\p{L}'’-]+)\s+(\p{Lu}.*)$/u;
const ROLE_END = new RegExp(`(?:${ROLE.source})$`, 'iu');
/** A unit inside an employer, named before it: "Division of Epidemiology", "Department of Medicine". */
const UNIT =
  /^(?:division|department|dept\.?|faculty|school|unit|section|group|lab|laboratory)\s+(?:of|for)\s+\p{Lu}/iu;
/** A team inside an employer, named after the role when a list item runs them together. */
const TEAM = /\b(?:group|team|lab|laboratory|department|chair|unit|division)$/i;
/** Words common in company names but also in titles ("Software Engineer", "Social Media Manager"). */
const COMPANY = new RegExp(
  `${EMPLOYER.source}|\\b(company|group|technologies|technology|systems|solutions|studios?|agency|partners|ventures|capital|consulting|software|health|media|holdings|foundation|school)\\b`,
  'iu',
);

/** "Centre for Coastal Studies", "Institute of Physics": an institution's name goes on after "for" or "of". */
const INSTITUTION_WORDS =
  'Institute|Institution|Center|Centre|Foundation|Society|Council|Agency|Office|Ministry|Department|School|Association|Academy|Bureau|Commission|Organi[sz]ation|Alliance|Fund|Network|Federation|Committee|Trust';
/** "Guest Researcher, Northwind Institute" before "for Economic Research": the name goes on, no employer follows. */
const AFTER_INSTITUTION = new RegExp(`\\b(?:${INSTITUTION_WORDS})$`, 'u');
const INSTITUTION_NAME = new RegExp(`\\b(?:${INSTITUTION_WORDS})\\s+(?:for|of)\\s+\\p{Lu}`, 'u');

/** Splits a header line into its fields: tabs, pipes, semicolons, dashes with spaces, middots, " at ", "@",
 * " for " / " with " before a capitalised employer ("Software Engineer for Acorns"), and a colon between two names
 * ("**Northwind Labs**: Research Intern", "Vision Lab : Research Intern"). */
export function headerParts(text: string): string[] {
  // "“The Neural Foundation of Speech”" after the employer names a course taught, not a field of the header.
  return splitHeader(text).filter(
    (p) => !/^(?:spring|summer|fall|autumn|winter)s?$/i.test(p) && !/^“[^”]*”$/.test(p),
  );
}

/** "Summers 2017 - 2018": the season word left beside a range of years is part of the dates, not a field. */
function splitHeader(text: string): string[] {
  // "Currently working as DevOps Engineer in Savina Software Pvt Ltd": a job told in a sentence, role then employer.
  const told = TOLD.exec(text.replace(/[\s.,;:]+$/, ''));
  if (told) return [told[1]!, told[2]!.trim()];
  // With pipes, the writer chose the pipe: "Team Member - Acquisition Innovation | U.S. Army - ODASA(P)".
  const separator = text.includes('|')
    ? /\s*(?:\t|\|)\s*/
    : // "Research Associate in the Statistical Methods for Big Data group at TU Dortmund": with an "at", the
      // employer follows it, and "for" or "with" belongs to the team's name.
      / at /.test(text)
      ? /\s*(?:\t|•|·|▪|;|\s[—–-]\s(?!(?:\d|I{1,3}|IV|V)\s*(?:$|[\t(|,;]))|\s+at\s+|\s@\s|\s:\s|(?<=\S):\s+(?=\p{Lu}))\s*/u
      : /\s*(?:\t|•|·|▪|;|\s[—–-]\s(?!(?:\d|I{1,3}|IV|V)\s*(?:$|[\t(|,;]))|\s@\s|\s:\s|(?<=\S):\s+(?=\p{Lu}))\s*/u;
  return (
    text
      .replace(DURATION, ' ')
      // "Research Intern，Northwind Technology": a full-width comma is a comma.
      .replace(/\s*[，、]\s*/g, ', ')
      .split(separator)
      // "Software Engineer for Acorns": "for" or "with" parts a role from its employer; "Working Capital for Community
      // Needs" and "Research Intern, Centre for Coastal Studies" keep their names whole.
      .flatMap((p) => {
        const m = / at /.test(text) ? null : /^(.+?)\s+(?:for|with)\s+(\p{Lu}.*)$/u.exec(p);
        return m && ROLE.test(m[1]!) && !AFTER_INSTITUTION.test(m[1]!) ? [m[1]!, m[2]!] : [p];
      })
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

const TOLD =
  /^(?:I\s+am\s+|I'm\s+)?(?:[Cc]urrently\s+)?(?:[Ww]orking|[Ee]mployed|[Ss]erving)\s+as\s+(?:an?\s+)?(.+?)\s+(?:in|at|with|for)\s+(\p{Lu}.*)$/u;

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
    // "Data Scientist / Oceanographer": after a role, a slash and one name with no place's comma give a second role.
    const slashed = peelSlashPlace(
      part,
      (tail) =>
        COMPANY.test(tail) ||
        ROLE.test(tail) ||
        (roleOnly(part.slice(0, part.lastIndexOf('/'))) && !/,|\s/.test(tail.trim())),
    );
    const peeled = slashed.location ? slashed : peelLocation(part);
    if (peeled.location && !location) location = peeled.location;
    if (!peeled.rest) continue;
    // "Financial Analyst, Harbor & Pine Capital": a role and an employer sharing one comma-separated field.
    // "Sea Engineering, Inc.": a legal form after its comma ends the name before it.
    const pieces = peeled.rest
      .split(/\s*,\s*/)
      .reduce<string[]>(
        (all, p) =>
          all.length > 0 && LEGAL_FORM.test(p) ? [...all.slice(0, -1), `${all.at(-1)!}, ${p}`] : [...all, p],
        [],
      );
    if (alone && pieces.length === 2 && roleOnly(pieces[0]!) !== roleOnly(pieces[1]!)) rest.push(...pieces);
    else if (
      // "Python dveloper, Servntire, Trivandrum": the only field, two names and the town.
      alone &&
      pieces.length === 3 &&
      /^[\p{Lu}][\p{L}'’.-]+$/u.test(pieces[2]!) &&
      !EMPLOYER.test(pieces[2]!) &&
      pieces.filter(roleOnly).length <= 1
    ) {
      rest.push(pieces[0]!, pieces[1]!);
      location = location ? `${pieces[2]!}, ${location}` : pieces[2]!;
    } else if (
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
  // "Research associate Statistics and Data Analysis Group", "Bielefeld University": a list item whose bold title ran
  // into its group's name, the employer after a comma.
  const grouped = rest.length === 2 && TEAM.test(rest[0]!) && COMPANY.test(rest[1]!) && !TEAM.test(rest[1]!);
  if ((rest.length === 1 || grouped) && !EMPLOYER.test(rest[0]!.split(/\s+/)[0]!)) {
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
  // "StackFuel GmbH Lead Data Scientist", "Dutch Science Council (NWO) Junior Policy Officer", "University of
  // Amsterdam Research Assistant": with no separator, an employer whose name visibly ends (a legal form, a bracket,
  // a school or institute "of" or "for" its one-word name) comes first and the role runs to the end.
  if (rest.length === 1) {
    const ended = EMPLOYER_FIRST.exec(rest[0]!) ?? SCHOOL_FIRST.exec(rest[0]!);
    if (ended && roleOnly(ended[2]!) && ROLE_END.test(ended[2]!))
      rest.splice(0, 1, ended[1]!.trim(), ended[2]!.trim());
  }
  // "Intern Qilin Investment" beside "Quantitative Researcher Intern": a category word, then the employer's name.
  const badged = rest.findIndex((p) => {
    const words = p.split(/\s+/);
    return (
      words.length >= 2 &&
      BADGE.test(words[0]!) &&
      /^\p{Lu}/u.test(words[1]!) &&
      !ROLE.test(words.slice(1).join(' ')) &&
      rest.some((q) => q !== p && ROLE.test(q) && !EMPLOYER.test(q))
    );
  });
  if (badged >= 0) {
    const [word, ...name] = rest[badged]!.split(/\s+/);
    rest.splice(badged, 1, word!, name.join(' '));
  }
  // "Mechanical Engineer - Intern": a lone level after a role, split off by the dash, is part of the title.
  for (let i = 1; i < rest.length; i++)
    if (/^(?:intern|internship|trainee|apprentice|co-?op)$/i.test(rest[i]!) && roleOnly(rest[i - 1]!))
      rest.splice(i - 1, 2, `${rest[i - 1]!} - ${rest[i]!}`);
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
  // "Freelance" over "Full Stack Mobile Engineer": working for oneself stands where the employer goes.
  const SELF = /^(?:freelance|freelancer|self[- ]employed|independent)$/i;
  // "Centre for Computational Engineering : Research Intern": an institution's name holds no role, whatever its words.
  const roleLike = rest.filter(
    (p, _i, all) =>
      (roleOnly(p) || (GAP.test(p) && !EMPLOYER.test(p))) &&
      !(SELF.test(p) && all.some((q) => q !== p && ROLE.test(q))),
  );
  let title = roleLike[0] ?? rest.find((p) => ROLE.test(p)) ?? null;
  // "Intern" then "Quantitative Researcher Intern": the fuller title that holds the lone word is the role.
  let badgeWord: string | null = null;
  if (title && !/\s/.test(title)) {
    const word = new RegExp(`\\b${title.replace(/[^\p{L}]/gu, '')}\\b`, 'iu');
    const fuller = roleLike.find((p) => p !== title && word.test(p));
    if (fuller) [badgeWord, title] = [title, fuller];
  }
  let others = rest.filter((p) => p !== title && p !== badgeWord);
  // With three or more fields, a lone word after the employer is its city ("Fjordbank — Aarhus").
  if (!location && others.length >= 2) {
    const city = [...others].reverse().find((p) => /^[\p{Lu}][\p{L}'’.-]+$/u.test(p) && !EMPLOYER.test(p));
    if (city && others.indexOf(city) > 0) {
      location = city;
      others = others.filter((p) => p !== city);
    }
  }
  // "Deep learning and geometry based software engineering for robotic": a description beside the dates (a table
  // row's summary cell) is no employer, whatever words it holds.
  const named = others.filter((p) => {
    // Judged as the employer it would give, with its closing full stop: "Adobe (team) I work on …" is Adobe.
    const name = cleanCompany(p);
    return !describes(/\.$/.test(p) && !name.endsWith('.') ? `${name}.` : name);
  });
  let company = named.find((p) => COMPANY.test(p)) ?? named.find((p) => !ROLE.test(p)) ?? named[0] ?? null;
  if (guess && !title && rest.length >= 2) {
    // "University of Wisconsin, Madison" over "Statistical Consulation": with no role word, the field that names an
    // institution or a legal form is the employer, wherever it stands.
    const swap = EMPLOYER.test(rest[0]!) && !EMPLOYER.test(rest[1]!);
    title = rest[swap ? 1 : 0]!;
    company = rest[swap ? 0 : 1]!;
  }
  return { title: title && cleanTitle(title), company: company && cleanCompany(company), location };
}

/** A sentence, or more than six words mostly in lower case: prose, not a name. */
function describes(text: string): boolean {
  const words = text.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (words.length > 4 && /\.$/.test(text) && !/\)\.$/.test(text) && !ABBREVIATION_END.test(text))
    return true;
  return words.length > 6 && words.filter((w) => /^\p{Ll}/u.test(w)).length > words.length / 2;
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
  // "Division of Epidemiology, Department of Medicine, Vanderbilt University Medical Center": units inside the
  // employer come first, the employer after them.
  const units = c.split(/\s*,\s*/);
  const unitAt = units.findIndex((p) => !UNIT.test(p));
  if (unitAt > 0 && EMPLOYER.test(units[unitAt]!)) c = units.slice(unitAt).join(', ');
  // "Kellogg, Hansen, Todd, Figel & Frederick, P.L.L.C. (Washington, D.C.)": partners' names closed by the firm's
  // legal form are one name, however long.
  const LEGAL_TAIL = /,\s*(?:inc|llc|llp|ltd|plc|p\.?l\.?l\.?c|l\.?l\.?p|gmbh|corp)\.?(?:\s*\([^)]*\))?$/i;
  const firm = LEGAL_TAIL.test(c);
  if (c.length > 60 && c.includes(',') && !firm) c = c.split(/\s*,\s*/)[0]!;
  // "DEC S.p.A., Lainate, Lombardia, Italia, dec.group": the employer, then its town, region, country and site.
  const pieces = c.split(/\s*,\s*/).filter((p) => !WEB_DOMAIN.test(p));
  if (
    !firm &&
    pieces.length >= 3 &&
    pieces.slice(1).every((p) => /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{L}[\p{L}'’.-]*){0,2}$/u.test(p))
  )
    c = pieces[0]!;
  c = c
    .replace(/[\s:,]+$|(?<=\))\.$/, '')
    // A bracketed aside after a space is a team or a place; "ODASA(P)" is part of the name.
    .replace(/\s+\([^)]*\)?$/, '')
    .replace(/[\s:,]+$/, '')
    // "ShengQu Games Inc. Shanghai": a single capitalised word after the legal form is the city.
    .replace(/^(.{2,}\b(?:inc|ltd|llc|gmbh|corp|co)\.?)\s+[\p{Lu}][\p{L}'’-]+$/iu, '$1')
    // "Tellabs, Espoo": a single capitalised word after the employer is its city.
    .replace(
      /^(.{2,}?),\s*([\p{Lu}][\p{L}'’.-]+(?:\s+(?:am|an|upon|on|sur)\s+[\p{Lu}][\p{L}'’.-]+)?)$/u,
      (all, name: string, city: string) => (EMPLOYER.test(city) ? all : name),
    );
  // "… at *Mayo Clinic*.": the sentence's full stop, not an abbreviation's ("Acme Inc.").
  if (!ABBREVIATION_END.test(c)) c = c.replace(/(?<=\p{L})\.$/u, '');
  return c || company;
}

const isHeaderLike = (line: Line, previous: Line | undefined) => {
  const t = line.text;
  if (line.bullet || t.length > 100 || /;$/.test(t)) return false;
  // "Technologies: Unreal Engine 5, C++" under a job lists what it used; it heads nothing.
  if (/^(?:technologies|tech stack|tools|environment|stack|skills|used)\s*:/i.test(t)) return false;
  // A sentence ends with a full stop; "Eligible Inc." and "Qualfon (Cebu City, Philippines)." do not make one.
  if (/\.$/.test(t) && !/\)\.$/.test(t) && !ABBREVIATION_END.test(t) && t.split(/\s+/).length > 2)
    return false;
  // A wrapped bullet or paragraph continues in lower case ("vision and product roadmap"); "iDevops" and "isMOOD
  // Data Services", names with a capital inside their first word, do not, nor does "the University of Hong Kong",
  // an employer named in lower case.
  const named = /^\p{Ll}+\p{Lu}/u.test(t) || /^the\s+\p{Lu}/u.test(t);
  if (/^\p{Ll}\p{Ll}/u.test(t) && !named) return false;
  if (previous?.bullet && /^[\p{Ll}]/u.test(t) && !named) return false;
  // "Python, Flask, SQLAlchemy, PostgreSQL, Redis, Google Cloud," / "Typescript, React.": a list of tools, and the
  // line it runs onto, head nothing; a header has a few comma pieces at most ("Engineer, Acme Inc., Lyon").
  // "Consultant, DAMAC Solutions, Trivandrum, Kerala, India": the place's commas do not make a list.
  const listLike = (text: string) => (peelLocation(text).rest.match(/,/g)?.length ?? 0) >= 4;
  if (listLike(t) || (previous && /,\s*$/.test(previous.text) && listLike(previous.text))) return false;
  return true;
};

/** "Company: Bytedance Co.", "Lab: Su Lab, University of California": a line that names the employer outright. */
const EMPLOYER_LABEL =
  /^(?:company|employer|organi[sz]ation|lab|laboratory|institution|firm)\s*:\s*(.{2,80})$/i;
/**
 * "Supervisor: …", "Duties included: …": a labelled detail under a header, never one of its fields; so is the person
 * who advised the work, whatever the spacing ("Advisor : Dr. Grace Lin", where "Vision Lab : Research Intern" is an
 * entry).
 */
const LABELLED =
  /^[\p{L} ]{1,24}\p{L}:\s|^(?:(?:co-?)?advisors?|supervisors?|mentors?|(?:advised|supervised|mentored|guided) by|PI)\s*[:–—-]\s/iu;
/**
 * "Aug. 2023 - Feb. 2024: Visiting Researcher at *Mayo Clinic*.": a list item opening with its range and a few words
 * after it heads an entry even though the writer ended it with a full stop.
 */
function datedItem(text: string, reference: YearMonth): boolean {
  const range = findRange(text, reference.year);
  const after = range ? text.slice(range.index + range.length) : '';
  // "**Employer**: Senior Research Scientist Intern, Vision Group _(June 2023 - September 2023)_": an item closed by
  // its range in brackets heads an entry, however long the role before it.
  if (range && /^\s*\)[\s_*.]*$/.test(after) && text.slice(0, range.index).split(/\s+/).length <= 16)
    return true;
  // "Fall 2016 - Spring 2018, ASTR 420, ASTR 330, ASTR 300": a list of courses taught is no header.
  return (
    range !== null &&
    range.index <= 1 &&
    // "October 2020 – present: Research Associate in the Statistics and Data Analysis group at Bielefeld University":
    // after a colon the item names its role, its team and its employer, which takes more words.
    after.split(/\s+/).filter(Boolean).length <= (/^\s*:/.test(after) ? 18 : 10) &&
    // "6/2016-5/2020: Research associate, Statistics and Data Analysis Group, Bielefeld University, GER.": after a
    // colon, commas part the role, the group, the employer and the country.
    (/^\s*:/.test(after) || !/,.*,/.test(after))
  );
}

/** "Fall 2020: Teaching Assistant": a term, a colon, then the role. */
function termItem(text: string, reference: YearMonth): DateRange | null {
  const point = leadingPoint(text, reference.year);
  return point && /^\s*:/.test(text.slice(point.index + point.length)) ? point : null;
}

/** "Intern Market Intelligence, CLAAS KGaA mbH, 2020": a role's list item ending in the one year it lasted. */
function trailingYear(text: string): DateRange | null {
  const m = /,\s*((?:19|20)\d{2})\s*$/.exec(text);
  if (!m) return null;
  const point = { year: Number(m[1]), month: null };
  return { start: point, end: point, current: false, index: m.index, length: m[0].length };
}

/** A list item that is only a role ("Software Engineer Intern"), as under an employer's dated item. */
const roleItem = (line: Line | undefined): boolean =>
  !!line?.bullet &&
  line.text.split(/\s+/).length <= 6 &&
  ROLE.test(line.text) &&
  !EMPLOYER.test(line.text) &&
  !LABELLED.test(line.text);

/** "Vision Lab : Research Intern", "**Northwind Labs**: Research Intern": a colon between two names. */
const NAME_COLON = /\s:\s|(?<=\S):\s+(?=\p{Lu})/u;

/** A field that names a role and no employer. */
/** "Research Doctorate (100%)": a share of full time follows a role, whatever its words. */
const WORKLOAD = /\(\s*\d{1,3}(?:\s*[–-]\s*\d{1,3})?\s*%\s*\)$/;
const roleOnly = (text: string): boolean =>
  (ROLE.test(text) || WORKLOAD.test(text)) && !EMPLOYER.test(text) && !INSTITUTION_NAME.test(text);

const nameCase = (text: string): boolean => {
  const words = text
    .split(/\s+/)
    .filter((w) => /^\p{L}/u.test(w) && !/^(?:of|and|for|the|de|du|la|&)$/i.test(w));
  return words.filter((w) => /^\p{Lu}/u.test(w)).length * 2 >= words.length;
};

/** A list item read as a line of its own, to ask whether it could head an entry. */
const asItem = (line: Line): Line => ({ ...line, bullet: false });

/** "Since 2014 I've attended more than a hundred events where …": dates opening a sentence in the first person date
 * no entry. */
const firstPersonAfter = (range: DateRange, text: string): boolean =>
  /^(?:I|I['’](?:ve|m|d)|we|my|our)\s/i.test(text.slice(range.index + range.length).trim());

/** A short line that can open an entry dated by one point ("Summer 2019", "2019 (2 months) Summer student …"). */
const pointAnchor = (line: Line, reference: YearMonth): DateRange | null =>
  line.text.length <= 120 && !(/\.$/.test(line.text) && !/\)\.$/.test(line.text))
    ? (leadingPoint(line.text, reference.year) ??
      // "Applied Scientist Intern - Ads Summer 2024": a role's line ending in its term; "Chicken4Charity<tab>26th July
      // 2019": a table's cell holding only its date.
      (ROLE.test(line.text) || /\t[^\t]{0,20}$/.test(line.text)
        ? trailingPoint(line.text, reference.year)
        : null))
    : null;

/**
 * "Honors: Presidential Engagement Fellow (2021–22); …", "Courses taught: …": a labelled detail under a job dates a
 * prize or a course, not an entry. A label right before the dates ("DevOps Engineer: 2019 – 2021") is a header's.
 */
function labelledDetail(text: string, range: DateRange): boolean {
  const label =
    /^(?:honou?rs|awards?|prizes?|grants?|funding|courses(?: taught)?|coursework|teaching|achievements|key achievements|responsibilities|duties|activities|publications?|thesis|supervisors?|advisors?)\s*:\s/i.exec(
      text,
    );
  return label !== null && range.index > label[0].length + 2;
}

/**
 * "2016 – Present<tab>Employer": dates in a label column, at the head of the row they open. The entry starts on that
 * line; the lines above it end the entry before.
 */
function opensRow(text: string, range: DateRange): boolean {
  const tab = text.indexOf('\t');
  // A table's date cell beside a description ("2025.07 -<tab>Deep learning and geometry based …") sits mid-entry,
  // under the title and the employer.
  return (
    tab > 0 &&
    /^\s*$/.test(text.slice(0, range.index)) &&
    tab <= range.index + range.length + 12 &&
    !describes(text.slice(tab + 1))
  );
}

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

/**
 * "* October 2020 – present: Research Associate in the … group at Bielefeld University," over "Bielefeld": a dated
 * list item the page wrapped goes on on the short line under it (no bullet, no gap, no date of its own).
 */
function joinWrappedItems(lines: Line[], reference: YearMonth): Line[] {
  const out: Line[] = [];
  for (const line of lines) {
    const item = out.at(-1);
    if (
      item?.bullet &&
      !line.bullet &&
      !line.gapBefore &&
      item.text.length >= 70 &&
      line.text.split(/\s+/).length <= 5 &&
      !/[.;:!?]$/.test(item.text) &&
      (findRange(item.text, reference.year)?.index ?? 99) <= 1 &&
      !findRange(line.text, reference.year)
    )
      out[out.length - 1] = { ...item, text: `${item.text} ${line.text}` };
    else if (item?.bullet && !line.bullet && !line.gapBefore && wrappedDates(item.text, line.text, reference))
      out[out.length - 1] = { ...item, text: `${item.text} ${line.text}` };
    else if (
      item?.bullet &&
      !line.bullet &&
      !line.gapBefore &&
      WRAPPED_SCHOOL.test(line.text) &&
      /\p{Lu}\p{L}+$/u.test(item.text)
    ) {
      // "…: Research Assistant, The Hong Kong Polytechnic" over "University. Assisting the project leader…": the
      // employer's last word wrapped onto the description.
      const [word, rest] = [
        WRAPPED_SCHOOL.exec(line.text)![1]!,
        line.text.replace(WRAPPED_SCHOOL, '').trim(),
      ];
      out[out.length - 1] = { ...item, text: `${item.text} ${word}` };
      if (rest) out.push({ ...line, text: rest });
    } else out.push(line);
  }
  return out;
}

const WRAPPED_SCHOOL = /^(University|College|Institute|School|Hospital|Academy|Polytechnic)(?:[.,;]\s*|$)/;

/**
 * "* Indian Institute of Science, Bangalore (IISc): Research Fellow (June" over "2014 - Oct 2014)": an undated list
 * item whose dates, closing it, the page wrapped onto the next line.
 */
function wrappedDates(item: string, next: string, reference: YearMonth): boolean {
  if (/[.;!?]$/.test(item) || findRange(item, reference.year) || next.split(/\s+/).length > 10) return false;
  const joined = `${item} ${next}`;
  const range = findRange(joined, reference.year);
  if (!range || !/^[\s)]*$/.test(joined.slice(range.index + range.length))) return false;
  // The dates began on the item, or stand bracketed alone on the line, or the item broke off after a word that
  // cannot end it ("… (DRDO), Ministry of" over "Defence, India: Research Intern (Nov 2015 - May 2016)"); a line
  // with its own dates after an item that ended opens the next entry.
  return (
    range.index < item.length ||
    /^\(/.test(next.trim()) ||
    /(?:\b(?:of|and|for|the|in|at|&)|,)$/i.test(item.trim())
  );
}

export function parseExperience(sectionLines: Line[], reference: YearMonth): ParsedExperience[] {
  const lines = joinWrappedItems(joinWrappedDates(sectionLines), reference);
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
      // A wrapped line keeps its size: a larger line under a list of details starts something new.
      Math.abs(line.size - prev.size) < 0.5 &&
      (prev.bullet || continued[i - 1]!) &&
      !/[.!?:;)]$/.test(prev.text.trim());
  });
  const anchorsOn = (
    usable: (line: Line, index: number) => boolean,
    point: (line: Line, reference: YearMonth, index: number) => DateRange | null,
  ) => {
    const found: { index: number; range: DateRange }[] = [];
    lines.forEach((line, index) => {
      if (!usable(line, index)) return;
      const range = findRange(line.text, reference.year) ?? point(line, reference, index);
      if (
        range &&
        !runIn(line.text, range) &&
        !labelledDetail(line.text, range) &&
        !firstPersonAfter(range, line.text)
      )
        found.push({ index, range });
    });
    return found;
  };
  let anchors = anchorsOn((line) => !line.bullet, pointAnchor);
  // A CV written as one nested list (an academic page's "* 05/19 – 08/19 Research Intern, ByteDance" over
  // "  * Supervisor: …") dates its entries on list items: with no dated line outside the list, an item short enough
  // to be a header and holding a range, or a role ending in its term, heads an entry ("Fall 2017, ASTR 100" under a
  // job is a course taught).
  const listed = anchors.length === 0;
  if (listed)
    anchors = anchorsOn(
      (line, i) =>
        line.bullet && (isHeaderLike(asItem(line), lines[i - 1]) || datedItem(line.text, reference)),
      (line, _reference, i) =>
        ROLE.test(line.text)
          ? (trailingPoint(line.text, reference.year) ??
            termItem(line.text, reference) ??
            trailingYear(line.text))
          : // "* Winter 2025: Northwind Research" over "  * Research Intern": a term and the employer, the role on
            // the item under it.
            roleItem(lines[i + 1])
            ? termItem(line.text, reference)
            : null,
    );
  if (anchors.length === 0) return undatedEntries(lines);
  const headed = listed && anchors.every((a) => lines[a.index - 1]?.heading);
  // "* **Title**, *Employer*" / "  * Frankfurt, DEU" / "  * Nov 2018 - present" (a Word list that kept no levels):
  // items that are only their dates, under the first item, close their entries; its header is above them.
  const closing =
    listed &&
    anchors[0]!.index > 0 &&
    anchors.every(
      (a) =>
        !/\p{L}{2}/u.test(lines[a.index]!.text.replace(lineRangeText(lines[a.index]!.text, a.range), '')),
    );

  const headerOf = new Map<number, number[]>();
  const employerOf = new Map<number, string>();
  const taken = new Set<number>();
  // Dated items that only describe the work, under a line naming the role and the employer.
  const described = new Set<number>();
  const fieldsOf = (indices: number[], anchor: { index: number; range: DateRange }, guess = true) =>
    assignFields(
      indices
        .map((i) =>
          i === anchor.index
            ? described.has(i)
              ? ''
              : lines[i]!.text.replace(lineRangeText(lines[i]!.text, anchor.range), '\t')
            : lines[i]!.text,
        )
        // "… ESET Canada Research," + "Montréal": a header line ending in a comma goes on on the next one, unless
        // that one sits apart, after a gap (the title under an employer's line of places).
        .reduce<string[]>((acc, text, k) => {
          // "… | Center for Computational Imaging and" over "Personalized Diagnostics / Cleveland, OH" likewise.
          // So does one that opened a quotation ("… — “The Neural Foundation" over "of Speech” — Feb–Jul 2023").
          if (
            acc.length > 0 &&
            (/,\s*$|\s(?:and|of|for|&)$/i.test(acc.at(-1)!) || /“[^”]*$/.test(acc.at(-1)!)) &&
            !lines[indices[k]!]!.gapBefore
          )
            acc[acc.length - 1] = `${acc.at(-1)!} ${text}`;
          else acc.push(text);
          return acc;
        }, [])
        .flatMap(headerParts),
      guess,
    );
  // "* **Contoso AI**, Bangalore" over "  * Associate ML Scientist - 2 (Jan 2023 - Present)": in a nested list, an undated
  // item that names no role, right over a dated role that names no employer, is the employer of the roles under it.
  const heads = new Map<number, number>();
  if (listed && !closing)
    for (const [k, anchor] of anchors.entries()) {
      const i = anchor.index - 1;
      const line = lines[i];
      const ownFields = fieldsOf([anchor.index], anchor, false);
      if (
        line &&
        // "**BEAT**, Athens" over "■ Big Data Software Engineer  Aug 2017 – Present": the employer's own line over
        // its bulleted roles heads them as an item would.
        (line.bullet || (!line.heading && !continued[i] && isHeaderLike(line, lines[i - 1]))) &&
        (k === 0 || anchors[k - 1]!.index < i) &&
        !findRange(line.text, reference.year) &&
        !LABELLED.test(line.text) &&
        // "Sri Ramachandra Dental College and Hospital, Chennai, Tamil Nadu, India": the place does not count.
        peelLocation(line.text).rest.split(/\s+/).length <= 8 &&
        isHeaderLike(asItem(line), lines[i - 1]) &&
        // "**Consultant, DAMAC Solutions**, Trivandrum" over "■ Tasked with evaluating …  Aug 2018 – Present": a line
        // naming the role and the employer heads a dated item that names neither.
        // A name is mostly capitalised; "Supervised two master students", the last detail above, is not.
        nameCase(line.text) &&
        // "* **2022 - : Scientist**" / "  * Northwind SE" / "* **2020 - 2022: …**": where the first role has no
        // employer's line over it, a name right under a dated role that names no employer is that role's employer,
        // not the next one's.
        !(
          k > 0 &&
          !heads.has(0) &&
          anchors[k - 1]!.index === i - 1 &&
          fieldsOf([anchors[k - 1]!.index], anchors[k - 1]!, false).company === null
        ) &&
        (!roleOnly(line.text) || (line.text.includes(',') && ownFields.title === null)) &&
        // "University of Louisville, Louisville, KY" over "■ Summer Research Fellow, Dept. of Biology  May 2016 – Aug
        // 2016": the item's own comma parts a department from the role; the line above names the employer.
        (ownFields.company === null || (EMPLOYER.test(line.text) && !EMPLOYER.test(ownFields.company)))
      ) {
        heads.set(k, i);
        const own = lines[anchor.index]!.text.replace(
          lineRangeText(lines[anchor.index]!.text, anchor.range),
          ' ',
        );
        if (line.text.includes(',') && describes(own.trim())) described.add(anchor.index);
      }
    }
  for (const [k, anchor] of anchors.entries()) {
    const header: number[] = [anchor.index];
    const head = heads.get(k);
    if (head !== undefined) header.unshift(head);
    const floor = k === 0 ? 0 : anchors[k - 1]!.index + 1;
    // A dated list item is its entry's first line: what stands above it is the previous entry or a sub-title. So is
    // a date line that names both the role and the employer ("Intern Qilin Investment  2024.2 – 2024.3" under the
    // previous card's tags); a comma may instead split one title ("Product Lead, Agent Strategy" under its employer).
    const own = fieldsOf([anchor.index], anchor, false);
    const complete = own.title !== null && own.company !== null && !lines[anchor.index]!.text.includes(',');
    // A heading over every dated item is each item's employer ("### Amazon.com, Inc" over "* Applied Scientist
    // Intern … Summer 2024"); one over a group of them is a sub-title ("Research Roles").
    if (headed && !taken.has(anchor.index - 1)) header.unshift(anchor.index - 1);
    const opens = opensRow(lines[anchor.index]!.text, anchor.range);
    for (
      let i = anchor.index - 1;
      (!listed || closing) && !complete && !opens && i >= floor && header.length < 3;
      i--
    ) {
      if (
        taken.has(i) ||
        continued[i] ||
        !isHeaderLike(closing ? asItem(lines[i]!) : lines[i]!, lines[i - 1])
      )
        break;
      header.unshift(i);
      // A gap above a header line parts it from the entry before ("… Germany." [gap] "Autentia, Madrid").
      if (lines[i]!.gapBefore) break;
      // "Junior Engineer | Trustlogix / Mountain View, CA" over its dates: a line that parts a title from an employer
      // is the header's top; the line above it ends the previous entry ("…, Google Cloud Platform").
      const whole = fieldsOf([i], anchor, false);
      if (/[|\t]/.test(lines[i]!.text) && whole.title && whole.company) break;
    }
    // The title or the employer may sit on the line(s) after the dates ("Acme — Berlin   2019 – 2021" / "Engineer").
    const ceiling = anchors[k + 1]?.index ?? lines.length;
    let fields = fieldsOf(header, anchor, false);
    // A lone category word before the employer ("Intern Qilin Investment") is a badge: the role line under it says
    // which internship ("Quantitative Researcher Intern · Shanghai, China").
    const badge = (i: number) =>
      i === anchor.index + 1 &&
      !!fields.title &&
      !/\s/.test(fields.title) &&
      ROLE.test(lines[i]!.text) &&
      // "I work as an intern, often undertaking …": a sentence about the role says no more of its title.
      !describes(lines[i]!.text);
    // Under a dated list item, an item that is a name and its place ("VocaCoach, Paris, France") is the employer,
    // even when the dated item's comma seemed to give one ("Intern, Facial Emotion Analysis").
    const placed = (i: number) => {
      if (!listed || i !== anchor.index + 1) return false;
      const { rest, location } = peelLocation(lines[i]!.text);
      return location !== null && /^\p{Lu}/u.test(rest) && rest.split(/\s+/).length <= 5 && !ROLE.test(rest);
    };
    for (
      let i = anchor.index + 1;
      !closing &&
      i < ceiling &&
      i !== heads.get(k + 1) &&
      header.length < 3 &&
      (!fields.title || !fields.company || badge(i) || placed(i));
      i++
    ) {
      // Under a dated list item, the item below it may carry the employer ("  * CEA LIST, Palaiseau, France").
      // Under a dated title that names no employer, a short item naming an institution or a place is the employer
      // ("**Research Scholar**  Feb 2016 – Apr 2018" over "■ National Institute of Technology, Tiruchirappalli").
      const employerItem =
        i === anchor.index + 1 &&
        lines[i]!.bullet &&
        !!fields.title &&
        !fields.company &&
        lines[i]!.text.split(/\s+/).length <= 8 &&
        !/[.;:]$/.test(lines[i]!.text) &&
        !LABELLED.test(lines[i]!.text) &&
        (EMPLOYER.test(lines[i]!.text) || peelLocation(lines[i]!.text).location !== null);
      const line =
        (listed && i === anchor.index + 1 && !LABELLED.test(lines[i]!.text)) || employerItem
          ? asItem(lines[i]!)
          : lines[i]!;
      // "(Company based in France, Marseille)", "boltongroup.net": an aside or the employer's site under its line
      // heads nothing, and the title may follow it.
      if (/^\(.*\)$/.test(line.text.trim()) || WEB_DOMAIN.test(line.text.trim())) continue;
      // Titles stacked over their own dates under one employer ("Manager" / "Mar 2026 - Current" / "Engineer" /
      // "Jan 2024 - Jun 2025"): a role right over the next entry's dates is that entry's title.
      if (i + 1 === ceiling && ROLE.test(line.text) && !EMPLOYER.test(line.text) && fields.title) break;
      // A line that is only a place is the location, taken below; anything else header-like completes the header.
      // A description starts under the header: a sentence, or more than a header's few words, is not part of it.
      if (
        // "stagiaire en développement android" under the employer's dated line: a title in lower case, as French
        // CVs write them, completes a header that has none.
        !(
          isHeaderLike(line, lines[i - 1]) ||
          (!fields.title &&
            !line.bullet &&
            /^\p{Ll}/u.test(line.text) &&
            line.text.split(/\s+/).length <= 8 &&
            !/[.,;]$/.test(line.text) &&
            roleOnly(line.text))
        ) ||
        line.text.split(/\s+/).length > 12 ||
        // "SmartDrive Inc." ends with a legal form's full stop, not a sentence's.
        (/\.$/.test(line.text) && !/\)\.$/.test(line.text) && !ABBREVIATION_END.test(line.text)) ||
        (/,$/.test(line.text) && !ROLE.test(line.text) && !COMPANY.test(line.text)) ||
        // Once the header has a title or an employer, a gap before the next line ends it; a bold line under a bold
        // title that still lacks its employer goes on ("Developer  Sep 2011 – Apr" / "2012" / "Acme Systems").
        (line.gapBefore &&
          (fields.title || fields.company) &&
          !(line.bold && lines[anchor.index]!.bold && fields.title && !fields.company) &&
          // "02/2024-Present ENOGIA SA, Milan" [gap] "Business Developer, South Europe": the title under the
          // employer's line completes the header however far below it sits.
          !(!fields.title && ROLE.test(line.text) && !EMPLOYER.test(line.text)) &&
          // "* June 2022 - August 2022: Summer Research Fellow" [gap] "  * Indian Institute of Technology Delhi": in
          // a nested list, the name on the item right under the dated role is its employer.
          !(listed && i === anchor.index + 1 && fields.title && !fields.company && nameCase(line.text))) ||
        peelLocation(line.text).rest === ''
      )
        break;
      header.push(i);
      fields = fieldsOf(header, anchor, false);
    }
    // "Technical Analyst, Investment Banking" over "Credit Suisse Services AG": a role and its department on one
    // line, the employer's name on the next.
    const below = Math.max(...header) + 1;
    const organisation = lines[below];
    if (
      organisation &&
      below < ceiling &&
      fields.title &&
      fields.company &&
      !organisation.bullet &&
      !organisation.gapBefore &&
      COMPANY.test(organisation.text) &&
      !COMPANY.test(fields.company) &&
      !roleOnly(organisation.text) &&
      nameCase(organisation.text) &&
      organisation.text.split(/\s+/).length <= 8 &&
      peelLocation(organisation.text).rest !== '' &&
      [fields.title, fields.company].every((f) => lines[Math.max(...header)]!.text.includes(f))
    ) {
      header.push(below);
      employerOf.set(k, organisation.text);
    }
    // "Company: Bytedance Co." under the dates names the employer, whatever the header line guessed.
    const labelled = lines[Math.max(...header) + 1];
    // Under an employer's own line, "Employer: Dr. Robert Fuchs" names the person the candidate worked for.
    const employer =
      labelled && Math.max(...header) + 1 < ceiling && head === undefined
        ? EMPLOYER_LABEL.exec(labelled.text)
        : null;
    if (employer) {
      header.push(Math.max(...header) + 1);
      employerOf.set(k, employer[1]!.trim());
    }
    // A place on its own line right under the header ("New York, NY", "Lyon").
    const next = Math.max(...header) + 1;
    const nextLine = lines[next];
    // A heading set larger than the entry names the next employer ("### Virginia Tech"), not this one's place.
    if (
      nextLine &&
      next < ceiling &&
      !nextLine.bullet &&
      !fields.location &&
      !(nextLine.heading && nextLine.size > lines[anchor.index]!.size + 0.5)
    ) {
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

  const fieldsByEntry = anchors.map((anchor, k) => {
    const employer = employerOf.get(k);
    if (employer === undefined) return fieldsOf(headerOf.get(k)!, anchor);
    const fields = fieldsOf(
      headerOf.get(k)!.filter((i) => !EMPLOYER_LABEL.test(lines[i]!.text)),
      anchor,
    );
    return { ...fields, company: cleanCompany(employer) };
  });
  orientLikeTheOthers(lines, anchors, headerOf, fieldsByEntry);
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

  const undated = undatedRoles(lines, taken, anchors, headerOf);
  const bulletsOf = (from: number, to: number): string[] => {
    const bullets: string[] = [];
    for (let i = from; i < to; i++) {
      if (taken.has(i)) continue;
      const line = lines[i]!;
      const last = bullets.length - 1;
      if (!line.bullet && last >= 0 && !/[.!?]$/.test(bullets[last]!) && !lines[i - 1]?.gapBefore)
        bullets[last] += ` ${line.text}`;
      else bullets.push(line.text);
    }
    return bullets;
  };
  const dated = anchors.flatMap((anchor, k) => {
    if (groups.has(k)) return [];
    const header = headerOf.get(k)!;
    const fields = fieldsByEntry[k]!;
    const nextStart = Math.min(
      k + 1 < anchors.length ? Math.min(...headerOf.get(k + 1)!) : lines.length,
      ...undated.filter((u) => u.from > anchor.index).map((u) => u.from),
    );
    const bullets = bulletsOf(Math.max(...header) + 1, nextStart);
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
        at: anchor.index,
      },
    ];
  });
  const extra = undated.map((u, n) => {
    const next = Math.min(
      undated[n + 1]?.from ?? lines.length,
      ...anchors.filter((a) => a.index > u.role).map((a) => Math.min(...headerOf.get(anchors.indexOf(a))!)),
    );
    return {
      title: cleanTitle(lines[u.role]!.text),
      company: cleanCompany(lines[u.employer]!.text),
      location: null,
      start: null,
      end: null,
      current: false,
      months: null,
      bullets: bulletsOf(u.role + 1, next),
      range: null,
      at: u.role,
    };
  });
  return [...dated, ...extra].sort((a, b) => a.at - b.at).map(({ at: _at, ...e }) => e);
}

/**
 * "Foundation for Public Code, Amsterdam" over "Codebase Steward (Communities & Product) • Feb, 2020 — Present": where
 * neither field names a role, the section's other entries say which line holds what. When every entry whose title
 * names a role puts it on the same side of the employer (on the dated line with the employer above, or the other way
 * round), and at least two do, an entry the other way round with no role word in its title had them swapped.
 */
function orientLikeTheOthers(
  lines: Line[],
  anchors: { index: number }[],
  headerOf: Map<number, number[]>,
  fields: { title: string | null; company: string | null }[],
): void {
  const sideOf = (k: number): 'dated' | 'above' | null => {
    const { title, company } = fields[k]!;
    if (!title || !company) return null;
    const at = anchors[k]!.index;
    const holds = (i: number, text: string) => lines[i]!.text.includes(text);
    const header = headerOf.get(k)!;
    const above = header.filter((i) => i < at);
    if (holds(at, title) && !holds(at, company) && above.some((i) => holds(i, company))) return 'dated';
    if (holds(at, company) && !holds(at, title) && above.some((i) => holds(i, title))) return 'above';
    return null;
  };
  const sides = fields.map((_, k) => sideOf(k));
  const named = sides.filter((side, k) => side !== null && ROLE.test(fields[k]!.title!));
  const usual = named[0];
  if (!usual || named.length < 2 || named.some((side) => side !== usual)) return;
  fields.forEach((f, k) => {
    if (sides[k] && sides[k] !== usual && !ROLE.test(f.title!))
      [f.title, f.company] = [cleanTitle(f.company!), cleanCompany(f.title!)];
  });
}

/**
 * "### Virginia Tech" over "**Graduate Teaching Assistant**" (courses and terms under it) and "**Research Assistant**":
 * among dated entries, roles in bold with no dates of their own, under an employer's heading that heads no dated
 * entry, are entries too, undated. Returns each role's line, its employer's line and where the entry starts.
 */
function undatedRoles(
  lines: Line[],
  taken: Set<number>,
  anchors: { index: number }[],
  headerOf: Map<number, number[]>,
): { role: number; employer: number; from: number }[] {
  const out: { role: number; employer: number; from: number }[] = [];
  const headed = new Set([...headerOf.values()].flat());
  const lastAbove = (i: number) => Math.max(-1, ...[...headed].filter((h) => h < i));
  lines.forEach((line, i) => {
    const text = line.text.trim();
    if (taken.has(i) || !line.bold || text.split(/\s+/).length > 6 || !roleOnly(text)) return;
    if (findRange(text) || LABELLED.test(text) || anchors.some((a) => a.index === i)) return;
    // The employer: the nearest larger or heading line above, past other such roles, below the last dated header.
    const floor = lastAbove(i);
    for (let j = i - 1; j > floor; j--) {
      const above = lines[j]!;
      if (above.bullet || !(above.heading || above.bold) || findRange(above.text)) continue;
      if (roleOnly(above.text)) continue;
      const bigger = above.heading || above.size > line.size + 0.5;
      if (!bigger || above.text.split(/\s+/).length > 8) return;
      const previous = out.at(-1);
      out.push({ role: i, employer: j, from: previous?.employer === j ? i : j });
      return;
    }
  });
  return out;
}

/**
 * "Vision Lab : Research Intern", "Robotics Group, Contoso University : Undergraduate Researcher": with no dates in
 * the whole section, a short line that names both a role and an employer is an entry of its own, undated; the lines
 * under it are its bullets.
 */
function undatedEntries(lines: Line[]): ParsedExperience[] {
  const fieldsOf = lines.map((line, i) => {
    const text = line.text;
    const entry =
      text.split(/\s+/).length <= 12 &&
      !LABELLED.test(text) &&
      isHeaderLike(asItem(line), lines[i - 1]) &&
      !describes(text);
    const fields = entry ? assignFields(headerParts(text), false) : null;
    return fields?.title && fields.company && ROLE.test(fields.title) ? fields : null;
  });
  // "Vision Lab : Research Intern" entries: the writer gave every entry that shape, so a line under one that reads as
  // a role at an employer another way ("Research assistant to Prof. Byron at Coldport University") describes it.
  const colon = (i: number) => NAME_COLON.test(lines[i]!.text);
  const found = fieldsOf.flatMap((f, i) => (f ? [i] : []));
  const byColon = found.filter(colon).length;
  const shaped = byColon >= 2 && byColon * 2 >= found.length;
  const entries: ParsedExperience[] = [];
  lines.forEach((line, i) => {
    const fields = fieldsOf[i];
    if (fields && (!shaped || colon(i))) {
      entries.push({
        ...fields,
        start: null,
        end: null,
        current: false,
        months: null,
        bullets: [],
        range: null,
      });
    } else entries.at(-1)?.bullets.push(line.text);
  });
  return entries;
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

import type { Line } from './document';
import { LOOKUP_HEADER } from './sections';

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/u;
const PHONE = /(?:\+?\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d{2,4}(?:[\s.-]?\d{2,4}){1,3}/g;
const URL = /\b(?:https?:\/\/)?(?:www\.)?(?:[a-z0-9-]+\.)+[a-z]{2,}(?:\/[^\s|,;]*)?/gi;
const KNOWN_LINK =
  /(linkedin\.com|github\.com|gitlab\.com|behance\.net|dribbble\.com|medium\.com|stackoverflow\.com|twitter\.com|x\.com)\//i;

const US_STATES = new Set(
  'AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC'.split(
    ' ',
  ),
);
const COUNTRIES = new Set([
  'united states',
  'usa',
  'us',
  'united kingdom',
  'uk',
  'canada',
  'germany',
  'france',
  'spain',
  'italy',
  'portugal',
  'netherlands',
  'belgium',
  'ireland',
  'switzerland',
  'austria',
  'sweden',
  'norway',
  'denmark',
  'finland',
  'poland',
  'czech republic',
  'czechia',
  'hungary',
  'romania',
  'greece',
  'turkey',
  'israel',
  'india',
  'china',
  'japan',
  'south korea',
  'korea',
  'singapore',
  'australia',
  'new zealand',
  'brazil',
  'mexico',
  'argentina',
  'chile',
  'colombia',
  'peru',
  'south africa',
  'nigeria',
  'kenya',
  'egypt',
  'united arab emirates',
  'uae',
  'saudi arabia',
  'pakistan',
  'bangladesh',
  'vietnam',
  'thailand',
  'indonesia',
  'philippines',
  'malaysia',
  'ukraine',
  'estonia',
  'latvia',
  'lithuania',
  'iceland',
  'luxembourg',
  'scotland',
  'england',
  'wales',
  // ISO 3166 three-letter codes, as web CVs print them after a town ("Frankfurt am Main, DEU").
  'deu',
  'fra',
  'gbr',
  'ita',
  'esp',
  'nld',
  'che',
  'aut',
  'bel',
  'swe',
  'nor',
  'dnk',
  'fin',
  'pol',
  'prt',
  'irl',
  'can',
  'aus',
  'ind',
  'chn',
  'jpn',
  'kor',
  'bra',
  'mex',
]);

export interface ContactInfo {
  name: string | null;
  email: string | null;
  phone: string | null;
  location: string | null;
  links: string[];
}

const SEPARATORS = /\s*(?:\||•|·|◦|▪|\t|;|\u2022|\s{3,}|\s[-–—]\s)\s*/;

/** "India", "UK", "CA": a country or a US state, the tail of a place. */
export const isRegion = (word: string): boolean =>
  US_STATES.has(word.toUpperCase()) || COUNTRIES.has(word.toLowerCase());

/** Provinces and states written out in full after a city ("Montreal, Quebec"). */
const REGIONS = new Set([
  'quebec',
  'québec',
  'ontario',
  'british columbia',
  'alberta',
  'manitoba',
  'saskatchewan',
  'nova scotia',
  'new brunswick',
  'new south wales',
  'victoria',
  'queensland',
]);

const ORGANISATION_WORD =
  /\b(?:group|company|corporation|technologies|solutions|systems|services|consulting|studios?|agency|partners|ventures|holdings|foundation|limited|university|institute|college|hospital|inc|ltd|llc|gmbh|plc)\b/i;

export function isLocation(part: string): boolean {
  const text = part.replace(/^(?:location|based in|address)\s*:?\s*/i, '').trim();
  if (/\d|@|https?:/.test(text) || text.length > 60) return false;
  if (/^remote$/i.test(text)) return true;
  const m = /^([\p{L}][\p{L} .'-]{1,40}),\s*([\p{L}][\p{L} .'-]{1,30})$/u.exec(text);
  // "Tobams Group, UK": an organisation and its country, not a town.
  if (!m || ORGANISATION_WORD.test(m[1]!)) return false;
  const tail = m[2]!.trim();
  return (
    US_STATES.has(tail.toUpperCase()) ||
    COUNTRIES.has(tail.toLowerCase()) ||
    REGIONS.has(tail.toLowerCase()) ||
    /^[A-Z]{2}$/.test(tail)
  );
}

/** Words of a document's title, never of a person's name ("Short CV" heads an academic page's abridged CV). */
const DOCUMENT_TITLE =
  /^(?:(?:short|full|academic|brief|my)\s+)?(?:curriculum vitae|resume|résumé|cv|lebenslauf|curriculum)$/i;

/**
 * Looser than looksLikeName, for the largest line at the top of a page: two to five words of letters, the first
 * and at least one more capitalised ("Sashwath Nalin kanth"), no digits or contact details.
 */
export function nameShaped(text: string): boolean {
  const t = text.trim();
  if (t.length < 3 || t.length > 60 || /[\d@/:|,;()•]/.test(t) || DOCUMENT_TITLE.test(t)) return false;
  if (/\.$/.test(t) && !/\b(?:Jr|Sr)\.$/.test(t)) return false;
  const words = t.split(/\s+/);
  if (words.length < 2 || words.length > 5) return false;
  if (!words.every((w) => /^[\p{L}][\p{L}\p{M}'’.-]*$/u.test(w))) return false;
  // Lower case only for particles ("van", "de") or a last word ("Sashwath Nalin kanth").
  const lower = words.filter((w, i) => /^\p{Ll}/u.test(w) && !PARTICLE.test(w) && i !== words.length - 1);
  // "Akanshu soni": a family name typed in lower case after a capitalised given name, as a web page's title prints it.
  const lowerSurname =
    words.length === 2 &&
    /^\p{Ll}{3,}$/u.test(words[1]!) &&
    !/^(?:me|us|you|info|details|links|page)$/i.test(words[1]!);
  return (
    /^\p{Lu}/u.test(words[0]!) &&
    (words.filter((w) => /^\p{Lu}/u.test(w)).length >= 2 || lowerSurname) &&
    lower.length === 0
  );
}

const PARTICLE = /^(?:de|da|van|von|der|den|del|la|le|di|du|bin|al|y|dos|das)$/;

/**
 * The name part of a top line: "Matthieu Cneude - Software Engineer" → "Matthieu Cneude", "Martin Fracker, Jr" →
 * "Martin Fracker", "Andrzej (Andrew) Poblocki" → "Andrzej Poblocki"; null when nothing name-shaped is left.
 */
export function nameOf(text: string): string | null {
  const fields = text.split('\t');
  // A label column puts its label first: "PERSONAL INFORMATION<tab>Olla Gabriele".
  const field = fields.length > 1 && LOOKUP_HEADER(fields[0]!) ? fields[1]! : fields[0]!;
  const t = field
    .replace(/\s*\([^)]*\)\s*/g, ' ')
    .replace(/,?\s+(?:Jr|Sr|II|III|IV)\.?$/, '')
    .split(/\s+[-–—|]\s+/)[0]!
    .replace(/\s+/g, ' ')
    .trim();
  return nameShaped(t) ? t : null;
}

/**
 * A one-word name ("Akhila") heading the document: the first heading or line larger than the body, a single
 * capitalised word that names no section or document. Only a fallback: most names have two words or more.
 */
export function loneName(lines: Line[], bodySize: number): string | null {
  // A Word file's title property may come first, in body type, before the heading.
  const first = lines.slice(0, 3).find((l) => l.heading || l.size > bodySize + 0.5);
  if (!first) return null;
  const t = first.text.trim();
  return /^\p{Lu}\p{Ll}{2,19}$/u.test(t) && !DOCUMENT_TITLE.test(t) && !LOOKUP_HEADER(t) ? t : null;
}

/** "Name: Christian Döring" in a personal-details table (German and other European CVs). */
export function labelledName(lines: Line[]): string | null {
  for (const l of lines.slice(0, 25)) {
    const m = /^(?:full\s+)?name\s*[:\t]\s*(.+)$/i.exec(l.text.trim());
    if (m && nameShaped(m[1]!.trim())) return m[1]!.trim();
    // A table's label cell run into its value in a PDF ("Name Abdul Mukit"): only a plainly capitalised name.
    const run = /^name\s+(.+)$/i.exec(l.text.trim());
    if (run && looksLikeName(run[1]!)) return run[1]!.trim();
  }
  return null;
}

/** A person's name: two to five capitalised words, letters only (any script), no contact details. */
export function looksLikeName(text: string): boolean {
  const t = text.trim();
  if (t.length < 3 || t.length > 60 || /[\d@/:|]/.test(t)) return false;
  const words = t.split(/\s+/);
  if (words.length < 2 || words.length > 5) return false;
  return words.every(
    (w) => /^[\p{Lu}][\p{L}'’.-]*$/u.test(w) || /^(de|da|van|von|der|den|del|la|le|di|du|bin|al|y)$/.test(w),
  );
}

// A hyphen or underscore ends the first part; a full stop there ends a sentence ("… repositories." over an address).
const EMAIL_HEAD = /(?<=^|\s)[\p{L}\p{N}._%+]*[\p{L}\p{N}][-_]$/u;
const EMAIL_TAIL = /^[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/u;

/** "rikunert [AT] gmail [DOT] com", "jane (at) example.org": an address spelt out against harvesters. */
const MASKED_EMAIL =
  /([\p{L}\p{N}._%+-]+)\s*[[({]\s*at\s*[\])}]\s*([\p{L}\p{N}-]+(?:(?:\s*[[({]\s*dot\s*[\])}]\s*|\.)[\p{L}\p{N}-]+)+)/giu;
const unmask = (text: string): string =>
  text.replace(
    MASKED_EMAIL,
    (_, user: string, host: string) => `${user}@${host.replace(/\s*[[({]\s*dot\s*[\])}]\s*/giu, '.')}`,
  );

/** "firstname-" over "rest@host": an address the page hyphenated across two lines, joined back onto the first. */
function joinSplitEmails(lines: Line[]): Line[] {
  const out = lines.map((l) => {
    const text = unmask(l.text);
    return text === l.text ? l : { ...l, text };
  });
  for (let i = 0; i + 1 < out.length; i++) {
    const head = EMAIL_HEAD.exec(out[i]!.text.trimEnd());
    const tail = head && EMAIL_TAIL.exec(out[i + 1]!.text.trim());
    if (!head || !tail) continue;
    out[i] = { ...out[i]!, text: `${out[i]!.text.trimEnd()}${tail[0]}` };
    out[i + 1] = { ...out[i + 1]!, text: out[i + 1]!.text.trim().slice(tail[0].length).trim() };
  }
  return out;
}

/** Contact details from the lines above the first section and any "Contact" section. */
export function extractContact(headLines: Line[], bodyLines: Line[]): ContactInfo {
  const lines = joinSplitEmails(headLines);
  const allLines = joinSplitEmails(bodyLines);
  const info: ContactInfo = { name: null, email: null, phone: null, location: null, links: [] };
  const parts = lines
    .flatMap((l) => l.text.split(SEPARATORS))
    .map((p) => p.trim())
    .filter(Boolean);
  // The name is usually the largest text near the top; fall back to the first name-like line.
  const candidates = lines.filter((l) => looksLikeName(l.text.replace(/\t.*/, '')));
  const biggest = [...candidates].sort((a, b) => b.size - a.size)[0];
  info.name = biggest ? biggest.text.replace(/\t.*/, '').trim() : null;
  for (const part of parts) {
    const email = EMAIL.exec(part);
    if (email && !info.email) info.email = email[0];
    for (const url of part.match(URL) ?? []) {
      if (email && email[0].includes(url)) continue;
      if (KNOWN_LINK.test(url) || /^https?:\/\//i.test(url) || /^www\./i.test(url)) {
        if (!info.links.includes(url.replace(/[.)]+$/, ''))) info.links.push(url.replace(/[.)]+$/, ''));
      } else if (/\.(dev|io|me|com|net|org|design|page|site|app)(\/|$)/i.test(url) && !email) {
        if (!info.links.includes(url)) info.links.push(url);
      }
    }
    if (!info.phone && !email) {
      const cleaned = part.replace(/^(?:phone|tel|mobile|cell)\s*:?\s*/i, '');
      for (const m of cleaned.matchAll(PHONE)) {
        const digits = m[0].replace(/\D/g, '');
        if (digits.length >= 7 && digits.length <= 15 && !/^(19|20)\d{2}$/.test(m[0].trim())) {
          info.phone = m[0].trim();
          break;
        }
      }
    }
    if (!info.location && isLocation(part))
      info.location = part.replace(/^(?:location|based in|address)\s*:?\s*/i, '').trim();
  }
  // Links and e-mail sometimes sit in a footer or sidebar rather than the header.
  if (!info.email) {
    for (const l of allLines) {
      const e = EMAIL.exec(l.text);
      if (e) {
        info.email = e[0];
        break;
      }
    }
  }
  return info;
}

/**
 * "Surgo Ventures / Washington, DC", "Case Western Reserve University / Cleveland, OH": a place after a spaced slash
 * (academicpages' 'Employer / City, ST'), also when its state wrapped away ("… Harvard / Cambridge,").
 */
const SLASH_PLACE =
  /\s+\/\s+(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}(?:,\s*\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2})?),?$/u;

/** The name before a slash and its place, when the words after the slash are a place rather than a second name. */
export function peelSlashPlace(
  text: string,
  isName: (tail: string) => boolean,
): { rest: string; location: string | null } {
  const m = SLASH_PLACE.exec(text);
  if (!m || m.index === 0 || isName(m[1]!)) return { rest: text, location: null };
  return { rest: text.slice(0, m.index), location: m[1]! };
}

/** "Acme Corp, Berlin, Germany" → company "Acme Corp", location "Berlin, Germany". */
const INSTITUTION_WORD =
  /\b(?:university|hospital|medical|institute|college|cent(?:er|re)|school|laboratory|labs?|inc|ltd|gmbh|bank)\b/i;

export function peelLocation(part: string): { rest: string; location: string | null } {
  if (isLocation(part)) return { rest: '', location: part };
  const pieces = part.split(/\s*,\s*/);
  // "Contoso Robotics, Palo Alto, CA, USA": a town, then its state or region and the country.
  if (pieces.length > 3) {
    const [town, region, country] = pieces.slice(-3) as [string, string, string];
    if (
      (US_STATES.has(region.toUpperCase()) ||
        /^[A-Z]{2,3}$/.test(region) ||
        REGIONS.has(region.toLowerCase())) &&
      isLocation(`${region}, ${country}`) &&
      /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}$/u.test(town)
    )
      return { rest: pieces.slice(0, -3).join(', '), location: pieces.slice(-3).join(', ') };
  }
  for (const take of [2, 1]) {
    // "…, Vanderbilt University Medical Center, USA": an institution before the country is no town.
    if (take === 2 && INSTITUTION_WORD.test(pieces.at(-2) ?? '')) continue;
    if (pieces.length > take) {
      const tail = pieces.slice(-take).join(', ');
      if (isLocation(tail) || /^remote$/i.test(tail))
        return { rest: pieces.slice(0, -take).join(', '), location: tail };
    }
  }
  const paren = /^(.*?)\s*\(([^)]+)\)$/.exec(part);
  if (paren && (isLocation(paren[2]!) || /^remote$/i.test(paren[2]!)))
    return { rest: paren[1]!, location: paren[2]! };
  return { rest: part, location: null };
}

/** The one shape every format is reduced to before parsing: lines in reading order, with what styling survives. */
export interface Line {
  text: string;
  /** Font size in points where the format has one; text files use 10. */
  size: number;
  bold: boolean;
  /** The format itself marks it as a heading (DOCX heading style, Markdown #). */
  heading: boolean;
  /** Starts with a bullet glyph or comes from a list item. */
  bullet: boolean;
  /** A visibly larger gap before this line than between the lines around it. */
  gapBefore: boolean;
  /** Which column of a multi-column page it came from (0 for single column or full width). */
  column: number;
  page: number;
}

export interface ExtractedDocument {
  lines: Line[];
  pages: number;
  /** The body text size: the most common size, used to tell headings from body text. */
  bodySize: number;
  /** Lines were laid out to a width (PDF), so a long text may run onto the next line; Word and text keep paragraphs. */
  wrapped?: boolean;
  /** Link targets kept apart from the text (a PDF link, a Word hyperlink): an "email" label may only link its address. */
  links?: string[];
}

// C1 controls and private-use glyphs are bullets from symbol fonts that lost their Unicode mapping.
const BULLET = /^\s*[•·▪◦●■□‣⁃∙*\-–—\u0080-\u009F\uE000-\uF8FF]\s+/;

/**
 * "1. Web Developer — Finaxion", "2) Data Analyst": an ordered list's number before a capitalised item. A web page's
 * timeline printed flat numbers each entry's head, so the item stays a line of its own, not a bullet under one.
 */
const NUMBERED = /^\s*\d{1,2}[.)]\s+(?=\p{Lu})/u;

export function stripBullet(text: string): { text: string; bullet: boolean } {
  const numbered = NUMBERED.exec(text);
  if (numbered) return { text: text.slice(numbered[0].length).trim(), bullet: false };
  const match = BULLET.exec(text);
  return match
    ? { text: text.slice(match[0].length).trim(), bullet: true }
    : { text: text.trim(), bullet: false };
}

export function makeLine(text: string, partial: Partial<Omit<Line, 'text'>> = {}): Line {
  const { text: clean, bullet } = stripBullet(text);
  return {
    text: clean,
    size: partial.size ?? 10,
    bold: partial.bold ?? false,
    heading: partial.heading ?? false,
    bullet: partial.bullet ?? bullet,
    gapBefore: partial.gapBefore ?? false,
    column: partial.column ?? 0,
    page: partial.page ?? 1,
  };
}

export function modeSize(lines: Line[]): number {
  const counts = new Map<number, number>();
  for (const l of lines)
    counts.set(Math.round(l.size), (counts.get(Math.round(l.size)) ?? 0) + l.text.length);
  let best = 10;
  let max = -1;
  for (const [size, n] of counts) if (n > max) [best, max] = [size, n];
  return best;
}

import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { fileError } from './errors';
import { type ExtractedDocument, type Line, makeLine, modeSize } from './document';

/** A résumé is a page or three; anything past this is refused rather than read for minutes. */
export const PDF_LIMITS = { maxPages: 40 };

interface Item {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
  bold: boolean;
  page: number;
}

type PdfJs = typeof PdfJsModule;
let pdfjsModule: Promise<PdfJs> | undefined;
const loadPdfJs = () => (pdfjsModule ??= importWithoutCanvas());

/**
 * pdf.js in Node borrows DOMMatrix, ImageData and Path2D from @napi-rs/canvas, which the desktop package leaves
 * out: 32 MB of native code that only draws pages. Reading text needs none of them, but pdf.js builds one
 * DOMMatrix as it loads, so an inert one stands in (here and in a checkout alike, so the tests read PDFs the way
 * the package does), and its load-time warnings about drawing are kept off the candidate's terminal.
 */
async function importWithoutCanvas(): Promise<PdfJs> {
  const globals = globalThis as { DOMMatrix?: unknown };
  globals.DOMMatrix ??= class DOMMatrix {};
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (!/^Warning: Cannot (load "@napi-rs\/canvas"|polyfill)/.test(String(args[0]))) warn(...args);
  };
  try {
    return await import('pdfjs-dist/legacy/build/pdf.mjs');
  } finally {
    console.warn = warn;
  }
}

export async function extractPdf(
  bytes: Uint8Array,
  onProgress?: (stage: string, fraction: number) => void,
): Promise<ExtractedDocument> {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let pdf: Awaited<typeof task.promise>;
  try {
    pdf = await task.promise;
  } catch (err) {
    if ((err as { name?: string }).name === 'PasswordException') throw fileError('passwordProtected');
    throw fileError(exhausted(err) ? 'tooComplex' : 'damaged');
  }
  try {
    if (pdf.numPages > PDF_LIMITS.maxPages) throw fileError('tooComplex');
    const pages: Line[][] = [];
    const links: string[] = [];
    let chars = 0;
    for (let p = 1; p <= pdf.numPages; p++) {
      onProgress?.(`Reading page ${p} of ${pdf.numPages}`, 0.1 + (0.7 * (p - 1)) / pdf.numPages);
      let items: Item[];
      try {
        items = await pageItems(pdf, p);
        links.push(...(await pageLinks(pdf, p)));
      } catch (err) {
        throw fileError(exhausted(err) ? 'tooComplex' : 'damaged');
      }
      chars += items.reduce((n, i) => n + i.text.trim().length, 0);
      pages.push(layoutPage(items, p));
    }
    if (chars < 20) throw fileError('noText');
    const lines = columnStreams(withoutRepeats(pages)).flat();
    return { lines, pages: pdf.numPages, bodySize: modeSize(lines), wrapped: true, links };
  } finally {
    await pdf.destroy();
  }
}

/**
 * Pages in two columns one after another are two streams: a sidebar goes on in the next page's sidebar and the
 * main column in the next page's main column, so each column is read through all those pages before the other
 * (the jobs that run onto page 2 follow the jobs of page 1, not page 2's sidebar). Full-width lines above the
 * columns stay first, those below them last.
 */
export function columnStreams(pages: Line[][]): Line[][] {
  const split = (page: Line[]) => page.some((l) => l.column > 0);
  const out: Line[][] = [];
  for (let p = 0; p < pages.length;) {
    let q = p;
    while (q < pages.length && split(pages[q]!)) q++;
    if (q - p < 2) {
      out.push(pages[p]!);
      p++;
      continue;
    }
    const run = pages.slice(p, q);
    const firstColumn = (page: Line[]) => page.findIndex((l) => l.column > 0);
    const above = run.map((page) => page.slice(0, firstColumn(page)));
    const below = run.map((page) => page.slice(firstColumn(page)).filter((l) => l.column === 0));
    const stream = (column: number) => run.flatMap((page) => page.filter((l) => l.column === column));
    out.push([...above.flat(), ...stream(1), ...stream(2), ...below.flat()]);
    p = q;
  }
  return out;
}

/**
 * Lines printed at the top or foot of every page (a running footer with the candidate's address, a form's
 * copyright line) are the page's furniture, not the body it interrupts: read once, before the body.
 */
export function withoutRepeats(pages: Line[][]): Line[][] {
  if (pages.length < 2) return pages;
  // Page numbers differ from page to page; years and dates do not repeat by chance.
  const key = (l: Line) => l.text.replace(/\b\d{1,3}\b/g, '#');
  const edges = (page: Line[]) => new Set([...page.slice(0, 3), ...page.slice(-3)].map(key));
  const [first, ...rest] = pages.map(edges);
  const repeated = new Set([...first!].filter((k) => rest.every((e) => e.has(k))));
  if (repeated.size === 0) return pages;
  const isFurniture = (l: Line, i: number, page: Line[]) =>
    repeated.has(key(l)) && (i < 3 || i >= page.length - 3);
  const furniture = pages[0]!.filter((l, i, page) => isFurniture(l, i, page));
  return [furniture, ...pages.map((page) => page.filter((l, i) => !isFurniture(l, i, page)))];
}

/**
 * pdf.js reports running out of stack on hostile nesting as an UnknownErrorException carrying the RangeError's
 * message: that is a file too complex to read, not a damaged one.
 */
function exhausted(err: unknown): boolean {
  return (
    err instanceof RangeError ||
    /maximum call stack|out of memory|too large/i.test((err as Error | undefined)?.message ?? '')
  );
}

async function pageLinks(pdf: PDFDocumentProxy, n: number): Promise<string[]> {
  const annotations = (await (await pdf.getPage(n)).getAnnotations()) as { url?: unknown }[];
  return annotations.flatMap((a) => (typeof a.url === 'string' ? [a.url] : []));
}

async function pageItems(pdf: PDFDocumentProxy, n: number): Promise<Item[]> {
  const page = await pdf.getPage(n);
  const content = await page.getTextContent();
  // Real font names (and so boldness) are only known once the page's operators are loaded.
  await page.getOperatorList();
  const names = new Map<string, string>();
  const fontOf = (fontName: string) => {
    let name = names.get(fontName);
    if (name === undefined) {
      try {
        name = (page.commonObjs.get(fontName) as { name?: string } | undefined)?.name ?? '';
      } catch {
        name = '';
      }
      names.set(fontName, name);
    }
    return name;
  };
  const isBold = (fontName: string) => /bold|black|heavy|semibold|demi/i.test(fontOf(fontName));
  // Symbol fonts draw their glyphs at letter codes: moderncv's bullet comes out of MarVoSym as "{".
  const isSymbolic = (fontName: string) =>
    /marvosym|dingbat|wingding|webding|fontawesome|symbol/i.test(fontOf(fontName));
  const items: Item[] = [];
  for (const raw of content.items) {
    if (!('str' in raw) || raw.str.length === 0) continue;
    const [a, b, , , x, y] = raw.transform as number[];
    const size = Math.hypot(a ?? 0, b ?? 0) || raw.height;
    items.push({
      text: isSymbolic(raw.fontName) && raw.str.trim().length === 1 ? '•' : raw.str,
      x: x ?? 0,
      y: y ?? 0,
      width: raw.width,
      size,
      bold: isBold(raw.fontName),
      page: n,
    });
  }
  page.cleanup();
  return items;
}

/** Where a page splits into two columns: an x no text crosses, with text on both sides along most of the page. */
export function findGutter(items: Item[]): number | null {
  const text = items.filter((i) => i.text.trim().length > 0);
  if (text.length < 8) return null;
  const left = Math.min(...text.map((i) => i.x));
  const right = Math.max(...text.map((i) => i.x + i.width));
  const span = right - left;
  if (span <= 0) return null;
  let best: { x: number; score: number; balance: number } | null = null;
  for (let f = 0.2; f <= 0.8; f += 0.01) {
    const x = left + span * f;
    const crossing = text.filter((i) => i.x < x - 1 && i.x + i.width > x + 1);
    const leftItems = text.filter((i) => i.x + i.width <= x);
    const rightItems = text.filter((i) => i.x >= x);
    const leftLines = new Set(leftItems.map((i) => Math.round(i.y)));
    const rightLines = columnRows(rightItems);
    // A real gutter has text on both sides down the page and at most a few full-width lines (a name, a header).
    if (crossing.length > 3 || leftLines.size < 4 || rightLines.size < 4) continue;
    // Right-aligned dates ("Jan 2020 – Present" beside each role) line up like a column but belong to their rows.
    const rightTexts = rightItems.map((i) => i.text);
    const datey = rightTexts.filter((t) => /\b(19|20)\d{2}\b|['’]\d{2}\b|present|current/i.test(t)).length;
    if (datey >= rightTexts.length * 0.5) continue;
    const score = Math.min(leftLines.size, rightLines.size) - crossing.length * 2;
    // Between a sidebar's skill names and their right-aligned levels ("Python   5+ yrs") lies a gap as clean as the
    // gutter and splitting as many rows; the gutter is the gap that leaves more of the text on its smaller side.
    const balance = Math.min(leftItems.length, rightItems.length);
    if (!best || score > best.score || (score === best.score && balance > best.balance))
      best = { x, score, balance };
  }
  return best ? best.x : null;
}

/**
 * The rows of a would-be right column that start at its left edge. A column's lines start together; a sidebar's
 * right-aligned levels ("Native", "C1") start wherever their width puts them, and the main column, further right,
 * is no continuation of them.
 */
function columnRows(items: Item[]): Set<number> {
  const starts = new Map<number, { x: number; size: number }>();
  for (const i of items) {
    const y = Math.round(i.y);
    const start = starts.get(y);
    if (!start || i.x < start.x) starts.set(y, { x: i.x, size: i.size });
  }
  const edge = Math.min(...[...starts.values()].map((s) => s.x));
  return new Set([...starts].filter(([, s]) => s.x - edge <= s.size * 1.5).map(([y]) => y));
}

/**
 * A narrow column of labels beside their content (a Europass CV's dates and "Mark", "Thesis" before each value) is
 * one column read across, not a sidebar: most of its lines (all but the section titles standing alone) share their
 * baseline with a line on their right, where a sidebar's lines fall where they may (at most four in ten on the
 * development corpus's sidebars).
 */
function labelColumn(items: Item[], gutter: number): boolean {
  const text = items.filter((i) => i.text.trim().length > 0);
  const leftRows = [...new Set(text.filter((i) => i.x + i.width <= gutter + 1).map((i) => Math.round(i.y)))];
  const rightYs = text.filter((i) => i.x >= gutter - 1).map((i) => i.y);
  const across = leftRows.filter((y) => rightYs.some((r) => Math.abs(r - y) <= 1.5)).length;
  return across >= leftRows.length * 0.6;
}

/**
 * Labels in a narrow left column beside the body: dates set as notes in the page's margin, each beside the first line
 * of its entry (cvtex and the pandoc templates made from it: "2016 – Present" left of the employer, a long one
 * wrapping inside the margin), or section titles in a column of their own ("EDUCATION" beside the first school): too
 * narrow a column to be found as a gutter. The body's left edge is the leftmost x, in the page's left third, that no
 * text crosses below the page's header and that has short texts wholly left of it, most of them on a line of the
 * body. Returns that x, or null.
 */
function marginEdge(items: Item[]): number | null {
  const text = items.filter((i) => i.text.trim().length > 0);
  if (text.length < 8) return null;
  const left = Math.min(...text.map((i) => i.x));
  const span = Math.max(...text.map((i) => i.x + i.width)) - left;
  const rows = rowsOf(text);
  const chars = (list: Item[]) => list.reduce((n, i) => n + i.text.trim().length, 0);
  const total = chars(text);
  // A list's bullet may hang left of the body ("• Argues that …"): its item is body text.
  const hanging = (i: Item) => /^[•·▪◦‣∙■–-]\s/.test(i.text) || /^[•·▪◦‣∙■]$/.test(i.text.trim());
  const candidates = [...new Set(text.map((i) => Math.round(i.x)))]
    .filter((x) => x > left + 5 && x - left <= span * 0.3)
    .sort((a, b) => a - b);
  for (const edge of candidates) {
    const isLabel = (i: Item) => i.x + i.width < edge - 2 && !hanging(i);
    const labels = text.filter(isLabel);
    const labelRows = rows.filter((row) => row.some(isLabel));
    if (labelRows.length < 3 || chars(labels) * 5 > total) continue;
    // The name and contact lines centred above the first label may cross the edge.
    const top = Math.max(...labels.map((i) => i.y + i.size));
    const crossing = text.some(
      (i) => i.y <= top && i.x < edge - 2 && i.x + i.width > edge + 2 && !hanging(i),
    );
    if (crossing) continue;
    const beside = labelRows.filter((row) => row.some((i) => i.x >= edge - 1)).length;
    // The labels are dates or titles in capitals; a sidebar's skills, icons and levels are neither. A label's line
    // wrapped in the column ("2012 à au-" over "jourd'hui") is judged with the line it goes on from.
    const labelTexts: { y: number; size: number; text: string }[] = [];
    for (const row of labelRows) {
      const own = row.filter(isLabel);
      const text = own.map((i) => i.text).join(' ');
      const size = Math.max(...own.map((i) => i.size));
      const above = labelTexts.at(-1);
      if (above && above.y - row[0]!.y <= size * 1.8)
        labelTexts.push({ y: row[0]!.y, size, text: `${above.text} ${text}` });
      else labelTexts.push({ y: row[0]!.y, size, text });
    }
    const labelled = labelTexts.filter(({ text }) => {
      const letters = text.replace(/[^\p{L}]/gu, '');
      return /\b(?:19|20)\d{2}\b/.test(text) || (letters.length >= 3 && letters === letters.toUpperCase());
    }).length;
    if (beside >= labelRows.length * 0.6 && labelled >= labelRows.length * 0.8) return edge - 1;
  }
  return null;
}

/**
 * A margin note wrapped inside the margin ("avril 2015 à août" over "2015", "2012 à au-" over "jourd'hui"): its
 * lines are set closer than the body's and fall between the body's rows, so each goes back to the end of the line
 * above, on that line's row. Only a line that leaves its date unfinished (a closing "to", "à" or dash, a word
 * hyphenated, no year yet) goes on: a note per row ("2014" over "2015") stays apart.
 */
function joinWrappedNotes(items: Item[], edge: number): Item[] {
  const lines = rowsOf(items.filter((i) => i.text.trim().length > 0 && i.x + i.width < edge - 2));
  const textOf = (line: Item[]) => line.map((i) => i.text.trim()).join(' ');
  const chains: Item[][][] = [];
  for (const line of lines) {
    const chain = chains.at(-1);
    const previous = chain?.at(-1);
    const text = chain ? chain.map(textOf).join(' ') : '';
    const size = Math.max(...line.map((i) => i.size));
    if (
      chain &&
      previous &&
      previous[0]!.y - line[0]!.y <= size * 1.8 &&
      (/(?:[-–—]|\s(?:to|until|à|au|bis|hasta))\s*$/u.test(text) ||
        /\p{L}-$/u.test(text) ||
        !/\b(?:19|20)\d{2}\b/.test(text))
    )
      chain.push(line);
    else chains.push([line]);
  }
  const dropped = new Set<Item>();
  const joined: Item[] = [];
  for (const chain of chains) {
    if (chain.length < 2) continue;
    chain.flat().forEach((i) => dropped.add(i));
    const first = chain[0]!;
    const x = Math.min(...first.map((i) => i.x));
    const text = chain
      .map(textOf)
      .reduce((acc, t) => (/\p{L}-$/u.test(acc) ? `${acc.slice(0, -1)}${t}` : `${acc} ${t}`));
    joined.push({ ...first[0]!, text, x, width: Math.max(1, edge - 3 - x) });
  }
  return [...items.filter((i) => !dropped.has(i)), ...joined];
}

/** Items → lines in reading order: full-width lines above the columns, then each column top to bottom. */
export function layoutPage(items: Item[], page: number): Line[] {
  const gutter = findGutter(items);
  const edge = marginEdge(items);
  if (edge !== null) {
    // A label column wide enough to be found as a gutter (a Europass CV's) is read at that gutter, as ever.
    const at = gutter !== null && labelColumn(items, gutter) ? gutter : edge;
    return groupLines(joinWrappedNotes(items, at), 0, page, at);
  }
  const rowed = datedRows(items, page) ?? sectionRows(items, page);
  if (rowed) return rowed;
  const groups: { column: number; items: Item[] }[] = [];
  if (gutter !== null && labelColumn(items, gutter)) {
    // Each label opens the row it heads, as a field of its own: "September 2021 – Now<tab>Technology Consultant".
    return groupLines(items, 0, page, gutter);
  }
  if (gutter === null) {
    groups.push({ column: 0, items });
  } else {
    const full = items.filter((i) => i.x < gutter - 1 && i.x + i.width > gutter + 1);
    const columnTop = Math.max(...items.filter((i) => !full.includes(i)).map((i) => i.y));
    groups.push({ column: 0, items: full.filter((i) => i.y > columnTop) });
    for (const part of sideBySide(items.filter((i) => !full.includes(i) && i.x + i.width <= gutter + 1)))
      groups.push({ column: 1, items: part });
    for (const part of sideBySide(items.filter((i) => !full.includes(i) && i.x + i.width > gutter + 1)))
      groups.push({ column: 2, items: part });
    groups.push({ column: 0, items: full.filter((i) => i.y <= columnTop) });
  }
  return groups.flatMap((g) => groupLines(g.items, g.column, page));
}

/**
 * A column that ends in two titled lists side by side ("Interests" beside "Education" under a biography, as a Hugo
 * Academic page prints them): read as the part above, then the left list, then the right one. Only two lists whose
 * titles, set larger than the text, stand level with each other are read this way.
 */
function sideBySide(items: Item[]): Item[][] {
  const text = items.filter((i) => i.text.trim().length > 0);
  if (text.length < 8) return [items];
  const sizes = text.map((i) => i.size).sort((a, b) => a - b);
  const body = sizes[Math.floor(sizes.length / 2)]!;
  for (const { top, lower } of lowerParts(text)) {
    const gutter = clearGap(lower);
    if (gutter === null) continue;
    const left = lower.filter((i) => i.x + i.width <= gutter);
    const right = lower.filter((i) => i.x >= gutter);
    const head = (side: Item[]) => side.reduce((a, b) => (b.y > a.y ? b : a));
    const [a, b] = [head(left), head(right)];
    if (Math.abs(a.y - b.y) > Math.max(a.size, b.size) || a.size <= body + 0.5 || b.size <= body + 0.5)
      return [items];
    const blank = items.filter((i) => i.text.trim().length === 0);
    return [text.filter((i) => Math.round(i.y) > top), left, right, blank];
  }
  return [items];
}

/** An x no item crosses with text on four rows or more on each side, the most even such split; or null. */
function clearGap(items: Item[]): number | null {
  const left = Math.min(...items.map((i) => i.x));
  const span = Math.max(...items.map((i) => i.x + i.width)) - left;
  let best: { x: number; rows: number } | null = null;
  for (const x of new Set(items.map((i) => Math.round(i.x) - 1))) {
    if (x < left + span * 0.2 || x > left + span * 0.8) continue;
    if (items.some((i) => i.x < x && i.x + i.width > x)) continue;
    const rows = (side: Item[]) => new Set(side.map((i) => Math.round(i.y))).size;
    const fewer = Math.min(
      rows(items.filter((i) => i.x + i.width <= x)),
      rows(items.filter((i) => i.x >= x)),
    );
    if (fewer >= 4 && (!best || fewer > best.rows)) best = { x, rows: fewer };
  }
  return best?.x ?? null;
}

/** A year, a month and its year, or a range: what a table's date cell holds. */
const DATED = /\b(?:19|20)\d{2}\b/;

/**
 * Jobs laid out as a table, one row each: a narrow left cell with the employer and the dates beside a wide cell with
 * the title, the description and the bullets ("KRAFTON" / "December 2020 - present" beside "Associate Creator
 * Partnerships Manager" …), under full-width lines (the name, a summary). Read as columns, every employer and date
 * would come apart from its role; each row is read instead, its left cell first. The left cell may sit at the row's
 * top or in its middle: a row ends at the widest gap in the right cell between one left cell and the next. Only a
 * left column made of two or more blocks that each hold a year, with text beside them, is read this way.
 */
function datedRows(items: Item[], page: number, fixedGutter?: number): Line[] | null {
  const text = items.filter((i) => i.text.trim().length > 0);
  const span = Math.max(...text.map((i) => i.x + i.width)) - Math.min(...text.map((i) => i.x));
  // Most pages have no such table: without two years in the page's left part there is nothing to look for, and the
  // search below (a gutter under every line) is what would make reading a résumé slow.
  const leftEdge = Math.min(...text.map((i) => i.x));
  if (text.filter((i) => DATED.test(i.text) && i.x - leftEdge < span * 0.35).length < (fixedGutter ? 1 : 2))
    return null;
  // One section's table (sectionRows) is read whole, at the gutter its cells leave.
  const parts =
    fixedGutter === undefined
      ? lowerParts(text)
      : [{ top: Math.max(...text.map((i) => Math.round(i.y))), lower: text }];
  for (const { top, lower: body } of parts) {
    const gutter = fixedGutter ?? findGutter(body);
    if (gutter === null) continue;
    const left = body.filter((i) => i.x + i.width <= gutter + 1);
    const right = body.filter((i) => i.x >= gutter - 1);
    // A table's left cells are short beside the descriptions; a sidebar holds a good share of the page's text.
    const chars = (side: Item[]) => side.reduce((n, i) => n + i.text.trim().length, 0);
    if (left.length + right.length < body.length || chars(left) * 3 > chars(right)) continue;
    if (Math.max(...left.map((i) => i.x + i.width)) - Math.min(...left.map((i) => i.x)) > span * 0.35)
      continue;
    const blocks = cellBlocks(left);
    // A paragraph's short last line above the table ("community.") sits left of the gutter too: look lower down.
    if (
      blocks.length < (fixedGutter === undefined ? 2 : 1) ||
      !blocks.every((b) => DATED.test(b.map((i) => i.text).join(' ')))
    )
      continue;
    const rightYs = [...new Set(right.map((i) => i.y))].sort((a, b) => b - a);
    const cuts: number[] = [];
    for (let k = 0; k + 1 < blocks.length; k++) {
      const bottom = Math.min(...blocks[k]!.map((i) => i.y));
      const nextTop = Math.max(...blocks[k + 1]!.map((i) => i.y + i.size));
      let best: { y: number; gap: number } | null = null;
      for (let r = 0; r + 1 < rightYs.length; r++) {
        const [a, b] = [rightYs[r]!, rightYs[r + 1]!];
        if (a > bottom || b < nextTop - 2 * Math.max(...blocks[k + 1]!.map((i) => i.size))) continue;
        if (!best || a - b >= best.gap) best = { y: (a + b) / 2, gap: a - b };
      }
      if (!best) return null;
      cuts.push(best.y);
    }
    // The table's title ("My work so far...", set larger) stands over its first row, before the first left cell.
    const firstTop = Math.max(...blocks[0]!.map((i) => i.y));
    const bodySize = Math.min(...right.map((i) => i.size));
    const titled = right.filter(
      (i) => i.y > firstTop && i.size > bodySize + 1.5 && i.y >= Math.max(...right.map((r) => r.y)) - 1,
    );
    const above = [...text.filter((i) => Math.round(i.y) > top), ...titled];
    const lines = groupLines(above, 0, page);
    blocks.forEach((block, k) => {
      const upper = k === 0 ? Math.min(Infinity, ...titled.map((i) => i.y)) : cuts[k - 1]!;
      const lower = k === cuts.length ? -Infinity : cuts[k]!;
      // The cell is one line, its name before its dates ("Capita ITS (ex-i2Q" / "Education Limited (A" / "2008 - 2012").
      const cell = groupLines(block, 0, page);
      const dated = cell.findIndex((l) => DATED.test(l.text) || /^\d{1,2}(?:st|nd|rd|th)\b/.test(l.text));
      const name = cell.slice(0, Math.max(dated, 0)).map((l) => l.text);
      const when = cell.slice(Math.max(dated, 0)).map((l) => l.text);
      lines.push({ ...cell[0]!, text: [name.join(' '), when.join(' ')].filter(Boolean).join('\t') });
      lines.push(
        ...groupLines(
          right.filter((i) => i.y < upper && i.y > lower),
          0,
          page,
        ),
      );
    });
    return lines;
  }
  return null;
}

/**
 * A CV web page with one table per section (a JSON Resume theme: "Work Experience" over rows of a narrow date cell
 * beside the position and the organisation, "Education" likewise, "Skills" as label and list): each section's table
 * whose left cells are dates is read row by row as datedRows reads a page, a table of labels across, the titles
 * between them as lines of their own, and any other section as it stands. Only titles set larger than the text, at the page's left edge, part the
 * sections: a two-column page's titles stand in both columns.
 */
function sectionRows(items: Item[], page: number): Line[] | null {
  const text = items.filter((i) => i.text.trim().length > 0);
  if (text.length < 8) return null;
  const sizes = new Map<number, number>();
  for (const i of text) sizes.set(Math.round(i.size), (sizes.get(Math.round(i.size)) ?? 0) + i.text.length);
  const bodySize = [...sizes].sort((a, b) => b[1] - a[1])[0]![0];
  const leftEdge = Math.min(...text.map((i) => i.x));
  const titles = text.filter((i) => i.size >= bodySize * 1.3);
  if (titles.length === 0 || titles.some((t) => t.x - leftEdge > bodySize * 2)) return null;
  const cuts = [...new Set(titles.map((t) => t.y))].sort((a, b) => b - a);
  const bands = [Infinity, ...cuts].map((top, k) =>
    text.filter((i) => !titles.includes(i) && i.y < top && i.y > (cuts[k] ?? -Infinity)),
  );
  let tabled = false;
  const lines = bands.flatMap((band, k) => {
    const heading =
      k === 0
        ? []
        : groupLines(
            titles.filter((t) => t.y === cuts[k - 1]),
            0,
            page,
          );
    if (band.length === 0) return heading;
    // The right cells start together, a few letters in from the page's edge; nothing crosses between the cells.
    const starts = band.map((i) => i.x).filter((x) => x - leftEdge > bodySize * 3);
    const gutter = starts.length > 0 ? Math.min(...starts) - 1 : null;
    const cells = gutter !== null && !band.some((i) => i.x < gutter - 1 && i.x + i.width > gutter + 2);
    // A table of short labels beside their lists ("Programming Languages | Java, Python") is read across, row by
    // row; a main column beside a sidebar is no such table.
    const chars = (side: Item[]) => side.reduce((n, i) => n + i.text.trim().length, 0);
    // Each label sits beside its list, at its top or in its middle, within a line or so of it.
    const labels = (edge: number) => {
      const left = band.filter((i) => i.x < edge);
      const right = band.filter((i) => i.x >= edge);
      return (
        left.length > 0 &&
        left.every((l) => right.some((r) => Math.abs(r.y - l.y) <= bodySize * 1.6)) &&
        chars(left) * 2 < chars(right)
      );
    };
    // What stands above the first title (a name, a sidebar beside it) is no section's table.
    const rows =
      k > 0 && cells && gutter !== null
        ? (datedRows(band, page, gutter) ?? (labels(gutter) ? groupLines(band, 0, page, gutter) : null))
        : null;
    if (rows) tabled = true;
    return [...heading, ...(rows ?? groupLines(band, 0, page))];
  });
  return tabled ? lines : null;
}

/** A left column's items in blocks: lines closer than twice their height. */
function cellBlocks(items: Item[]): Item[][] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const blocks: Item[][] = [];
  let lastY: number | undefined;
  for (const item of sorted) {
    if (lastY !== undefined && lastY - item.y <= item.size * 2) blocks.at(-1)!.push(item);
    else blocks.push([item]);
    lastY = item.y;
  }
  return blocks;
}

/** Items in rows, top down, each row left to right: items within a little of the row's first baseline share it. */
function rowsOf(items: Item[]): Item[][] {
  const rows: Item[][] = [];
  for (const item of [...items].sort((a, b) => b.y - a.y || a.x - b.x)) {
    const row = rows.at(-1);
    if (row && Math.abs(row[0]!.y - item.y) <= Math.max(2, item.size * 0.4)) row.push(item);
    else rows.push([item]);
  }
  return rows;
}

/** The text below each of its rows in turn, top down, while eight items or more remain. */
function* lowerParts(text: Item[]): Generator<{ top: number; lower: Item[] }> {
  const ys = [...new Set(text.map((i) => Math.round(i.y)))].sort((a, b) => b - a);
  for (const top of ys) {
    const lower = text.filter((i) => Math.round(i.y) <= top);
    if (lower.length < 8) return;
    yield { top, lower };
  }
}

function groupLines(items: Item[], column: number, page: number, labelEdge?: number): Line[] {
  const rows = rowsOf(items);
  const lines: Line[] = [];
  let previousY: number | undefined;
  let previousGap: number | undefined;
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    let text = '';
    let end: number | undefined;
    // Where the last visible text ended: a space item may bridge a label column's edge.
    let inkEnd: number | undefined;
    for (const item of row) {
      const visible = item.text.trim().length > 0;
      if (
        visible &&
        labelEdge !== undefined &&
        inkEnd !== undefined &&
        inkEnd <= labelEdge + 1 &&
        item.x >= labelEdge - 1
      ) {
        text = `${text.trimEnd()}\t`;
      } else if (end !== undefined) {
        const gap = item.x - end;
        // A wide gap separates fields on one line ("Title — Company      Jan 2020 – Present").
        if (gap > item.size * 1.5) text += '\t';
        // pdf.js bridges a wide gap with one space item as wide as the gap ("Software Developer" [114 pt of
        // space] "StateFarm"): that blank is the same field separator as an empty stretch.
        else if (!visible && item.width > item.size * 1.5) text += '\t';
        else if (gap > item.size * 0.15 && !text.endsWith(' ') && !item.text.startsWith(' ')) text += ' ';
      }
      text += item.text;
      end = item.x + item.width;
      if (visible) inkEnd = end;
    }
    text = text
      .replace(/[ ]{2,}/g, ' ')
      .replace(/\t\s*\t/g, '\t')
      .replace(/\s*\t\s*/g, '\t')
      .trim();
    if (!text.trim()) continue;
    const size = Math.max(...row.map((i) => i.size));
    const y = row[0]!.y;
    const gap = previousY === undefined ? 0 : previousY - y;
    const gapBefore = previousGap !== undefined && gap > Math.max(previousGap, size * 1.2) * 1.35;
    const textChars = row.reduce((n, i) => n + i.text.trim().length, 0);
    const boldChars = row.filter((i) => i.bold).reduce((n, i) => n + i.text.trim().length, 0);
    lines.push(makeLine(text, { size, bold: boldChars >= textChars * 0.8, gapBefore, column, page }));
    if (previousY !== undefined) previousGap = gap;
    previousY = y;
  }
  return lines;
}

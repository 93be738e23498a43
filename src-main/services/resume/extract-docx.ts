import { fileError } from './errors';
import { type ExtractedDocument, type Line, makeLine, modeSize } from './document';
import { inflatedSize, readZipDirectory } from './zip';

/** Word files expanding past these are refused before mammoth inflates them: a résumé is far smaller. */
export const DOCX_LIMITS = { maxUncompressedBytes: 50 * 1024 * 1024, maxRatio: 200 };

// A Map, so "&constructor;" stays as written rather than finding Object.prototype's.
const ENTITIES: ReadonlyMap<string, string> = new Map(
  Object.entries({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' }),
);
const decodeEntities = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
      : (ENTITIES.get(e) ?? m),
  );

/**
 * mammoth turns the document into simple HTML (p, h1–h6, strong, ul/ol/li, table/tr/td); each block becomes a line,
 * each table row a line with its cells separated by tabs so "Title | Company | Dates" rows parse like text.
 */
export async function extractDocx(bytes: Uint8Array): Promise<ExtractedDocument> {
  const entries = readZipDirectory(bytes);
  if (!entries) throw fileError('damaged');
  const total = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (
    total > DOCX_LIMITS.maxUncompressedBytes ||
    entries.some(
      (e) =>
        e.compressedSize > 0 &&
        e.uncompressedSize / e.compressedSize > DOCX_LIMITS.maxRatio &&
        e.uncompressedSize > 1024 * 1024,
    )
  ) {
    throw fileError('tooComplex');
  }
  // Headers can lie, so the XML parts are also inflated here under the limit before mammoth sees them.
  let budget = DOCX_LIMITS.maxUncompressedBytes;
  for (const entry of entries.filter((e) => e.name.endsWith('.xml'))) {
    const size = inflatedSize(bytes, entry, budget + 1);
    if (size === 'over' || (typeof size === 'number' && size > budget)) throw fileError('tooComplex');
    if (size === null) throw fileError('damaged');
    budget -= size;
  }
  const mammoth = await import('mammoth');
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
  } catch {
    throw fileError('damaged');
  }
  const links = [...html.matchAll(/<a\b[^>]*\bhref="([^"]+)"/g)].map((m) => decodeEntities(m[1]!));
  return { ...htmlToLines(html), pages: 1, links };
}

export function htmlToLines(html: string): Omit<ExtractedDocument, 'pages'> {
  const lines: Line[] = [];
  const blockRe = /<(h[1-6]|p|li|tr)\b[^>]*>([\s\S]*?)<\/\1>/g;
  let match: RegExpExecArray | null;
  while ((match = blockRe.exec(html))) {
    const tag = match[1]!;
    const inner = match[2]!;
    if (tag === 'tr') {
      // A cell's paragraphs are fields of the row ("Title · Company"); its list items are that row's bullets.
      const cells = [...inner.matchAll(/<t[dh]\b[^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) => c[1]!);
      const bullets: string[] = [];
      const fields = cells.map((cell) => {
        for (const li of cell.matchAll(/<li\b[^>]*>([\s\S]*?)<\/li>/g)) bullets.push(li[1]!);
        return cell
          .replace(/<(ul|ol)\b[\s\S]*?<\/\1>/g, '')
          .replace(/<\/(?:p|h[1-6])>\s*<(?:p|h[1-6])\b[^>]*>/g, ' · ');
      });
      pushLine(lines, fields.join('\t'), 'tr');
      for (const b of bullets) pushLine(lines, b, 'li');
      continue;
    }
    // A list item holding a nested list is its own line; the nested items follow as lines of their own (the match
    // ran to the first inner </li>, so it resumes at the nested list).
    const nested = tag === 'li' ? /<(?:ul|ol)\b/.exec(inner) : null;
    if (nested) {
      pushLine(lines, inner.slice(0, nested.index), tag);
      blockRe.lastIndex = match.index + match[0].indexOf(inner) + nested.index;
      continue;
    }
    pushLine(lines, inner, tag);
  }
  return { lines, bodySize: modeSize(lines) };
}

/**
 * Word keeps a heading's level, not a size we can trust: each level gets a size of its own, so an employer set one
 * level below the section titles ("Work Experience" / "Oracle") is not read as a title of the same rank.
 */
const HEADING_SIZE: Record<string, number> = { h1: 18, h2: 14, h3: 13, h4: 12, h5: 12, h6: 12 };

function pushLine(lines: Line[], inner: string, tag: string): void {
  const text = decodeEntities(inner.replace(/<br\s*\/?>/g, ' ').replace(/<[^>]+>/g, ''))
    .replace(/[ \u00a0]+/g, ' ')
    .replace(/^[\s·]+|[\s·]+$/g, '')
    .trim();
  if (!text) return;
  const plain = inner.replace(/<[^>]+>/g, '').trim();
  const strong = [...inner.matchAll(/<(strong|b)>([\s\S]*?)<\/\1>/g)]
    .map((m) => m[2]!.replace(/<[^>]+>/g, ''))
    .join('')
    .trim();
  lines.push(
    makeLine(text, {
      heading: tag.startsWith('h'),
      bold: strong.length > 0 && strong.length >= plain.replace(/\s+/g, '').length * 0.8,
      bullet: tag === 'li' || undefined,
      size: HEADING_SIZE[tag] ?? 10,
    }),
  );
}

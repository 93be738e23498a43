import { type ExtractedDocument, type Line, makeLine, modeSize } from './document';

/** Plain text and Markdown: `#` headings and `**bold**` lines keep their meaning, the rest is text. */
export function extractText(text: string): ExtractedDocument {
  const lines: Line[] = [];
  let blank = false;
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const trimmed = raw.trim();
    if (!trimmed || /^[-=_*]{3,}$/.test(trimmed)) {
      blank = true;
      continue;
    }
    const heading = /^#{1,6}\s+/.exec(trimmed);
    const boldOnly = /^(\*\*|__)(.+)\1:?$/.exec(trimmed);
    let content = heading ? trimmed.slice(heading[0].length) : boldOnly ? boldOnly[2]! : trimmed;
    // Inline Markdown that carries no structure we use.
    content = content
      .replace(/(\*\*|__)(.+?)\1/g, '$2')
      .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1 $2')
      .replace(/`([^`]+)`/g, '$1');
    lines.push(
      makeLine(content, {
        heading: Boolean(heading),
        bold: Boolean(boldOnly),
        gapBefore: blank,
        size: heading?.[0].trim() === '#' ? 16 : 10,
      }),
    );
    blank = false;
  }
  return { lines, pages: 1, bodySize: modeSize(lines) };
}

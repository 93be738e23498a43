import { type ExtractedDocument, type Line, makeLine, modeSize } from './document';

/** Plain text and Markdown: `#` headings and `**bold**` lines keep their meaning, the rest is text. */
export function extractText(text: string): ExtractedDocument {
  const lines: Line[] = [];
  let blank = false;
  const rows = text.replace(/\r\n?/g, '\n').split('\n');
  for (const [i, raw] of rows.entries()) {
    const trimmed = raw.trim();
    if (!trimmed || /^[-=_*]{3,}$/.test(trimmed)) {
      blank = true;
      continue;
    }
    // "Education" over "======" (or "------"): a Markdown heading written with an underline.
    const underlined = /^(?:={3,}|-{3,})$/.test(rows[i + 1]?.trim() ?? '') && !/^[-*+]\s/.test(trimmed);
    const heading = /^#{1,6}\s+/.exec(trimmed) ?? (underlined ? /^/.exec(trimmed) : null);
    const boldOnly = /^(\*\*|__)(.+)\1:?$/.exec(trimmed);
    let content = heading ? trimmed.slice(heading[0].length) : boldOnly ? boldOnly[2]! : trimmed;
    // Inline Markdown that carries no structure we use.
    content = content
      .replace(/(\*\*|__)(.+?)\1/g, '$2')
      // "*Mayo Clinic*", "_(Month YYYY)_": emphasis, not the list's bullet ("* item").
      .replace(/(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])/g, '$2')
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

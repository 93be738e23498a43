/**
 * Chart labels that stay inside the chart: long ones break between words onto a second line instead of
 * running past the edge of the svg (where they are cut off, "ical accuracy"), in the theme's muted text colour.
 */

/** Breaks a label between words into lines of at most `max` characters (a longer word keeps its line). */
export function wrapLabel(label: string, max: number): string[] {
  const lines: string[] = [];
  for (const word of label.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && `${last} ${word}`.length <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

const LINE_EM = 1.1;

interface TickProps {
  x?: number | string;
  y?: number | string;
  cy?: number;
  textAnchor?: 'start' | 'middle' | 'end' | 'inherit';
  payload?: { value?: unknown };
}

/** A radar's criterion label, wrapped, grown away from the centre so it never covers the chart. */
export function AngleTick({ x = 0, y = 0, cy = 0, textAnchor = 'middle', payload }: TickProps) {
  const lines = wrapLabel(String(payload?.value ?? ''), 12);
  const top = Number(y) < cy - 1;
  const bottom = Number(y) > cy + 1;
  // Above the centre the block ends at the point, below it starts there, beside it is centred on it.
  const firstDy = top
    ? -(lines.length - 1) * LINE_EM
    : bottom
      ? 0.71
      : -((lines.length - 1) * LINE_EM) / 2 + 0.35;
  return (
    <text x={x} y={y} textAnchor={textAnchor} fill="var(--muted)" fontSize={13}>
      {lines.map((line, i) => (
        <tspan key={i} x={x} dy={`${i === 0 ? firstDy : LINE_EM}em`}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

/** A bar chart's category label, right-aligned against the bars and wrapped to the axis width. */
export function CategoryTick({ x = 0, y = 0, payload, width }: TickProps & { width: number }) {
  // About 7 px a character at 13 px: as many as the axis holds.
  const lines = wrapLabel(String(payload?.value ?? ''), Math.max(6, Math.floor(width / 7.5)));
  return (
    <text x={x} y={y} textAnchor="end" fill="var(--muted)" fontSize={13}>
      {lines.map((line, i) => (
        <tspan key={i} x={x} dy={`${i === 0 ? -((lines.length - 1) * LINE_EM) / 2 + 0.35 : LINE_EM}em`}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

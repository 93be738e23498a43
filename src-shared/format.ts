/** A duration as m:ss, the same in the app and in an exported report (rounded to the nearest second). */
export function clock(ms: number): string {
  const total = Math.round(Math.abs(ms) / 1000);
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

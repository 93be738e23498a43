export { clock, modelLabel } from '../../src-shared/format';

/** A count and its noun: "1 answer", "3 answers". */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export function spokenDuration(ms: number): string {
  const total = Math.round(Math.abs(ms) / 1000);
  const m = Math.floor(total / 60);
  const s = total % 60;
  const parts = [m > 0 ? plural(m, 'minute') : '', s > 0 ? plural(s, 'second') : ''];
  return parts.filter(Boolean).join(' ') || '0 seconds';
}

export function dateTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export const categoryLabel = (c: string): string => c.replace('_', ' ');

export const statusLabel: Record<string, string> = {
  setup: 'Not started',
  active: 'In progress',
  paused: 'Paused',
  completed: 'Completed',
  abandoned: 'Abandoned',
};

/** Practice time as the progress screens say it: "45 min", "2 h", "1 h 5 min". */
export function practiceTime(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

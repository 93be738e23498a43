/** "a", "a and b", "a, b and c": items as a sentence names them; past `max`, the rest as "N more". */
export function andList(items: readonly string[], max = Infinity): string {
  const shown = items.length > max ? [...items.slice(0, max), `${items.length - max} more`] : items;
  return shown.length <= 1 ? (shown[0] ?? '') : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}

/** A duration as m:ss, the same in the app and in an exported report (rounded to the nearest second). */
export function clock(ms: number): string {
  const total = Math.round(Math.abs(ms) / 1000);
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

const PROVIDER_NAMES: Record<string, string> = {
  ollama: 'Ollama',
  cloud: 'cloud',
  transformers: 'in Rehearse',
};

/**
 * Who wrote or reviewed something, as the candidate knows it: "llama3.2 (Ollama)", "the built-in coach". One
 * wording everywhere, so the model named on a question is recognisably the one named on its feedback.
 */
export function modelLabel(provider: string, model: string | null | undefined): string {
  if (provider === 'builtin') return 'the built-in coach';
  const name = PROVIDER_NAMES[provider] ?? provider;
  return model ? `${model} (${name})` : name;
}

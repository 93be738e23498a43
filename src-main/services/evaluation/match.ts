// Finding fixed phrases in an analysed text by token, so "maybe" never matches inside "maybelline" and a
// phrase never runs across a sentence boundary.
import type { Doc, Token } from './nlp';

export interface PhraseHit {
  phrase: string;
  /** Token indexes, inclusive. */
  first: number;
  last: number;
  start: number;
  end: number;
  sentence: number;
  /** The matched words as written in the answer. */
  text: string;
}

type Compiled = Map<string, string[][]>;
const compiled = new WeakMap<readonly string[], Compiled>();

function compile(phrases: readonly string[]): Compiled {
  let table = compiled.get(phrases);
  if (table) return table;
  table = new Map();
  for (const p of phrases) {
    const words = p.split(' ');
    const list = table.get(words[0]!) ?? [];
    list.push(words);
    table.set(words[0]!, list);
  }
  // Longest first, so "i'm not sure" wins over "not sure" at the same position.
  for (const list of table.values()) list.sort((a, b) => b.length - a.length);
  compiled.set(phrases, table);
  return table;
}

const visible = new WeakMap<Doc, Token[]>();
/** Tokens other than spaces, in order: phrases match over these. */
export function visibleTokens(doc: Doc): Token[] {
  let list = visible.get(doc);
  if (!list) {
    list = doc.tokens.filter((t) => t.pos !== 'SPACE');
    visible.set(doc, list);
  }
  return list;
}

/** Every non-overlapping occurrence of any phrase, leftmost-longest, in text order. */
export function findPhrases(doc: Doc, phrases: readonly string[]): PhraseHit[] {
  const table = compile(phrases);
  const tokens = visibleTokens(doc);
  const hits: PhraseHit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const candidates = table.get(tokens[i]!.normal);
    if (!candidates) continue;
    const words = candidates.find((w) =>
      w.every((word, j) => tokens[i + j]?.normal === word && tokens[i + j]!.sentence === tokens[i]!.sentence),
    );
    if (!words) continue;
    const first = tokens[i]!;
    const last = tokens[i + words.length - 1]!;
    hits.push({
      phrase: words.join(' '),
      first: first.index,
      last: last.index,
      start: first.start,
      end: last.end,
      sentence: first.sentence,
      text: doc.text.slice(first.start, last.end),
    });
    i += words.length - 1;
  }
  return hits;
}

/** The visible token before / after a token index, or undefined at the edges. */
export function neighbours(doc: Doc, index: number): { prev?: Token; next?: Token } {
  let p = index - 1;
  while (p >= 0 && doc.tokens[p]!.pos === 'SPACE') p--;
  let n = index + 1;
  while (n < doc.tokens.length && doc.tokens[n]!.pos === 'SPACE') n++;
  return { prev: doc.tokens[p], next: doc.tokens[n] };
}

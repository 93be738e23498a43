// Words that mean nearly the same thing, from WordNet (resources/wordnet/links.json, made by
// scripts/build-wordnet-links.ts): "pursue" for "chase", "metal" for "copper". People grading answers accept a
// fair paraphrase; the words alone cannot see one. A weaker match than the same word: a sense is a guess.
import { readFileSync } from 'node:fs';
import { appPaths } from '../../paths';
import { conceptsOf } from './terms';

interface Links {
  /** The coach's matching key → the WordNet senses it has. */
  words: Record<string, number[]>;
  /** Each sense's direct hypernyms (the kind of thing it is). */
  hypernyms: number[][];
}

interface Table {
  senses: Map<string, readonly number[]>;
  /** A concept's senses and their direct hypernyms together. */
  broader: Map<string, ReadonlySet<number>>;
}

let table: Table | undefined;

/** Loaded on first use (about 0.3 MB) and kept; the coach without it is the coach it was. */
function links(file = appPaths().wordnet): Table {
  if (table) return table;
  const data = JSON.parse(readFileSync(file, 'utf8')) as Links;
  const senses = new Map<string, number[]>();
  for (const [key, ids] of Object.entries(data.words)) {
    // The synonym table may fold the key into a concept; WordNet's senses follow it there.
    const concept = conceptsOf([key])[0]!;
    senses.set(concept, [...(senses.get(concept) ?? []), ...ids]);
  }
  const broader = new Map<string, ReadonlySet<number>>();
  for (const [concept, ids] of senses) {
    broader.set(concept, new Set([...ids, ...ids.flatMap((id) => data.hypernyms[id] ?? [])]));
  }
  return (table = { senses, broader });
}

/**
 * Whether two different concepts share a WordNet sense, or one is a direct kind of the other
 * ("chase" and "pursue", "copper" and "metal").
 */
export function related(a: string, b: string): boolean {
  if (a === b) return false;
  const { senses, broader } = links();
  const sa = senses.get(a);
  const sb = senses.get(b);
  if (!sa || !sb) return false;
  const wide = broader.get(b)!;
  if (sa.some((id) => wide.has(id))) return true;
  const wideA = broader.get(a)!;
  return sb.some((id) => wideA.has(id));
}

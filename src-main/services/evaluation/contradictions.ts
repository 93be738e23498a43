// Claims an answer makes that cannot both be true: "the service is stateless" and "it stores state in
// Redis". Pairs of opposite terms are checked across sentences that talk about the same thing; a sentence
// that contrasts them on purpose ("unlike stateful services, ours is stateless") is not a contradiction.
import { findPhrases, type PhraseHit, visibleTokens } from './match';
import type { Doc, Token } from './nlp';

export interface Contradiction {
  /** The two clashing phrases, exact substrings of the answer. */
  a: string;
  b: string;
  /** The sentence quoted as evidence (the second claim). */
  quote: string;
}

// Each pair is two lists of phrases in wink's normal form; any phrase of one side opposes any of the other.
const OPPOSITES: readonly (readonly [readonly string[], readonly string[]])[] = [
  [
    ['stateless'],
    [
      'stateful',
      'stores state',
      'store state',
      'keeps state',
      'keep state',
      'holds state',
      'maintains state',
    ],
  ],
  [
    ['synchronous', 'synchronously'],
    ['asynchronous', 'asynchronously', 'async'],
  ],
  [['immutable'], ['mutable', 'mutates', 'mutated in place']],
  [['blocking'], ['non-blocking', 'nonblocking']],
  [
    ['thread-safe', 'thread safe'],
    ['not thread-safe', 'not thread safe'],
  ],
  [['idempotent'], ['not idempotent']],
  [['encrypted'], ['unencrypted', 'plain text', 'plaintext']],
  [
    ['strongly consistent', 'strong consistency'],
    ['eventually consistent', 'eventual consistency'],
  ],
  [
    ['in memory', 'in-memory'],
    ['on disk', 'persisted to disk'],
  ],
  [
    ['o ( 1 )', 'constant time'],
    ['o ( n )', 'linear time'],
  ],
];

// Words that set two things side by side on purpose. Within one sentence "but" and "or" do too
// ("PUT is idempotent but POST isn't").
const CONTRAST = new Set([
  'unlike',
  'whereas',
  'versus',
  'vs',
  'vs.',
  'than',
  'compared',
  'instead',
  'rather',
]);
const CONTRAST_IN_SENTENCE = new Set([...CONTRAST, 'but', 'or', 'while', 'between', 'difference', 'differs']);

// One pass finds every phrase of every pair; leftmost-longest matching means "not idempotent" is read as
// one claim, never as "idempotent" too.
const ALL_PHRASES = OPPOSITES.flatMap(([left, right]) => [...left, ...right]);
const SIDE = new Map<string, { pair: number; left: boolean }>();
OPPOSITES.forEach(([left, right], pair) => {
  for (const p of left) SIDE.set(p, { pair, left: true });
  for (const p of right) SIDE.set(p, { pair, left: false });
});

export function findContradictions(doc: Doc): Contradiction[] {
  const hits = findPhrases(doc, ALL_PHRASES);
  const out: Contradiction[] = [];
  OPPOSITES.forEach((_, pair) => {
    const side = (left: boolean) =>
      hits.filter((h) => SIDE.get(h.phrase)!.pair === pair && SIDE.get(h.phrase)!.left === left);
    const b = side(false);
    for (const x of side(true)) {
      const y = b.find((h) => sameSubject(doc, x, h));
      if (y) {
        const later = x.start > y.start ? x : y;
        out.push({ a: x.text, b: y.text, quote: doc.sentences[later.sentence]!.text });
        break;
      }
    }
  });
  return out;
}

function isSubjectLike(t: Token): boolean {
  return t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'PRON';
}

/**
 * Two claims clash when they are in one sentence without a contrast word, or in different sentences that
 * share a noun ("the service ... the service") or where the later one refers back with "it" or "this".
 */
function sameSubject(doc: Doc, x: PhraseHit, y: PhraseHit): boolean {
  const tokens = visibleTokens(doc);
  const words = (s: number) => tokens.filter((t) => t.sentence === s);
  if (x.sentence === y.sentence) {
    // "It is stateless and stores state": nothing between the claims introduces a second subject.
    const [l, r] = x.start < y.start ? [x, y] : [y, x];
    const between = words(x.sentence).filter((t) => t.start >= l.end && t.end <= r.start);
    return !words(x.sentence).some((t) => CONTRAST_IN_SENTENCE.has(t.normal)) && !between.some(isSubjectLike);
  }
  const [first, second] = x.sentence < y.sentence ? [x, y] : [y, x];
  if ([first, second].some((h) => words(h.sentence).some((t) => CONTRAST.has(t.normal)))) return false;
  const nouns = (s: number) =>
    new Set(
      words(s)
        .filter((t) => (t.pos === 'NOUN' || t.pos === 'PROPN') && t.concept !== '')
        .map((t) => t.concept),
    );
  const shared = [...nouns(first.sentence)].some((c) => nouns(second.sentence).has(c) && c !== 'state');
  const refersBack =
    second.sentence === first.sentence + 1 &&
    ['it', 'this', 'that'].includes(words(second.sentence)[0]?.normal ?? '');
  return shared || refersBack;
}

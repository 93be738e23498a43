import { describe, expect, it } from 'vitest';
import { analyse } from './nlp';
import { related } from './related';

const concept = (word: string) => analyse(word).tokens[0]!.concept;

describe('WordNet links', () => {
  it('relates words that share a common sense, or one a direct kind of the other', () => {
    expect(related(concept('chase'), concept('pursue'))).toBe(true);
    expect(related(concept('pursue'), concept('chase'))).toBe(true);
    // Copper is a kind of metal, both ways round; a hammer's hypernym is "hand tool", not "tool".
    expect(related(concept('copper'), concept('metal'))).toBe(true);
    expect(related(concept('metal'), concept('copper'))).toBe(true);
    expect(related(concept('hammer'), concept('tool'))).toBe(false);
  });

  it('does not relate a word to itself, to an unrelated word, or to one WordNet does not know', () => {
    expect(related(concept('chase'), concept('chase'))).toBe(false);
    expect(related(concept('chase'), concept('battery'))).toBe(false);
    expect(related(concept('kubernetes'), concept('chase'))).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { analyse } from './nlp';
import {
  CONTENT_FEATURES,
  checkedModel,
  contentFeatures,
  type ContentFeatures,
  type ContentModel,
  misspelt,
  predictGrade,
} from './content-model';
import { coverPoints } from './coverage';

const zeros = () => Object.fromEntries(CONTENT_FEATURES.map((f) => [f, 0])) as ContentFeatures;

describe('content model', () => {
  // One tree on charSimilarity: ≤ 0.5 goes left (-0.2), else right (+0.4); the base is 0.5.
  const model: ContentModel = {
    base: 0.5,
    rate: 0.5,
    features: [...CONTENT_FEATURES],
    trees: [
      [
        { feature: CONTENT_FEATURES.indexOf('charSimilarity'), threshold: 0.5, left: 1, right: 2 },
        { value: -0.2 },
        { value: 0.4 },
      ],
    ],
  };

  it('adds each tree’s leaf, scaled by the rate, to the base, and clamps to 0–1', () => {
    expect(predictGrade({ ...zeros(), charSimilarity: 0.5 }, model)).toBeCloseTo(0.4);
    expect(predictGrade({ ...zeros(), charSimilarity: 0.51 }, model)).toBeCloseTo(0.7);
    expect(predictGrade(zeros(), { ...model, base: -1 })).toBe(0);
    expect(predictGrade({ ...zeros(), charSimilarity: 1 }, { ...model, base: 1 })).toBe(1);
  });

  it('refuses a model fitted on other features, or the same ones in another order', () => {
    const message = 'content-model.json was fitted on other features: run scripts/fit-content-model.ts';
    expect(() => checkedModel({ ...model, features: ['recall'] })).toThrow(message);
    expect(() => checkedModel({ ...model, features: [...CONTENT_FEATURES].reverse() })).toThrow(message);
    expect(checkedModel(model)).toBe(model);
  });

  const featuresFor = (question: string, point: string, answer: string) => {
    const doc = analyse(answer);
    const grounded = new Set(doc.sentences.map((s) => s.index));
    return contentFeatures({
      doc,
      question,
      points: [point],
      coverage: coverPoints(doc, [point], undefined, grounded),
      contradictions: [],
      grounded,
      onTopicShare: 1,
    });
  };

  it('reads how the place answering a point agrees with it, beyond the words of the question', () => {
    const question = 'Why do both bulbs B and C go out when bulb A is burned out?';
    const point = 'If bulb A burns out, B and C are no longer in a closed path with the battery';
    const features = (answer: string) => featuresFor(question, point, answer);
    const right = features('B and C are no longer in a closed path with the battery.');
    const echo = features('Bulbs B and C go out because bulb A is burned out.');
    const padded = features(
      'B and C are no longer in a closed path, and I like the colour of the wires a lot.',
    );
    // The point's own words (closed, path, battery) count; the question's (bulb, burn) do not.
    expect(right.newTerms).toBe(1);
    expect(echo.newTerms).toBe(0);
    expect(right.order).toBe(1);
    expect(right.charSimilarity).toBeGreaterThan(echo.charSimilarity);
    // Words of neither the point nor the question: none in the right answer, several in the padded one.
    expect(right.extraneous).toBe(0);
    expect(padded.extraneous).toBeGreaterThan(0.3);
  });

  it('marks an answer that turns the point’s direction words round', () => {
    const question = 'What does the layering tell you about the density of the corn syrup?';
    const point = 'Corn syrup is more dense than water, so it sinks to the bottom';
    const opposed = (answer: string) => featuresFor(question, point, answer).opposed;
    expect(opposed('The corn syrup is more dense, so it sinks to the bottom.')).toBe(0);
    // "less" for "more" and "top" for "bottom": two of its three direction words (more, sink, bottom).
    expect(opposed('The corn syrup is less dense, so it sinks to the top.')).toBeCloseTo(2 / 3);
    // Saying both is a comparison, not a reversal.
    expect(opposed('Water is less dense and the syrup more dense, so it sinks.')).toBe(0);
  });

  it('reads whether the answer’s yes or no agrees with the expected one', () => {
    const question = 'Did Andrew control the variables in his experiment? Explain why or why not.';
    const point = 'No. Andrew changed two variables at the same time';
    const verdict = (answer: string) => featuresFor(question, point, answer).verdict;
    expect(verdict('No, he changed the feed and the calcium together.')).toBe(1);
    expect(verdict('Yes, because he wrote everything down.')).toBe(0);
    expect(verdict('He changed the feed and the calcium together.')).toBe(0.5);
  });

  it('marks an answer whose polarity differs from the point’s', () => {
    const features = (point: string, answer: string) =>
      featuresFor('Why does bulb B stay lit?', point, answer).negation;
    const closed = 'Bulb B is still in a closed path with the battery';
    const open = 'Bulb B is not separated from the battery by a gap';
    expect(features(closed, 'Bulb B is still in a closed path.')).toBe(0);
    expect(features(closed, 'Bulb B is not in a closed path.')).toBe(1);
    expect(features(open, 'There is no gap between bulb B and the battery.')).toBe(0);
    expect(features(open, 'Bulb B is separated from the battery by a gap.')).toBe(1);
  });

  it('counts the point’s own words said in WordNet’s near words or misspelt, and those the answer adds', () => {
    const question = 'What does the dog do when it sees the cat?';
    const point = 'The dog chases the cat and barks';
    const features = (answer: string) => featuresFor(question, point, answer);
    // "pursue" shares a sense with "chase"; "bark" is not in the answer: one of the point's two own words.
    expect(features('It pursues the cat.').relatedTerms).toBe(0.5);
    expect(features('It pursues the cat.').relatedPrecision).toBe(1);
    // And in the place that answers the point, as the point's own words there.
    expect(features('It pursues the cat.').newTerms).toBe(0.5);
    expect(features('It chasses the cat.').newTerms).toBe(0.5);
    expect(features('It chases the cat and barks.').relatedTerms).toBe(1);
    // "chasses" is "chases" with a letter too many.
    expect(features('It chasses the cat and barks.').relatedTerms).toBe(1);
    expect(features('It sleeps next to the cat.').relatedTerms).toBe(0);
    expect(features('It sleeps next to the cat.').relatedPrecision).toBe(0);
  });

  it('tells a misspelt stem from a different word', () => {
    expect(misspelt('evapor', 'evaper')).toBe(true);
    expect(misspelt('temperatur', 'temprature')).toBe(true);
    // Short words a letter apart are other words, and numbers are not spelled.
    expect(misspelt('cat', 'bat')).toBe(false);
    expect(misspelt('spring', 'string')).toBe(true);
    expect(misspelt('10000', '10001')).toBe(false);
    expect(misspelt('evapor', 'condens')).toBe(false);
  });

  it('compares the letters the answer and the points add to the question', () => {
    const question = 'Why do both bulbs B and C go out when bulb A is burned out?';
    const point = 'If bulb A burns out, B and C are no longer in a closed path with the battery';
    const own = (answer: string) => featuresFor(question, point, answer).ownLetters;
    expect(own('Because bulbs B and C go out when bulb A is burned out.')).toBeLessThan(0.2);
    expect(own('They are no longer in a closed path with the battery.')).toBeGreaterThan(0.7);
  });
});

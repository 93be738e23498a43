import { describe, expect, it } from 'vitest';
import { loadStar, starF1 } from '../../../tests/fixtures/evaluation/score';
import { evaluateBuiltin } from './evaluate';

const story = (answer: string, category: 'Behavioral' | 'Situational' = 'Behavioral') =>
  evaluateBuiltin({
    question: { text: 'Tell me about a time you fixed a slow process.', category, expectedPoints: [] },
    answer,
  });

const COMPLETE =
  'Last year our deploys took 45 minutes and needed someone watching a checklist. ' +
  'My goal was to make deploys safe enough to run every day. ' +
  'I moved each manual step into a pipeline and added smoke tests after every deploy. ' +
  'As a result, deploys dropped to 8 minutes and we now ship several times a day.';

describe('STAR analysis', () => {
  it('labels the hand-labelled sentences with micro F1 of at least 0.85', () => {
    const items = loadStar();
    expect(items.length).toBeGreaterThanOrEqual(60);
    const score = starF1(items);
    expect(score.f1).toBeGreaterThanOrEqual(0.85);
  });

  it('finds all four parts of a complete story, quoting whole sentences of the answer', () => {
    const star = story(COMPLETE).star!;
    expect(star.situation.quotes).toEqual([
      'Last year our deploys took 45 minutes and needed someone watching a checklist.',
    ]);
    expect(star.task.quotes).toEqual(['My goal was to make deploys safe enough to run every day.']);
    expect(star.action.present).toBe(true);
    expect(star.result.quotes).toEqual([
      'As a result, deploys dropped to 8 minutes and we now ship several times a day.',
    ]);
    for (const part of Object.values(star)) {
      expect(part.missing).toEqual([]);
      for (const q of part.quotes) expect(COMPLETE).toContain(q);
    }
  });

  it('calls out a missing result in the analysis and in the improvements', () => {
    const result = story(
      'Last year our deploys took 45 minutes and someone had to watch a long checklist every time. My goal was to make ' +
        'them faster and safer. I moved each manual step into a GitHub Actions pipeline, one step at a time. ' +
        'I also added smoke tests after every deploy and a one-click rollback.',
    );
    expect(result.star!.result.present).toBe(false);
    expect(result.star!.result.missing[0]).toMatch(/^No result/);
    expect(result.improvements[0]!.text).toMatch(/^End with the result/);
    expect(result.exampleAnswer).toContain('As a result, [say how it ended');
  });

  it('calls out a result that has no number', () => {
    const result = story(
      'Last year our deploys were slow. My goal was to make them faster. I moved each manual step into a pipeline. In the end, deploys became much quicker and the team was happy.',
    );
    expect(result.star!.result.present).toBe(true);
    expect(result.star!.result.missing).toContain(
      'The result has no number: say by how much things changed (time, %, money, people).',
    );
    expect(result.improvements.map((i) => i.text)).toContainEqual(
      expect.stringMatching(/^Quantify this result/),
    );
  });

  it('reads hypothetical "I would" answers to situational questions', () => {
    const star = story(
      'Suppose a key engineer is off sick for a week. My priority would be the sprint goal. I would move a lower-priority story out and tell the product owner that morning. That way the goal is still met and nobody is surprised.',
      'Situational',
    ).star!;
    expect([star.situation.present, star.task.present, star.action.present, star.result.present]).toEqual([
      true,
      true,
      true,
      true,
    ]);
  });

  it('is null for questions that are not answered as a story', () => {
    const result = evaluateBuiltin({
      question: { text: 'What is a B-tree?', category: 'Technical', expectedPoints: [] },
      answer: COMPLETE,
    });
    expect(result.star).toBeNull();
  });
});

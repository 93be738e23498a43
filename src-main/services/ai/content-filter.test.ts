import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appPaths } from '../../paths';
import { loadBank } from '../questions/bank';
import { screenQuestion, screenQuestions } from './content-filter';

describe('screening generated questions', () => {
  it.each([
    ['How old are you, and when do you plan to retire?', 'asks about age'],
    ['Are you married, or planning to be?', 'asks about marital status or pregnancy'],
    ['Do you plan to have kids in the next few years?', 'asks about family plans'],
    ["What's your religion, and will it affect weekend work?", 'asks about religion'],
    ['Where are you really from?', 'asks about ethnicity or origin'],
    ['Are you gay?', 'asks about sexual orientation'],
    ['Do you have any medical condition we should know about?', 'asks about health'],
    ['Who did you vote for last year?', 'asks about politics'],
    ['Describe a time you dealt with a shitty manager.', 'profanity'],
    ['What is the sexiest feature of our product?', 'sexual or violent content'],
  ])('refuses “%s” (%s)', (text, reason) => {
    expect(screenQuestion(text)).toEqual({ ok: false, reason });
  });

  it.each([
    'Tell me about a time you had to deliver bad news to a stakeholder.',
    'How would you design rate limiting for a public API?',
    'What would you do in your first 90 days as our marketing manager?',
    'Describe how you would assess the health of a codebase you just inherited.',
    'Walk me through how you would price a new subscription tier.',
    'How do you handle an assignment that conflicts with your priorities?',
  ])('accepts “%s”', (text) => {
    expect(screenQuestion(text)).toEqual({ ok: true });
  });

  it('passes every question in the shipped bank (no false alarms on real content)', () => {
    const bank = loadBank(join(appPaths().resources, 'questions'));
    const { dropped } = screenQuestions(bank.all);
    expect(dropped).toEqual([]);
  });
});

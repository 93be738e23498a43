/**
 * Screens questions a model wrote before a candidate sees them: no profanity or slurs, nothing sexual or violent,
 * and none of the questions interviewers must not ask (age, family plans, marital status, religion, ethnicity,
 * orientation, health). The lists were written for Rehearse and match whole words only.
 */
const PROFANITY = [
  'fuck',
  'fucking',
  'fucked',
  'shit',
  'shitty',
  'bullshit',
  'bitch',
  'bastard',
  'asshole',
  'arsehole',
  'cunt',
  'dick',
  'dickhead',
  'prick',
  'twat',
  'wanker',
  'motherfucker',
  'slut',
  'whore',
  'retard',
  'retarded',
];
const SEXUAL_OR_VIOLENT =
  /\b(sex(ual|y|ier|iest)?|porn\w*|nude|naked|orgasm|erotic|kill (yourself|him|her|them)|suicide|rape|murder)\b/i;
const FORBIDDEN_TOPICS: [RegExp, string][] = [
  [/\b(how old are you|your age|year (were you|you were) born|date of birth)\b/i, 'age'],
  [
    /\b(are you|is she|is he) (married|single|divorced|engaged|pregnant)\b|\bmarital status\b/i,
    'marital status or pregnancy',
  ],
  [
    /\b(do you|are you planning to|do you plan to) (have|want|start)( any)? (kids|children|a family)\b|\bchildcare\b/i,
    'family plans',
  ],
  [/\b(your|what) (religion|faith|church|religious beliefs)\b|\bdo you (pray|go to church)\b/i, 'religion'],
  [
    /\b(your|what is your|what's your) (race|ethnicity|nationality|national origin|native country)\b|\bwhere are you (really )?from\b/i,
    'ethnicity or origin',
  ],
  [/\b(sexual orientation|are you (gay|straight|lesbian|bisexual))\b/i, 'sexual orientation'],
  [
    /\b(do you have (a|any) (disability|disabilities|medical condition|illness)|your (health|medical history))\b/i,
    'health',
  ],
  [/\b(who did you vote for|your political (party|views))\b/i, 'politics'],
];
const PROFANE = new RegExp(`\\b(${PROFANITY.join('|')})\\b`, 'i');

export type Screening = { ok: true } | { ok: false; reason: string };

export function screenQuestion(text: string): Screening {
  if (PROFANE.test(text)) return { ok: false, reason: 'profanity' };
  if (SEXUAL_OR_VIOLENT.test(text)) return { ok: false, reason: 'sexual or violent content' };
  for (const [pattern, topic] of FORBIDDEN_TOPICS)
    if (pattern.test(text)) return { ok: false, reason: `asks about ${topic}` };
  return { ok: true };
}

/** Keeps the acceptable questions and says how many were dropped and why, for the log. */
export function screenQuestions<T extends { text: string }>(
  questions: readonly T[],
): { kept: T[]; dropped: { text: string; reason: string }[] } {
  const kept: T[] = [];
  const dropped: { text: string; reason: string }[] = [];
  for (const q of questions) {
    const s = screenQuestion(q.text);
    if (s.ok) kept.push(q);
    else dropped.push({ text: q.text, reason: s.reason });
  }
  return { kept, dropped };
}

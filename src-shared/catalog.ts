/** The fixed lists every other shared module builds on; kept apart so those modules can import each other. */
export const DIFFICULTIES = ['Easy', 'Medium', 'Hard', 'Expert'] as const;
export const CATEGORIES = [
  'Technical',
  'Behavioral',
  'Situational',
  'Domain_Specific',
  'System_Design',
  'Coding',
] as const;

export type Difficulty = (typeof DIFFICULTIES)[number];
export type Category = (typeof CATEGORIES)[number];

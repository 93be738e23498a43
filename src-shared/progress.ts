/**
 * Progress: the dashboard, streaks, achievements, reminders and the study plan. The schemas here are the
 * contract for the progress channels, spread into `channels` in contract.ts.
 */
import { z } from 'zod';
import { CATEGORIES } from './catalog';
import { CRITERIA } from './evaluation';

/** A calendar day in the candidate's own time zone. */
export const LocalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Dates look like 2025-06-30.' })
  .refine((d) => {
    const t = Date.parse(`${d}T00:00:00Z`);
    return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === d;
  }, 'That is not a real date.');
export type LocalDate = z.infer<typeof LocalDate>;

export const ACHIEVEMENTS = [
  'First_Interview',
  'Ten_Interviews',
  'Fifty_Interviews',
  'Perfect_Score',
  'Seven_Day_Streak',
  'Thirty_Day_Streak',
  'Category_Master',
] as const;
export type AchievementId = (typeof ACHIEVEMENTS)[number];

/** Scores above this make a category a strength; below WEAKNESS_BELOW, a weakness. */
export const STRENGTH_ABOVE = 80;
export const WEAKNESS_BELOW = 60;
/** The improvement rate compares the first and last five sessions, so it needs ten. */
export const IMPROVEMENT_WINDOW = 5;
export const REMINDER_AFTER_HOURS = 20;

const category = z.enum(CATEGORIES);
const int = z.number().int();
const score = z.number().min(0).max(100);
const criteria = z.object(
  Object.fromEntries(CRITERIA.map((c) => [c, score.nullable()])) as {
    [K in (typeof CRITERIA)[number]]: z.ZodNullable<typeof score>;
  },
);

export const Streak = z.object({
  /** Consecutive local days ending today or yesterday; 0 once a day has been missed. */
  current: int,
  longest: int,
  lastDate: LocalDate.nullable(),
  practisedToday: z.boolean(),
  /** Practised today or yesterday: one more session today continues it. */
  alive: z.boolean(),
});
export type Streak = z.infer<typeof Streak>;

/** What a link to practice opens: the setup screen with these choices made. */
export const PracticeLink = z.object({
  categories: z.array(category),
  jobId: z.string().nullable(),
  questionCount: int.min(1).max(20),
});
export type PracticeLink = z.infer<typeof PracticeLink>;

export const CategoryScore = z.object({ category, answers: int, average: score });
export type CategoryScore = z.infer<typeof CategoryScore>;

export const Dashboard = z.object({
  completed: int,
  /** Answers with a score (skipped ones have none). */
  scoredAnswers: int,
  averageAllTime: score.nullable(),
  average30Days: score.nullable(),
  /** Percentage change from the first five sessions' average to the last five's; null under ten sessions. */
  improvementRate: z.number().nullable(),
  /** Sessions with a score, which the improvement rate counts. */
  scoredSessions: int,
  practiceMs: int,
  weekly: z.array(z.object({ weekStart: LocalDate, average: score, answers: int, sessions: int })),
  categories: z.array(CategoryScore),
  criteria,
  strengths: z.array(CategoryScore),
  weaknesses: z.array(CategoryScore),
  roles: z.array(z.object({ role: z.string(), sessions: int, average: score.nullable() })),
  recommendations: z.array(z.object({ text: z.string(), practice: PracticeLink })),
  streak: Streak,
});
export type Dashboard = z.infer<typeof Dashboard>;

export const AchievementStatus = z.object({
  id: z.enum(ACHIEVEMENTS),
  title: z.string(),
  description: z.string(),
  earnedAt: z.string().nullable(),
  detail: z.string(),
  /** How far towards it, for the ones not yet earned. */
  progress: z.object({ value: z.number(), target: z.number(), label: z.string() }),
});
export type AchievementStatus = z.infer<typeof AchievementStatus>;

export const ReminderSettings = z
  .object({ remindersEnabled: z.boolean({ error: 'Choose on or off.' }) })
  .strict();
export type ReminderSettings = z.infer<typeof ReminderSettings>;

export const PLAN_LENGTHS = [30, 60, 90] as const;
export const TASK_KINDS = ['practice', 'study', 'mock', 'review'] as const;

export const PlanTask = z.object({
  id: z.string(),
  date: LocalDate,
  kind: z.enum(TASK_KINDS),
  title: z.string(),
  detail: z.string(),
  minutes: int,
  practice: PracticeLink.nullable(),
  doneAt: z.string().nullable(),
  /** Marked done by a session completed that day, rather than ticked by hand. */
  doneBySession: z.boolean(),
});
export type PlanTask = z.infer<typeof PlanTask>;

export const FocusArea = z.object({
  category,
  /** The average over the recent answers when the area entered the plan or was last checked; null if none. */
  average: score.nullable(),
  reason: z.string(),
});
export type FocusArea = z.infer<typeof FocusArea>;

export const StudyPlan = z.object({
  id: z.string(),
  createdAt: z.string(),
  startDate: LocalDate,
  endDate: LocalDate,
  lengthDays: int,
  hoursPerWeek: z.number(),
  interviewDate: LocalDate.nullable(),
  job: z.object({ id: z.string(), title: z.string() }).nullable(),
  focus: z.array(FocusArea),
  skillGaps: z.array(z.string()),
  weeks: z.array(
    z.object({
      index: int,
      start: LocalDate,
      end: LocalDate,
      milestone: z.string(),
      minutes: int,
      tasks: z.array(PlanTask),
    }),
  ),
  resources: z.array(z.object({ title: z.string(), detail: z.string() })),
  source: z.object({ provider: z.string(), model: z.string().nullable() }),
  notes: z.array(z.string()),
  adaptedOn: LocalDate,
  changes: z.array(z.object({ date: LocalDate, text: z.string() })),
});
export type StudyPlan = z.infer<typeof StudyPlan>;

export const PlanInput = z
  .object({
    lengthDays: z.union([z.literal(30), z.literal(60), z.literal(90)], {
      error: 'Choose a 30, 60 or 90-day plan.',
    }),
    hoursPerWeek: z
      .number({ error: 'Hours per week must be a number.' })
      .min(1, { error: 'Plan at least 1 hour a week.' })
      .max(40, { error: 'Plan at most 40 hours a week.' }),
    interviewDate: LocalDate.optional(),
    jobId: z.string().uuid({ error: 'must be a valid id' }).optional(),
  })
  .strict();
export type PlanInput = z.input<typeof PlanInput>;

const none = z.object({}).strict();

/** How spoken answers sounded over time: one point per answer given out loud, oldest first. */
export const DeliveryTrend = z.object({
  answers: z.array(
    z.object({
      sessionId: z.string(),
      /** When the answer was submitted. */
      at: z.string(),
      question: z.string(),
      /** Words a minute over the whole answer; null when it was not transcribed. */
      rate: z.number().nullable(),
      fillersPerMinute: z.number().nullable(),
      /** Pauses over 2 seconds; null when no speech was heard. */
      longPauses: z.number().int().nullable(),
    }),
  ),
});
export type DeliveryTrend = z.infer<typeof DeliveryTrend>;

export const progressChannels = {
  /** Everything on the progress dashboard in one read. */
  'progress.dashboard': { input: none, output: Dashboard },
  /** Pace, fillers and long pauses of every spoken answer, for the trends on the dashboard. */
  'progress.delivery': { input: none, output: DeliveryTrend },
  /** Every achievement, earned or with progress towards it. */
  'progress.achievements': { input: none, output: z.array(AchievementStatus) },
  /** Achievements earned but not yet announced; each is returned (and so toasted) once, to one window. */
  'progress.news': { input: none, output: z.array(AchievementStatus) },
  /** Whether to remind the candidate now; a due reminder is recorded, so it is due at most once a day. */
  'progress.reminder': {
    input: none,
    output: z.object({ due: z.boolean(), message: z.string().nullable() }),
  },
  'progress.settings.get': { input: none, output: ReminderSettings },
  'progress.settings.save': { input: ReminderSettings, output: ReminderSettings },
  /** The active study plan (adapted if a week has passed since it was last checked), or null. */
  'progress.plan.get': { input: none, output: StudyPlan.nullable() },
  'progress.plan.create': { input: PlanInput, output: StudyPlan },
  'progress.plan.setDone': {
    input: z
      .object({
        taskId: z.string().trim().min(1).max(100),
        done: z.boolean({ error: 'Choose done or not done.' }),
      })
      .strict(),
    output: StudyPlan,
  },
  'progress.plan.delete': { input: none, output: z.object({ deleted: z.boolean() }) },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export const progressEvents = {
  /** A reminder is due: the desktop shell shows it as a native notification. */
  'progress.reminder': z.object({ title: z.string(), message: z.string() }),
} as const satisfies Record<string, z.ZodType>;

/**
 * The builtin study planner: daily tasks that open the right practice set, weekly milestones, time estimates
 * and general resources (no links), from the candidate's weak categories, the skill gaps between résumé and
 * job, the interview date and the hours a week they have. Pure: dates in, plan out.
 */
import type { Category } from '../../../src-shared/domain';
import {
  STRENGTH_ABOVE,
  WEAKNESS_BELOW,
  type FocusArea,
  type PlanTask,
  type StudyPlan,
} from '../../../src-shared/progress';
import { addDays, daysBetween, weekday } from './dates';
import { round1 } from './dashboard';
import { categoryLabel } from './labels';

export const MIN_ANSWERS_FOR_FOCUS = 3;
const MAX_FOCUS = 4;
const MINUTES_PER_QUESTION = 6;
const DEFAULT_FOCUS: Category[] = ['Behavioral', 'Technical', 'Situational'];

export type CategoryStats = Map<Category, { average: number; answers: number }>;

export interface PlanSettings {
  today: string;
  lengthDays: number;
  hoursPerWeek: number;
  interviewDate: string | null;
  job: { id: string; title: string } | null;
  skillGaps: string[];
}

/** What the plan works on: weak categories first; otherwise the ones short of a strength; otherwise a mix. */
export function focusFrom(stats: CategoryStats): FocusArea[] {
  const judged = [...stats].filter(([, s]) => s.answers >= MIN_ANSWERS_FOR_FOCUS);
  const weak = judged
    .filter(([, s]) => s.average < WEAKNESS_BELOW)
    .sort((a, b) => a[1].average - b[1].average);
  if (weak.length > 0)
    return weak.slice(0, MAX_FOCUS).map(([category, s]) => ({
      category,
      average: round1(s.average),
      reason: `Your recent ${categoryLabel(category)} answers average ${round1(s.average)}.`,
    }));
  const middling = judged
    .filter(([, s]) => s.average <= STRENGTH_ABOVE)
    .sort((a, b) => a[1].average - b[1].average);
  if (middling.length > 0)
    return middling.slice(0, 2).map(([category, s]) => ({
      category,
      average: round1(s.average),
      reason: `${categoryLabel(category)} averages ${round1(s.average)}; the plan pushes it above ${STRENGTH_ABOVE}.`,
    }));
  return DEFAULT_FOCUS.map((category) => ({
    category,
    average: stats.get(category) ? round1(stats.get(category)!.average) : null,
    reason:
      judged.length > 0
        ? 'No weak spots: a mix keeps every kind of question sharp.'
        : 'No scores yet: a mix of the questions most interviews ask.',
  }));
}

/**
 * The focus a week later: a weakness that has risen above 80 leaves; a category now below 60 enters.
 * Returns the new focus and one sentence per change.
 */
export function adaptFocus(
  focus: readonly FocusArea[],
  stats: CategoryStats,
): { focus: FocusArea[]; changes: string[] } {
  const changes: string[] = [];
  const kept: FocusArea[] = [];
  for (const area of focus) {
    const s = stats.get(area.category);
    if (s && s.answers >= MIN_ANSWERS_FOR_FOCUS && s.average > STRENGTH_ABOVE) {
      changes.push(`${categoryLabel(area.category)} rose to ${round1(s.average)} and left the plan.`);
      continue;
    }
    kept.push(s ? { ...area, average: round1(s.average) } : area);
  }
  const entering = [...stats]
    .filter(
      ([c, s]) =>
        s.answers >= MIN_ANSWERS_FOR_FOCUS &&
        s.average < WEAKNESS_BELOW &&
        !kept.some((k) => k.category === c),
    )
    .sort((a, b) => a[1].average - b[1].average);
  for (const [category, s] of entering) {
    changes.push(`${categoryLabel(category)} dropped to ${round1(s.average)} and entered the plan.`);
    kept.push({
      category,
      average: round1(s.average),
      reason: `Your recent ${categoryLabel(category)} answers average ${round1(s.average)}.`,
    });
  }
  // Weakest first, so the next week starts with what needs it most.
  kept.sort((a, b) => (a.average ?? 100) - (b.average ?? 100));
  if (kept.length === 0) return { focus: focusFrom(stats), changes };
  return { focus: kept.slice(0, MAX_FOCUS), changes };
}

const WEEKDAY_PATTERNS: Record<number, number[]> = {
  3: [0, 2, 4],
  4: [0, 1, 3, 5],
  5: [0, 1, 2, 3, 4],
  6: [0, 1, 2, 3, 4, 5],
  7: [0, 1, 2, 3, 4, 5, 6],
};

/** Short sessions most days beat one long one: at least 30 minutes a day, 3 to 7 days a week. */
export function cadence(hoursPerWeek: number): { daysPerWeek: number; minutesPerDay: number } {
  const weekly = hoursPerWeek * 60;
  const daysPerWeek = Math.min(7, Math.max(3, Math.floor(weekly / 30)));
  return { daysPerWeek, minutesPerDay: Math.max(15, Math.round(weekly / daysPerWeek / 5) * 5) };
}

export function planEnd(settings: Pick<PlanSettings, 'today' | 'lengthDays' | 'interviewDate'>): string {
  const end = addDays(settings.today, settings.lengthDays - 1);
  return settings.interviewDate && settings.interviewDate < end ? settings.interviewDate : end;
}

const questions = (minutes: number, min: number) =>
  Math.min(10, Math.max(min, Math.round(minutes / MINUTES_PER_QUESTION)));

/** Every task from `start` to `end`, or only those on or after `from`; `generation` keeps ids unique. */
export function schedule(
  settings: PlanSettings & { start: string; end: string },
  focus: readonly FocusArea[],
  from: string,
  generation: number,
): PlanTask[] {
  const { daysPerWeek, minutesPerDay } = cadence(settings.hoursPerWeek);
  const days = new Set(WEEKDAY_PATTERNS[daysPerWeek]);
  const jobId = settings.job?.id ?? null;
  const forJob = settings.job ? ` for ${settings.job.title}` : '';
  const total = daysBetween(settings.start, settings.end) + 1;
  const isPractice = (d: string) => days.has(weekday(d)) && d !== settings.interviewDate;
  // The last two practice days before the interview are mock interviews.
  const finalMocks = new Set<string>();
  if (settings.interviewDate && settings.interviewDate <= settings.end) {
    for (
      let d = addDays(settings.interviewDate, -1);
      d >= settings.start && finalMocks.size < 2;
      d = addDays(d, -1)
    )
      if (isPractice(d)) finalMocks.add(d);
  }
  const tasks: PlanTask[] = [];
  // Practice days go round the focus areas; with fewer than three, every round ends with a mixed set.
  const rotationOf: (Category | null)[] = [
    ...focus.map((f) => f.category),
    ...(focus.length < 3 ? [null] : []),
  ];
  let rotation = 0;
  for (let i = 0; i < total; i++) {
    const date = addDays(settings.start, i);
    const week = Math.floor(i / 7);
    const weekDates = Array.from({ length: 7 }, (_, k) => addDays(settings.start, week * 7 + k)).filter(
      (d) => d <= settings.end && isPractice(d),
    );
    const base = { id: `${date}-g${generation}`, date, doneAt: null, doneBySession: false };
    let task: PlanTask;
    if (date === settings.interviewDate) {
      task = {
        ...base,
        kind: 'review',
        title: 'Interview day',
        detail:
          'No new practice today. Reread the feedback on your three best answers and the stories you plan to tell, then rest.',
        minutes: 15,
        practice: null,
      };
    } else if (!isPractice(date)) {
      continue;
    } else if (finalMocks.has(date) || (weekDates.length >= 3 && date === weekDates.at(-1))) {
      const count = questions(minutesPerDay, 3);
      task = {
        ...base,
        kind: 'mock',
        title: `Mock interview${forJob}`,
        detail: `A mixed set of ${count} questions in mock mode: no feedback until the end, follow-ups like a real interviewer. Compare the scores with last week's.`,
        minutes: minutesPerDay,
        practice: { categories: [], jobId, questionCount: count },
      };
    } else if (settings.skillGaps.length > 0 && weekDates.length >= 3 && date === weekDates[1]) {
      const skill = settings.skillGaps[week % settings.skillGaps.length]!;
      const reading = Math.round(minutesPerDay / 2);
      task = {
        ...base,
        kind: 'study',
        title: `Close a gap: ${skill}`,
        detail: `${reading} minutes with the official documentation of ${skill} (a getting-started guide, then one concept you can explain), then two technical questions${forJob} that ask about it.`,
        minutes: minutesPerDay,
        practice: { categories: ['Technical'], jobId, questionCount: 2 },
      };
    } else {
      const category = rotationOf[rotation++ % rotationOf.length] ?? null;
      const count = questions(minutesPerDay, 1);
      const what = category ? categoryLabel(category) : 'mixed';
      task = {
        ...base,
        kind: 'practice',
        title: category ? `Practise ${what} questions` : 'Practise a mixed set',
        detail: `${count} ${what} ${count === 1 ? 'question' : 'questions'}${forJob}. Read the feedback on each before the next; ${tipFor(category)}`,
        minutes: minutesPerDay,
        practice: { categories: category ? [category] : [], jobId, questionCount: count },
      };
    }
    if (date >= from) tasks.push(task);
  }
  return tasks;
}

function tipFor(category: Category | null): string {
  switch (category) {
    case null:
      return 'notice which kind of question costs you most points.';
    case 'Behavioral':
      return 'tell each story as situation, task, action and a result with a number.';
    case 'Situational':
      return 'say what you would do first, who you would involve and how you would know it worked.';
    case 'Technical':
      return 'define the term, give an example from your own work, name a trade-off.';
    case 'System_Design':
      return 'start from requirements and scale, then the design, then its bottlenecks.';
    case 'Coding':
      return 'state your approach and its complexity before the details.';
    case 'Domain_Specific':
      return 'tie each answer to a result the business cares about.';
  }
}

export function milestoneFor(
  week: { index: number; start: string; end: string; tasks: PlanTask[] },
  focus: readonly FocusArea[],
  interviewDate: string | null,
): string {
  const minutes = week.tasks.reduce((n, t) => n + t.minutes, 0);
  const done = `all ${week.tasks.length} tasks done (about ${round1(minutes / 60)} h)`;
  if (interviewDate && interviewDate >= week.start && interviewDate <= week.end) {
    const mocks = week.tasks.filter((t) => t.kind === 'mock').length;
    return `Ready for the interview on ${interviewDate}: ${mocks} mock ${mocks === 1 ? 'interview' : 'interviews'} done and your best stories fresh.`;
  }
  const area = focus.length > 0 ? focus[week.index % focus.length]! : null;
  if (!area) return `A steady week: ${done}.`;
  const label = categoryLabel(area.category);
  if (area.average === null) return `${label}: practise and read every piece of feedback; ${done}.`;
  const round = Math.floor(week.index / Math.max(1, focus.length)) + 1;
  const goal = Math.min(
    STRENGTH_ABOVE,
    Math.max(WEAKNESS_BELOW, Math.ceil((area.average + 5 * round) / 5) * 5),
  );
  return `${label} answers averaging ${goal} or more (now ${area.average}); ${done}.`;
}

/** Weeks of seven days from the plan's start, each with its tasks and milestone. */
export function weeksOf(
  tasks: readonly PlanTask[],
  start: string,
  end: string,
  focus: readonly FocusArea[],
  interviewDate: string | null,
  keepMilestones: ReadonlyMap<number, string> = new Map(),
): StudyPlan['weeks'] {
  const weeks: StudyPlan['weeks'] = [];
  const count = Math.ceil((daysBetween(start, end) + 1) / 7);
  for (let index = 0; index < count; index++) {
    const wStart = addDays(start, index * 7);
    const wEnd = [addDays(wStart, 6), end].sort()[0]!;
    const wTasks = tasks.filter((t) => t.date >= wStart && t.date <= wEnd);
    const week = { index, start: wStart, end: wEnd, tasks: wTasks };
    weeks.push({
      ...week,
      minutes: wTasks.reduce((n, t) => n + t.minutes, 0),
      milestone: keepMilestones.get(index) ?? milestoneFor(week, focus, interviewDate),
    });
  }
  return weeks;
}

const CATEGORY_RESOURCES: Record<Category, { title: string; detail: string }> = {
  Behavioral: {
    title: 'Five STAR stories from your résumé',
    detail:
      'Write one each for a conflict, a failure, leading without authority, a tight deadline and a result you measured. Keep each under two minutes spoken.',
  },
  Situational: {
    title: 'A first-steps habit for hypotheticals',
    detail:
      'For any "what would you do" question: clarify the goal, name who you would involve, give your first three steps and how you would measure success.',
  },
  Technical: {
    title: 'The fundamentals the posting names',
    detail:
      'Use the official documentation and a standard textbook for each; practise explaining one concept aloud in two minutes with an example from your own work.',
  },
  System_Design: {
    title: 'A system-design checklist',
    detail:
      'Requirements, scale estimates, API, data model, high-level design, bottlenecks and trade-offs. Sketch one familiar system a week with it.',
  },
  Coding: {
    title: 'Timed problems, thinking aloud',
    detail:
      'Solve two problems a week on a coding-practice site or book of your choice in 30 minutes each, saying your approach and its complexity before you type.',
  },
  Domain_Specific: {
    title: 'Your industry, this year',
    detail:
      "Read the company's own publications (annual report, engineering or product blog) and trade press; note two trends you can discuss.",
  },
};

export function resourcesFor(
  focus: readonly FocusArea[],
  skillGaps: readonly string[],
): StudyPlan['resources'] {
  const out = focus.map((f) => CATEGORY_RESOURCES[f.category]);
  for (const skill of skillGaps.slice(0, 3))
    out.push({
      title: `${skill}: official documentation`,
      detail: `Work through its getting-started guide and build something small you can describe as a STAR story.`,
    });
  out.push({
    title: 'Record yourself',
    detail:
      'Answer one question aloud on video each week and watch it back for pace, filler words and eye contact.',
  });
  return out;
}

export function buildPlan(
  id: string,
  createdAt: string,
  settings: PlanSettings,
  focus: readonly FocusArea[],
): StudyPlan {
  const start = settings.today;
  const end = planEnd(settings);
  const tasks = schedule({ ...settings, start, end }, focus, start, 0);
  const notes: string[] = [];
  if (settings.interviewDate && settings.interviewDate > end)
    notes.push(
      `Your interview on ${settings.interviewDate} is after this plan ends; make a new plan when this one is done.`,
    );
  if (settings.interviewDate && settings.interviewDate <= addDays(start, settings.lengthDays - 1))
    notes.push(`The plan ends on your interview day, ${settings.interviewDate}.`);
  return {
    id,
    createdAt,
    startDate: start,
    endDate: end,
    lengthDays: daysBetween(start, end) + 1,
    hoursPerWeek: settings.hoursPerWeek,
    interviewDate: settings.interviewDate,
    job: settings.job,
    focus: [...focus],
    skillGaps: [...settings.skillGaps],
    weeks: weeksOf(tasks, start, end, focus, settings.interviewDate),
    resources: resourcesFor(focus, settings.skillGaps),
    source: { provider: 'builtin', model: null },
    notes,
    adaptedOn: start,
    changes: [],
  };
}

export const allTasks = (plan: StudyPlan): PlanTask[] => plan.weeks.flatMap((w) => w.tasks);

/**
 * A week after the plan was last checked: new focus from the recent scores, and the days from today on that
 * are not done yet rescheduled around it. Done and past tasks, and past milestones, stay as they were.
 */
export function adaptPlan(plan: StudyPlan, stats: CategoryStats, today: string): StudyPlan {
  if (daysBetween(plan.adaptedOn, today) < 7 || today > plan.endDate) return plan;
  const { focus, changes } = adaptFocus(plan.focus, stats);
  const same =
    focus.length === plan.focus.length && focus.every((f, i) => f.category === plan.focus[i]!.category);
  if (same) return { ...plan, focus, adaptedOn: today };
  const settings: PlanSettings & { start: string; end: string } = {
    today,
    lengthDays: plan.lengthDays,
    hoursPerWeek: plan.hoursPerWeek,
    interviewDate: plan.interviewDate,
    job: plan.job,
    skillGaps: plan.skillGaps,
    start: plan.startDate,
    end: plan.endDate,
  };
  const generation = plan.changes.length + 1;
  const keep = allTasks(plan).filter((t) => t.date < today || t.doneAt !== null);
  const keptDates = new Set(keep.filter((t) => t.date >= today).map((t) => t.date));
  const fresh = schedule(settings, focus, today, generation).filter((t) => !keptDates.has(t.date));
  const tasks = [...keep, ...fresh].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const past = new Map(plan.weeks.filter((w) => w.end < today).map((w) => [w.index, w.milestone]));
  return {
    ...plan,
    focus,
    weeks: weeksOf(tasks, plan.startDate, plan.endDate, focus, plan.interviewDate, past),
    resources: resourcesFor(focus, plan.skillGaps),
    adaptedOn: today,
    changes: [
      ...plan.changes,
      ...(changes.length > 0 ? changes : ['The focus changed with your scores.']).map((text) => ({
        date: today,
        text,
      })),
    ],
  };
}

/**
 * Ticks the tasks a completed session on the same day did: any session for a mock or study day, one that
 * answered the task's category for a practice day.
 */
export function markDoneBySessions(
  plan: StudyPlan,
  sessions: readonly { localDate: string; completedAt: string; categories: readonly Category[] }[],
  today: string,
): StudyPlan {
  let changed = false;
  const weeks = plan.weeks.map((w) => ({
    ...w,
    tasks: w.tasks.map((t) => {
      if (t.doneAt !== null || t.date > today || !t.practice) return t;
      const match = sessions.find(
        (s) =>
          s.localDate === t.date &&
          (t.kind !== 'practice' || t.practice!.categories.some((c) => s.categories.includes(c))),
      );
      if (!match) return t;
      changed = true;
      return { ...t, doneAt: match.completedAt, doneBySession: true };
    }),
  }));
  return changed ? { ...plan, weeks } : plan;
}

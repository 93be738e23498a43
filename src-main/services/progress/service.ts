/** The progress channels, and the one hook the sessions service calls when a session completes. */
import type { Handlers } from '../../../src-shared/contract';
import { ACHIEVEMENTS } from '../../../src-shared/progress';
import type { ServiceContext } from '../../core/context';
import { award, claimNews, earnedCount, factsFrom, statuses, type ProgressFacts } from './achievements';
import { recentSince, summarise } from './dashboard';
import { deliveryTrend } from './delivery';
import { hostTimeZone, localDay } from './dates';
import { createPlan, currentPlan, deletePlan, setTaskDone } from './planner';
import { completionDaysQuery, loadProgressRows, type Db } from './queries';
import { decideReminder } from './reminder';
import { foldStreak, streakOn } from './streaks';

/**
 * Records the local date and time zone a session completed in (its totals and completion time are kept by the
 * triggers of migration 0008), and awards what it earned. Called inside the
 * transaction that completes the session, so both are written with it; failures are logged, never allowed to
 * lose the candidate's answer (the dashboard and achievements page catch up).
 */
export async function onSessionCompleted(ctx: ServiceContext, db: Db, sessionId: string): Promise<void> {
  try {
    const session = await db
      .selectFrom('sessions')
      .select(['status', 'completed_at'])
      .where('id', '=', sessionId)
      .executeTakeFirst();
    if (!session || session.status !== 'completed' || !session.completed_at) return;
    const zone = hostTimeZone();
    // The first write wins: completing twice (or a retried call) keeps the day the session really ended on.
    await db
      .updateTable('progress_sessions')
      .set({ local_date: localDay(new Date(session.completed_at), zone), time_zone: zone })
      .where('session_id', '=', sessionId)
      .where('local_date', 'is', null)
      .execute();
    if ((await earnedCount(db)) >= ACHIEVEMENTS.length) return;
    await award(
      db,
      factsFrom(await loadProgressRows(db, new Date(session.completed_at)), zone),
      session.completed_at,
      sessionId,
    );
  } catch (err) {
    ctx.logger.warn({ err, sessionId }, 'progress: recording a completed session failed');
  }
}

const NO_FACTS: ProgressFacts = { completed: 0, longestStreak: 0, bestAnswer: null, categories: [] };

async function reminderSettings(db: Db) {
  const row = await db.selectFrom('progress_settings').selectAll().where('id', '=', 1).executeTakeFirst();
  return {
    remindersEnabled: row ? row.reminders_enabled === 1 : true,
    lastReminderDate: row?.last_reminder_date ?? null,
  };
}

async function reminder(ctx: ServiceContext): Promise<{ due: boolean; message: string | null }> {
  const settings = await reminderSettings(ctx.db);
  if (!settings.remindersEnabled) return { due: false, message: null };
  const zone = hostTimeZone();
  const now = ctx.now();
  const today = localDay(now, zone);
  const sessions = (await completionDaysQuery().execute(ctx.db)).rows;
  const days = sessions.map((s) => ({
    localDate: s.local_date ?? localDay(new Date(s.completed_at), zone),
    completedAt: s.completed_at,
  }));
  const decision = decideReminder({
    enabled: settings.remindersEnabled,
    streak: streakOn(foldStreak(days), today),
    lastCompletedAt: days.reduce<string | null>(
      (m, d) => (m === null || d.completedAt > m ? d.completedAt : m),
      null,
    ),
    lastReminderDate: settings.lastReminderDate,
    now,
    today,
  });
  if (!decision.due) return { due: false, message: null };
  // Claimed in one statement: two windows asking at once get one reminder between them.
  const claimed = await ctx.db
    .insertInto('progress_settings')
    .values({ id: 1, reminders_enabled: 1, last_reminder_date: today, updated_at: now.toISOString() })
    .onConflict((oc) =>
      oc
        .column('id')
        .doUpdateSet({ last_reminder_date: today, updated_at: now.toISOString() })
        .where((eb) =>
          eb.or([
            eb('progress_settings.last_reminder_date', 'is', null),
            eb('progress_settings.last_reminder_date', '<', today),
          ]),
        ),
    )
    .returning('id')
    .execute();
  if (claimed.length === 0) return { due: false, message: null };
  ctx.emit('progress.reminder', { title: decision.title, message: decision.message });
  return { due: true, message: decision.message };
}

type ProgressChannels = Extract<keyof Handlers, `progress.${string}`>;

export const progressHandlers = (ctx: ServiceContext): Pick<Handlers, ProgressChannels> => ({
  'progress.dashboard': async () =>
    summarise(await loadProgressRows(ctx.db, recentSince(ctx.now())), ctx.now(), hostTimeZone()),
  'progress.delivery': () => deliveryTrend(ctx.db, ctx.vault),
  'progress.achievements': async () => {
    const facts = factsFrom(await loadProgressRows(ctx.db, ctx.now()), hostTimeZone());
    // Catches up on what was earned outside a completion (a model's later review, data from older versions).
    await award(ctx.db, facts, ctx.now().toISOString(), null);
    const earned = await ctx.db.selectFrom('achievements').select(['id', 'earned_at', 'detail']).execute();
    return statuses(facts, earned);
  },
  'progress.news': async () => {
    const claimed = await claimNews(ctx.db, ctx.now().toISOString());
    const ids = new Set(claimed.map((c) => c.id));
    return statuses(NO_FACTS, claimed).filter((s) => ids.has(s.id));
  },
  'progress.reminder': () => reminder(ctx),
  'progress.settings.get': async () => ({
    remindersEnabled: (await reminderSettings(ctx.db)).remindersEnabled,
  }),
  'progress.settings.save': async ({ remindersEnabled }) => {
    const at = ctx.now().toISOString();
    await ctx.db
      .insertInto('progress_settings')
      .values({ id: 1, reminders_enabled: remindersEnabled ? 1 : 0, updated_at: at })
      .onConflict((oc) =>
        oc.column('id').doUpdateSet({ reminders_enabled: remindersEnabled ? 1 : 0, updated_at: at }),
      )
      .execute();
    return { remindersEnabled };
  },
  'progress.plan.get': () => currentPlan(ctx),
  'progress.plan.create': (input) => createPlan(ctx, input),
  'progress.plan.setDone': (input) => setTaskDone(ctx, input),
  'progress.plan.delete': () => deletePlan(ctx),
});

/**
 * Leaderboard sync (optional, off by default): the channels and schemas shared by the UI and the sync service.
 * What is sent per session is exactly `SyncRecord`: scores and counts, never names, answers or feedback.
 */
import { z } from 'zod';
import { DIFFICULTIES, ROLES } from './domain';

/** The team's leaderboard server, until the candidate changes it in Settings. */
export const DEFAULT_SYNC_SERVER = 'http://127.0.0.1:8787';

export const SYNC_PERIODS = ['weekly', 'all_time'] as const;
export type SyncPeriod = (typeof SYNC_PERIODS)[number];

const score = z.number();

/** One session result as it goes over the wire: these keys and no others. */
export const SyncRecord = z
  .object({
    clientSessionId: z.string(),
    role: z.enum(ROLES),
    difficulty: z.enum(DIFFICULTIES),
    overallScore: score,
    criteria: z
      .object({
        content_quality: score,
        clarity: score,
        confidence: score,
        technical_accuracy: score,
      })
      .strict(),
    questionCount: z.number().int(),
    durationSec: z.number().int(),
    completedAt: z.string(),
  })
  .strict();
export type SyncRecord = z.infer<typeof SyncRecord>;

/** The exact keys of a session result, for tests and the settings screen. */
export const SYNC_RECORD_KEYS = [
  'clientSessionId',
  'role',
  'difficulty',
  'overallScore',
  'criteria',
  'questionCount',
  'durationSec',
  'completedAt',
] as const;

export const SyncStatus = z.object({
  enabled: z.boolean(),
  serverUrl: z.string(),
  public: z.boolean(),
  /** Set once the server has registered this device. */
  device: z.object({ id: z.string(), alias: z.string() }).nullable(),
  /** Turning sync off could not reach the server yet: the erasure is retried in the background. */
  pendingErase: z.boolean(),
  outbox: z.object({ queued: z.number().int(), nextAttemptAt: z.string().nullable() }),
  lastContactAt: z.string().nullable(),
  lastPushAt: z.string().nullable(),
  /** Why the last attempt failed, in a sentence; null after a success. */
  lastError: z.string().nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const SyncPreview = z.object({
  serverUrl: z.string(),
  /** Built from the latest completed session that would be sent; null when there is none yet. */
  example: SyncRecord.nullable(),
  /** The fields, in words, and what is never sent. */
  sent: z.array(z.string()),
  neverSent: z.array(z.string()),
});
export type SyncPreview = z.infer<typeof SyncPreview>;

export const LeaderboardEntry = z.object({
  rank: z.number().int(),
  alias: z.string(),
  averageScore: z.number(),
  interviews: z.number().int(),
});

export const PercentileView = z.object({
  score: z.number(),
  percentile: z.number().nullable(),
  cohortSize: z.number().int(),
  cohortAverage: z.number().nullable(),
  topTenPercent: z
    .object({
      minimumAverage: z.number(),
      averageScore: z.number(),
      sessionsPerWeek: z.number(),
      hoursPerWeek: z.number().nullable(),
    })
    .nullable(),
});

export const LeaderboardView = z.object({
  enabled: z.boolean(),
  role: z.enum(ROLES).nullable(),
  period: z.enum(SYNC_PERIODS),
  alias: z.string().nullable(),
  public: z.boolean(),
  entries: z.array(LeaderboardEntry),
  /** The candidate's own average in the role and where it stands; null without a scored session in it. */
  percentile: PercentileView.nullable(),
  /** When this data was fetched from the server; null when it never was. */
  fetchedAt: z.string().nullable(),
  /** True when the server could not be reached and this is the last data fetched. */
  offline: z.boolean(),
  message: z.string().nullable(),
});
export type LeaderboardView = z.infer<typeof LeaderboardView>;

const none = z.object({}).strict();
const serverUrl = z
  .string({ error: 'Enter the server address.' })
  .trim()
  .max(500, { error: 'That address is too long.' })
  .refine((s) => /^https?:\/\/[^\s/]+(\/[^\s]*)?$/i.test(s), {
    error: 'Enter an address starting with http:// or https://.',
  });

export const syncChannels = {
  'sync.status': { input: none, output: SyncStatus },
  /** Exactly what would be sent: an example from the candidate's latest completed session. */
  'sync.preview': { input: none, output: SyncPreview },
  /** Turns sync on: registers the device (now, or when the server can be reached) and queues past sessions. */
  'sync.enable': {
    input: z
      .object({
        serverUrl,
        public: z.boolean({ error: 'Choose whether to appear on the public leaderboard.' }),
      })
      .strict(),
    output: SyncStatus,
  },
  /** Show or hide this device on the public board; the percentile is shown either way. */
  'sync.setPublic': {
    input: z.object({ public: z.boolean({ error: 'Choose shown or hidden.' }) }).strict(),
    output: SyncStatus,
  },
  /** Turns sync off and deletes this device's data on the server (retried later when it cannot be reached). */
  'sync.disable': {
    input: none,
    output: z.object({ erased: z.boolean(), pending: z.boolean(), status: SyncStatus }),
  },
  /** Pushes queued sessions now, ignoring the back-off. */
  'sync.now': { input: none, output: SyncStatus },
  'sync.leaderboard': {
    input: z
      .object({
        period: z.enum(SYNC_PERIODS, { error: 'Choose weekly or all time.' }),
        role: z.enum(ROLES, { error: 'Choose one of the listed roles.' }).optional(),
      })
      .strict(),
    output: LeaderboardView,
  },
} as const;

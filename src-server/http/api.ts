// The public contract of /api/v1: zod schemas that validate requests and, through doc(), are the OpenAPI schemas.
import { z } from 'zod';
import { DIFFICULTIES, MAX_QUESTIONS_PER_SESSION, ROLES } from '../../src-shared/domain';

export const MAX_BATCH = 100;
export const MAX_SESSIONS_PER_DAY = 50;
/** The longest plausible session: MAX_QUESTIONS_PER_SESSION questions of up to 10 minutes, with overtime. */
export const MAX_DURATION_SEC = 4 * 60 * 60;

export const Role = z.enum(ROLES).meta({ description: 'One of the roles Rehearse ships questions for.' });

const score = (what: string) =>
  z.number().meta({ description: `${what}, 0–100 (a number outside that range is refused with 422).` });

export const DeviceRegistration = z
  .object({
    public: z
      .boolean()
      .optional()
      .meta({ description: 'Show this device on the public leaderboard (default true).' }),
  })
  .strict()
  .optional();

export const DeviceCreated = z.object({
  id: z.uuid(),
  secret: z.string().meta({
    description:
      "The device's signing key: 32 random bytes, base64url. Shown once. Sign requests with HMAC-SHA256 keyed with these bytes (decoded).",
  }),
  alias: z
    .string()
    .meta({ description: 'User_ and four random digits (five or more once all 10,000 are taken).' }),
  public: z.boolean(),
});

export const DeviceView = z.object({
  id: z.uuid(),
  alias: z.string(),
  public: z.boolean(),
  sessions: z.number().int().meta({ description: 'Session results stored for this device.' }),
});

export const DevicePatch = z.object({ public: z.boolean() }).strict();

export const ScoreRecord = z.object({
  clientSessionId: z.uuid().meta({
    description: "The session's id on the device; sending it again is a no-op (idempotent per device).",
  }),
  role: Role,
  difficulty: z.enum(DIFFICULTIES),
  overallScore: score("The session's overall score"),
  criteria: z.object({
    content_quality: score('Content quality'),
    clarity: score('Clarity'),
    confidence: score('Confidence'),
    technical_accuracy: score('Technical accuracy'),
  }),
  questionCount: z
    .number()
    .int()
    .meta({ description: `Questions in the session, 1–${MAX_QUESTIONS_PER_SESSION} (otherwise 422).` }),
  durationSec: z
    .number()
    .int()
    .optional()
    .meta({
      description: `Optional: time spent in the session, in seconds (0–${MAX_DURATION_SEC}, otherwise 422). Used for the top 10%'s hours of practice.`,
    }),
  completedAt: z.iso.datetime({ offset: true }).meta({
    description:
      'When the session was completed, ISO 8601 with a zone. More than 5 minutes in the future, or before 2020, is refused with 422.',
  }),
});
export type ScoreRecord = z.infer<typeof ScoreRecord>;

export const ScoreBatch = z.object({
  sessions: z
    .array(ScoreRecord)
    .min(1)
    .max(MAX_BATCH)
    .meta({
      description: `1–${MAX_BATCH} session results. At most ${MAX_SESSIONS_PER_DAY} per device per UTC day of completedAt, counting those already stored (otherwise 422, nothing stored).`,
    }),
});

export const ScoreBatchResult = z.object({
  accepted: z.number().int().meta({ description: 'Sessions stored by this request.' }),
  duplicates: z
    .number()
    .int()
    .meta({ description: 'Sessions already stored (same clientSessionId), left as they were.' }),
});

export const LeaderboardQuery = z
  .object({
    role: Role.optional().meta({ description: 'The role; omitted: every role together.' }),
    period: z.enum(['weekly', 'all_time']).default('weekly').meta({
      description: 'weekly: sessions completed in the last 7 days (rolling); all_time: every session.',
    }),
  })
  .strict();

export const Leaderboard = z.object({
  role: Role.nullable(),
  period: z.enum(['weekly', 'all_time']),
  generatedAt: z.iso
    .datetime()
    .meta({ description: 'When this board was computed; it is refreshed at most every 60 s.' }),
  entries: z
    .array(
      z.object({
        rank: z.int().meta({ description: 'Equal averages share a rank (1, 1, 3).' }),
        alias: z.string(),
        averageScore: z.number().meta({ description: 'Mean overall score over the period, two decimals.' }),
        interviews: z.int().meta({ description: 'Sessions in the period.' }),
      }),
    )
    .meta({
      description: 'Top 10 devices that are public, best average first; more interviews first among equals.',
    }),
});

const numberText = z
  .string()
  .regex(/^\d{1,3}(\.\d{1,6})?$/, { error: 'must be a number from 0 to 100' })
  .transform(Number)
  .pipe(z.number().max(100, { error: 'must be a number from 0 to 100' }));

export const PercentileQuery = z
  .object({
    role: Role,
    score: numberText.meta({ description: 'The score to place, 0–100.' }),
  })
  .strict();

export const Percentile = z.object({
  role: Role,
  score: z.number(),
  percentile: z.number().nullable().meta({
    description:
      "Share of the cohort's devices whose average is strictly below score, plus half the share equal to it, in percent (one decimal; averages compared at two decimals). Null for an empty cohort.",
  }),
  cohort: z.object({
    size: z
      .int()
      .meta({ description: 'Devices that have sent at least one session in this role, public or not.' }),
    averageScore: z.number().nullable().meta({ description: "Mean of the devices' all-time averages." }),
  }),
  topTenPercent: z
    .object({
      devices: z.int().meta({ description: 'ceil(size / 10) devices with the highest averages.' }),
      minimumAverage: z.number().meta({ description: 'The lowest average among them.' }),
      averageScore: z.number(),
      sessionsPerWeek: z
        .number()
        .meta({ description: 'Their sessions in this role per week, over the last 28 days.' }),
      hoursPerWeek: z.number().nullable().meta({
        description:
          'Their hours of practice per week over the same window: sessions per week × the mean durationSec of the sessions that reported one. Null when none did.',
      }),
      windowDays: z.int(),
    })
    .nullable(),
  generatedAt: z.iso
    .datetime()
    .meta({ description: 'When the cohort was computed; refreshed at most every 60 s.' }),
});

export const Health = z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']) });

export const ErrorReply = z.object({
  error: z.object({
    code: z.string().meta({ description: 'Stable, machine-readable: VALIDATION_FAILED, BAD_SIGNATURE, …' }),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});

const errorReply = (description: string) => ErrorReply.meta({ description });

/** The documented error replies, by status. */
export const ERRORS = {
  400: errorReply(
    'Bad input: MALFORMED_JSON, or VALIDATION_FAILED (a body or query that does not match the schema; details lists where).',
  ),
  401: errorReply(
    'UNAUTHENTICATED (headers missing), BAD_SIGNATURE, STALE_TIMESTAMP (more than 5 minutes from the server clock; serverTime in details) or UNKNOWN_DEVICE (never registered, or erased: register again).',
  ),
  409: errorReply(
    'REPLAYED: this exact signed request was already received; sign it again with a new timestamp.',
  ),
  413: errorReply('PAYLOAD_TOO_LARGE: the body is over 64 KB.'),
  415: errorReply('UNSUPPORTED_MEDIA_TYPE: bodies must be application/json.'),
  422: errorReply(
    'IMPLAUSIBLE: nothing was stored; details lists each refused session with its index and reason.',
  ),
  429: errorReply('RATE_LIMITED: too many requests from this address or device; wait Retry-After seconds.'),
  503: errorReply('UNAVAILABLE.'),
} as const;

export type ErrorStatus = keyof typeof ERRORS;

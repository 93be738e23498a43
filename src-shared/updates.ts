/**
 * Updates of the desktop app: what the settings screen shows and can ask. Nothing is checked until the
 * candidate allows it, nothing is downloaded or installed without a click.
 */
import { z } from 'zod';

export const UpdateState = z.discriminatedUnion('status', [
  /** Not the packaged desktop app (browser host, CLI, a checkout), or a build without a release feed. */
  z.object({ status: z.literal('unavailable'), reason: z.string() }),
  /** The candidate has not allowed checking. */
  z.object({ status: z.literal('off') }),
  /** Allowed, nothing asked yet in this run. */
  z.object({ status: z.literal('idle') }),
  z.object({ status: z.literal('checking') }),
  z.object({ status: z.literal('up-to-date'), version: z.string(), checkedAt: z.string() }),
  z.object({
    status: z.literal('available'),
    version: z.string(),
    releaseDate: z.string().nullable(),
    notes: z.string().nullable(),
  }),
  z.object({ status: z.literal('downloading'), version: z.string(), percent: z.number() }),
  /** Downloaded and its checksum verified: installs when the candidate clicks. */
  z.object({ status: z.literal('ready'), version: z.string() }),
  z.object({ status: z.literal('error'), message: z.string() }),
]);
export type UpdateState = z.infer<typeof UpdateState>;

export const UpdateStatus = z.object({
  /** The candidate allows checking the release feed (off until they turn it on). */
  allowed: z.boolean(),
  current: z.string(),
  state: UpdateState,
});
export type UpdateStatus = z.infer<typeof UpdateStatus>;

const none = z.object({}).strict();

export const updateChannels = {
  'updates.status': { input: none, output: UpdateStatus },
  /** Turns checking on (and checks at once) or off. */
  'updates.allow': { input: z.object({ allowed: z.boolean() }).strict(), output: UpdateStatus },
  'updates.check': { input: none, output: UpdateStatus },
  /** Downloads the update found by the last check and verifies it; only after a click. */
  'updates.download': { input: none, output: UpdateStatus },
  /** Quits, installs the verified download and reopens; only after a click. */
  'updates.install': { input: none, output: UpdateStatus },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export const updateEvents = {
  'updates.changed': UpdateStatus,
} as const satisfies Record<string, z.ZodType>;

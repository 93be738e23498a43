/**
 * The optional passphrase: the rules a passphrase must meet (checked live in the UI and again by the service),
 * the vault's status, and its channels.
 */
import { z } from 'zod';
import { andList } from './format';

export interface PassphraseRule {
  id: 'length' | 'upper' | 'lower' | 'digit' | 'symbol';
  /** How the rule reads in the checklist and in the error naming it. */
  label: string;
  met(passphrase: string): boolean;
}

export const MIN_PASSPHRASE_LENGTH = 8;
export const MAX_PASSPHRASE_LENGTH = 1024;

export const PASSPHRASE_RULES: readonly PassphraseRule[] = [
  {
    id: 'length',
    label: `at least ${MIN_PASSPHRASE_LENGTH} characters`,
    // counted as the candidate sees characters, not UTF-16 units
    met: (p) => [...p].length >= MIN_PASSPHRASE_LENGTH,
  },
  { id: 'upper', label: 'an uppercase letter', met: (p) => /\p{Lu}/u.test(p) },
  { id: 'lower', label: 'a lowercase letter', met: (p) => /\p{Ll}/u.test(p) },
  { id: 'digit', label: 'a digit', met: (p) => /\p{Nd}/u.test(p) },
  // anything that is not a letter, a digit or white space: punctuation, symbols, emoji
  { id: 'symbol', label: 'a symbol', met: (p) => /[^\p{L}\p{N}\s]/u.test(p) },
];

export const unmetRules = (passphrase: string) => PASSPHRASE_RULES.filter((r) => !r.met(passphrase));

/** The one sentence naming every unmet rule, or null when the passphrase meets them all. */
export function passphraseProblem(passphrase: string): string | null {
  const unmet = unmetRules(passphrase).map((r) => r.label);
  if (unmet.length === 0) return null;
  return `Your passphrase needs ${andList(unmet)}.`;
}

/** Wrong tries allowed within the window before unlocking pauses. */
export const MAX_TRIES = 5;
export const TRY_WINDOW_MS = 15 * 60_000;
export const LOCKOUT_MS = 30 * 60_000;

export const VaultStatus = z.object({
  /** A passphrase is set: the private fields are encrypted at rest. */
  enabled: z.boolean(),
  /** Enabled and not yet unlocked in this run: every request but unlocking (and erasing) is refused. */
  locked: z.boolean(),
  /** Unlocking is paused after too many wrong tries, until then (ISO time). */
  lockedUntil: z.string().nullable(),
  /** Wrong tries left before the pause. */
  triesLeft: z.number().int(),
  /** How the key is derived, for the settings screen. */
  kdf: z.string(),
});
export type VaultStatus = z.infer<typeof VaultStatus>;

const passphrase = z
  .string({ error: 'Enter your passphrase.' })
  .min(1, { error: 'Enter your passphrase.' })
  .max(MAX_PASSPHRASE_LENGTH, { error: `A passphrase can be at most ${MAX_PASSPHRASE_LENGTH} characters.` });
const newPassphrase = z
  .string({ error: 'Choose a passphrase.' })
  .max(MAX_PASSPHRASE_LENGTH, { error: `A passphrase can be at most ${MAX_PASSPHRASE_LENGTH} characters.` })
  .superRefine((p, ctx) => {
    const problem = passphraseProblem(p);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
const MISMATCH = 'The two passphrases do not match.';

export const vaultChannels = {
  'vault.status': { input: z.object({}).strict(), output: VaultStatus },
  /** Sets a passphrase and encrypts every private field, in one transaction. */
  'vault.enable': {
    input: z
      .object({ passphrase: newPassphrase, confirm: z.string() })
      .strict()
      .refine((v) => v.passphrase === v.confirm, { error: MISMATCH, path: ['confirm'] }),
    output: VaultStatus,
  },
  'vault.unlock': { input: z.object({ passphrase }).strict(), output: VaultStatus },
  /** Forgets the key until the passphrase is entered again. */
  'vault.lock': { input: z.object({}).strict(), output: VaultStatus },
  /** Re-encrypts every private field under the new passphrase, in one transaction. */
  'vault.change': {
    input: z
      .object({ current: passphrase, passphrase: newPassphrase, confirm: z.string() })
      .strict()
      .refine((v) => v.passphrase === v.confirm, { error: MISMATCH, path: ['confirm'] }),
    output: VaultStatus,
  },
  /** Decrypts everything and removes the passphrase. */
  'vault.disable': { input: z.object({ passphrase }).strict(), output: VaultStatus },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

/** The channels that answer while the vault is locked: everything else is refused with LOCKED. */
export const OPEN_WHILE_LOCKED: ReadonlySet<string> = new Set([
  'app.info',
  'vault.status',
  'vault.unlock',
  // forgetting the passphrase leaves one way forward: start again
  'data.erase.preview',
  'data.erase',
]);

export const vaultEvents = {
  /** The vault was locked or unlocked (in any window): the UI shows or leaves the unlock screen. */
  'vault.changed': VaultStatus,
} as const satisfies Record<string, z.ZodType>;

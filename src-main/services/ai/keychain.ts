import { randomBytes } from 'node:crypto';
import { AsyncEntry, type EntryOptions } from '@napi-rs/keyring';
import { AppError } from '../../../src-shared/errors';

/** Where cloud keys live: the OS keychain and nowhere else. Nothing here ever writes a key to a file. */
export interface SecretStore {
  /** The stored secret, or null when the account has none. */
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  /** True when a secret was removed, false when there was none. */
  delete(account: string): Promise<boolean>;
  /** Whether a key could be saved right now; `reason` is a sentence the candidate can act on. */
  available(): Promise<{ ok: true } | { ok: false; reason: string }>;
}

export type KeychainOperation = 'save' | 'read' | 'delete' | 'check';

export const ACCOUNT_PATTERN = /^[a-z0-9:._-]{1,100}$/;
export const MAX_SECRET_LENGTH = 1024;

export const INVALID_ACCOUNT_MESSAGE =
  "A keychain account name must be 1 to 100 characters of a-z, 0-9, ':', '.', '_' or '-'.";
export const EMPTY_SECRET_MESSAGE = 'The key is empty. Paste the key your provider gave you.';
export const LONG_SECRET_MESSAGE =
  'The key is longer than 1,024 characters, which not every system keychain can hold. Check that you pasted only the key.';

const ADVICE: Partial<Record<NodeJS.Platform, string>> = {
  linux: 'On Linux, install and unlock GNOME Keyring or KWallet',
  darwin: 'On macOS, open Keychain Access and unlock your login keychain',
  win32: 'On Windows, make sure the Credential Manager service is running',
};
const OTHER_ADVICE = 'Install and unlock a system keychain such as GNOME Keyring or KWallet';

const CONSEQUENCE: Record<KeychainOperation, string> = {
  save: 'so it cannot store this key safely',
  read: 'so it cannot read your saved key',
  delete: 'so it could not remove your saved key',
  check: 'so it cannot store cloud keys safely',
};

export function keychainUnavailableMessage(
  operation: KeychainOperation,
  platform: NodeJS.Platform = process.platform,
): string {
  const advice = ADVICE[platform] ?? OTHER_ADVICE;
  // "Not saved" is the one fact a candidate most needs after a failed save: there is no copy anywhere else.
  const close = operation === 'save' ? '; your key was not saved.' : ', then try again.';
  return `Rehearse could not reach your system keychain, ${CONSEQUENCE[operation]}. ${advice}${close}`;
}

/**
 * The OS keychain cannot be used. Carries no cause object: a native error is reduced to its message, with the
 * secret cut out, so nothing thrown from here can carry a key into a log or the renderer.
 */
export class KeychainUnavailableError extends AppError {
  readonly operation: KeychainOperation;

  constructor(
    operation: KeychainOperation,
    options: { platform?: NodeJS.Platform; platformError?: string } = {},
  ) {
    super(
      'UNAVAILABLE',
      keychainUnavailableMessage(operation, options.platform),
      options.platformError === undefined
        ? { operation }
        : { operation, platformError: options.platformError },
    );
    this.name = 'KeychainUnavailableError';
    this.operation = operation;
  }
}

function invalidAccount(reason: string): AppError {
  return new AppError('VALIDATION_ERROR', INVALID_ACCOUNT_MESSAGE, { field: 'account', reason });
}

function checkAccount(account: unknown): string {
  // The name is never echoed back: a caller that swaps (account, secret) would otherwise put the key in the
  // message.
  if (typeof account !== 'string' || account.length === 0) throw invalidAccount('empty');
  if (account.length > 100) throw invalidAccount('too_long');
  if (!ACCOUNT_PATTERN.test(account)) throw invalidAccount('invalid_characters');
  return account;
}

function checkSecret(secret: unknown): string {
  if (typeof secret !== 'string' || secret.length === 0)
    throw new AppError('VALIDATION_ERROR', EMPTY_SECRET_MESSAGE, { field: 'secret', reason: 'empty' });
  // Windows Credential Manager holds 2,560 bytes of UTF-16 (1,280 code units); one limit on every platform
  // means a key saved on a Mac also fits when the candidate moves to Windows.
  if (secret.length > MAX_SECRET_LENGTH)
    throw new AppError('VALIDATION_ERROR', LONG_SECRET_MESSAGE, { field: 'secret', reason: 'too_long' });
  return secret;
}

function platformError(err: unknown, secret?: string): string {
  let text = err instanceof Error ? err.message : String(err);
  if (secret) text = text.split(secret).join('[redacted]');
  return text.slice(0, 300);
}

// Without this, @napi-rs/keyring silently falls back on Linux to the kernel keyutils keyring when no Secret
// Service answers: the key would "save", then vanish at the next reboot. Ignored on macOS and Windows.
const PINNED: EntryOptions = { linux: { store: 'secret-service' } };

/**
 * The system keychain through @napi-rs/keyring: macOS Keychain, Windows Credential Manager, or the Secret
 * Service (GNOME Keyring, KWallet) on Linux. Uses AsyncEntry because the synchronous Entry blocks the main
 * process for the whole D-Bus round trip, including an unlock prompt the candidate may take a minute over.
 */
export function osKeychain(service = 'Rehearse'): SecretStore {
  if (typeof service !== 'string' || service.length === 0)
    throw new TypeError('osKeychain needs a service name');

  // The constructor connects to D-Bus on Linux and throws when it cannot, so it sits inside each try.
  const entry = (account: string) => new AsyncEntry(service, account, PINNED);

  const store: SecretStore = {
    async get(account) {
      const name = checkAccount(account);
      try {
        return await entry(name).getPassword();
      } catch (err) {
        throw new KeychainUnavailableError('read', { platformError: platformError(err) });
      }
    },

    async set(account, secret) {
      const name = checkAccount(account);
      const value = checkSecret(secret);
      try {
        await entry(name).setPassword(value);
      } catch (err) {
        throw new KeychainUnavailableError('save', { platformError: platformError(err, value) });
      }
    },

    async delete(account) {
      const name = checkAccount(account);
      try {
        return await entry(name).deletePassword();
      } catch (err) {
        throw new KeychainUnavailableError('delete', { platformError: platformError(err) });
      }
    },

    async available() {
      // A write, not a read: with no default collection (gnome-keyring unlocked with an empty password) reads
      // answer "nothing stored" while every write fails. A fresh account per probe keeps concurrent checks
      // (app and CLI at once) from deleting each other's probe.
      const probe = `probe.${randomBytes(8).toString('hex')}`;
      const value = randomBytes(16).toString('hex');
      try {
        await store.set(probe, value);
        if ((await store.get(probe)) !== value) throw new Error('probe did not read back');
        return { ok: true };
      } catch {
        return { ok: false, reason: keychainUnavailableMessage('check') };
      } finally {
        await store.delete(probe).catch(() => false);
      }
    },
  };
  return store;
}

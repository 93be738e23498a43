import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProgressInfo, UpdateCheckResult } from 'electron-updater';
import type { Handlers } from '../../../src-shared/contract';
import { AppError } from '../../../src-shared/errors';
import type { UpdateState, UpdateStatus } from '../../../src-shared/updates';
import type { ServiceContext } from '../../core/context';
import type { Logger } from '../../logging/logger';

/**
 * The part of electron-updater's AppUpdater this uses. Only the Electron shell creates one (electron-updater
 * drives Electron's network stack and installers); every other host runs without, and says so.
 */
export interface UpdaterPort {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowDowngrade: boolean;
  allowPrerelease: boolean;
  checkForUpdates(): Promise<UpdateCheckResult | null>;
  downloadUpdate(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: 'download-progress', listener: (info: ProgressInfo) => void): unknown;
}

export interface UpdateServiceOptions {
  dataDir: string;
  currentVersion: string;
  logger: Logger;
  emit(status: UpdateStatus): void;
  /** Absent outside the packaged desktop app. */
  updater?: UpdaterPort;
  /** Why there is no updater, for the settings screen. */
  unavailableReason?: string;
  /** Between automatic checks while allowed. */
  recheckMs?: number;
  now?: () => Date;
}

export const PREFERENCE_FILE = 'updates.json';
const TWELVE_HOURS = 12 * 60 * 60_000;
const NOT_DESKTOP = 'Updates come with the desktop app; this copy of Rehearse is updated with its source.';

/**
 * The update state machine: off until the candidate allows checking; a check finds at most one update; it is
 * downloaded only when the candidate clicks, installed only when they click again, and only once electron-updater
 * has verified its download against the SHA-512 the release feed published (and, on Windows and macOS, the
 * installer's code signature). Without an updater (every host but the packaged desktop app) each request answers
 * with the 'unavailable' state and its reason.
 */
export class UpdateService {
  private state: UpdateState;
  private allowed: boolean;
  private timer: NodeJS.Timeout | undefined;
  private readonly file: string;

  constructor(private readonly options: UpdateServiceOptions) {
    this.file = join(options.dataDir, PREFERENCE_FILE);
    this.allowed = this.readAllowed();
    this.state = options.updater
      ? this.allowed
        ? { status: 'idle' }
        : { status: 'off' }
      : { status: 'unavailable', reason: options.unavailableReason ?? NOT_DESKTOP };
    const updater = options.updater;
    if (updater) {
      // The candidate decides: nothing downloads on its own, nothing installs on quit, no downgrades.
      updater.autoDownload = false;
      updater.autoInstallOnAppQuit = false;
      updater.allowDowngrade = false;
      updater.allowPrerelease = false;
      updater.on('download-progress', (info) => {
        if (this.state.status === 'downloading')
          this.set({ ...this.state, percent: Math.round(info.percent) });
      });
    }
  }

  status(): UpdateStatus {
    return { allowed: this.allowed, current: this.options.currentVersion, state: this.state };
  }

  /** At start: checks once and then every so often, if the candidate has allowed it. */
  start(): void {
    if (this.allowed && this.options.updater) this.schedule();
  }

  async allow(allowed: boolean): Promise<UpdateStatus> {
    this.allowed = allowed;
    this.writeAllowed(allowed);
    if (!this.options.updater) return this.status();
    if (!allowed) {
      this.stopTimer();
      // A download already verified stays installable by a click; anything else is forgotten.
      if (this.state.status !== 'ready' && this.state.status !== 'downloading') this.set({ status: 'off' });
      else this.emit();
      return this.status();
    }
    if (this.state.status === 'off') this.set({ status: 'idle' });
    this.schedule();
    return this.status();
  }

  async check(): Promise<UpdateStatus> {
    const updater = this.options.updater;
    if (!updater) return this.status();
    if (!this.allowed)
      throw new AppError(
        'CONFLICT',
        'Turn on checking for updates first: Rehearse asks the release feed only then.',
      );
    // One update at a time: a download in progress or waiting for its click is what a check would find again.
    if (['checking', 'downloading', 'ready'].includes(this.state.status)) return this.status();
    this.set({ status: 'checking' });
    try {
      const result = await updater.checkForUpdates();
      if (!result) {
        this.set({ status: 'error', message: 'This copy of Rehearse cannot update itself.' });
      } else if (result.isUpdateAvailable) {
        const info = result.updateInfo;
        this.set({
          status: 'available',
          version: info.version,
          releaseDate: info.releaseDate || null,
          notes: releaseNotes(info.releaseNotes),
        });
      } else {
        this.set({
          status: 'up-to-date',
          version: this.options.currentVersion,
          checkedAt: this.now().toISOString(),
        });
      }
    } catch (err) {
      this.fail(err, 'check');
    }
    return this.status();
  }

  async download(): Promise<UpdateStatus> {
    const updater = this.options.updater;
    if (!updater) return this.status();
    if (this.state.status !== 'available')
      throw new AppError('CONFLICT', 'There is no update to download: check for updates first.');
    this.set({ status: 'downloading', version: this.state.version, percent: 0 });
    const version = this.state.version;
    try {
      await updater.downloadUpdate();
      this.set({ status: 'ready', version });
    } catch (err) {
      this.fail(err, 'download');
    }
    return this.status();
  }

  install(): UpdateStatus {
    const updater = this.options.updater;
    if (!updater) return this.status();
    if (this.state.status !== 'ready')
      throw new AppError('CONFLICT', 'There is no verified update to install yet.');
    this.options.logger.info({ version: this.state.version }, 'installing update');
    // Not silent (the installer shows itself where it has a window), and Rehearse opens again afterwards.
    updater.quitAndInstall(false, true);
    return this.status();
  }

  close(): void {
    this.stopTimer();
  }

  private schedule(): void {
    this.stopTimer();
    void this.check().catch(() => undefined);
    this.timer = setInterval(
      () => void this.check().catch(() => undefined),
      this.options.recheckMs ?? TWELVE_HOURS,
    );
    this.timer.unref();
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private fail(err: unknown, step: 'check' | 'download'): void {
    this.options.logger.warn({ err, step }, 'update failed');
    this.set({ status: 'error', message: updateErrorMessage(err, step) });
  }

  private set(state: UpdateState): void {
    this.state = state;
    this.emit();
  }

  private emit(): void {
    this.options.emit(this.status());
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private readAllowed(): boolean {
    if (!existsSync(this.file)) return false;
    try {
      return (JSON.parse(readFileSync(this.file, 'utf8')) as { allowed?: unknown }).allowed === true;
    } catch {
      return false;
    }
  }

  private writeAllowed(allowed: boolean): void {
    const temp = `${this.file}.tmp`;
    writeFileSync(temp, `${JSON.stringify({ allowed })}\n`);
    renameSync(temp, this.file);
  }
}

function releaseNotes(notes: unknown): string | null {
  if (typeof notes === 'string') return notes.trim() || null;
  if (Array.isArray(notes))
    return (
      notes
        .map((n) => (n as { note?: unknown }).note)
        .filter((n): n is string => typeof n === 'string' && n.trim() !== '')
        .join('\n\n') || null
    );
  return null;
}

/** What the candidate reads when a check or a download fails; the details go to the log. */
export function updateErrorMessage(err: unknown, step: 'check' | 'download'): string {
  const e = err as { code?: unknown; message?: unknown; statusCode?: unknown } | undefined;
  const code = typeof e?.code === 'string' ? e.code : '';
  const message = typeof e?.message === 'string' ? e.message : '';
  if (code === 'ERR_CHECKSUM_MISMATCH' || /checksum mismatch/i.test(message))
    return 'The downloaded update did not match the checksum its release published, so it was discarded. Nothing was installed.';
  if (code === 'ERR_UPDATER_INVALID_SIGNATURE')
    return 'The downloaded update is not signed by the publisher of Rehearse, so it was discarded. Nothing was installed.';
  if (code === 'ERR_UPDATER_NO_CHECKSUM')
    return 'The release does not publish a checksum for its download, so Rehearse will not install it.';
  if (
    code === 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND' ||
    code === 'ERR_UPDATER_LATEST_VERSION_NOT_FOUND' ||
    code === 'ERR_UPDATER_INVALID_UPDATE_INFO' ||
    e?.statusCode === 404
  )
    return 'The release feed has no update for this system.';
  if (
    /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH)$/.test(code) ||
    /net::ERR_/.test(message)
  )
    return `Could not reach the release feed (are you offline?), so the ${step === 'check' ? 'check' : 'download'} did not finish. Try again later.`;
  return step === 'check'
    ? 'Checking for updates failed; try again later.'
    : 'Downloading the update failed; try again later.';
}

export const updateHandlers = (
  ctx: ServiceContext,
): Pick<
  Handlers,
  'updates.status' | 'updates.allow' | 'updates.check' | 'updates.download' | 'updates.install'
> => ({
  'updates.status': () => ctx.updates.status(),
  'updates.allow': ({ allowed }) => ctx.updates.allow(allowed),
  'updates.check': () => ctx.updates.check(),
  'updates.download': () => ctx.updates.download(),
  'updates.install': () => ctx.updates.install(),
});

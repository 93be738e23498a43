import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, request, type RequestOptions, type Server } from 'node:http';
import { join } from 'node:path';
import { DebUpdater } from 'electron-updater';
import { ElectronHttpExecutor } from 'electron-updater/out/electronHttpExecutor';
import { afterEach, describe, expect, it } from 'vitest';
import type { UpdateStatus } from '../../../src-shared/updates';
import { createLogger } from '../../logging/logger';
import { tempDir } from '../../../tests/support/runtime';
import { PREFERENCE_FILE, UpdateService, updateErrorMessage } from './service';

/**
 * electron-updater's own Linux (deb) updater, reading a release feed served here on 127.0.0.1. Two things are
 * replaced because they belong to Electron, which cannot run under Vitest: its network stack (Node's http takes
 * its place, same requests) and the final hand-over to the system's package installer, which is recorded.
 */
class LoopbackHttp extends ElectronHttpExecutor {
  constructor() {
    super(null as never);
  }
  override createRequest(options: RequestOptions, callback: (response: unknown) => void) {
    const req = request(options);
    req.on('response', callback);
    return req as never;
  }
  protected override addRedirectHandlers(): void {}
}

class RecordingDebUpdater extends DebUpdater {
  installs: [boolean | undefined, boolean | undefined][] = [];
  override quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void {
    this.installs.push([isSilent, isForceRunAfter]);
  }
}

interface Feed {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

const INSTALLER = 'Rehearse-1.1.0-linux-amd64.deb';

/** A release feed as electron-builder publishes it: latest-linux.yml naming the installer and its SHA-512. */
async function serveFeed(
  options: { version?: string; payload?: Buffer; publishedSha512?: string; withoutChecksum?: boolean } = {},
): Promise<Feed> {
  const payload = options.payload ?? Buffer.alloc(256 * 1024, 7);
  const sha512 = options.publishedSha512 ?? createHash('sha512').update(payload).digest('base64');
  const version = options.version ?? '1.1.0';
  const checksum = options.withoutChecksum ? '' : `    sha512: ${sha512}\n`;
  const latest =
    `version: ${version}\nfiles:\n  - url: ${INSTALLER}\n${checksum}    size: ${payload.length}\n` +
    `path: ${INSTALLER}\n${options.withoutChecksum ? '' : `sha512: ${sha512}\n`}` +
    `releaseDate: '2026-12-01T09:00:00.000Z'\nreleaseNotes: Faster feedback.\n`;
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url!, 'http://127.0.0.1').pathname;
    requests.push(path);
    if (path === '/feed/latest-linux.yml') {
      res.writeHead(200, { 'content-type': 'text/yaml' }).end(latest);
    } else if (path === `/feed/${INSTALLER}`) {
      res.writeHead(200, { 'content-length': payload.length }).end(payload);
    } else {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/feed`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

/** The app's side: app-update.yml as the package carries it, the updater, and the service over a data dir. */
function setUp(feedUrl: string, options: { dataDir?: string; version?: string; recheckMs?: number } = {}) {
  const dir = tempDir();
  const dataDir = options.dataDir ?? tempDir();
  writeFileSync(
    join(dir, 'app-update.yml'),
    `provider: generic\nurl: ${feedUrl}\nupdaterCacheDirName: rehearse-updater\n`,
  );
  const cacheDir = join(dir, 'cache');
  const updater = new RecordingDebUpdater(null, {
    version: options.version ?? '1.0.0',
    name: 'Rehearse',
    isPackaged: true,
    appUpdateConfigPath: join(dir, 'app-update.yml'),
    userDataPath: join(dir, 'user'),
    baseCachePath: cacheDir,
    whenReady: () => Promise.resolve(),
    relaunch: () => undefined,
    quit: () => undefined,
    onQuit: () => undefined,
  });
  updater.logger = null;
  (updater as unknown as { httpExecutor: LoopbackHttp }).httpExecutor = new LoopbackHttp();
  const seen: UpdateStatus[] = [];
  const service = new UpdateService({
    dataDir,
    currentVersion: options.version ?? '1.0.0',
    logger: createLogger(dataDir, { level: 'silent' }),
    emit: (status) => seen.push(status),
    updater,
    recheckMs: options.recheckMs,
    now: () => new Date('2026-12-07T10:00:00Z'),
  });
  closers.push(() => service.close());
  const downloaded = () => {
    const pending = join(cacheDir, 'rehearse-updater', 'pending');
    return existsSync(pending) ? readdirSync(pending).filter((f) => f.endsWith('.deb')) : [];
  };
  return { service, updater, seen, dataDir, downloaded, cacheDir };
}

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('updates', () => {
  it('are off until the candidate allows checking: nothing is asked of the feed before that', async () => {
    const feed = await serveFeed();
    closers.push(() => feed.close());
    const { service } = setUp(feed.url);
    service.start();
    await new Promise((r) => setTimeout(r, 100));
    expect(service.status()).toEqual({ allowed: false, current: '1.0.0', state: { status: 'off' } });
    await expect(service.check()).rejects.toThrow(
      'Turn on checking for updates first: Rehearse asks the release feed only then.',
    );
    await expect(service.download()).rejects.toThrow(
      'There is no update to download: check for updates first.',
    );
    expect(() => service.install()).toThrow('There is no verified update to install yet.');
    expect(feed.requests).toEqual([]);
  });

  it('checks when allowed, finds the newer version, and downloads nothing on its own', async () => {
    const feed = await serveFeed();
    closers.push(() => feed.close());
    const { service, seen, downloaded } = setUp(feed.url);
    await service.allow(true);
    await until(() => service.status().state.status === 'available', 'the check');
    expect(service.status()).toEqual({
      allowed: true,
      current: '1.0.0',
      state: {
        status: 'available',
        version: '1.1.0',
        releaseDate: '2026-12-01T09:00:00.000Z',
        notes: 'Faster feedback.',
      },
    });
    expect(seen.map((s) => s.state.status)).toEqual(['idle', 'checking', 'available']);
    await new Promise((r) => setTimeout(r, 100));
    expect(feed.requests).toEqual(['/feed/latest-linux.yml']);
    expect(downloaded()).toEqual([]);
  });

  it('downloads on a click, verifies the SHA-512, and installs only on a second click', async () => {
    const feed = await serveFeed();
    closers.push(() => feed.close());
    const { service, updater, seen, downloaded } = setUp(feed.url);
    await service.allow(true);
    await until(() => service.status().state.status === 'available', 'the check');
    expect(updater.installs).toEqual([]);
    const after = await service.download();
    expect(after.state).toEqual({ status: 'ready', version: '1.1.0' });
    expect(seen.map((s) => s.state.status)).toContain('downloading');
    expect(feed.requests).toContain(`/feed/${INSTALLER}`);
    expect(downloaded()).toEqual([INSTALLER]);
    expect(updater.installs).toEqual([]);
    service.install();
    expect(updater.installs).toEqual([[false, true]]);
  });

  it('discards a download that does not match the published checksum, and will not install it', async () => {
    const feed = await serveFeed({
      publishedSha512: createHash('sha512').update('another file').digest('base64'),
    });
    closers.push(() => feed.close());
    const { service, updater, downloaded } = setUp(feed.url);
    await service.allow(true);
    await until(() => service.status().state.status === 'available', 'the check');
    const after = await service.download();
    expect(after.state).toEqual({
      status: 'error',
      message:
        'The downloaded update did not match the checksum its release published, so it was discarded. Nothing was installed.',
    });
    expect(downloaded()).toEqual([]);
    expect(() => service.install()).toThrow('There is no verified update to install yet.');
    expect(updater.installs).toEqual([]);
  });

  it('refuses a release that publishes no checksum', async () => {
    const feed = await serveFeed({ withoutChecksum: true });
    closers.push(() => feed.close());
    const { service, downloaded } = setUp(feed.url);
    await service.allow(true);
    await until(() => !['idle', 'checking'].includes(service.status().state.status), 'the check');
    if (service.status().state.status === 'available') await service.download();
    expect(service.status().state).toEqual({
      status: 'error',
      message: 'The release does not publish a checksum for its download, so Rehearse will not install it.',
    });
    expect(downloaded()).toEqual([]);
  });

  it('says when this version is the latest', async () => {
    const feed = await serveFeed({ version: '1.0.0' });
    closers.push(() => feed.close());
    const { service } = setUp(feed.url);
    await service.allow(true);
    await until(() => service.status().state.status === 'up-to-date', 'the check');
    expect(service.status().state).toEqual({
      status: 'up-to-date',
      version: '1.0.0',
      checkedAt: '2026-12-07T10:00:00.000Z',
    });
  });

  it('says when the feed cannot be reached, and checks again when asked', async () => {
    const feed = await serveFeed();
    const url = feed.url;
    await feed.close();
    const { service } = setUp(url);
    await service.allow(true);
    await until(() => service.status().state.status === 'error', 'the failed check');
    expect(service.status().state).toEqual({
      status: 'error',
      message:
        'Could not reach the release feed (are you offline?), so the check did not finish. Try again later.',
    });
    expect((await service.check()).state.status).toBe('error');
  });

  it('remembers the choice across restarts, checks at start and again later while allowed', async () => {
    const feed = await serveFeed({ version: '1.0.0' });
    closers.push(() => feed.close());
    const first = setUp(feed.url);
    await first.service.allow(true);
    first.service.close();
    expect(JSON.parse(readFileSync(join(first.dataDir, PREFERENCE_FILE), 'utf8'))).toEqual({ allowed: true });
    feed.requests.length = 0;
    const second = setUp(feed.url, { dataDir: first.dataDir, recheckMs: 50 });
    expect(second.service.status().state).toEqual({ status: 'idle' });
    second.service.start();
    await until(() => feed.requests.length >= 2, 'a second, scheduled check');
    await second.service.allow(false);
    expect(second.service.status()).toMatchObject({ allowed: false, state: { status: 'off' } });
    const count = feed.requests.length;
    await new Promise((r) => setTimeout(r, 150));
    expect(feed.requests.length).toBe(count);
  });

  it('answers every request with why not where there is no updater (browser host, CLI, a checkout)', async () => {
    const dataDir = tempDir();
    const service = new UpdateService({
      dataDir,
      currentVersion: '1.0.0',
      logger: createLogger(dataDir, { level: 'silent' }),
      emit: () => undefined,
    });
    const unavailable = {
      allowed: false,
      current: '1.0.0',
      state: {
        status: 'unavailable',
        reason: 'Updates come with the desktop app; this copy of Rehearse is updated with its source.',
      },
    };
    expect(await service.check()).toEqual(unavailable);
    expect(await service.download()).toEqual(unavailable);
    expect(service.install()).toEqual(unavailable);
  });

  it('words each failure for the candidate, never with the raw error', () => {
    expect(updateErrorMessage({ code: 'ERR_UPDATER_INVALID_SIGNATURE', message: 'x' }, 'download')).toBe(
      'The downloaded update is not signed by the publisher of Rehearse, so it was discarded. Nothing was installed.',
    );
    expect(updateErrorMessage({ code: 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND' }, 'check')).toBe(
      'The release feed has no update for this system.',
    );
    expect(updateErrorMessage(new Error('boom\n    at x'), 'download')).toBe(
      'Downloading the update failed; try again later.',
    );
  });
});

import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startFakeHub } from '../../../tests/support/fake-hub';
import { onExit, tempDir } from '../../../tests/support/runtime';
import { deleteModel, downloadModel, modelState, type ModelSpec } from './models';

const spec: ModelSpec = {
  id: 'acme/tiny',
  label: 'tiny',
  revision: 'main',
  task: 'embed',
  files: [{ path: 'config.json' }, { path: 'onnx/model.onnx' }],
};

async function setup() {
  const hub = await startFakeHub();
  onExit(() => hub.close());
  hub.files.set('acme/tiny/config.json', Buffer.from('{"model_type":"bert"}'));
  hub.files.set('acme/tiny/onnx/model.onnx', randomBytes(300_000));
  return { hub, dir: tempDir() };
}

describe('downloading models', () => {
  it('fetches every file with progress, verifies it and marks the model downloaded', async () => {
    const { hub, dir } = await setup();
    expect(modelState(dir, spec)).toBe('missing');
    const progress: number[] = [];
    await downloadModel(spec, {
      dir,
      hub: hub.url,
      onProgress: (p) => p.overall !== null && progress.push(p.overall),
    });
    expect(modelState(dir, spec)).toBe('downloaded');
    expect(
      readFileSync(join(dir, 'acme/tiny/onnx/model.onnx')).equals(
        hub.files.get('acme/tiny/onnx/model.onnx')!,
      ),
    ).toBe(true);
    expect(progress.at(-1)).toBeCloseTo(1, 5);
    // A second run finds everything and fetches nothing.
    const before = hub.requests.length;
    await downloadModel(spec, { dir, hub: hub.url });
    expect(hub.requests.length).toBe(before);
  });

  it('resumes a dropped download with a Range request instead of starting over', async () => {
    const { hub, dir } = await setup();
    hub.drop = { file: 'onnx/model.onnx', after: 120_000 };
    await expect(downloadModel(spec, { dir, hub: hub.url })).rejects.toThrow(
      'The connection dropped during the download. Start it again to continue where it stopped.',
    );
    expect(modelState(dir, spec)).toBe('partial');
    expect(statSync(join(dir, 'acme/tiny/onnx/model.onnx.partial')).size).toBe(120_000);
    await downloadModel(spec, { dir, hub: hub.url });
    expect(hub.requests.at(-1)).toMatchObject({
      path: '/acme/tiny/resolve/main/onnx/model.onnx',
      range: 'bytes=120000-',
    });
    expect(
      readFileSync(join(dir, 'acme/tiny/onnx/model.onnx')).equals(
        hub.files.get('acme/tiny/onnx/model.onnx')!,
      ),
    ).toBe(true);
  });

  it('starts over when the server ignores the range', async () => {
    const { hub, dir } = await setup();
    hub.drop = { file: 'onnx/model.onnx', after: 50_000 };
    await expect(downloadModel(spec, { dir, hub: hub.url })).rejects.toThrow();
    hub.ignoreRange = true;
    await downloadModel(spec, { dir, hub: hub.url });
    expect(
      readFileSync(join(dir, 'acme/tiny/onnx/model.onnx')).equals(
        hub.files.get('acme/tiny/onnx/model.onnx')!,
      ),
    ).toBe(true);
  });

  it('discards a file whose checksum does not match, and says so', async () => {
    const { hub, dir } = await setup();
    hub.corrupt = 'onnx/model.onnx';
    await expect(downloadModel(spec, { dir, hub: hub.url })).rejects.toThrow(
      'The downloaded file onnx/model.onnx was damaged (its checksum did not match), so it was discarded. Try again.',
    );
    expect(existsSync(join(dir, 'acme/tiny/onnx/model.onnx'))).toBe(false);
    expect(existsSync(join(dir, 'acme/tiny/onnx/model.onnx.partial'))).toBe(false);
    expect(modelState(dir, spec)).toBe('partial');
  });

  it('checks a pinned checksum even when the server sends none', async () => {
    const { hub, dir } = await setup();
    const pinned: ModelSpec = { ...spec, files: [{ path: 'config.json', sha256: '0'.repeat(64) }] };
    await expect(downloadModel(pinned, { dir, hub: hub.url })).rejects.toThrow(
      'The downloaded file config.json was damaged',
    );
  });

  it('names a model the hub does not have, and a hub it cannot reach', async () => {
    const { hub, dir } = await setup();
    await expect(downloadModel({ ...spec, id: 'acme/nothing' }, { dir, hub: hub.url })).rejects.toThrow(
      `The model acme/nothing could not be found at ${new URL(hub.url).host}.`,
    );
    await expect(downloadModel(spec, { dir, hub: 'http://127.0.0.1:1' })).rejects.toThrow(
      'Could not reach 127.0.0.1:1 to download the model. Check your internet connection and try again.',
    );
  });

  it('pauses on cancel and keeps what it has; delete removes everything', async () => {
    const { hub, dir } = await setup();
    const controller = new AbortController();
    await expect(
      downloadModel(spec, {
        dir,
        hub: hub.url,
        signal: controller.signal,
        onProgress: (p) => p.received > 100_000 && controller.abort(),
      }),
    ).rejects.toThrow('The download was paused. Start it again to continue where it stopped.');
    expect(modelState(dir, spec)).toBe('partial');
    deleteModel(dir, spec);
    expect(modelState(dir, spec)).toBe('missing');
  });
});

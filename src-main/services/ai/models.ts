import { createHash } from 'node:crypto';
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { AppError } from '../../../src-shared/errors';

export interface ModelSpec {
  /** Hugging Face repository, e.g. Xenova/all-MiniLM-L6-v2. */
  id: string;
  label: string;
  revision: string;
  task: 'embed' | 'generate' | 'transcribe';
  /** Files to fetch; `sha256` pins one where we know it, otherwise the hub's X-Linked-ETag is checked. */
  files: { path: string; sha256?: string }[];
}

const WHISPER_FILES = [
  { path: 'config.json' },
  { path: 'generation_config.json' },
  { path: 'preprocessor_config.json' },
  { path: 'tokenizer.json' },
  { path: 'tokenizer_config.json' },
  { path: 'onnx/encoder_model_quantized.onnx' },
  { path: 'onnx/decoder_model_merged_quantized.onnx' },
];

/** The models the app offers to download: small enough for a laptop, loadable by transformers.js. */
export const KNOWN_MODELS: ModelSpec[] = [
  {
    id: 'Xenova/all-MiniLM-L6-v2',
    label: 'MiniLM sentence embeddings (about 23 MB)',
    revision: 'main',
    task: 'embed',
    files: [
      { path: 'config.json' },
      { path: 'tokenizer.json' },
      { path: 'tokenizer_config.json' },
      { path: 'onnx/model_quantized.onnx' },
    ],
  },
  {
    // The in-app language model for when Ollama is absent. It must be an export with past_key_values:
    // transformers.js feeds only the newest token after the first step, so a cache-less export would babble.
    id: 'onnx-community/Qwen2.5-0.5B-Instruct',
    label: 'Qwen2.5 0.5B instruct language model (about 500 MB)',
    revision: 'main',
    task: 'generate',
    files: [
      { path: 'config.json' },
      { path: 'generation_config.json' },
      { path: 'tokenizer.json' },
      { path: 'tokenizer_config.json' },
      { path: 'onnx/model_quantized.onnx' },
    ],
  },
  // Speech to text, English first: the service uses the first one downloaded. The `_timestamped` exports have the
  // decoder's cross-attention outputs, without which transformers.js cannot time words.
  {
    id: 'onnx-community/whisper-tiny.en_timestamped',
    label: 'Whisper tiny speech to text, English (about 45 MB)',
    revision: 'main',
    task: 'transcribe',
    files: WHISPER_FILES,
  },
  {
    id: 'onnx-community/whisper-base_timestamped',
    label: 'Whisper base speech to text, many languages (about 80 MB)',
    revision: 'main',
    task: 'transcribe',
    files: WHISPER_FILES,
  },
];

export const DEFAULT_HUB = 'https://huggingface.co';

export interface DownloadProgress {
  file: string;
  received: number;
  total: number | null;
  /** Across all the model's files, 0–1, when sizes are known. */
  overall: number | null;
}

interface Manifest {
  id: string;
  revision: string;
  files: Record<string, string>;
  complete: boolean;
}

const manifestPath = (dir: string, id: string) => join(dir, id, '.rehearse-manifest.json');

function readManifest(dir: string, spec: ModelSpec): Manifest {
  try {
    const m = JSON.parse(readFileSync(manifestPath(dir, spec.id), 'utf8')) as Manifest;
    if (m.id === spec.id && m.revision === spec.revision) return m;
  } catch {
    // no manifest yet: nothing downloaded
  }
  return { id: spec.id, revision: spec.revision, files: {}, complete: false };
}

export function modelState(dir: string, spec: ModelSpec): 'downloaded' | 'partial' | 'missing' {
  const m = readManifest(dir, spec);
  if (m.complete && spec.files.every((f) => existsSync(join(dir, spec.id, f.path)))) return 'downloaded';
  return Object.keys(m.files).length > 0 ||
    spec.files.some((f) => existsSync(join(dir, spec.id, `${f.path}.partial`)))
    ? 'partial'
    : 'missing';
}

const modelError = (message: string, kind: string) => new AppError('UNAVAILABLE', message, { kind });

function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (c) => hash.update(c))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject);
  });
}

/**
 * Downloads a model's files into `<dir>/<id>/`, resuming a partial file with an HTTP Range request, and checks
 * each against its sha256 before it counts. A cancelled or broken download keeps what it had for next time.
 */
export async function downloadModel(
  spec: ModelSpec,
  options: { dir: string; hub?: string; signal?: AbortSignal; onProgress?: (p: DownloadProgress) => void },
): Promise<void> {
  const hub = (options.hub ?? DEFAULT_HUB).replace(/\/+$/, '');
  const manifest = readManifest(options.dir, spec);
  manifest.complete = false;
  const done = new Set(Object.keys(manifest.files));
  const url = (path: string) => `${hub}/${spec.id}/resolve/${spec.revision}/${path}`;
  // Sizes first, so progress can be reported across all of the model's files.
  const sizes = new Map<string, number>();
  await Promise.all(
    spec.files.map(async (f) => {
      const target = join(options.dir, spec.id, f.path);
      if (done.has(f.path) && existsSync(target)) return sizes.set(f.path, statSync(target).size);
      const head = await fetch(url(f.path), {
        method: 'HEAD',
        signal: options.signal,
        redirect: 'follow',
      }).catch(() => null);
      const length = Number(head?.headers.get('x-linked-size') ?? head?.headers.get('content-length') ?? NaN);
      if (head?.ok && Number.isFinite(length)) sizes.set(f.path, length);
    }),
  );
  const totalBytes = sizes.size === spec.files.length ? [...sizes.values()].reduce((a, b) => a + b, 0) : null;
  let finishedBytes = 0;

  for (const file of spec.files) {
    const target = join(options.dir, spec.id, file.path);
    if (done.has(file.path) && existsSync(target)) {
      finishedBytes += sizes.get(file.path) ?? 0;
      continue;
    }
    mkdirSync(dirname(target), { recursive: true });
    const partial = `${target}.partial`;
    const have = existsSync(partial) ? statSync(partial).size : 0;
    let res: Response;
    try {
      res = await fetch(url(file.path), {
        headers: have > 0 ? { range: `bytes=${have}-` } : {},
        signal: options.signal,
        redirect: 'follow',
      });
    } catch {
      if (options.signal?.aborted)
        throw modelError(
          'The download was paused. Start it again to continue where it stopped.',
          'cancelled',
        );
      throw modelError(
        `Could not reach ${new URL(hub).host} to download the model. Check your internet connection and try again.`,
        'network',
      );
    }
    if (res.status === 404 || res.status === 401) {
      throw modelError(`The model ${spec.id} could not be found at ${new URL(hub).host}.`, 'not_found');
    }
    if (!res.ok || !res.body)
      throw modelError(`The model download failed (HTTP ${res.status}). Try again later.`, 'http');
    // 206 continues the partial file; a 200 means the server ignored the range, so start over.
    const append = res.status === 206;
    const start = append ? have : 0;
    const length = Number(res.headers.get('content-length') ?? NaN);
    const total = Number.isFinite(length) ? start + length : null;
    const expected = (file.sha256 ?? res.headers.get('x-linked-etag')?.replace(/"/g, '') ?? '').toLowerCase();

    const out = createWriteStream(partial, { flags: append ? 'a' : 'w' });
    let received = start;
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
        received += chunk.length;
        options.onProgress?.({
          file: file.path,
          received,
          total,
          overall: totalBytes ? (finishedBytes + received) / totalBytes : null,
        });
      }
    } catch (err) {
      await new Promise((r) => out.end(r));
      if (options.signal?.aborted)
        throw modelError(
          'The download was paused. Start it again to continue where it stopped.',
          'cancelled',
        );
      if ((err as NodeJS.ErrnoException).code === 'ENOSPC')
        throw modelError('There is not enough free disk space for the model.', 'disk_full');
      throw modelError(
        'The connection dropped during the download. Start it again to continue where it stopped.',
        'interrupted',
      );
    }
    await new Promise((r) => out.end(r));
    const actual = await sha256File(partial);
    if (/^[0-9a-f]{64}$/.test(expected) && actual !== expected) {
      rmSync(partial, { force: true });
      throw modelError(
        `The downloaded file ${file.path} was damaged (its checksum did not match), so it was discarded. Try again.`,
        'checksum',
      );
    }
    renameSync(partial, target);
    finishedBytes += received;
    manifest.files[file.path] = actual;
    writeFileSync(manifestPath(options.dir, spec.id), JSON.stringify(manifest));
  }
  manifest.complete = true;
  writeFileSync(manifestPath(options.dir, spec.id), JSON.stringify(manifest));
}

export function deleteModel(dir: string, spec: ModelSpec): void {
  rmSync(join(dir, spec.id), { recursive: true, force: true });
}

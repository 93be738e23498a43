/**
 * An OpenAI-compatible /audio/transcriptions server on 127.0.0.1 for the voice tests: it takes the multipart
 * upload as the real ones do, keeps what it was sent, and answers as told — a transcript, slowly, an error
 * status, or a body that is not a transcript.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { DEFAULT_AI_SETTINGS, type AiSettings } from '../../src-shared/ai';
import type { RehearseApi } from '../../src-shared/contract';

export interface FakeTranscriber {
  /** The base address, ending in /v1. */
  url: string;
  behaviour: {
    /** What a 200 answers (verbose_json), or a raw string sent as it is. */
    answer: unknown;
    status: number;
    delayMs: number;
    key: string;
  };
  requests: {
    path: string;
    authorization: string | undefined;
    fields: Record<string, string>;
    file: { name: string; type: string; bytes: Buffer } | null;
  }[];
  close(): Promise<void>;
}

export async function startFakeTranscriber(key: string): Promise<FakeTranscriber> {
  const behaviour: FakeTranscriber['behaviour'] = {
    answer: { text: '', words: [] },
    status: 200,
    delayMs: 0,
    key,
  };
  const requests: FakeTranscriber['requests'] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const fields: Record<string, string> = {};
        let file: FakeTranscriber['requests'][number]['file'] = null;
        try {
          const form = await new Request('http://fake/', {
            method: 'POST',
            headers: { 'content-type': req.headers['content-type'] ?? '' },
            body: Buffer.concat(chunks),
          }).formData();
          for (const [name, value] of form.entries()) {
            if (typeof value === 'string') fields[name] = value;
            else file = { name: value.name, type: value.type, bytes: Buffer.from(await value.arrayBuffer()) };
          }
        } catch {
          // not multipart: recorded with no fields
        }
        requests.push({ path: req.url ?? '', authorization: req.headers.authorization, fields, file });
        if (behaviour.delayMs > 0) await new Promise((r) => setTimeout(r, behaviour.delayMs));
        if (res.destroyed) return;
        if (req.headers.authorization !== `Bearer ${behaviour.key}`) {
          res.writeHead(401, { 'content-type': 'application/json' });
          return res.end(
            JSON.stringify({ error: { message: `Incorrect API key: ${req.headers.authorization}` } }),
          );
        }
        if (behaviour.status !== 200) {
          res.writeHead(behaviour.status, { 'content-type': 'application/json' });
          return res.end('{"error":{"message":"the server could not do it"}}');
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(typeof behaviour.answer === 'string' ? behaviour.answer : JSON.stringify(behaviour.answer));
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    behaviour,
    requests,
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

/** What a provider would answer for speech with known phrases: the script's words, spread over each phrase. */
export function scriptedAnswer(phrases: { text: string; start: number; end: number }[]) {
  return {
    text: phrases.map((p) => p.text).join(' '),
    words: phrases.flatMap((p) => {
      const words = p.text.split(' ');
      const step = (p.end - p.start) / words.length;
      return words.map((w, i) => ({ word: w, start: p.start + i * step, end: p.start + (i + 1) * step }));
    }),
  };
}

/** AI settings with Ollama off and the fake (at `url`) as the cloud provider that transcribes. */
export function fakeTranscriberSettings(url: string): AiSettings {
  return {
    ...DEFAULT_AI_SETTINGS,
    ollama: { ...DEFAULT_AI_SETTINGS.ollama, mode: 'off' },
    cloud: { ...DEFAULT_AI_SETTINGS.cloud, enabled: true, preset: 'custom', baseUrl: url, model: 'gpt-test' },
  };
}

/**
 * Points the app at the fake as its cloud provider, through the app's own bridge (the cloud settings screen
 * has its own journey); the page must be past onboarding.
 */
export async function useFakeTranscriber(page: Page, fake: FakeTranscriber): Promise<void> {
  await page.evaluate(
    async ({ settings, key }) => {
      const api = (globalThis as unknown as { rehearse: RehearseApi }).rehearse;
      const saved = await api.invoke('ai.settings.save', settings);
      const stored = await api.invoke('ai.cloud.saveKey', { key });
      if (!saved.ok || !stored.ok) throw new Error('could not set up the cloud provider');
    },
    { key: fake.behaviour.key, settings: fakeTranscriberSettings(fake.url) },
  );
}

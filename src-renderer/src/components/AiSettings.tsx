import { useEffect, useId, useState } from 'react';
import { AiSettings as AiSettingsSchema, type AiSettings, type AiStatus } from '../../../src-shared/ai';
import { call, fieldOf, messageOf, on } from '../api';
import { modelLabel } from '../format';
import { useApp } from '../store';
import { CloudSettings } from './CloudSettings';
import { ModelSettings } from './ModelSettings';
import { Field, firstErrors, RadioChoices, useFieldErrors } from './form';

const TASKS = [
  ['generateQuestions', 'Model for writing questions'],
  ['evaluateAnswer', 'Model for feedback on answers'],
  ['followUp', 'Model for follow-up questions'],
  ['studyPlan', 'Model for study plans'],
] as const;
const MODES = { auto: 'Use it when it is running', on: 'Always use it', off: 'Never use it' } as const;
type Mode = keyof typeof MODES;

/** Ollama set-up: where it runs, which model, whether it works, downloading a model, and a live try. */
export function AiSettingsPanel() {
  const notify = useApp((s) => s.notify);
  const go = useApp((s) => s.go);
  const id = useId();
  const { show, clear, fieldProps } = useFieldErrors(id);
  const [settings, setSettings] = useState<AiSettings | null>(null);
  const [status, setStatus] = useState<AiStatus | null>(null);
  const [checking, setChecking] = useState(false);
  const [pull, setPull] = useState<{
    requestId: string;
    model: string;
    status: string;
    fraction: number | null;
  } | null>(null);
  const [trial, setTrial] = useState<{ requestId: string; text: string; done?: string } | null>(null);

  useEffect(() => {
    call('ai.settings.get', {}).then(setSettings, (err: unknown) => notify('error', messageOf(err)));
    call('ai.status', {}).then(setStatus, () => undefined);
  }, [notify]);

  useEffect(() => {
    const offProgress = on('ai.progress', (p) =>
      setPull((cur) =>
        cur && cur.requestId === p.requestId ? { ...cur, status: p.status, fraction: p.fraction } : cur,
      ),
    );
    const offToken = on('ai.token', (t) =>
      setTrial((cur) =>
        cur && cur.requestId === t.requestId && !cur.done ? { ...cur, text: cur.text + t.chunk } : cur,
      ),
    );
    return () => {
      offProgress();
      offToken();
    };
  }, []);

  if (!settings) return <p role="status">Loading AI settings…</p>;
  const ollama = settings.ollama;
  const set = (patch: Partial<AiSettings['ollama']>) =>
    setSettings({ ...settings, ollama: { ...ollama, ...patch } });
  const ollamaStatus = status?.providers.find((p) => p.id === 'ollama');

  async function save() {
    const parsed = AiSettingsSchema.safeParse(settings);
    if (!parsed.success) {
      show(firstErrors(parsed.error.issues.map((i) => ({ ...i, path: [i.path.at(-1) ?? ''] }))));
      return;
    }
    clear();
    setChecking(true);
    try {
      setSettings(await call('ai.settings.save', parsed.data));
      setStatus(await call('ai.status', {}));
      notify('success', 'AI settings saved.');
    } catch (err) {
      const field = fieldOf(err);
      if (field) show({ [field.split('.').at(-1)!]: messageOf(err) });
      else notify('error', messageOf(err));
    } finally {
      setChecking(false);
    }
  }

  async function check() {
    setChecking(true);
    try {
      setStatus(await call('ai.check', {}));
    } finally {
      setChecking(false);
    }
  }

  async function download() {
    const requestId = crypto.randomUUID();
    setPull({ requestId, model: ollama.defaultModel, status: 'Starting', fraction: 0 });
    try {
      await call('ai.ollama.pull', { requestId, model: ollama.defaultModel });
      notify('success', `Downloaded ${ollama.defaultModel}.`);
      setStatus(await call('ai.status', {}));
    } catch (err) {
      notify('error', messageOf(err));
    } finally {
      setPull(null);
    }
  }

  async function tryIt() {
    const requestId = crypto.randomUUID();
    setTrial({ requestId, text: '' });
    try {
      const r = await call('ai.try', { requestId });
      const by = modelLabel(r.provider, r.model);
      setTrial({
        requestId,
        text: r.text,
        done: `Answered by ${by} in ${(r.ms / 1000).toFixed(1)} s.${r.notes.length ? ` ${r.notes.join(' ')}` : ''}`,
      });
    } catch (err) {
      setTrial({ requestId, text: '', done: messageOf(err) });
    }
  }

  const health =
    ollama.mode === 'off'
      ? 'Off: the built-in coach answers everything.'
      : !ollamaStatus || ollamaStatus.health === 'unknown'
        ? 'Not checked yet.'
        : ollamaStatus.health === 'ok'
          ? `Working. Installed models: ${ollamaStatus.models.join(', ') || 'none'}.`
          : ollamaStatus.reason;

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>AI coach</h2>
      <p className="muted">
        Rehearse always works offline with its built-in coach. A local Ollama model makes feedback smarter;
        nothing you type leaves this computer when you use it.
      </p>
      <RadioChoices
        id={`${id}-mode`}
        legend="Ollama on this computer"
        name={`${id}-mode-choice`}
        options={Object.keys(MODES) as Mode[]}
        labels={MODES}
        value={ollama.mode}
        onChange={(mode) => set({ mode })}
      />
      <Field {...fieldProps('host')} label="Ollama address">
        {(control) => (
          <input
            type="text"
            value={ollama.host}
            onChange={(e) => set({ host: e.target.value })}
            {...control}
          />
        )}
      </Field>
      <Field
        {...fieldProps('defaultModel')}
        label="Ollama model"
        hint="For example llama3.2 or qwen2.5:7b. Download it below if it is not installed."
      >
        {(control) => (
          <input
            type="text"
            value={ollama.defaultModel}
            onChange={(e) => set({ defaultModel: e.target.value })}
            {...control}
          />
        )}
      </Field>
      <details className="field">
        <summary>A different Ollama model per task (optional)</summary>
        {TASKS.map(([task, label]) => (
          <div className="field" key={task}>
            <label htmlFor={`${id}-task-${task}`}>{label}</label>
            <input
              id={`${id}-task-${task}`}
              type="text"
              placeholder={ollama.defaultModel}
              value={ollama.taskModels[task] ?? ''}
              onChange={(e) => set({ taskModels: { ...ollama.taskModels, [task]: e.target.value } })}
            />
          </div>
        ))}
      </details>
      <ModelSettings />
      <CloudSettings cloud={settings.cloud} onChange={(cloud) => setSettings({ ...settings, cloud })} />
      <p role="status" data-testid="ollama-health">
        <strong>Status:</strong> {health}
      </p>
      <div className="row">
        <button type="button" className="primary" onClick={() => void save()} disabled={checking}>
          Save AI settings
        </button>
        <button type="button" onClick={() => void check()} disabled={checking}>
          {checking ? 'Checking…' : 'Check now'}
        </button>
        <button
          type="button"
          onClick={() => void download()}
          disabled={pull !== null || ollama.mode === 'off'}
        >
          Download {ollama.defaultModel}
        </button>
        <button type="button" onClick={() => void tryIt()} disabled={trial !== null && !trial.done}>
          Try it
        </button>
        <button type="button" onClick={() => go({ name: 'diagnostics' })}>
          Diagnostics
        </button>
      </div>
      {pull && (
        <div className="field">
          <label htmlFor={`${id}-pull`}>
            Downloading {pull.model}: {pull.status}
          </label>
          <progress id={`${id}-pull`} max={1} value={pull.fraction ?? undefined} style={{ width: '100%' }} />
        </div>
      )}
      {trial && (
        <div className="card" aria-live="polite">
          <p className="answer">{trial.text || '…'}</p>
          {trial.done && <p className="muted">{trial.done}</p>}
        </div>
      )}
    </section>
  );
}

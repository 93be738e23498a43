import { useEffect, useId, useState } from 'react';
import type { ChannelOutput } from '../../../src-shared/contract';
import { call, messageOf, on } from '../api';
import { useApp } from '../store';

type Models = ChannelOutput<'ai.models.list'>;
const STATE = { downloaded: 'Downloaded', partial: 'Partly downloaded', missing: 'Not downloaded' } as const;

/** Models that run inside Rehearse (no Ollama needed): downloaded once, with progress, then used offline. */
export function ModelSettings() {
  const notify = useApp((s) => s.notify);
  const id = useId();
  const [models, setModels] = useState<Models | null>(null);
  const [progress, setProgress] = useState<{
    requestId: string;
    model: string;
    status: string;
    fraction: number | null;
  } | null>(null);

  useEffect(() => {
    call('ai.models.list', {}).then(setModels, () => setModels([]));
    return on('ai.progress', (p) =>
      setProgress((cur) =>
        cur && cur.requestId === p.requestId ? { ...cur, status: p.status, fraction: p.fraction } : cur,
      ),
    );
  }, []);

  async function download(model: string) {
    const requestId = crypto.randomUUID();
    setProgress({ requestId, model, status: 'Starting', fraction: 0 });
    try {
      await call('ai.models.download', { requestId, id: model });
      notify('success', 'The model is downloaded and will be used offline.');
    } catch (err) {
      notify('error', messageOf(err));
    } finally {
      setProgress(null);
      setModels(await call('ai.models.list', {}));
    }
  }

  if (!models || models.length === 0) return null;
  return (
    <fieldset className="card" aria-labelledby={`${id}-legend`}>
      <legend id={`${id}-legend`} className="group-title">
        Models inside Rehearse
      </legend>
      <p className="hint">
        Downloaded once from Hugging Face, then used without a connection. Sentence embeddings make feedback
        notice answers that say the right thing in other words. Whisper turns spoken answers into text on this
        computer, so the recording never leaves it; when both Whisper models are downloaded, the English one
        is used.
      </p>
      <ul className="stack plain-list">
        {models.map((m) => (
          <li key={m.id} className="row spread">
            <span>
              {m.label} <span className="badge">{STATE[m.state]}</span>
            </span>
            <span className="row">
              {m.state !== 'downloaded' && (
                <button
                  type="button"
                  onClick={() => void download(m.id)}
                  disabled={progress !== null}
                  aria-label={`${m.state === 'partial' ? 'Resume' : 'Download'} ${m.label}`}
                >
                  {m.state === 'partial' ? 'Resume' : 'Download'}
                </button>
              )}
              {m.state !== 'missing' && (
                <button
                  type="button"
                  className="danger"
                  onClick={() =>
                    void call('ai.models.delete', { id: m.id }).then(() =>
                      call('ai.models.list', {}).then(setModels),
                    )
                  }
                  aria-label={`Delete ${m.label}`}
                >
                  Delete
                </button>
              )}
            </span>
          </li>
        ))}
      </ul>
      {progress && (
        <div className="field">
          <label htmlFor={`${id}-progress`}>{progress.status}</label>
          <progress
            id={`${id}-progress`}
            max={1}
            value={progress.fraction ?? undefined}
            style={{ width: '100%' }}
          />
        </div>
      )}
    </fieldset>
  );
}

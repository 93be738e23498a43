import { useEffect, useId, useState } from 'react';
import { CLOUD_PRESET_IDS, CLOUD_PRESETS, type AiSettings, type CloudPreset } from '../../../src-shared/ai';
import { call, messageOf } from '../api';
import { useApp } from '../store';
import { Options } from './form';

type Cloud = AiSettings['cloud'];
interface KeyStatus {
  stored: boolean;
  keychain: { ok: boolean; reason: string | null };
}

/** Opt-in cloud provider: the key goes to the OS keychain, and the screen says exactly what leaves the machine. */
export function CloudSettings({ cloud, onChange }: { cloud: Cloud; onChange(next: Cloud): void }) {
  const notify = useApp((s) => s.notify);
  const id = useId();
  const [key, setKey] = useState('');
  const [keyStatus, setKeyStatus] = useState<KeyStatus | null>(null);
  const [keyError, setKeyError] = useState('');
  const preset = CLOUD_PRESETS[cloud.preset];
  const host = (() => {
    try {
      return new URL(cloud.baseUrl || preset.baseUrl).host;
    } catch {
      return 'the address you enter';
    }
  })();

  useEffect(() => {
    if (cloud.enabled) call('ai.cloud.keyStatus', {}).then(setKeyStatus, () => undefined);
  }, [cloud.enabled, cloud.preset]);

  async function saveKey() {
    setKeyError('');
    try {
      setKeyStatus(await call('ai.cloud.saveKey', { key }));
      setKey('');
      notify('success', `Your ${preset.label} key is saved in the system keychain.`);
    } catch (err) {
      setKeyError(messageOf(err));
    }
  }

  return (
    <fieldset className="card" aria-labelledby={`${id}-legend`}>
      <legend id={`${id}-legend`} className="group-title">
        Cloud AI (optional)
      </legend>
      <label className="choice">
        <input
          type="checkbox"
          checked={cloud.enabled}
          onChange={(e) => onChange({ ...cloud, enabled: e.target.checked })}
        />
        Use a cloud AI provider with my own key
      </label>
      {cloud.enabled && (
        <>
          <p className="hint" id={`${id}-what`}>
            <strong>What is sent:</strong> when Rehearse asks {preset.label} for questions or feedback, it
            sends to {host} the instructions, the interview question, and your answer; for questions tailored
            to you, also the skills, roles and projects from your résumé and the job description. Your name,
            contact details and files are never sent. Your key is kept in the system keychain and only ever
            sent to {host}.
          </p>
          <div className="field">
            <label htmlFor={`${id}-preset`}>Provider</label>
            <select
              id={`${id}-preset`}
              value={cloud.preset}
              onChange={(e) => onChange({ ...cloud, preset: e.target.value as CloudPreset })}
            >
              <Options values={CLOUD_PRESET_IDS} label={(p) => CLOUD_PRESETS[p].label} />
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-base`}>API address {cloud.preset === 'custom' ? '' : '(optional)'}</label>
            <input
              id={`${id}-base`}
              type="text"
              placeholder={preset.baseUrl}
              value={cloud.baseUrl}
              onChange={(e) => onChange({ ...cloud, baseUrl: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-model`}>Model {cloud.preset === 'custom' ? '' : '(optional)'}</label>
            <input
              id={`${id}-model`}
              type="text"
              placeholder={preset.model}
              value={cloud.model}
              onChange={(e) => onChange({ ...cloud, model: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-key`}>API key</label>
            <input
              id={`${id}-key`}
              type="password"
              autoComplete="off"
              value={key}
              onChange={(e) => setKey(e.target.value)}
              aria-describedby={`${id}-key-status${keyError ? ` ${id}-key-error` : ''}`}
            />
            <p className="hint" id={`${id}-key-status`}>
              {keyStatus === null
                ? 'Checking the keychain…'
                : !keyStatus.keychain.ok
                  ? keyStatus.keychain.reason
                  : keyStatus.stored
                    ? 'A key is saved. Paste a new one to replace it.'
                    : 'No key saved yet.'}
            </p>
            {keyError && (
              <p className="error-text" id={`${id}-key-error`} role="alert">
                {keyError}
              </p>
            )}
            <div className="row">
              <button type="button" onClick={() => void saveKey()} disabled={!key}>
                Save key
              </button>
              {keyStatus?.stored && (
                <button
                  type="button"
                  className="danger"
                  onClick={() => void call('ai.cloud.deleteKey', {}).then(setKeyStatus)}
                >
                  Remove key
                </button>
              )}
            </div>
          </div>
          <div className="row">
            <div className="field">
              <label htmlFor={`${id}-requests`}>Requests per day</label>
              <input
                id={`${id}-requests`}
                type="number"
                min={1}
                value={cloud.requestsPerDay}
                onChange={(e) => onChange({ ...cloud, requestsPerDay: Number(e.target.value) })}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-chars`}>Characters per day</label>
              <input
                id={`${id}-chars`}
                type="number"
                min={1000}
                value={cloud.charactersPerDay}
                onChange={(e) => onChange({ ...cloud, charactersPerDay: Number(e.target.value) })}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-cost`}>Estimated $ per million characters</label>
              <input
                id={`${id}-cost`}
                type="number"
                min={0}
                step="0.01"
                value={cloud.costPerMillionCharacters}
                onChange={(e) => onChange({ ...cloud, costPerMillionCharacters: Number(e.target.value) })}
              />
            </div>
          </div>
        </>
      )}
    </fieldset>
  );
}

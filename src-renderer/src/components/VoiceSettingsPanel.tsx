/**
 * Settings → Voice: how many answers keep their audio after transcription, and reading questions aloud (when,
 * which system voice, how fast), with a sample to hear. Where the system has no voice, it says so.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { READ_ALOUD, VoiceSettings } from '../../../src-shared/voice';
import { call, messageOf } from '../api';
import { useApp } from '../store';
import { Field, FormError, RadioChoices, useFormSend } from './form';
import { NO_VOICE, speak, systemVoices } from '../voice/speech';

const WHEN: Record<(typeof READ_ALOUD)[number], string> = {
  off: 'Never',
  mock: 'In mock interviews',
  always: 'Always',
};

export function VoiceSettingsPanel() {
  const notify = useApp((s) => s.notify);
  const id = useId();
  const { fieldProps, busy, formError, send } = useFormSend(id);
  const [settings, setSettings] = useState<VoiceSettings | null>(null);
  const [keep, setKeep] = useState('');
  const [voices, setVoices] = useState<SpeechSynthesisVoice[]>([]);

  useEffect(() => {
    call('voice.settings.get', {}).then(
      (s) => {
        setSettings(s);
        setKeep(String(s.keepAudio));
      },
      (err: unknown) => notify('error', messageOf(err)),
    );
    void systemVoices().then(setVoices);
  }, [notify]);

  if (!settings) return null;
  const change = (next: Partial<VoiceSettings>) => setSettings({ ...settings, ...next });

  function save(e: FormEvent) {
    e.preventDefault();
    const next = { ...settings!, keepAudio: keep.trim() === '' ? Number.NaN : Number(keep) };
    void send(VoiceSettings, next, async (data) => {
      setSettings(await call('voice.settings.save', data));
      notify('success', 'Voice settings saved.');
    });
  }

  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Voice</h2>
      <form className="stack" onSubmit={save} noValidate>
        <Field
          {...fieldProps('keepAudio')}
          label="Keep the audio of my last … transcribed answers"
          hint="Older recordings are deleted once transcribed (0 deletes each one as soon as it is). Recordings not yet transcribed are always kept."
        >
          {(control) => (
            <input
              type="number"
              inputMode="numeric"
              min={0}
              max={1000}
              value={keep}
              onChange={(e) => setKeep(e.target.value)}
              {...control}
            />
          )}
        </Field>
        <RadioChoices
          {...fieldProps('readAloud')}
          legend="Read questions aloud"
          options={READ_ALOUD}
          labels={WHEN}
          value={settings.readAloud}
          onChange={(readAloud) => change({ readAloud })}
        />
        {voices.length === 0 ? (
          <p className="hint">{NO_VOICE}</p>
        ) : (
          <>
            <Field {...fieldProps('voiceName')} label="Voice">
              {(control) => (
                <select
                  value={settings.voiceName}
                  onChange={(e) => change({ voiceName: e.target.value })}
                  {...control}
                >
                  <option value="">System default</option>
                  {voices.map((v) => (
                    <option key={v.name} value={v.name}>
                      {v.name} ({v.lang})
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              {...fieldProps('speechRate')}
              label="Speaking rate"
              hint="1 is normal speed; 0.5 is half as fast, 2 twice as fast."
            >
              {(control) => (
                <input
                  type="number"
                  min={0.5}
                  max={2}
                  step={0.05}
                  value={settings.speechRate}
                  onChange={(e) => change({ speechRate: Number(e.target.value) })}
                  {...control}
                />
              )}
            </Field>
            <div className="row">
              <button
                type="button"
                onClick={() =>
                  void speak('Tell me about a time you disagreed with a teammate.', {
                    voices,
                    voiceName: settings.voiceName,
                    rate: settings.speechRate,
                  })
                }
              >
                Hear a sample
              </button>
            </div>
          </>
        )}
        <FormError message={formError} />
        <div className="row">
          <button type="submit" className="primary" disabled={busy}>
            Save voice settings
          </button>
        </div>
      </form>
    </section>
  );
}

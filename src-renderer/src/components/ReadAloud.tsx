/**
 * The question read aloud: on its own when the setting asks (in mock interviews by default), and on demand with
 * a button. Where the system has no voice, a sentence says the question is shown as text only.
 */
import { useEffect, useState } from 'react';
import type { VoiceSettings } from '../../../src-shared/voice';
import { call } from '../api';
import { NO_VOICE, speak, stopSpeaking, systemVoices } from '../voice/speech';

export function ReadAloud({ text, mode }: { text: string; mode: string }) {
  const [settings, setSettings] = useState<VoiceSettings | null>(null);
  const [voices, setVoices] = useState<SpeechSynthesisVoice[] | null>(null);
  const [speaking, setSpeaking] = useState(false);

  useEffect(() => {
    let live = true;
    void Promise.all([call('voice.settings.get', {}), systemVoices()]).then(
      ([s, v]) => {
        if (!live) return;
        setSettings(s);
        setVoices(v);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);

  // a spoken mock interview is a mock interview too
  const auto =
    settings?.readAloud === 'always' ||
    (settings?.readAloud === 'mock' && (mode === 'mock' || mode === 'spoken'));
  useEffect(() => {
    if (!settings || !voices || voices.length === 0 || !auto) return;
    void speak(text, {
      voices,
      voiceName: settings.voiceName,
      rate: settings.speechRate,
      onStart: () => setSpeaking(true),
    }).then(() => setSpeaking(false));
    return () => stopSpeaking();
  }, [text, auto, settings, voices]);

  if (!settings || !voices) return null;
  if (voices.length === 0)
    return settings.readAloud === 'off' ? null : (
      <p className="hint" style={{ margin: 0 }}>
        {NO_VOICE}
      </p>
    );
  return (
    <button
      type="button"
      onClick={() => {
        if (speaking) {
          stopSpeaking();
          setSpeaking(false);
          return;
        }
        setSpeaking(true);
        void speak(text, { voices, voiceName: settings.voiceName, rate: settings.speechRate }).then(() =>
          setSpeaking(false),
        );
      }}
    >
      {speaking ? 'Stop reading' : 'Read the question aloud'}
    </button>
  );
}

/**
 * Reading questions aloud with the system's speech synthesis. Voices load asynchronously in some browsers, and
 * a system may have none at all (headless Chromium, a Linux box without speech-dispatcher): then the question is
 * only shown as text, and the screens say so.
 */
export function speechAvailable(): boolean {
  return typeof window !== 'undefined' && 'speechSynthesis' in window;
}

/** The system's voices, waiting briefly for them to load; empty when there are none. */
export function systemVoices(waitMs = 1000): Promise<SpeechSynthesisVoice[]> {
  if (!speechAvailable()) return Promise.resolve([]);
  const now = window.speechSynthesis.getVoices();
  if (now.length > 0) return Promise.resolve(now);
  return new Promise((resolve) => {
    const done = () => {
      window.speechSynthesis.removeEventListener('voiceschanged', done);
      clearTimeout(timer);
      resolve(window.speechSynthesis.getVoices());
    };
    const timer = setTimeout(done, waitMs);
    window.speechSynthesis.addEventListener('voiceschanged', done);
  });
}

/** Speaks `text` with the chosen voice (or the default) at `rate`; resolves when it has been said or stopped. */
export function speak(
  text: string,
  options: { voices: SpeechSynthesisVoice[]; voiceName: string; rate: number; onStart?: () => void },
): Promise<void> {
  return new Promise((resolve) => {
    window.speechSynthesis.cancel();
    const utterance = new SpeechSynthesisUtterance(text);
    const voice = options.voices.find((v) => v.name === options.voiceName);
    if (voice) utterance.voice = voice;
    utterance.rate = options.rate;
    utterance.onstart = () => options.onStart?.();
    utterance.onend = () => resolve();
    utterance.onerror = () => resolve();
    window.speechSynthesis.speak(utterance);
  });
}

export function stopSpeaking(): void {
  if (speechAvailable()) window.speechSynthesis.cancel();
}

export const NO_VOICE =
  'This system has no voice to read questions aloud, so they are shown as text only. Install a speech voice (on Linux, speech-dispatcher with espeak-ng) to hear them.';

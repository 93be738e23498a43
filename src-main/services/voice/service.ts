import type { Handlers } from '../../../src-shared/contract';
import type { ServiceContext } from '../../core/context';
import { track } from '../../core/requests';
import { Recordings } from './recordings';

type VoiceChannel = Extract<keyof Handlers, `voice.${string}`>;

export function voiceHandlers(ctx: ServiceContext): Pick<Handlers, VoiceChannel> {
  const recordings = new Recordings(ctx);
  return {
    'voice.start': ({ sessionQuestionId }) => recordings.start(sessionQuestionId),
    'voice.append': ({ recordingId, seq, pcm }) => recordings.append(recordingId, seq, pcm),
    'voice.stop': ({ recordingId }) => recordings.stop(recordingId),
    'voice.pending': () => recordings.pending(),
    'voice.get': ({ recordingId }) => recordings.get(recordingId),
    'voice.discard': ({ recordingId }) => recordings.discard(recordingId),
    'voice.transcribe': async ({ recordingId, requestId }) => {
      const request = track(requestId);
      try {
        return await recordings.transcribe(recordingId, {
          signal: request.signal,
          onProgress: (status, fraction) => ctx.emit('ai.progress', { requestId, status, fraction }),
        });
      } finally {
        request.done();
      }
    },
    'voice.settings.get': () => recordings.settings(),
    'voice.settings.save': (settings) => recordings.saveSettings(settings),
  };
}

/** The renderer's only way out: window.rehearse, whichever host provides it. */
import type {
  ChannelInput,
  ChannelName,
  ChannelOutput,
  EventName,
  EventPayload,
  RehearseApi,
} from '../../src-shared/contract';
import { RehearseError, unwrap } from '../../src-shared/errors';

declare global {
  interface Window {
    rehearse: RehearseApi;
  }
}

let lockedListener: () => void = () => undefined;

/** Who to tell when a request is refused as LOCKED: the vault was locked elsewhere (another window, the CLI). */
export function onLockedError(listener: () => void): void {
  lockedListener = listener;
}

export async function call<C extends ChannelName>(
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const result = await window.rehearse.invoke(channel, input);
  if (!result.ok && result.error.code === 'LOCKED') lockedListener();
  return unwrap(result);
}

export function on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return window.rehearse.on(event, listener);
}

/**
 * The field a refusal names (an invalid value, or one that clashes with what is stored), so a form can put
 * the message next to the right control.
 */
export function fieldOf(err: unknown): string | undefined {
  if (err instanceof RehearseError) {
    const field = err.details?.field;
    return typeof field === 'string' ? field : undefined;
  }
  return undefined;
}

export function messageOf(err: unknown): string {
  if (err instanceof RehearseError) return err.message;
  return 'Something went wrong. Please try again.';
}

export { RehearseError };

/** Whether a model provider is set up and answering, so optional model work is worth starting. */
export async function modelAvailable(): Promise<boolean> {
  const status = await call('ai.status', {}).catch(() => null);
  return Boolean(status?.providers.some((p) => p.configured && p.health === 'ok'));
}

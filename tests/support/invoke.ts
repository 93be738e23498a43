import type { ChannelInput, ChannelName, ChannelOutput } from '../../src-shared/contract';
import type { Runtime } from '../../src-main/core/runtime';

/** A channel's value, or an error naming the channel, code and message: for tests and benches alike. */
export async function ok<C extends ChannelName>(
  runtime: Pick<Runtime, 'invoke'>,
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const result = await runtime.invoke(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
  return result.value as ChannelOutput<C>;
}

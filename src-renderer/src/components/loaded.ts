import { useCallback, useEffect, useState } from 'react';
import type { ChannelInput, ChannelName, ChannelOutput, EventName } from '../../../src-shared/contract';
import { call, messageOf, on } from '../api';
import { useApp } from '../store';

/** The channels that can be asked with no input. */
type Askable = { [C in ChannelName]: Record<string, never> extends ChannelInput<C> ? C : never }[ChannelName];

/**
 * What a channel says when the screen opens, asked again whenever `changed` fires or `reload` is called;
 * undefined until the first answer. A failure is told as an error notice and leaves the last answer shown.
 */
export function useLoaded<C extends Askable>(channel: C, changed?: EventName) {
  const notify = useApp((s) => s.notify);
  const [value, setValue] = useState<ChannelOutput<C>>();
  const reload = useCallback(
    () =>
      call(channel, {} as ChannelInput<C>).then(setValue, (err: unknown) => notify('error', messageOf(err))),
    [channel, notify],
  );
  useEffect(() => {
    void reload();
    return changed ? on(changed, () => void reload()) : undefined;
  }, [reload, changed]);
  return [value, setValue, reload] as const;
}

import { useCallback, useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import type { ChannelInput, ChannelName, ChannelOutput, DataKind } from '../../../shared/contract';
import { useApp } from '../store/useApp';
import { useClient } from './useClient';
import { useContractEvent } from './useContractEvent';

export interface Loaded<K extends ChannelName> {
  /** Undefined until the first answer; a failed reload keeps the last good one. */
  data: ChannelOutput<K> | undefined;
  /** For actions that answer with the new value (saving returns what was saved). */
  setData: Dispatch<SetStateAction<ChannelOutput<K> | undefined>>;
  /** Asks again; settles once the answer is in or dropped as stale. */
  reload(): Promise<void>;
  /** The last answer was a failure (shown in the banner): the screen offers to try again instead of "Loading…" for ever. */
  failed: boolean;
}

export interface LoadOptions<K extends ChannelName> {
  /** Runs after each answer is stored, e.g. to fill a form from it. */
  onLoad?(value: ChannelOutput<K>): void;
  /** A failure is not worth the banner (something optional the screen does without): only `failed` tells. */
  quiet?: boolean;
  /**
   * Asks again when a change touches these (the core's 'data.changed', from any window, the Local
   * API or a run), so the view follows without a reload. Never on a form's source: it would overwrite typing.
   */
  follow?: readonly DataKind[];
}

/**
 * What a view shows from one channel: loaded on mount and again whenever `input` changes. Failures go
 * to the app's banner. An answer overtaken by a newer request, or arriving after unmount, is dropped.
 */
export function useContract<K extends ChannelName>(name: K, input: ChannelInput<K>, options: LoadOptions<K> = {}): Loaded<K> {
  const client = useClient();
  const report = useApp((s) => s.report);
  const [data, setData] = useState<ChannelOutput<K>>();
  const [failed, setFailed] = useState(false);
  const latest = useRef(0);
  // The latest callback, without reloading when the caller passes a new one each render.
  const onLoad = useRef(options.onLoad);
  const quiet = options.quiet ?? false;
  useEffect(() => {
    onLoad.current = options.onLoad;
  });
  // Inputs are plain JSON (the HTTP bridge sends them as such), so comparing their text spares every caller a useMemo.
  const key = JSON.stringify(input);

  const reload = useCallback(async () => {
    const request = ++latest.current;
    // Trying again reads as loading again, not as the failure still standing.
    setFailed(false);
    const result = await client.invoke(name, JSON.parse(key) as ChannelInput<K>);
    if (request !== latest.current) return;
    setFailed(!result.ok);
    if (!result.ok) {
      if (!quiet) report(result);
      return;
    }
    setData(result.value);
    onLoad.current?.(result.value);
  }, [client, name, key, report, quiet]);

  useEffect(() => {
    void reload();
    return () => {
      latest.current += 1;
    };
  }, [reload]);

  const follow = options.follow;
  useContractEvent('data.changed', (change) => {
    if (follow?.some((kind) => change.kinds.includes(kind))) void reload();
  });

  return { data, setData, reload, failed };
}

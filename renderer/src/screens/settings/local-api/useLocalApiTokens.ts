import { useState } from 'react';
import type { ChannelInput, ChannelOutput } from '../../../../../shared/contract';
import { useClient } from '../../../hooks/useClient';
import { useContract } from '../../../hooks/useContract';
import { useApp } from '../../../store/useApp';

type Made = ChannelOutput<'localApi.createToken'>;

/** The Local API's tokens: listed without their secret; a new or replaced one is shown once to copy. */
export function useLocalApiTokens() {
  const client = useClient();
  const report = useApp((s) => s.report);
  const { data: tokens, setData: setTokens } = useContract('localApi.tokens', {});
  const [shown, setShown] = useState<{ token: string; name: string }>();
  const [copied, setCopied] = useState(false);

  const refresh = async () => {
    const result = await client.invoke('localApi.tokens', {});
    if (report(result)) setTokens(result.value);
  };
  const show = async (made: Made) => {
    setShown({ token: made.token, name: made.info.name });
    setCopied(false);
    await refresh();
  };
  /** True when the token was made (the form then empties). */
  const create = async (input: ChannelInput<'localApi.createToken'>): Promise<boolean> => {
    const result = await client.invoke('localApi.createToken', input);
    if (!report(result)) return false;
    await show(result.value);
    return true;
  };
  const rotate = async (id: string) => {
    const result = await client.invoke('localApi.rotate', { id });
    if (report(result)) await show(result.value);
  };
  const revoke = async (id: string) => {
    const result = await client.invoke('localApi.revoke', { id });
    if (report(result)) setTokens(result.value);
  };
  const copy = async () => {
    if (shown) await navigator.clipboard?.writeText(shown.token).catch(() => undefined);
    setCopied(true);
  };

  return { tokens, shown, copied, create, rotate, revoke, copy, dismiss: () => setShown(undefined) };
}

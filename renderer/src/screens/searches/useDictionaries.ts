import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../../shared/contract';
import { useClient } from '../../hooks/useClient';

/**
 * hh.ru's filter dictionaries, or null when they cannot be read. Not an error worth a banner: on the
 * website path there are none, and the form offers the known values instead.
 */
export function useDictionaries(): ChannelOutput<'hh.dictionaries'> | null | undefined {
  const client = useClient();
  const [dictionaries, setDictionaries] = useState<ChannelOutput<'hh.dictionaries'> | null>();
  useEffect(() => {
    let live = true;
    void client.invoke('hh.dictionaries', {}).then((result) => live && setDictionaries(result.ok ? result.value : null));
    return () => {
      live = false;
    };
  }, [client]);
  return dictionaries;
}

import { useEffect, useEffectEvent } from 'react';
import type { EventName, EventPayload } from '../../../shared/contract';
import { useClient } from './useClient';

/** Listens to one event from main for as long as the component is shown. */
export function useContractEvent<K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void) {
  const client = useClient();
  const onEvent = useEffectEvent(listener);
  useEffect(() => client.on(name, (payload) => onEvent(payload)), [client, name]);
}

import { useCallback, useRef, useState } from 'react';

/** Runs one async action at a time under a key; `pending(key)` drives the progress text and the disabled state. */
export function usePending() {
  const running = useRef(new Set<string>());
  const [keys, setKeys] = useState<ReadonlySet<string>>(() => new Set());
  const run = useCallback(async <T>(key: string, action: () => Promise<T>): Promise<T | undefined> => {
    if (running.current.has(key)) return undefined;
    running.current.add(key);
    setKeys(new Set(running.current));
    try {
      return await action();
    } finally {
      running.current.delete(key);
      setKeys(new Set(running.current));
    }
  }, []);
  return { run, pending: (key: string) => keys.has(key) };
}

import {
  httpEventsPath,
  httpInvokePath,
  type ChannelInput,
  type ChannelName,
  type ChannelOutput,
  type DesktopApi,
  type EventName,
  type EventPayload,
  type Result,
} from '../../../shared/contract';

/** What screens use to talk to main: the contract, whichever shell carries it. */
export type ContractClient = DesktopApi & { readonly transport: 'ipc' | 'http' };

declare global {
  interface Window {
    api?: DesktopApi;
  }
}

const networkFailure = (): Result<never> => ({
  ok: false,
  error: { code: 'internal', message: 'The app core did not answer. Is the headless server still running?' },
});

/** Inside Electron: preload's window.api. */
export const ipcClient = (api: DesktopApi): ContractClient => ({
  transport: 'ipc',
  invoke: (name, input) => api.invoke(name, input),
  on: (name, listener) => api.on(name, listener),
});

/**
 * In an ordinary browser against the headless core. Events come over one server-sent-events stream
 * read with fetch (EventSource cannot send the bearer token), reconnecting after a drop.
 */
export function httpClient(baseUrl: string, token: string, fetchImpl: typeof fetch = fetch.bind(globalThis)): ContractClient {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let streaming = false;

  const deliver = (block: string) => {
    let name = '';
    let data = '';
    for (const line of block.split('\n')) {
      if (line.startsWith('event: ')) name = line.slice(7);
      else if (line.startsWith('data: ')) data += line.slice(6);
    }
    if (!name || !data) return;
    const payload = JSON.parse(data) as unknown;
    listeners.get(name as EventName)?.forEach((listener) => listener(payload));
  };

  const stream = async () => {
    let delay = 500;
    for (;;) {
      try {
        const res = await fetchImpl(`${baseUrl}${httpEventsPath}`, { headers: { Authorization: `Bearer ${token}` } });
        if (!res.ok || !res.body) throw new Error(String(res.status));
        delay = 500;
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            deliver(buffer.slice(0, end));
            buffer = buffer.slice(end + 2);
          }
        }
      } catch {
        // fall through to a delayed reconnect
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 10_000);
    }
  };

  return {
    transport: 'http',
    async invoke<K extends ChannelName>(name: K, input: ChannelInput<K>): Promise<Result<ChannelOutput<K>>> {
      try {
        const res = await fetchImpl(`${baseUrl}${httpInvokePath(name)}`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(input ?? {}),
        });
        return (await res.json()) as Result<ChannelOutput<K>>;
      } catch {
        return networkFailure();
      }
    },
    on<K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void) {
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set);
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      if (!streaming) {
        streaming = true;
        void stream();
      }
      return () => set.delete(wrapped);
    },
  };
}

const TOKEN_KEY = 'aaa.headless.token';

/** Picks the transport: preload's bridge in Electron, otherwise HTTP with the token from the address. */
export function connect(win: Window = window): ContractClient | { error: 'no-token' } {
  if (win.api) return ipcClient(win.api);
  const fromHash = new URLSearchParams(win.location.hash.slice(1)).get('token');
  if (fromHash) {
    win.sessionStorage.setItem(TOKEN_KEY, fromHash);
    // Keep the token out of history, bookmarks and screenshots of the address bar.
    win.history.replaceState(null, '', win.location.pathname + win.location.search);
  }
  const token = fromHash ?? win.sessionStorage.getItem(TOKEN_KEY);
  if (!token) return { error: 'no-token' };
  return httpClient(win.location.origin, token);
}

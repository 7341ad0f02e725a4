import { contextBridge, ipcRenderer } from 'electron';
import { ipcEventChannel, ipcInvokeChannel, type DesktopApi } from '../shared/contract/transport';

/**
 * The renderer's only door to main: invoke a contract channel, or listen to a contract event.
 * Every name is confined to the contract's IPC prefixes (main answers only the channels the
 * contract lists), and listeners never see the IPC event object: it would hand the page `sender`.
 */
const NAME = /^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)*$/;

const checkName = (name: unknown): string => {
  if (typeof name !== 'string' || !NAME.test(name)) throw new TypeError(`Not a contract name: ${String(name)}`);
  return name;
};

const api: DesktopApi = {
  invoke: async (name, input) => ipcRenderer.invoke(ipcInvokeChannel(checkName(name) as typeof name), input),
  on: (name, listener) => {
    const channel = ipcEventChannel(checkName(name) as typeof name);
    const wrapped = (_event: unknown, payload: unknown) => listener(payload as never);
    ipcRenderer.on(channel, wrapped);
    return () => {
      ipcRenderer.removeListener(channel, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('api', api);

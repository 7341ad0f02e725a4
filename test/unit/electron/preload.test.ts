import { beforeAll, describe, expect, it } from 'vitest';
import { contextBridge, ipcRenderer } from '../../fakes/electron';
import type { DesktopApi } from '../../../shared/contract';

let api: DesktopApi;

beforeAll(async () => {
  await import('../../../preload/index');
  api = contextBridge.exposed.get('api') as DesktopApi;
});

describe('preload', () => {
  it('exposes exactly one object with invoke and on', () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['api']);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
  });

  it('invokes only contract-prefixed channels', async () => {
    await api.invoke('app.info', {});
    expect(ipcRenderer.invocations.at(-1)).toEqual({ channel: 'contract:app.info', input: {} });
    await expect(api.invoke('../evil' as never, {} as never)).rejects.toThrow(/Not a contract name/);
  });

  it('hands listeners the payload only, never the IPC event', () => {
    const received: unknown[][] = [];
    const off = api.on('automation.changed', (...args: unknown[]) => received.push(args));
    const event = { sender: ipcRenderer, senderFrame: {} };
    ipcRenderer.emit('event:automation.changed', event, { paused: true, changedAt: '2026-01-01T00:00:00.000Z' });
    expect(received).toEqual([[{ paused: true, changedAt: '2026-01-01T00:00:00.000Z' }]]);
    off();
    ipcRenderer.emit('event:automation.changed', event, { paused: false });
    expect(received).toHaveLength(1);
  });
});

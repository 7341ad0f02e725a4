import type { IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron';
import { channelNames, ipcInvokeChannel, type Result } from '../../shared/contract';
import type { Core } from '../core';
import { AppError } from '../core/errors';
import { isAppUrl } from './security';

/**
 * Only the top frame of the app's own renderer may call main. A frame from elsewhere (an iframe, a
 * page that navigated away, another window) is refused before its input is even parsed.
 */
export function isTrustedSender(frame: WebFrameMain | null | undefined, trustedOrigins: readonly string[]): boolean {
  if (!frame) return false;
  if (frame.parent !== null) return false;
  return isAppUrl(frame.url, trustedOrigins);
}

const forbidden: Result<never> = {
  ok: false,
  error: new AppError('forbidden_sender', 'This request did not come from the app window and was refused.').toValue(),
};

export function registerHandlers(ipcMain: IpcMain, core: Pick<Core, 'invoke'>, trustedOrigins: readonly string[]): () => void {
  for (const name of channelNames) {
    ipcMain.handle(ipcInvokeChannel(name), async (event: IpcMainInvokeEvent, input: unknown) => {
      if (!isTrustedSender(event.senderFrame, trustedOrigins)) return forbidden;
      return core.invoke(name, input);
    });
  }
  return () => channelNames.forEach((name) => ipcMain.removeHandler(ipcInvokeChannel(name)));
}

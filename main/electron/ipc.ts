import type { BrowserWindow, IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron';
import { channelNames, ipcEventChannel, ipcInvokeChannel, type Result } from '../../shared/contract';
import type { Core } from '../core';
import { AppError } from '../core/errors';
import type { Logger } from '../core/ports';
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

/** Where a refused call came from, without the path or query (a foreign page's address may carry anything). */
const originOf = (frame: WebFrameMain | null | undefined): string => {
  if (!frame) return 'no frame';
  try {
    const url = new URL(frame.url);
    return `${url.protocol}//${url.host}`;
  } catch {
    return 'unreadable address';
  }
};

export function registerHandlers(
  ipcMain: IpcMain,
  core: Pick<Core, 'invoke'>,
  trustedOrigins: readonly string[],
  log?: Logger,
): () => void {
  for (const name of channelNames) {
    ipcMain.handle(ipcInvokeChannel(name), async (event: IpcMainInvokeEvent, input: unknown) => {
      if (!isTrustedSender(event.senderFrame, trustedOrigins)) {
        // A refusal is a sign something is wrong (a page that should not reach main did): keep a trace.
        log?.warn('refused a call from outside the app window', {
          channel: name,
          from: originOf(event.senderFrame),
          subframe: Boolean(event.senderFrame?.parent),
        });
        return forbidden;
      }
      return core.invoke(name, input);
    });
  }
  return () => channelNames.forEach((name) => ipcMain.removeHandler(ipcInvokeChannel(name)));
}

/**
 * The core's events go to the app's own window only: never to an hh.ru window, whose page could
 * read what the app knows about the user's applications and chats.
 */
export function forwardEvents(core: Pick<Core, 'events'>, mainWindow: () => BrowserWindow | undefined): () => void {
  return core.events.onAny((name, payload) => {
    const window = mainWindow();
    if (window && !window.isDestroyed()) window.webContents.send(ipcEventChannel(name), payload);
  });
}

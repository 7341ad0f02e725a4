import { z } from 'zod';
import { exportResultSchema } from './builder';
import { none, type ChannelSpecs } from './spec';

/**
 * What "Open the logs folder" did: opened it on the user's screen; could not, because the app runs
 * as a server and the screen is elsewhere (the browser mode); or the system refused. The path is
 * always given, so the user can find the folder by hand.
 */
export const openLogsResultSchema = z.object({
  path: z.string(),
  outcome: z.enum(['opened', 'cannot_open_here', 'failed']),
});
export type OpenLogsResult = z.infer<typeof openLogsResultSchema>;

/** Settings → About: the app's log for the user to find, and a report (a zip, secrets removed) for support. */
export const supportChannels = {
  'support.openLogs': { input: none, output: openLogsResultSchema },
  /** Saved through the desktop's save dialog, or handed to the browser to download (like exports). */
  'support.saveReport': { input: none, output: exportResultSchema },
} as const satisfies ChannelSpecs;

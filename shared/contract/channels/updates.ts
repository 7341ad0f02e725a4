import { z } from 'zod';
import { appErrorSchema } from '../errors';
import { none, type ChannelSpecs } from './spec';

/**
 * Where the app's own update stands. `idle` and `disabled` are the resting phases (automatic
 * updates on or off); `unsupported` is a build that cannot replace itself (the browser mode, a
 * run from the source folder).
 */
export const updatePhases = ['idle', 'checking', 'available', 'downloading', 'downloaded', 'error', 'disabled', 'unsupported'] as const;
export type UpdatePhase = (typeof updatePhases)[number];

/** Why this copy of the app cannot update itself: the browser mode, a run from source, or a package the updater cannot replace. */
export const unsupportedReasons = ['browser', 'not_packaged', 'not_installable'] as const;

export const updateStateSchema = z.object({
  phase: z.enum(updatePhases),
  /** The user's switch: check every day and download in the background. Check now works either way. */
  auto: z.boolean(),
  currentVersion: z.string(),
  /** The newer version found (available, downloading, downloaded), else null. */
  version: z.string().nullable(),
  /** How much of it is downloaded, 0-100, while downloading. */
  percent: z.number().min(0).max(100).nullable(),
  /** The last time the update server answered. */
  checkedAt: z.string().datetime().nullable(),
  /** When the app checks by itself next; null while automatic updates are off or a check is under way. */
  nextCheckAt: z.string().datetime().nullable(),
  /** The user pressed Restart now: the app restarts as soon as no letter is on its way to hh.ru. */
  restartPending: z.boolean(),
  /** Letters on their way to hh.ru right now: a restart waits for their answers. */
  sending: z.number().int().min(0),
  /** What went wrong (phase `error`), in words the user can act on. */
  error: appErrorSchema.nullable(),
  unsupportedReason: z.enum(unsupportedReasons).nullable(),
});
export type UpdateState = z.infer<typeof updateStateSchema>;

/** Settings → Updates (desktop app only; the browser mode answers `unsupported`). */
export const updatesChannels = {
  'updates.get': { input: none, output: updateStateSchema },
  /** Asks the update server now; a newer version downloads in the background. */
  'updates.check': { input: none, output: updateStateSchema },
  'updates.setAuto': { input: z.object({ auto: z.boolean() }).strict(), output: updateStateSchema },
  /** Restarts into the downloaded version once no letter is being sent (at once when none is). */
  'updates.restart': { input: none, output: updateStateSchema },
} as const satisfies ChannelSpecs;

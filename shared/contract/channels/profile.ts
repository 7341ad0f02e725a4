import { z } from 'zod';
import { profileSchema } from '../../domain/profile';
import { none, type ChannelSpecs } from './spec';

/** The user's own name and contacts, which every letter ends with. */
export const profileChannels = {
  'profile.get': { input: none, output: profileSchema },
  'profile.set': { input: profileSchema.strict(), output: profileSchema },
  /** The resume letters are written with when none is named (the first one until the user picks). */
  'profile.resume': { input: none, output: z.object({ resumeHhId: z.string().nullable() }) },
  'profile.setResume': { input: z.object({ resumeHhId: z.string().trim().min(1).max(100) }).strict(), output: z.object({ resumeHhId: z.string().nullable() }) },
} as const satisfies ChannelSpecs;

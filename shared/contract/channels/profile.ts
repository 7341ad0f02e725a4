import { profileSchema } from '../../domain/profile';
import { none, type ChannelSpecs } from './spec';

/** The user's own name and contacts, which every letter ends with. */
export const profileChannels = {
  'profile.get': { input: none, output: profileSchema },
  'profile.set': { input: profileSchema.strict(), output: profileSchema },
} as const satisfies ChannelSpecs;

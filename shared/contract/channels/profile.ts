import { z } from 'zod';
import { profileInputSchema, profileSchema } from '../../domain/profile';
import { resumeFactsSchema } from './hh';
import { none, type ChannelSpecs } from './spec';

const resumeHhId = z.string().trim().min(1).max(100);

/** A resume as letters read it: the facts taken from the copy kept for its current version. */
export const resumeContentSchema = z.object({
  resumeHhId: z.string(),
  title: z.string(),
  /** When this resume last changed as the app saw it on hh.ru. */
  updatedAt: z.string(),
  facts: resumeFactsSchema,
});
export type ResumeContent = z.infer<typeof resumeContentSchema>;

/** The user's own name and contacts, which every letter ends with. */
export const profileChannels = {
  'profile.get': { input: none, output: profileSchema },
  'profile.set': { input: profileInputSchema.strict(), output: profileSchema },
  /** The resume letters are written with when none is named (the first one until the user picks). */
  'profile.resume': { input: none, output: z.object({ resumeHhId: z.string().nullable() }) },
  'profile.setResume': { input: z.object({ resumeHhId }).strict(), output: z.object({ resumeHhId: z.string().nullable() }) },
  /** What letters are written from (the chosen resume when none is named); null without any resume. */
  'profile.resumeContent': {
    input: z.object({ resumeHhId: resumeHhId.nullable().default(null) }).strict(),
    output: resumeContentSchema.nullable(),
  },
  /** Reads the resume list and this resume from hh.ru again, after the user changed it there. */
  'profile.refreshResume': { input: z.object({ resumeHhId }).strict(), output: resumeContentSchema },
} as const satisfies ChannelSpecs;

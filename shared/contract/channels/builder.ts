import { z } from 'zod';
import { interviewLanguageSchema, interviewSchema, interviewSummarySchema } from '../../domain/interview';
import { id, none, pageSchema, paging, type ChannelSpecs } from './spec';

export const exportFormatSchema = z.enum(['pdf', 'docx', 'md', 'txt']);
export type ExportFormat = z.infer<typeof exportFormatSchema>;

/** Where an exported file went: saved through the desktop's save dialog, or handed to the browser to download. */
export const exportResultSchema = z.discriminatedUnion('saved', [
  z.object({ saved: z.literal('file'), path: z.string(), fileName: z.string() }),
  z.object({ saved: z.literal('cancelled') }),
  z.object({ saved: z.literal('download'), fileName: z.string(), mime: z.string(), base64: z.string() }),
]);
export type ExportResult = z.infer<typeof exportResultSchema>;

export const builtResumeForLettersSchema = z.object({ interviewId: id, mode: z.enum(['alongside', 'instead']) });

/** The resume builder: an AI interview, then a Markdown resume the user edits, exports and may give to letters. */
export const builderChannels = {
  'builder.list': { input: z.object({ ...paging }).strict(), output: pageSchema(interviewSummarySchema) },
  'builder.get': { input: z.object({ id }).strict(), output: interviewSchema },
  /** A new interview; from an hh.ru resume, it starts by improving that one. */
  'builder.create': {
    input: z
      .object({
        language: interviewLanguageSchema.default('ru'),
        fromResumeHhId: z.string().trim().min(1).max(100).nullable().default(null),
      })
      .strict(),
    output: interviewSchema,
  },
  /** The user's answer (kept even if the next question fails) and the next question. */
  'builder.answer': {
    input: z.object({ id, text: z.string().trim().min(1, 'Write an answer first').max(4_000) }).strict(),
    output: interviewSchema,
  },
  /** Asks the next question again after a failed attempt. */
  'builder.ask': { input: z.object({ id }).strict(), output: interviewSchema },
  /** Writes the Markdown resume from the answers and checks it against them. */
  'builder.finish': { input: z.object({ id }).strict(), output: interviewSchema },
  /** The user's edit of the resume, checked again. */
  'builder.saveResume': {
    input: z.object({ id, markdown: z.string().trim().min(1, 'The resume is empty').max(50_000) }).strict(),
    output: interviewSchema,
  },
  'builder.delete': { input: z.object({ id }).strict(), output: z.object({ deleted: z.boolean() }) },
  'builder.export': { input: z.object({ id, format: exportFormatSchema }).strict(), output: exportResultSchema },
  /** The built resume letters use, beside the hh.ru resume or instead of it; null: the hh.ru resume alone. */
  'builder.lettersResume': { input: none, output: builtResumeForLettersSchema.nullable() },
  'builder.setLettersResume': {
    input: z.object({ choice: builtResumeForLettersSchema.nullable() }).strict(),
    output: builtResumeForLettersSchema.nullable(),
  },
} as const satisfies ChannelSpecs;

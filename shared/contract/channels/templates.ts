import { z } from 'zod';
import { letterValidationSchema } from '../../domain/letter';
import { letterTemplateInputSchema, letterTemplateSchema } from '../../domain/letter-template';
import { none, type ChannelSpecs } from './spec';

const labVacancySchema = z.discriminatedUnion('source', [
  z.object({ source: z.literal('hh'), idOrUrl: z.string().trim().min(1, 'Paste an hh.ru vacancy link or its number').max(500) }),
  z.object({
    source: z.literal('text'),
    title: z.string().trim().min(1, 'Enter the vacancy title').max(300),
    employer: z.string().trim().max(300).default(''),
    text: z.string().trim().min(20, 'Paste the vacancy text (at least a few sentences)').max(50_000),
  }),
]);

/** Letter templates and the Letter lab (the Templates screen): what shapes every letter, tried on a vacancy before it is used. */
export const templatesChannels = {
  'templates.list': { input: none, output: z.array(letterTemplateSchema) },
  'templates.save': {
    input: z
      .object({ id: z.number().int().optional(), template: letterTemplateInputSchema, makeDefault: z.boolean().default(false) })
      .strict(),
    output: z.array(letterTemplateSchema),
  },
  'templates.delete': { input: z.object({ id: z.number().int() }).strict(), output: z.array(letterTemplateSchema) },
  'templates.try': {
    input: z
      .object({
        vacancy: labVacancySchema,
        resumeHhId: z.string().max(100).nullable().default(null),
        templateId: z.number().int().nullable().default(null),
        /** Unsaved edits in the lab win over the template's. */
        instruction: z.string().trim().max(5_000).optional(),
        tone: z.string().trim().max(200).optional(),
        maxLength: z.number().int().min(100).max(10_000).optional(),
      })
      .strict(),
    output: z.object({
      letter: z.string(),
      prompt: z.string(),
      validation: letterValidationSchema,
      usage: z.object({ promptTokens: z.number(), completionTokens: z.number(), totalTokens: z.number() }),
      model: z.string(),
      source: z.enum(['ai', 'template']),
      vacancyTitle: z.string(),
    }),
  },
} as const satisfies ChannelSpecs;

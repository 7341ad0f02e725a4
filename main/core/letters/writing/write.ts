import type { Profile } from '../../../../shared/domain';
import type { LetterLanguage, LetterValidation } from '../../../../shared/domain/letter';
import type { TextProvider, Usage } from '../../ai/provider';
import { tidyParagraphs } from '../../ai/text/clean';
import type { ResumeText } from '../../ai/text/resume-facts';
import { vacancyLanguage, type VacancyText } from '../../ai/text/vacancy-text';
import { cleanLetterBody } from './clean';
import { contactsBlock, stripContactSections } from './contacts';
import { DEFAULT_TEMPLATE_TEXT, fillTemplate, templateFields } from './fill-template';
import { DEFAULT_MAX_LENGTH, isDefaultInstruction, type LetterStyle } from './instruction';
import { buildLetterPrompt } from './prompt';
import { validateLetter } from './validate';

export interface WriteLetterInput {
  provider: TextProvider;
  vacancy: VacancyText;
  resume: ResumeText | null;
  profile: Pick<Profile, 'name' | 'telegram' | 'email' | 'phone' | 'links'>;
  /**
   * The user's letter template. With an AI provider its instruction guides the model; in "No AI"
   * mode its instruction IS the letter text, with {placeholders}.
   */
  template?: LetterStyle | null;
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Writing an existing letter again with the AI (the template ignores it: it is filled afresh). */
  rewrite?: { current: string; wish: string };
}

export interface WrittenLetter {
  /** What would be sent: the body, then the contacts block exactly once. */
  letter: string;
  /** The model's (or template's) part alone, cleaned. */
  body: string;
  /** What was sent to the model; in "No AI" mode, the template text used. */
  prompt: string;
  usage: Usage;
  model: string;
  validation: LetterValidation;
  language: LetterLanguage;
  source: 'ai' | 'template';
}

const NO_USAGE: Usage = { promptTokens: 0, completionTokens: 0, totalTokens: 0 };
// Some variety between letters, little enough that the facts stay the resume's.
const LETTER_TEMPERATURE = 0.7;

const withBlock = (body: string, block: string) => [body.trim(), block].filter(Boolean).join('\n\n');

/**
 * The letter with its check worked out when first asked for: drafting checks the kept letter again
 * with its grounding (LetterService.view), so a check here would be done and thrown away.
 */
function withValidation(written: Omit<WrittenLetter, 'validation'>, validate: () => LetterValidation): WrittenLetter {
  let validation: LetterValidation | undefined;
  return Object.defineProperty(written, 'validation', { enumerable: true, get: () => (validation ??= validate()) }) as WrittenLetter;
}

/** One cover letter for one vacancy, validated; it is the caller's job never to send an invalid one. */
export async function writeLetter(input: WriteLetterInput): Promise<WrittenLetter> {
  input.signal?.throwIfAborted();
  return input.provider.kind === 'template' ? fromTemplate(input) : fromModel(input);
}

async function fromModel(input: WriteLetterInput): Promise<WrittenLetter> {
  const { provider, profile, template, signal, timeoutMs } = input;
  const prompt = buildLetterPrompt(input);
  const completion = await provider.complete(prompt.messages, {
    signal,
    timeoutMs,
    maxTokens: prompt.maxTokens,
    temperature: LETTER_TEMPERATURE,
  });
  const body = cleanLetterBody(completion.text, { name: profile.name });
  const letter = withBlock(body, contactsBlock(profile, prompt.language));
  return withValidation(
    { letter, body, prompt: prompt.promptText, usage: completion.usage, model: completion.model, language: prompt.language, source: 'ai' },
    () => validateLetter(letter, { profile, maxLength: template?.maxLength ?? DEFAULT_MAX_LENGTH, finishReason: completion.finishReason }),
  );
}

function fromTemplate(input: WriteLetterInput): WrittenLetter {
  const { vacancy, resume, profile, template } = input;
  const language = vacancyLanguage(vacancy);
  // A template written for a model ("Ты HR-ассистент...") is not a letter; the built-in text is.
  const own = template?.instruction.trim();
  const text = own && !isDefaultInstruction(own) ? own : DEFAULT_TEMPLATE_TEXT[language];
  const fields = templateFields({ vacancy, resume, profile, language });
  const block = fields.contacts ?? '';
  const filled = tidyParagraphs(fillTemplate(text, fields).text);
  // {contacts} puts the block where the user wants it; otherwise it goes last, like an AI letter's.
  const placed = Boolean(block) && filled.includes(block);
  const body = placed ? tidyParagraphs(filled.replace(block, '')) : tidyParagraphs(stripContactSections(filled));
  const letter = placed ? filled : withBlock(body, block);
  return withValidation({ letter, body, prompt: text, usage: NO_USAGE, model: 'template', language, source: 'template' }, () =>
    validateLetter(letter, { profile, maxLength: template?.maxLength ?? DEFAULT_MAX_LENGTH }),
  );
}

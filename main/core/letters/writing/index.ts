export { cleanLetterBody } from './clean';
export { contactsBlock, hasContacts, stripContactSections } from './contacts';
export { DEFAULT_TEMPLATE_TEXT, fillTemplate, templateFields, type FilledTemplate, type TemplateFields } from './fill-template';
export { DEFAULT_INSTRUCTION, DEFAULT_MAX_LENGTH, type LetterStyle } from '../../ai/prompts/letter-instruction';
export { buildLetterPrompt, vacancyLanguage, type LetterPrompt, type LetterPromptInput } from '../../ai/prompts/letter';
export { validateLetter, type LetterValidationOptions } from './validate';
export { writeLetter, type WriteLetterInput, type WrittenLetter } from './write';

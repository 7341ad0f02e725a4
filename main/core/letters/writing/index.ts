export { cleanLetterBody } from './clean';
export { contactsBlock, hasContacts, stripContactSections } from './contacts';
export { DEFAULT_TEMPLATE_TEXT, fillTemplate, templateFields, type FilledTemplate, type TemplateFields } from './fill-template';
export { DEFAULT_INSTRUCTION, DEFAULT_MAX_LENGTH, type LetterStyle } from './instruction';
export { buildLetterPrompt, vacancyLanguage, type LetterPrompt, type LetterPromptInput } from './prompt';
export { validateLetter, type LetterValidationOptions } from './validate';
export { writeLetter, type WriteLetterInput, type WrittenLetter } from './write';

import type { Profile } from '../../../../shared/domain';
import { HH_LETTER_MAX_LENGTH, letterLanguages, type LetterProblem, type LetterValidation } from '../../../../shared/domain/letter';
import { findAiDisclaimer, findMarkdown, findPlaceholders } from '../../ai/text/detectors';
import { contactsBlock, hasContacts } from './contacts';
import { findUnsupportedClaims, type GroundingSources } from '../../ai/text/grounding';

export interface LetterValidationOptions {
  profile: Pick<Profile, 'telegram' | 'email' | 'phone' | 'links'>;
  /** The user's limit from the letter template; hh.ru's 10,000 applies regardless. */
  maxLength?: number;
  /** 'length' when the model stopped at its token cap: the letter ends mid-sentence. */
  finishReason?: 'stop' | 'length';
  /** What the letter may claim; without it, claims are not checked (a letter of its own, no vacancy). */
  grounding?: GroundingSources;
}

const quoteList = (items: string[]) =>
  items
    .slice(0, 3)
    .map((item) => `"${item}"`)
    .join(', ') + (items.length > 3 ? ` and ${items.length - 3} more` : '');

const count = (n: number) => n.toLocaleString('en-US');

/**
 * Every letter passes this before it can be sent, whoever wrote it (a model, a template or the user
 * editing either). A letter with problems is shown with them and never sent.
 */
export function validateLetter(letter: string, options: LetterValidationOptions): LetterValidation {
  const text = letter.replace(/\r\n?/g, '\n');
  const problems: LetterProblem[] = [];
  const add = (code: LetterProblem['code'], message: string) => problems.push({ code, message });

  // Either language's block counts: the user may have rewritten an English vacancy's letter in Russian.
  const blocks = letterLanguages.map((language) => contactsBlock(options.profile, language)).filter(Boolean);
  const block = blocks.find((candidate) => text.includes(candidate));
  const body = (block ? text.replace(block, '') : text).trim();

  if (!body) add('empty', 'The letter is empty: there is no text besides the contacts.');
  if (text.length > HH_LETTER_MAX_LENGTH) {
    add('too_long', `The letter is ${count(text.length)} characters; hh.ru accepts at most ${count(HH_LETTER_MAX_LENGTH)}. Shorten it.`);
  } else if (options.maxLength !== undefined && text.length > options.maxLength) {
    add(
      'over_user_limit',
      `The letter is ${count(text.length)} characters, over your limit of ${count(options.maxLength)}. Shorten it or raise the limit in the letter template.`,
    );
  }
  const placeholders = findPlaceholders(text);
  if (placeholders.length)
    add('placeholder', `The letter has blanks nobody filled in: ${quoteList(placeholders)}. Replace them with real text.`);
  const markdown = findMarkdown(text);
  if (markdown.length)
    add('markdown', `The letter has formatting marks that hh.ru would show as raw characters (${markdown.join(', ')}). Remove them.`);
  const disclaimer = findAiDisclaimer(text);
  if (disclaimer)
    add(
      'ai_disclaimer',
      `The letter has the model talking about itself ("${disclaimer}"). Rewrite that part or generate the letter again.`,
    );
  if (!hasContacts(options.profile)) {
    add(
      'no_contacts_in_profile',
      'Your profile has no contacts, so the letter cannot end with them. Fill in Telegram, email, phone or a portfolio link in Settings → Profile.',
    );
  } else if (!block) {
    add('missing_contacts', `The letter lacks your contacts block, or it was changed. Add it back exactly like this:\n${blocks[0]}`);
  }
  if (options.finishReason === 'length')
    add('cut_off', 'The model stopped before finishing the letter, so it ends mid-sentence. Generate it again or raise the length limit.');
  const unsupported = options.grounding && body ? findUnsupportedClaims(body, options.grounding) : [];
  return { ok: problems.length === 0, problems, unsupported };
}

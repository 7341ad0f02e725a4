import type { LetterTemplate } from '../../../../shared/domain';
import type { LetterLanguage } from '../../../../shared/domain/letter';

/** What the user controls about AI letters: a template's instruction, tone and length cap. */
export type LetterStyle = Pick<LetterTemplate, 'instruction' | 'tone' | 'maxLength'>;

export const DEFAULT_MAX_LENGTH = 2_000;

/**
 * The original design's letter prompt, with the language left to the rules below so that an
 * English vacancy gets an English letter.
 */
export const DEFAULT_INSTRUCTION: Record<LetterLanguage, string> = {
  ru:
    'Ты HR-ассистент. Напиши профессиональное сопроводительное письмо для отклика на вакансию. ' +
    'Используй информацию о кандидате и вакансии: покажи, чем опыт и навыки кандидата полезны именно этой компании на этой позиции. ' +
    'Письмо должно быть кратким (3-4 абзаца), профессиональным и конкретным, без общих фраз.',
  en:
    'You are an HR assistant. Write a professional cover letter for a job application. ' +
    "Use the candidate's and the vacancy's details: show how the candidate's experience and skills help this company in this role. " +
    'The letter must be short (3-4 paragraphs), professional and specific, with no generic phrases.',
};

export const isDefaultInstruction = (text: string): boolean => Object.values(DEFAULT_INSTRUCTION).some((known) => known === text.trim());

/**
 * Rules the app adds after the user's instruction, whatever it says: they are what validation checks,
 * so a custom instruction cannot talk the model into a letter that will be refused.
 */
export function letterRules(options: { language: LetterLanguage; bodyLimit: number; name: string; tone: string }): string {
  const { language, bodyLimit, name, tone } = options;
  if (language === 'ru') {
    return [
      'Правила:',
      '- Пиши на русском языке (язык вакансии).',
      `- Длина письма: не больше ${bodyLimit} знаков.`,
      tone && `- Тон: ${tone}.`,
      '- Только обычный текст: без Markdown (никаких **, #, ```), без заголовка и темы письма.',
      '- Опирайся только на факты из резюме; не выдумывай опыт, компании, цифры и навыки.',
      '- Не пиши контакты (телефон, почту, Telegram, ссылки): приложение добавит их само после письма.',
      '- Не оставляй заполнителей вроде [Ваше имя] или {компания}.',
      name ? `- Подпишись так: «С уважением, ${name}».` : '- Не добавляй подпись с именем.',
      '- Ответь только текстом письма, без пояснений до или после.',
    ]
      .filter(Boolean)
      .join('\n');
  }
  return [
    'Rules:',
    "- Write in English (the vacancy's language).",
    `- Length: at most ${bodyLimit} characters.`,
    tone && `- Tone: ${tone}.`,
    '- Plain text only: no Markdown (no **, #, ```), no title or subject line.',
    '- Use only facts from the resume; never invent experience, companies, numbers or skills.',
    '- Do not write contact details (phone, email, Telegram, links): the app adds them after the letter.',
    '- Leave no placeholders such as [Your Name] or {company}.',
    name ? `- Sign off as "Best regards, ${name}".` : '- Do not add a signature with a name.',
    '- Answer with the letter text only, nothing before or after it.',
  ]
    .filter(Boolean)
    .join('\n');
}

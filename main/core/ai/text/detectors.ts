import { normalizeForMatch, wordsRegex } from './normalize';

/**
 * Finders for what must never reach an employer: blanks left for a human to fill, Markdown that
 * hh.ru would show as raw characters, and a model talking about itself. Each returns what it found,
 * so the user sees the exact text to fix.
 */

const PLACEHOLDER_PATTERNS: RegExp[] = [
  // {company}, {{name}}
  /\{[^{}\n]{1,60}\}/gu,
  // [Ваше имя], [Name]; not a Markdown link's [text](url), which the Markdown check reports.
  /\[(?=[^\]\n]*\p{L})[^[\]\n]{1,60}\](?!\()/gu,
  // <должность>, <Company>; "опыт < 3 лет" has a space after "<" and is not one.
  /<(?!https?:|mailto:)(?=[^>\n]*\p{L})[^<>\s@][^<>\n@]{0,60}>/gu,
  // %name%
  /%[\p{L}_]{2,30}%/gu,
  // XXX / ХХХ (Cyrillic) and ___ blanks.
  /(?<![\p{L}\p{N}])(?:[XxХх]{3,}|_{3,})(?![\p{L}\p{N}])/gu,
];

export function findPlaceholders(text: string): string[] {
  const found = new Set<string>();
  for (const pattern of PLACEHOLDER_PATTERNS) {
    for (const match of text.matchAll(pattern)) found.add(match[0]);
  }
  return [...found];
}

// "- " and "• " bullets and numbered lists read as plain text and the contacts block itself uses
// "- ", so they are allowed; "* " bullets are a Markdown habit that hh.ru shows as a bare asterisk.
const MARKDOWN_PATTERNS: { pattern: RegExp; name: string }[] = [
  { pattern: /```/, name: '``` code block' },
  { pattern: /\*\*[^*\n]+\*\*/, name: '**bold**' },
  { pattern: /(^|\s)__[^_\n]+__(?=$|[\s.,!?:;])/m, name: '__bold__' },
  { pattern: /^[ \t]*#{1,6}[ \t]+\S/m, name: '# heading' },
  { pattern: /^[ \t]*\*[ \t]+\S/m, name: '* bullet' },
  { pattern: /(^|\s)\*[^*\s][^*\n]*\*(?=$|[\s.,!?:;])/m, name: '*italic*' },
  { pattern: /\[[^\]\n]+\]\((?:https?:|mailto:|www\.)[^)\s]*\)/, name: '[link](url)' },
  { pattern: /`[^`\n]+`/, name: '`code`' },
  { pattern: /^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*\|/m, name: 'table' },
  { pattern: /^[ \t]*(?:-{3,}|\*{3,}|_{3,})[ \t]*$/m, name: 'horizontal rule' },
];

export function findMarkdown(text: string): string[] {
  return MARKDOWN_PATTERNS.filter(({ pattern }) => pattern.test(text)).map(({ name }) => name);
}

// Each needs context, not just a word: "технологии, как ИИ и ML" and "я не могу не отметить" are
// ordinary letter phrases; "Как ИИ, я..." and "я не могу написать письмо" are a model's refusal.
const DISCLAIMER_PATTERNS: RegExp[] = [
  wordsRegex('как (?:большая )?языковая модель'),
  // Not followed by a hyphen: "я ИИ-инженер" is a job title.
  /(?<![\p{L}\p{N}])(?:я|будучи|являясь) (?:всего лишь |лишь |просто )?(?:[—-] )?(?:являюсь )?(?:ии|ai|искусственн(?:ый|ым) интеллект(?:ом)?|(?:большая |большой )?языков(?:ая|ой) модель(?:ю)?|нейросет(?:ь|ью)|чат-бот(?:ом)?|виртуальн(?:ый|ым) ассистент(?:ом)?)(?![\p{L}\p{N}-])/u,
  /(?:^|[.!?] ?)как (?:ии|ai|искусственный интеллект)\s*[,—-]/mu,
  wordsRegex(
    '(?:я|к сожалению,? я) не (?:могу|имею возможности|в состоянии) (?:написать|составить|создать|сгенерировать|выполнить|помочь|предоставить|ответить|знать)',
  ),
  wordsRegex('к сожалению,? я не могу'),
  wordsRegex('у меня нет (?:доступа к|информации о) (?:вашем|вашей|вашему|вашим|ваших|конкретн)'),
  // "As an AI engineer" and "I am an AI researcher" are job titles, not disclaimers.
  /\bas an ai(?:,| language model\b| model\b| assistant\b| chatbot\b)/u,
  /\bas a (?:large )?language model\b/u,
  /\bi(?:'m| am) (?:just |only )?(?:an ai|an artificial intelligence|a (?:large )?language model|a chatbot|an ai assistant)(?![\w-]| (?:engineer|developer|researcher|specialist|enthusiast|product|lead|architect|scientist))/u,
  /\bi (?:cannot|can't|can not|am unable to|'m unable to) (?:write|create|generate|help|assist|provide|fulfill|complete)\b/u,
  /\bi don't have (?:access to|information about) (?:your|the specific)\b/u,
];

export function findAiDisclaimer(text: string): string | undefined {
  // Line by line, so that a sentence at the start of a line counts as a sentence start.
  const normal = text.split('\n').map(normalizeForMatch).join('\n');
  for (const pattern of DISCLAIMER_PATTERNS) {
    const match = normal.match(pattern);
    if (match) return match[0].replace(/^[.!?] ?/, '').trim();
  }
  return undefined;
}

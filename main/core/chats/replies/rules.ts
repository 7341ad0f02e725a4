import type { ChatMessage as HhChatMessage } from '../../../../shared/domain';
import { normalizeForMatch, wordsRegex } from '../../ai/text/normalize';

export const replyKinds = ['bot', 'human', 'rejection', 'invitation'] as const;
export type ReplyKind = (typeof replyKinds)[number];

export interface Classification {
  kind: ReplyKind;
  /** 0-1: how sure the rule or the model is. */
  confidence: number;
  /** One line for the user (and the log): why this kind. */
  reason: string;
  source: 'rules' | 'model' | 'fallback';
}

/** What classification and replies read of a chat message. */
export type IncomingMessage = Pick<HhChatMessage, 'author' | 'text' | 'buttons'>;

const any = (phrases: string[]) => wordsRegex(phrases.join('|'));

// Matched against normalizeForMatch's form: lower case, ё as е, single spaces.
const REJECTION = any([
  'не (?:готовы|можем|сможем) (?:пригласить|предложить|продолжить|рассмотреть)',
  'отказ(?:а|ом|е)?',
  'отклон(?:ил|ила|или|ен|ена|ено)',
  'приняли решение (?:в пользу|продолжить|не продолжать)',
  '(?:выбрали|остановили (?:свой )?выбор на) (?:друго|другом)',
  'продолжить (?:общение|работу|диалог) с другими кандидатами',
  '(?:вакансия|позиция) (?:уже )?(?:закрыта|неактуальна|заполнена)',
  'ваша кандидатура (?:нам )?не',
  'ваш опыт (?:нам )?не подходит',
  'не подходит (?:под|для) (?:этой|данной|нашей)',
  'decided to (?:move forward|proceed|go) with (?:other|another)',
  'not (?:be )?(?:moving|proceeding) forward',
  'position has been filled',
  'will not be (?:proceeding|moving forward)',
  'not a (?:good )?fit',
]);
const WEAK_REJECTION = any(['к сожалению', 'unfortunately']);
const INVITATION = any([
  '(?:приглашаем|пригласим) вас',
  // Employers often drop "вас": "Приглашаем на собеседование".
  '(?:приглашаем|пригласим|приглашаю) (?:вас )?на (?:собеседование|интервью|встречу|созвон|звонок)',
  '(?:хотим|хотели бы|рады|готовы) (?:вас )?пригласить',
  'приглашение на (?:собеседование|интервью|встречу|созвон|техническое)',
  'пригласить вас на',
  'давайте (?:созвонимся|договоримся о|назначим|встретимся)',
  'назначить (?:собеседование|интервью|встречу|созвон)',
  'когда вам (?:было бы )?удобно (?:созвониться|пообщаться|встретиться|провести)',
  'invite you (?:to|for)',
  'invitation (?:to|for) (?:an )?(?:interview|call|meeting)',
  '(?:schedule|set up|arrange) (?:a|an) (?:call|interview|meeting)',
]);
const BOT = any([
  'ответьте на (?:несколько |пару |\\d+ )?(?:вопрос|вопросов|вопроса)',
  'выберите (?:один из |подходящий )?(?:вариант|вариантов|ответ)',
  'нажмите (?:на )?кнопку',
  'автоматическ(?:ое|ий|ая) (?:сообщение|ответ|рассылка|уведомление)',
  'чат-бот',
  'я [—-]? ?бот',
  'виртуальн(?:ый|ая) (?:ассистент|помощник|помощница|рекрутер)',
  'анкет(?:а|у|ы|е)',
  '(?:пройдите|заполните) (?:тест|опрос|анкету|форму)',
  'вопрос \\d+ из \\d+',
  'ответ(?:ы)? (?:будут|будет) (?:переданы|передан|обработаны|обработан)',
  'please answer (?:a few|the following|several) questions',
  'choose (?:one of the )?(?:options|an option|an answer)',
  'this is an automated message',
  "i(?:'m| am) a (?:bot|virtual assistant)",
  'questionnaire',
]);

/**
 * The cheap first pass: clear cases by phrases and buttons, so the model is asked only about the
 * rest. Order matters: a rejection wins over everything; an invitation wins over buttons (choosing an
 * interview slot is the user's call, never the autopilot's); buttons then mean a questionnaire.
 * Undefined means "ask the model".
 */
export function classifyByRules(message: IncomingMessage): Classification | undefined {
  const text = normalizeForMatch(message.text);
  const rule = (kind: ReplyKind, confidence: number, reason: string): Classification => ({ kind, confidence, reason, source: 'rules' });

  const rejection = text.match(REJECTION);
  if (rejection) return rule('rejection', 0.95, `Rejection wording: "${rejection[0]}"`);
  const invitation = text.match(INVITATION);
  if (invitation) return rule('invitation', 0.9, `Invitation wording: "${invitation[0]}"`);
  if (message.buttons.length > 0) return rule('bot', 0.95, `Offers ${message.buttons.length} answer buttons`);
  // "К сожалению" alone is often just bad news about something else; a question keeps it open.
  if (WEAK_REJECTION.test(text) && !text.includes('?'))
    return rule('rejection', 0.6, 'Starts bad news ("к сожалению") without asking anything');
  if (message.author === 'bot') return rule('bot', 0.9, 'hh.ru marks the author as a bot');
  const bot = text.match(BOT);
  if (bot) return rule('bot', 0.8, `Questionnaire wording: "${bot[0]}"`);
  return undefined;
}

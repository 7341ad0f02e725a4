import { RESPONSE_SENT_TEXT, responseFormLocation } from '../core/hh/website/site';

/** Scripts run in a world of their own: hh.ru's page scripts never see the app's code. */
export const ASSIST_WORLD = 1001;

/**
 * The page check every assisted-apply script starts with. The window checks the address before it
 * runs a script, but a navigation can land between that check and the script: the script checks
 * again, inside the page, and does nothing anywhere but this vacancy's response form on hh.ru.
 */
const onResponseForm = (siteUrl: string, vacancyId: string) => {
  const where = responseFormLocation(siteUrl, vacancyId);
  return `location.origin === ${JSON.stringify(where.origin)} && location.pathname === ${JSON.stringify(where.pathname)} && new URLSearchParams(location.search).get('vacancyId') === ${JSON.stringify(where.vacancyId)}`;
};

/**
 * Puts the letter into hh.ru's letter field. The form is React-controlled, so the value is set
 * through the native setter and announced with an input event, as a user's typing would be.
 */
export const fillLetterScript = (letter: string, siteUrl: string, vacancyId: string) => `(() => {
  if (!(${onResponseForm(siteUrl, vacancyId)})) return false;
  const field = document.querySelector('textarea[name="letter"], [data-qa="vacancy-response-popup-form-letter-input"] textarea, textarea[data-qa*="letter"]');
  if (!field) return false;
  const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set;
  setter.call(field, ${JSON.stringify(letter)});
  field.dispatchEvent(new Event('input', { bubbles: true }));
  return true;
})()`;

/** hh.ru's own words once a response went through ("Вы откликнулись"), read on the response form only. */
export const successCheckScript = (siteUrl: string, vacancyId: string) => `(() => {
  if (!(${onResponseForm(siteUrl, vacancyId)})) return false;
  const text = document.body ? document.body.innerText : '';
  return ${RESPONSE_SENT_TEXT.toString()}.test(text);
})()`;

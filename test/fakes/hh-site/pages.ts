/**
 * How the fake hh.ru renders a page: the page state JSON in `<template id="HH-Lux-InitialState">`,
 * HTML-escaped (`&#34;`) as hh.ru does since mid-2026, or raw as before (with `<` written as
 * \u003c, the way server renderers keep a `</template>` inside a string from ending the tag).
 */

export const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&#34;').replace(/'/g, '&#39;');

/** `widgets`: states of the resume front end, each in its own `<template class="ResumeProfileFront-InitialState">` (2026). */
export function statePage(state: unknown, options: { escape: boolean; title?: string; widgets?: unknown[] }): string {
  const encode = (value: unknown) => {
    const json = JSON.stringify(value);
    return options.escape ? escapeHtml(json) : json.replace(/</g, '\\u003c');
  };
  const body = encode(state);
  return [
    '<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8">',
    `<title>${escapeHtml(options.title ?? 'hh.ru')}</title></head>`,
    '<body><div id="HH-React-Root"></div>',
    `<template id="HH-Lux-InitialState" data-fake="true">${body}</template>`,
    ...(options.widgets ?? []).map((widget) => `<template class="ResumeProfileFront-InitialState">${encode(widget)}</template>`),
    '</body></html>',
  ].join('');
}

/** A page whose layout changed: no state template at all. */
export const pageWithoutState = () =>
  '<!DOCTYPE html><html><head><title>hh.ru</title></head><body><div id="HH-React-Root">Новый дизайн</div></body></html>';

/** A state template whose JSON is cut short. */
export const pageWithBrokenState = () =>
  '<!DOCTYPE html><html><body><template id="HH-Lux-InitialState">{&#34;vacancySearchResult&#34;: {&#34;vac</template></body></html>';

export const captchaPageHtml = (backurl: string) =>
  [
    '<!DOCTYPE html><html><head><title>Подтвердите, что вы не робот</title></head><body>',
    `<form method="post" action="/account/captcha?backurl=${encodeURIComponent(backurl)}" data-qa="account-captcha">`,
    '<img src="/captcha/picture" alt=""><input name="captchaText" data-qa="account-captcha-input"><button>Отправить</button>',
    '</form></body></html>',
  ].join('');

export const loginPageHtml = (backurl: string) =>
  [
    '<!DOCTYPE html><html><head><title>Вход</title></head><body>',
    `<form method="post" action="/account/login?backurl=${encodeURIComponent(backurl)}" data-qa="account-login-form">`,
    '<input name="username"><input name="password" type="password"><button>Войти</button></form>',
    '</body></html>',
  ].join('');

export const notFoundHtml = () => '<!DOCTYPE html><html><head><title>Страница не найдена</title></head><body><h1>404</h1></body></html>';

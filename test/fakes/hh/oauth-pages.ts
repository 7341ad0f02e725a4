/**
 * The website half of the fake: tiny HTML pages for /oauth/authorize (login, choose account,
 * consent) and the captcha page. Every page says which step it is in `<body data-page="...">`, and
 * every form posts back with the OAuth parameters as hidden fields, so a real browser, a login
 * window or `fake.completeAuthorization()` can walk through them.
 */

export type AuthorizePage = 'login' | 'choose-account' | 'consent' | 'error';

export interface AuthorizeParams {
  response_type: string;
  client_id: string;
  state?: string;
  redirect_uri?: string;
  force_login?: string;
  skip_choose_account?: string;
}

export const AUTHORIZE_PARAM_NAMES = ['response_type', 'client_id', 'state', 'redirect_uri', 'force_login', 'skip_choose_account'] as const;

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function layout(page: string, title: string, body: string): string {
  return `<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><title>${escapeHtml(title)} | hh.ru (fake)</title></head>
<body data-page="${page}">
<h1>${escapeHtml(title)}</h1>
${body}
</body></html>`;
}

function hidden(params: AuthorizeParams): string {
  return AUTHORIZE_PARAM_NAMES.filter((name) => params[name] !== undefined)
    .map((name) => `<input type="hidden" name="${name}" value="${escapeHtml(params[name]!)}">`)
    .join('\n');
}

function flags(params: AuthorizeParams): string {
  const lines = [];
  if (params.force_login === 'true') lines.push('<p data-flag="force_login">force_login=true: вход заново, даже если вы уже вошли.</p>');
  if (params.skip_choose_account === 'true')
    lines.push('<p data-flag="skip_choose_account">skip_choose_account=true: без вопроса «продолжить как…».</p>');
  return lines.join('\n');
}

export function loginPage(params: AuthorizeParams, options: { appName: string; email?: string; error?: string }): string {
  return layout(
    'login',
    'Вход на hh.ru',
    `<p>Приложение «${escapeHtml(options.appName)}» просит войти.</p>
${flags(params)}
${options.error ? `<p role="alert" data-error>${escapeHtml(options.error)}</p>` : ''}
<form method="post" action="/oauth/authorize">
${hidden(params)}
<label>Эл. почта <input type="email" name="username" value="${escapeHtml(options.email ?? '')}" autocomplete="username"></label>
<label>Пароль <input type="password" name="password" autocomplete="current-password"></label>
<button type="submit" name="action" value="login">Войти</button>
</form>`,
  );
}

export function chooseAccountPage(params: AuthorizeParams, options: { appName: string; userName: string; email: string }): string {
  return layout(
    'choose-account',
    'Продолжить как…',
    `<p>Вы вошли как <strong data-user>${escapeHtml(options.userName)}</strong> (${escapeHtml(options.email)}). Это не вы?</p>
${flags(params)}
<form method="post" action="/oauth/authorize">
${hidden(params)}
<button type="submit" name="action" value="continue">Продолжить как ${escapeHtml(options.userName)}</button>
<button type="submit" name="action" value="switch">Войти под другим пользователем</button>
</form>`,
  );
}

export function consentPage(params: AuthorizeParams, options: { appName: string; userName: string }): string {
  return layout(
    'consent',
    'Разрешить доступ',
    `<p>Приложение «${escapeHtml(options.appName)}» запрашивает доступ к данным пользователя <strong data-user>${escapeHtml(options.userName)}</strong>.</p>
${flags(params)}
<form method="post" action="/oauth/authorize">
${hidden(params)}
<button type="submit" name="action" value="allow">Разрешить</button>
<button type="submit" name="action" value="deny">Отказать</button>
</form>`,
  );
}

export function errorPage(message: string): string {
  return layout('error', 'Ошибка авторизации', `<p role="alert" data-error>${escapeHtml(message)}</p>`);
}

export function captchaPage(state: string, backurl: string | undefined): string {
  return layout(
    'captcha',
    'Подтвердите, что вы не робот',
    `<form method="post" action="/account/captcha">
<input type="hidden" name="state" value="${escapeHtml(state)}">
${backurl ? `<input type="hidden" name="backurl" value="${escapeHtml(backurl)}">` : ''}
<button type="submit">Я не робот</button>
</form>`,
  );
}

export function captchaDonePage(): string {
  return layout('captcha-done', 'Готово', '<p>Капча пройдена. Вернитесь в приложение.</p>');
}

/** The page's step and its form's hidden fields, read back from the HTML above. */
export function readPage(html: string): { page: string; hidden: Record<string, string> } {
  const page = /<body data-page="([^"]+)"/.exec(html)?.[1] ?? 'unknown';
  const hiddenFields: Record<string, string> = {};
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    hiddenFields[match[1]!] = match[2]!
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  }
  return { page, hidden: hiddenFields };
}

/**
 * The spec's rule: a redirect_uri may differ from the registered one only by a subdomain, a longer
 * path, or extra query parameters; scheme, domain and port must match (no port added or removed).
 */
export function redirectUriAllowed(registered: string, given: string): boolean {
  let a: URL;
  let b: URL;
  try {
    a = new URL(registered);
    b = new URL(given);
  } catch {
    return false;
  }
  // new URL() drops a default port (http://example.com:80 -> port ''), so look at the text for an added or removed one.
  const explicitPort = (url: string) => /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*:\d+/i.test(url);
  if (a.protocol !== b.protocol || a.port !== b.port || explicitPort(registered) !== explicitPort(given)) return false;
  if (b.hostname !== a.hostname && !b.hostname.endsWith(`.${a.hostname}`)) return false;
  const base = a.pathname.replace(/\/+$/, '');
  return b.pathname === a.pathname || b.pathname === base || b.pathname.startsWith(`${base}/`);
}

import { AppError } from './errors';
import type { Notices } from './notices';
import type { AutomationSwitch } from './pause';

/** hh.ru's states that stop everything hh.ru-side until the user acts: a captcha or an ended session. */
export const HH_STOPPERS: ReadonlySet<string> = new Set(['hh_captcha', 'hh_login_required', 'hh_signed_out', 'hh_csrf']);

/** The notice the app raises when it paused itself. */
export const STOPPED_NOTICE = 'hh.stopped';

export const isHhStopper = (err: unknown): err is AppError => err instanceof AppError && HH_STOPPERS.has(err.code);

/**
 * Pauses the automation with one notice, the same whichever job met the state (sending, a search,
 * a chat sync, raising): the top bar then says why, and the notice offers "Open the captcha" (with
 * the page hh.ru named) or "Sign in". Returns false for any other error.
 */
export function pauseForHh(deps: { automation: AutomationSwitch; notices: Notices }, err: unknown): boolean {
  if (!isHhStopper(err)) return false;
  const captcha = err.code === 'hh_captcha';
  deps.automation.setPaused(true);
  deps.notices.raise({
    id: STOPPED_NOTICE,
    level: 'warning',
    code: captcha ? 'hh_captcha' : 'hh_login_required',
    message: captcha
      ? 'hh.ru asks for a captcha: the automation is paused until you solve it.'
      : 'hh.ru needs you to sign in again: the automation is paused.',
    params: captcha && err.next?.url ? { url: err.next.url } : {},
    dismissible: true,
  });
  return true;
}

/**
 * The app's own hh.ru window (Electron): hh.ru's real login page in a separate, persistent session.
 * Headless has none; there the user's browser is sent to hh.ru and the server takes the callback.
 */
export interface HhSignInWindow {
  /** OAuth: shows the authorize page; resolves with the redirect to the registered URI, caught before it loads. */
  oauth(input: { authorizeUrl: string; redirectUri: string }): Promise<{ kind: 'redirect'; url: string } | { kind: 'closed' }>;
  /**
   * Website sign-in without an API application: resolves once hh.ru shows the applicant pages and
   * `isSignedIn` (the core's check, through the website pacer) confirms it.
   */
  website(input: { isSignedIn: () => Promise<boolean> }): Promise<{ kind: 'signed_in' } | { kind: 'closed' }>;
  /** Shows a page hh.ru asked for (a captcha) so the user can deal with it in the same session. */
  show(url: string): Promise<void>;
  /**
   * Assisted apply, the path that always remains: hh.ru's own response form with the letter placed
   * in its letter field (and on the clipboard); the user presses hh.ru's button. Resolves 'applied'
   * once hh.ru shows that the response went through, 'closed' if the user closed the window first.
   */
  assistApply(input: { vacancyId: string; letter: string }): Promise<{ kind: 'applied' } | { kind: 'closed' }>;
}

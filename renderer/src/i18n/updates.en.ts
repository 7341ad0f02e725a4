import type { Texts } from './texts';
import type { updatesRu } from './updates.ru';

/** Texts of Settings → About → Updates in English: the same keys as updates.ru.ts. */
export const updatesEn: Texts<typeof updatesRu> = {
  title: 'Updates',
  current: 'Version {{version}} is installed.',
  auto: 'Update automatically',
  autoHint:
    'The app checks for updates at start and once a day and downloads a new version in the background. It installs when you quit the app or press Restart now, and never while a letter is being sent.',
  check: 'Check now',
  restart: 'Restart now',
  phase: {
    idle: 'This is the latest version.',
    disabled: 'Automatic updates are off: the app does not check by itself. Press Check now to check.',
    checking: 'Checking for updates…',
    available: 'Version {{version}} found, downloading…',
    downloading: 'Downloading version {{version}}: {{percent}}%',
    downloaded: 'Version {{version}} is downloaded. It installs when you quit the app, or now with Restart now.',
  },
  checkedAt: 'Last checked: {{at}}.',
  nextCheckAt: 'Next check: {{at}}.',
  waitsForSending:
    "If a letter is being sent at that moment, the app first waits for hh.ru's answer, so no application is lost or sent twice.",
  restartWaiting: 'The restart waits for hh.ru to answer the letters being sent ({{count}}). No new letter is sent before it.',
  restarting: 'Restarting to install version {{version}}…',
  unsupported: {
    browser: 'In the browser mode the app does not update itself: it runs from the source folder; update that with git pull.',
    not_packaged: 'This copy runs from the source folder (npm start): update it with git pull. The installed app updates itself.',
    not_installable:
      "This package cannot replace itself (for example, a Linux build that is neither an AppImage nor a deb). Download the new version from the app's site.",
  },
  errorCodes: {
    update_failed:
      'The update could not be checked or downloaded: the update server did not answer. Check the internet connection and press Check now; with automatic updates on, the app also tries again within an hour.',
    update_refused: 'The downloaded update failed its check, so the app deleted it and installed nothing.',
    update_unavailable: 'Only the installed desktop app has updates.',
    app_closing: 'The app is closing, so the letter was not sent. It waits in Letters and goes after the app starts.',
  },
  notices: {
    update_downloaded:
      'Version {{version}} is downloaded: it installs when you quit the app. To install it now: Settings → About → Restart now.',
  },
};

import type { supportRu } from './support.ru';
import type { Texts } from './texts';

/** Texts of Settings → About → Support in English: the same keys as support.ru.ts. */
export const supportEn: Texts<typeof supportRu> = {
  title: 'Support',
  intro:
    "If something does not work as it should, save a report and send it to support with a few words about the problem. It holds the app's log, versions and settings; never a key, token, password or cookie.",
  openLogs: 'Open the logs folder',
  saveReport: 'Save a report for support',
  saving: 'Putting the report together…',
  logs: {
    opened: 'The logs folder is open: {{path}}',
    cannot_open_here: 'The app runs as a server and cannot open a folder on your screen. The logs are on the server, in {{path}}',
    failed: 'The system did not open the folder. The logs are here: {{path}}',
  },
  report: {
    file: 'The report is saved: {{path}}. Attach this file to your message to support.',
    download: 'The report is downloaded: {{name}}. Attach this file to your message to support.',
    cancelled: 'The report was not saved.',
  },
};

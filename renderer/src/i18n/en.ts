import type { Messages } from './ru';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : T[K] extends readonly string[] ? readonly string[] : Shape<T[K]> };

export const en: Shape<Messages> = {
  app: { title: 'AI Auto Applier', tagline: 'hh.ru applications with cover letters' },
  nav: {
    dashboard: 'Dashboard',
    vacancies: 'Vacancies',
    letters: 'Letters',
    chats: 'Chats',
    searches: 'Searches',
    settings: 'Settings',
  },
  automation: {
    running: 'Automation is running',
    paused: 'Automation is paused',
    pause: 'Pause',
    resume: 'Resume',
    since: 'since {{time}}',
  },
  dashboard: {
    title: 'Dashboard',
    emptyTitle: 'Nothing here yet',
    emptyText: 'Sign in to hh.ru and create your first search: found vacancies, applications, invitations and rejections will show up here.',
    steps: ['Sign in to hh.ru in Settings', 'Create a saved search', 'Review the letters and send applications'],
  },
  vacancies: {
    title: 'Vacancies',
    emptyTitle: 'No vacancies yet',
    emptyText: 'Vacancies appear after a saved search runs for the first time.',
  },
  letters: {
    title: 'Letters',
    emptyTitle: 'No letter drafts',
    emptyText: 'Every matching vacancy gets a letter here: edit it and send it.',
  },
  chats: {
    title: 'Chats',
    emptyTitle: 'No messages',
    emptyText: 'When an employer answers an application, the conversation shows up here with a draft reply.',
  },
  searches: {
    title: 'Searches',
    emptyTitle: 'No saved searches',
    emptyText: 'A search says which vacancies to look for on hh.ru and how often.',
  },
  settings: {
    title: 'Settings',
    language: 'Interface language',
    languageHint: 'Letters are written in the vacancy’s language whatever this setting says.',
    about: 'About',
    version: 'Version {{version}}',
    shell: { electron: 'Desktop app', headless: 'Browser mode (no Electron)' },
    connection: 'Connection to the core',
    ping: 'Check connection',
    pingOk: 'The core answers: {{reply}}',
    theme: 'Appearance',
    themes: { system: 'As in the system', light: 'Light', dark: 'Dark' },
    vault: {
      title: 'Secrets storage',
      persistent: 'hh.ru tokens and API keys are stored encrypted ({{backend}}).',
      memoryOnly: 'hh.ru tokens and API keys are kept in memory only: you will need to sign in again after a restart.',
      acceptWeak: 'Keep secrets on disk anyway, with weak protection (basic_text)',
      problems: {
        keyring_unavailable: 'Your system has no unlocked keyring. Install and unlock GNOME Keyring or KWallet, or accept weak protection below.',
        no_vault_key: 'Set AAA_VAULT_KEY (16 characters or more) so the server keeps secrets between runs.',
        weak_protection_accepted: 'You accepted weak protection: secrets are encrypted with a key stored next to them. Install a keyring to protect them properly.',
      },
    },
    audit: {
      title: 'Activity log',
      hint: 'What the app did on your behalf: tokens, reading your hh.ru data, applications and messages.',
      empty: 'Nothing yet.',
      at: 'When',
      action: 'Action',
      target: 'Target',
      outcome: 'Outcome',
      outcomes: { ok: 'done', failed: 'failed', refused: 'refused' },
      more: 'Show more ({{count}})',
    },
  },
  notices: {
    keyring_unavailable: 'Your system has no unlocked keyring, so hh.ru tokens and API keys are kept in memory only. Install and unlock GNOME Keyring or KWallet, or accept weak protection in Settings.',
    no_vault_key: 'Secrets are kept in memory only: set AAA_VAULT_KEY (16 characters or more) so the server keeps them between runs.',
    database_restored: 'The data file was damaged, so the app opened the latest good backup ({{backup}}). Changes made after it are lost. The damaged file was kept at {{damaged}}.',
    database_save_failed: 'The app cannot save its data ({{reason}}). It keeps trying; check free disk space and folder permissions.',
  },
  languages: { ru: 'Русский', en: 'English' },
  errors: {
    title: 'Something went wrong',
    dismiss: 'Dismiss',
    noToken: 'Open the address the server printed at start (npm run preview): it carries the access key.',
    codes: {
      invalid_input: 'Some values are not valid. Check the highlighted fields.',
      unknown_channel: 'The app asked for an unknown action. Please update the app.',
      forbidden_sender: 'The request did not come from the app window and was refused.',
      unauthorized: 'No access: open the address the server printed.',
      not_found: 'Not found.',
      internal: 'Something went wrong inside the app. The details are in the log; please try again.',
    },
  },
  loading: 'Loading…',
};

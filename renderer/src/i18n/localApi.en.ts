import type { localApiRu } from './localApi.ru';

type Texts<T> = { [K in keyof T]: T[K] extends string ? string : Texts<T[K]> };

/** Texts of Settings → Local API in English: the same keys as localApi.ru.ts. */
export const localApiEn: Texts<typeof localApiRu> = {
  section: 'Local API',
  title: 'Local API',
  intro:
    "The app's actions over HTTP for your own scripts: a task scheduler, your own Telegram bot, a spreadsheet. The API listens on this computer only (127.0.0.1) and accepts only tokens made here. Every change made through the API is written to the activity log with the token's id.",
  enable: 'Turn on the Local API',
  port: 'Port',
  applyPort: 'Apply the port',
  portFixed: "In the browser mode the API answers on the server's own port; choose another when starting the server.",
  state: {
    off: 'Off: no token is accepted.',
    listening: 'Working at {{url}}',
    port_in_use: 'Port {{port}} is taken by another program: choose another.',
    failed: "Could not start on port {{port}}. The details are in the app's log.",
  },
  docs: 'API description',
  docsHint: 'every address with examples; opens in a browser while the API is on.',
  tokens: {
    title: 'Tokens',
    endOnQuit:
      'Secrets are held in memory only right now (no system keyring), so the signing key and every token stop working when the app quits. Turn on secret storage in "Data and privacy" to keep tokens across restarts.',
    none: 'No tokens yet: make the first one for your script.',
    name: 'Name',
    namePlaceholder: 'For example, scheduler',
    scope: 'Rights',
    scopes: { read: 'Read only', write: 'Read and change' },
    expiresInDays: 'Valid for, days',
    create: 'Make a token',
    created: 'made {{at}}',
    expires: 'valid until {{at}}',
    lastUsed: 'last used {{at}}',
    neverUsed: 'never used yet',
    revoked: 'revoked {{at}}',
    expired: 'expired',
    revoke: 'Revoke',
    rotate: 'Replace',
    newTitle: 'New token "{{name}}"',
    newHint: 'Copy it now: the app keeps only its id and will not show it again. Send it in the Authorization header of each request.',
    copy: 'Copy',
    copied: 'Copied',
    done: 'Done, I saved the token',
  },
  activityActions: {
    local_api_call: 'Request through the Local API',
    local_api_setting: 'Local API turned on or off',
    local_api_on: 'Local API turned on',
    local_api_off: 'Local API turned off',
    local_api_token_created: 'Local API token made',
    local_api_token_revoked: 'Local API token revoked',
  },
  errorCodes: {
    conflict: 'This cannot be done any more: things changed (a letter already sent, for example).',
    rate_limited: 'Too many requests with this token. Wait a little and try again.',
  },
};

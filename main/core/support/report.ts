import { arch, homedir, release, type as osType } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import type { HhAccountStatus, Notice } from '../../../shared/contract';
import type { HhPages } from '../../../shared/domain';
import { latestSchemaVersion } from '../db/migrations';
import type { Repositories } from '../db/repositories';
import type { AppIdentity, Clock, PreferenceStore } from '../ports';
import type { ExportedFile } from '../builder/export';
import type { AppEnv, Redactor, VaultStatus } from '../secrets';
import { logsDirOf } from './log-files';
import { readLogs, readPageShapes, type TextFile } from './read-files';
import { zipTextFiles } from './zip';

/** The newest logs a report carries: the whole of app.log and more than one older file, zipped to a few hundred KB. */
const LOGS_CAP_BYTES = 3 * 1024 * 1024;
const SHAPE_CAP_BYTES = 512 * 1024;

/**
 * The saved settings a report carries: the user's choices that change what the app does. Named one
 * by one, so a setting added later that holds personal data (like `hh.account`: the user's name and
 * resumes) stays out until someone decides it belongs here. Secrets are never among them: they live in
 * the vault.
 */
export const REPORTED_SETTINGS = [
  'ai.settings',
  'applying.settings',
  'applying.hhLimitUntil',
  'automation.quietHours',
  'automation.raiseResumes',
  'automation.answerBots',
  'vacancies.retention',
  'localApi',
  'hh.app',
  'hh.refusals',
  'letters.builtResume',
  'chats.sync.complete',
] as const;

export interface ReportDeps {
  identity: AppIdentity;
  clock: Clock;
  dataDir: string;
  preferences: PreferenceStore;
  repositories: Pick<Repositories, 'appSettings'>;
  vaultStatus: () => Promise<VaultStatus>;
  env: AppEnv;
  pages: () => Promise<HhPages>;
  hhStatus: () => Promise<HhAccountStatus>;
  notices: () => Notice[];
  redactor: Pick<Redactor, 'redact' | 'redactText'>;
  /** Tells the redactor every secret the app keeps (stored keys, the hh.ru session's cookies) before the last pass. */
  learnSecrets: () => Promise<void>;
}

const README = `AI Auto Applier: a report for support
======================================

versions.json   the app, Electron/Node and the OS, the database's schema version
settings.json   the app's settings (never a key, token, password or cookie), which environment
                variables are set (their names only), whether hh.ru is signed in (not as whom)
notices.json    the messages the app shows now
hh-pages.json   the last check of hh.ru's pages: which ones the app understood
hh-pages/       the outline (keys only, no values) of each hh.ru page the app did not understand
logs/           the newest part of the app's log

Every file went through the app's redaction before it was zipped: the hh.ru tokens and cookies,
the AI keys, GigaChat credentials, Local API tokens and the app's own client secret are replaced
by [redacted]; your home folder is written as ~. Letters, vacancies, chats and resumes are not
included, but log lines may name a vacancy or an employer.

Отчёт для поддержки AI Auto Applier: версии, настройки без секретов, проверка страниц hh.ru и
последние записи журнала. Токены, ключи, пароли и cookies в него не попадают (заменены на [redacted]).
`;

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** A failure to read one part is written into the report instead of failing it: support wants the rest. */
async function orProblem<T>(read: () => Promise<T>): Promise<T | { unavailable: string }> {
  try {
    return await read();
  } catch (err) {
    return { unavailable: err instanceof Error ? err.message : String(err) };
  }
}

/** `ai-auto-applier-report-2026-05-01-1405.zip`, in the user's local time. */
export function reportFileName(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `ai-auto-applier-report-${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}.zip`;
}

/** The user's home folder, as it appears in text and in JSON (Windows' backslashes doubled), becomes `~`. */
export function hideHome(text: string, home = homedir()): string {
  if (home.length < 2) return text;
  for (const form of new Set([home, JSON.stringify(home).slice(1, -1)])) text = text.split(form).join('~');
  return text;
}

async function savedSettings(repositories: ReportDeps['repositories']): Promise<Record<string, unknown>> {
  const saved: Record<string, unknown> = {};
  for (const key of REPORTED_SETTINGS) {
    const value = await repositories.appSettings.get(key, z.unknown());
    if (value !== undefined) saved[key] = value;
  }
  return saved;
}

/** The files of the report, before the last redaction. */
export async function reportFiles(deps: ReportDeps, at: Date): Promise<TextFile[]> {
  const { identity, env } = deps;
  const vault = await orProblem(deps.vaultStatus);
  const hh = await orProblem(deps.hhStatus);
  const versions = {
    createdAt: at.toISOString(),
    app: { name: identity.name, version: identity.version, shell: identity.shell },
    runtime: {
      node: process.versions.node,
      electron: process.versions.electron ?? null,
      chrome: process.versions.chrome ?? null,
      v8: process.versions.v8,
    },
    os: { platform: identity.platform, type: osType(), release: release(), arch: arch() },
    schemaVersion: latestSchemaVersion,
  };
  const settings = {
    preferences: deps.preferences.get(),
    secretsStorage:
      'unavailable' in vault ? vault : { persistent: vault.persistent, backend: vault.backend, problem: vault.problem?.code ?? null },
    environment: Object.keys(env)
      .filter((key) => env[key as keyof AppEnv] !== undefined)
      .sort(),
    hhAccount:
      'unavailable' in hh
        ? hh
        : {
            signedIn: hh.signedIn,
            via: hh.via,
            resumes: hh.resumes.length,
            app: { configured: hh.app.configured, fromEnv: hh.app.fromEnv, redirectUri: hh.app.redirectUri },
          },
    saved: await orProblem(() => savedSettings(deps.repositories)),
  };
  return [
    { path: 'README.txt', text: README },
    { path: 'versions.json', text: json(versions) },
    // Key-based redaction first (a field named like a token is hidden whatever its value), then the text pass in zipTextFiles.
    { path: 'settings.json', text: json(deps.redactor.redact(settings)) },
    { path: 'notices.json', text: json(deps.redactor.redact(deps.notices())) },
    { path: 'hh-pages.json', text: json(deps.redactor.redact(await orProblem(deps.pages))) },
    ...(await readPageShapes(join(deps.dataDir, 'hh-pages'), SHAPE_CAP_BYTES)),
    ...(await readLogs(logsDirOf(deps.dataDir), LOGS_CAP_BYTES)),
  ];
}

/** The report as a zip: every file through the redactor once more, the home folder hidden. */
export async function makeReport(deps: ReportDeps): Promise<ExportedFile> {
  const at = deps.clock.now();
  const files = await reportFiles(deps, at);
  // Logs written by an earlier run may hold a secret this run has not used yet: the redactor learns them all first.
  await deps.learnSecrets();
  const bytes = zipTextFiles(files, (text) => hideHome(deps.redactor.redactText(text)), at);
  return { fileName: reportFileName(at), mime: 'application/zip', bytes };
}

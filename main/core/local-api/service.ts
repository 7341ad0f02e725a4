import { randomBytes, randomUUID } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { DEFAULT_LOCAL_API_PORT, type LocalApiScope, type LocalApiStatus, type LocalApiToken } from '../../../shared/contract';
import type { Repositories } from '../db/repositories';
import { AppError } from '../errors';
import type { Clock, Logger } from '../ports';
import type { Redactor, Vault } from '../secrets';
import type { LocalApiListener, LocalApiSetting } from './listener-port';

export type { ListenerState, LocalApiListener, LocalApiSetting } from './listener-port';

const SETTING = 'localApi';
const ISSUER = 'ai-auto-applier';
const AUDIENCE = 'local-api';
const DAY_MS = 24 * 60 * 60 * 1000;
/** Last use is written at most this often per token: a script polling every second must not write every second. */
const TOUCH_EVERY_MS = 60_000;

const settingSchema = z.object({ enabled: z.boolean(), port: z.number().int().min(1024).max(65535) });

/** Who made a request: a Local API token, or the headless server's own session token. */
export interface Caller {
  id: string;
  name: string;
  scope: LocalApiScope;
}

export type Verified = { ok: true; caller: Caller } | { ok: false; error: AppError };

const refused = (message: string): Verified => ({ ok: false, error: AppError.of('unauthorized', message) });
const NOT_OURS = 'This is not a token of this app: copy it again from Settings → Local API.';

export interface LocalApiDeps {
  repositories: Repositories;
  vault: Vault;
  redactor: Pick<Redactor, 'addSecret'>;
  clock: Clock;
  log: Logger;
}

/**
 * Local API tokens: HS256 JWTs (jose) signed with a key kept in the vault, each with an id (so one
 * can be revoked alone), a scope and an expiry. The signature is checked by jose (the HMAC compared
 * in constant time); the id must name a token in the table that is not revoked.
 */
export class LocalApi {
  #key?: Uint8Array;
  #setting?: LocalApiSetting;
  readonly #touched = new Map<string, number>();
  #listener?: LocalApiListener;

  constructor(private readonly deps: LocalApiDeps) {}

  /** The shell hands its listener over once the core exists (the listener serves the core). */
  useListener(listener: LocalApiListener): void {
    this.#listener = listener;
  }

  async setting(): Promise<LocalApiSetting> {
    this.#setting ??= (await this.deps.repositories.appSettings.get(SETTING, settingSchema)) ?? {
      enabled: false,
      port: DEFAULT_LOCAL_API_PORT,
    };
    return this.#setting;
  }

  async status(): Promise<LocalApiStatus> {
    const setting = await this.setting();
    const state = this.#listener?.state() ?? { listening: false, url: null, portFixed: false, problem: null };
    return { ...setting, ...state, tokensEndOnQuit: !(await this.deps.vault.status()).persistent };
  }

  async setEnabled(enabled: boolean, port?: number): Promise<LocalApiStatus> {
    const next = { enabled, port: port ?? (await this.setting()).port };
    await this.deps.repositories.appSettings.set(SETTING, next);
    this.#setting = next;
    await this.#listener?.apply(next);
    // Said as what happened, at the address it listens on now (the setting's port may have been taken).
    const url = this.#listener?.state().url;
    await this.deps.repositories.auditLog.append({
      action: enabled ? 'local_api.on' : 'local_api.off',
      target: url ? new URL(url).host : `127.0.0.1:${next.port}`,
      outcome: 'ok',
      details: '',
    });
    return this.status();
  }

  /** At start: the shell listens if the user left the Local API on. */
  async resume(): Promise<LocalApiStatus> {
    const setting = await this.setting();
    if (setting.enabled) await this.#listener?.apply(setting);
    return this.status();
  }

  async #signingKey(): Promise<Uint8Array> {
    if (this.#key) return this.#key;
    let stored = await this.deps.vault.get('localApi.signing_key');
    if (!stored) {
      stored = randomBytes(32).toString('base64url');
      await this.deps.vault.put('localApi.signing_key', stored);
    }
    this.#key = new Uint8Array(Buffer.from(stored, 'base64url'));
    return this.#key;
  }

  tokens(): Promise<LocalApiToken[]> {
    return this.deps.repositories.localApiTokens.list();
  }

  async createToken(input: { name: string; scope: LocalApiScope; expiresInDays: number }): Promise<{ token: string; info: LocalApiToken }> {
    const id = randomUUID();
    const now = this.deps.clock.now();
    const expiresAt = new Date(now.getTime() + input.expiresInDays * DAY_MS);
    const token = await new SignJWT({ scope: input.scope })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setJti(id)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(Math.floor(now.getTime() / 1000))
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(await this.#signingKey());
    // From now on no log line or error can carry it.
    this.deps.redactor.addSecret(token);
    const info = await this.deps.repositories.localApiTokens.add({
      id,
      name: input.name,
      scope: input.scope,
      expiresAt: expiresAt.toISOString(),
    });
    await this.deps.repositories.auditLog.append({
      action: 'local_api.token.created',
      target: `token ${id}`,
      outcome: 'ok',
      details: `${input.name} (${input.scope}, ${input.expiresInDays} d)`,
    });
    return { token, info };
  }

  async revoke(id: string): Promise<LocalApiToken[]> {
    const token = await this.deps.repositories.localApiTokens.get(id);
    if (!token) throw AppError.of('not_found', 'There is no such token.');
    if (await this.deps.repositories.localApiTokens.revoke(id)) {
      await this.deps.repositories.auditLog.append({
        action: 'local_api.token.revoked',
        target: `token ${id}`,
        outcome: 'ok',
        details: token.name,
      });
    }
    return this.tokens();
  }

  async rotate(id: string): Promise<{ token: string; info: LocalApiToken }> {
    const old = await this.deps.repositories.localApiTokens.get(id);
    if (!old) throw AppError.of('not_found', 'There is no such token.');
    if (old.revokedAt) throw AppError.of('conflict', 'This token was revoked: make a new one instead.');
    const days = Math.max(1, Math.min(365, Math.round((Date.parse(old.expiresAt) - Date.parse(old.createdAt)) / DAY_MS)));
    const made = await this.createToken({ name: old.name, scope: old.scope, expiresInDays: days });
    await this.revoke(id);
    return made;
  }

  /** The bearer token of a request: whose it is and what it may do, or why it is refused. */
  async verify(token: string): Promise<Verified> {
    if (!(await this.setting()).enabled) return refused('The Local API is off: turn it on in Settings → Local API.');
    let claims: { jti?: string; scope?: unknown };
    try {
      ({ payload: claims } = await jwtVerify(token, await this.#signingKey(), {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: AUDIENCE,
        currentDate: this.deps.clock.now(),
        requiredClaims: ['jti', 'exp'],
      }));
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired) return refused('This token has expired: make a new one in Settings → Local API.');
      return refused(NOT_OURS);
    }
    // Signed with our key does not make every claim well formed: an id that is not one of ours (a
    // number, an object, a long string) is refused like any token that is not ours, never looked up.
    if (typeof claims.jti !== 'string' || !/^[\w-]{1,64}$/.test(claims.jti)) return refused(NOT_OURS);
    const known = await this.deps.repositories.localApiTokens.get(claims.jti);
    if (!known || known.scope !== claims.scope) return refused(NOT_OURS);
    if (known.revokedAt) return refused('This token was revoked in Settings → Local API.');
    const now = this.deps.clock.now().getTime();
    if ((this.#touched.get(known.id) ?? -Infinity) + TOUCH_EVERY_MS <= now) {
      this.#touched.set(known.id, now);
      await this.deps.repositories.localApiTokens.touch(known.id);
    }
    return { ok: true, caller: { id: known.id, name: known.name, scope: known.scope } };
  }

  /** One line per call that changes something (and per refused one), with the token's id. */
  async audit(
    caller: Caller | undefined,
    what: { method: string; path: string; outcome: 'ok' | 'failed' | 'refused'; status: number; code?: string },
  ): Promise<void> {
    const who = caller ? `token ${caller.id} (${caller.name})` : 'no valid token';
    await this.deps.repositories.auditLog
      .append({
        action: 'local_api.call',
        target: `${what.method} ${what.path}`,
        outcome: what.outcome,
        details: `${who}; HTTP ${what.status}${what.code ? ` ${what.code}` : ''}`,
      })
      .catch((err: unknown) => this.deps.log.warn('could not write the Local API call to the activity log', { error: String(err) }));
  }
}

import { z } from 'zod';
import type { Repositories } from '../db/repositories';
import type { AppEnv, Vault } from '../secrets';
import type { HhClientCredentials } from './oauth/tokens';

export const DEFAULT_REDIRECT_URI = 'http://localhost:8080/hh/callback';
const appRecordSchema = z.object({ redirectUri: z.string() });

/**
 * The user's own dev.hh.ru application (optional): client id and secret in the vault, the redirect
 * URI with the data. Developers may set all three in .env, which then wins.
 */
export class HhAppSettings {
  constructor(private readonly deps: { env: AppEnv; vault: Vault; repositories: Repositories }) {}

  async credentials(): Promise<HhClientCredentials | undefined> {
    const { env, vault } = this.deps;
    const clientId = env.HH_CLIENT_ID ?? (await vault.get('hh.client_id'));
    const clientSecret = env.HH_CLIENT_SECRET ?? (await vault.get('hh.client_secret'));
    if (!clientId || !clientSecret) return undefined;
    return { clientId, clientSecret, redirectUri: await this.redirectUri() };
  }

  async redirectUri(): Promise<string> {
    return (
      this.deps.env.HH_REDIRECT_URI ??
      (await this.deps.repositories.appSettings.get('hh.app', appRecordSchema))?.redirectUri ??
      DEFAULT_REDIRECT_URI
    );
  }

  get fromEnv(): boolean {
    return Boolean(this.deps.env.HH_CLIENT_ID);
  }

  async save(input: { clientId: string; clientSecret?: string; redirectUri: string }): Promise<void> {
    await this.deps.vault.put('hh.client_id', input.clientId);
    if (input.clientSecret) await this.deps.vault.put('hh.client_secret', input.clientSecret);
    await this.deps.repositories.appSettings.set('hh.app', { redirectUri: input.redirectUri });
  }

  async forget(): Promise<void> {
    await this.deps.vault.delete('hh.client_id');
    await this.deps.vault.delete('hh.client_secret');
    await this.deps.repositories.appSettings.delete('hh.app');
  }
}

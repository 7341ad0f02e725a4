import type { AiSettings } from '../../../shared/contract';
import { AppError, say } from '../errors';
import { checkGigaChatUrl, gigachatDefaults } from './providers/gigachat/config';

/**
 * What Settings → AI may save for GigaChat, said when the user presses Save rather than at the
 * first letter: https addresses only, and certificate checks turned off only with the user's
 * explicit confirmation (the contract's `confirmInsecureSkipVerify`), every time it is saved so.
 */
export function checkGigaChatSettings(settings: Extract<AiSettings, { kind: 'gigachat' }>, confirmedInsecure: boolean): void {
  if (settings.authUrl) checkGigaChatUrl(settings.authUrl, 'authorization address');
  if (settings.baseUrl) checkGigaChatUrl(settings.baseUrl, 'API address');
  if (settings.insecureSkipVerify && !confirmedInsecure) {
    const hosts = [settings.authUrl || gigachatDefaults.authUrl, settings.baseUrl || gigachatDefaults.baseUrl].map(
      (url) => new URL(url).host,
    );
    throw AppError.of('invalid_input', say('ai.insecureNotConfirmed', { hosts: [...new Set(hosts)].join(', ') }), {
      next: { kind: 'fix_input' },
    });
  }
}

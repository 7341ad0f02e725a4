import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Agent } from 'node:https';
import { join } from 'node:path';
import * as tls from 'node:tls';
import type { Logger } from '../../../ports';
import { AiError } from '../errors';

export const bundledRussianCaPath = (resourcesDir: string) => join(resourcesDir, 'certs', 'russian_trusted_root_ca.pem');

export interface GigaChatTrustOptions {
  /** The Russian Trusted Root CA shipped in resources/certs. */
  bundledCaFile: string;
  caFile?: string;
  insecureSkipVerify: boolean;
  /** The configured auth and API addresses: the only origins this trust applies to. */
  urls: string[];
  log: Logger;
}

export interface GigaChatTrust {
  /** The agent for a request to `url`: GigaChat's own for its https origins, undefined (Node's defaults) for anything else. */
  agentFor(url: string): Promise<Agent | undefined>;
}

/** Node 22.15+ can include NODE_EXTRA_CA_CERTS and the system store; Node 20 has the bundled roots only. */
function defaultRoots(): readonly string[] {
  const get = (tls as { getCACertificates?: (kind: 'default') => string[] }).getCACertificates;
  return get ? get('default') : tls.rootCertificates;
}

const tlsSetupError = (message: string) =>
  new AiError('ai_tls', message, { provider: 'gigachat', reason: 'ca_file' }, { next: { kind: 'open_settings', section: 'ai' } });

/** PEM as is (bundles too); a DER file is converted, since Windows exports certificates that way. */
async function readCertificate(path: string, problem: (why: string) => AiError): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    throw problem(`it cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const text = bytes.toString('utf8');
  try {
    if (text.includes('-----BEGIN CERTIFICATE-----')) {
      new X509Certificate(text);
      return text;
    }
    return new X509Certificate(bytes).toString();
  } catch {
    throw problem('it is not a certificate (a .pem, .crt or .cer file is expected)');
  }
}

/**
 * The Russian Trusted Root CA (and the user's CA file) are added for GigaChat's own hosts only, in
 * an agent nobody else gets: the rest of the app (hh.ru, OpenAI-compatible services) keeps Node's
 * default trust. Nothing global changes (no NODE_EXTRA_CA_CERTS, no https.globalAgent).
 */
export function createGigaChatTrust(options: GigaChatTrustOptions): GigaChatTrust {
  const origins = new Set(
    options.urls
      .map((url) => new URL(url))
      .filter((url) => url.protocol === 'https:')
      .map((url) => url.origin),
  );
  let agent: Promise<Agent> | undefined;

  const build = async (): Promise<Agent> => {
    const russian = await readCertificate(options.bundledCaFile, (why) =>
      tlsSetupError(`The app's copy of the Russian Trusted Root CA (${options.bundledCaFile}) is damaged: ${why}. Reinstall the app.`),
    );
    const user = options.caFile
      ? await readCertificate(options.caFile, (why) =>
          tlsSetupError(
            `The CA certificate file chosen in Settings → AI (${options.caFile}) is not usable: ${why}. Choose it again or clear the setting.`,
          ),
        )
      : undefined;
    return new Agent({
      ca: [...defaultRoots(), russian, ...(user ? [user] : [])],
      keepAlive: true,
      ...(options.insecureSkipVerify && { rejectUnauthorized: false }),
    });
  };

  return {
    async agentFor(url) {
      if (!origins.has(new URL(url).origin)) return undefined;
      if (options.insecureSkipVerify) {
        options.log.warn(
          'Certificate checks are OFF for GigaChat (Settings → AI): anyone on the network path could read your letters and your GigaChat key. Turn the setting off.',
          {
            origin: new URL(url).origin,
          },
        );
      }
      agent ??= build().catch((err: unknown) => {
        // A fixed file is read again on the next request.
        agent = undefined;
        throw err;
      });
      return agent;
    },
  };
}

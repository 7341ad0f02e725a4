import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Clock, Logger } from '../../../main/core/ports';
import { createAesCipher, openSecretFile, Vault } from '../../../main/core/secrets';
import type { ProviderDeps } from '../../../main/core/ai/providers';

const root = resolve(import.meta.dirname, '../../..');

/** The repository's resources folder: the real Russian Trusted Root CA is there. */
export const resourcesDir = join(root, 'resources');

export const tlsFixture = (name: 'test-only-ca.cert.pem' | 'test-only-server.cert.pem' | 'test-only-server.key.pem') =>
  join(root, 'test/fixtures/tls', name);

export async function testTls() {
  return { cert: await readFile(tlsFixture('test-only-server.cert.pem')), key: await readFile(tlsFixture('test-only-server.key.pem')) };
}

export interface CapturedLog extends Logger {
  lines: string[];
  /** Everything logged, as one string to search for secrets. */
  text(): string;
  /** The first line matching `pattern`, once it is logged: a provider logs before it waits or gives up. */
  logged(pattern: RegExp): Promise<string>;
}

/** Keeps every line and its details as text, with no redactor in between: what a provider writes is what we see. */
export function capturingLogger(): CapturedLog {
  const lines: string[] = [];
  const waiters = new Set<{ pattern: RegExp; resolve(line: string): void }>();
  const capture = (level: string) => (message: string, details?: Record<string, unknown>) => {
    const line = `${level} ${message} ${JSON.stringify(details ?? {})}`;
    lines.push(line);
    for (const waiter of waiters) {
      if (!waiter.pattern.test(line)) continue;
      waiters.delete(waiter);
      waiter.resolve(line);
    }
  };
  const logged = (pattern: RegExp) => {
    const found = lines.find((line) => pattern.test(line));
    return found !== undefined ? Promise.resolve(found) : new Promise<string>((resolve) => waiters.add({ pattern, resolve }));
  };
  return { lines, info: capture('info'), warn: capture('warn'), error: capture('error'), text: () => lines.join('\n'), logged };
}

/** A real vault over a temp folder, with a memory-only cipher: no key needed, nothing on disk. */
export async function testVault(): Promise<Vault> {
  const dir = await mkdtemp(join(tmpdir(), 'aaa-ai-'));
  return new Vault({ cipher: createAesCipher(undefined), file: openSecretFile(join(dir, 'secrets.json')) });
}

export const systemClock: Clock = { now: () => new Date() };

export async function testDeps(overrides: Partial<ProviderDeps> = {}): Promise<ProviderDeps & { log: CapturedLog }> {
  return {
    vault: await testVault(),
    log: capturingLogger(),
    clock: systemClock,
    resourcesDir,
    // Real backoff shapes, shorter waits.
    retryPolicy: { baseDelayMs: 5, maxDelayMs: 20 },
    ...overrides,
  } as ProviderDeps & { log: CapturedLog };
}

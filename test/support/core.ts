import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assembleCore, type Core, type CoreServices } from '../../main/core';
import { sourceWorkerEntry } from '../../main/core/db/options';
import { defaultPreferences, memoryPreferences, silentLogger, systemClock, type CorePorts } from '../../main/core/ports';
import { createAesCipher, readAppEnv } from '../../main/core/secrets';

/** The shell's Core, with the services beside it so a test can arrange and inspect state. */
export type TestCoreHandle = Core &
  Omit<CoreServices, 'notices' | 'pause'> & {
    pause: CoreServices['pause'];
    /** The notices service itself (Core's `notices()` only lists), to raise a condition a test needs. */
    noticeBoard: CoreServices['notices'];
  };

export interface TestCore {
  core: TestCoreHandle;
  dataDir: string;
  close(): Promise<void>;
}

/** A real core (database in a worker, in a fresh temp folder) for tests; close() removes the folder. */
export async function startTestCore(
  overrides: Partial<CorePorts> & { shell?: 'electron' | 'headless'; dataDir?: string } = {},
): Promise<TestCore> {
  const dataDir = overrides.dataDir ?? (await mkdtemp(join(tmpdir(), 'aaa-core-')));
  const { core: shellCore, services } = await assembleCore({
    clock: systemClock,
    log: silentLogger,
    preferences: memoryPreferences(defaultPreferences(systemClock)),
    identity: { name: 'AI Auto Applier', version: '0.0.0-test', shell: overrides.shell ?? 'headless', platform: process.platform },
    cipher: createAesCipher('test-vault-key-0123456789'),
    env: readAppEnv({}),
    resourcesDir: join(import.meta.dirname, '..', '..', 'resources'),
    ...overrides,
    storage: { dataDir, worker: sourceWorkerEntry() },
  });
  const core: TestCoreHandle = {
    ...shellCore,
    ...services,
    notices: shellCore.notices,
    pause: services.pause,
    noticeBoard: services.notices,
  };
  return {
    core,
    dataDir,
    close: async () => {
      await core.dispose();
      if (!overrides.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

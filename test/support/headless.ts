import { createCore } from '../../main/core';
import { defaultPreferences, memoryPreferences, silentLogger, systemClock } from '../../main/core/ports';
import { startHeadlessServer } from '../../main/headless/server';

/** A headless core and its HTTP bridge on a random loopback port, as `npm run preview` starts them. */
export async function startTestServer(options: { uiDir?: string } = {}) {
  const core = createCore({
    clock: systemClock,
    log: silentLogger,
    preferences: memoryPreferences(defaultPreferences(systemClock)),
    identity: { name: 'AI Auto Applier', version: '0.0.0-test', shell: 'headless', platform: process.platform },
  });
  const server = await startHeadlessServer({ core, port: 0, uiDir: options.uiDir });
  return { core, server, close: () => server.close() };
}

import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createCore } from '../core';
import { defaultPreferences, memoryPreferences, systemClock, type Logger } from '../core/ports';
import { startHeadlessServer } from './server';

const usage = `Usage: tsx main/headless/cli.ts [--port N] [--ui DIR] [--token TOKEN]

Runs the app's core without Electron and serves its contract (and, with --ui, the built
renderer) on 127.0.0.1. Open the printed address in a browser.`;

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.AAA_PORT ?? '0' },
    ui: { type: 'string' },
    token: { type: 'string', default: process.env.AAA_TOKEN },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log(usage);
  process.exit(0);
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a number from 0 to 65535, got "${values.port}".`);
  process.exit(2);
}

const log: Logger = {
  info: (m, d) => console.log(`[info] ${m}`, d ? JSON.stringify(d) : ''),
  warn: (m, d) => console.warn(`[warn] ${m}`, d ? JSON.stringify(d) : ''),
  error: (m, d) => console.error(`[error] ${m}`, d ? JSON.stringify(d) : ''),
};

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { productName: string; version: string };
const core = createCore({
  clock: systemClock,
  log,
  preferences: memoryPreferences(defaultPreferences(systemClock)),
  identity: { name: pkg.productName, version: pkg.version, shell: 'headless', platform: process.platform },
});

const server = await startHeadlessServer({ core, port, token: values.token, uiDir: values.ui });
console.log(`AI Auto Applier (headless) is listening on ${server.url}`);
console.log(`Access token: ${server.token}`);
if (values.ui) console.log(`Open the app: ${server.uiUrl}`);

const stop = async () => {
  await server.close();
  await core.dispose();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

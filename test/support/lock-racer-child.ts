/**
 * One racer of the lock race test (test/integration/db-lock-race.test.ts), run as its own process:
 *
 *   node --import tsx test/support/lock-racer-child.ts main/core/db/worker/lock.ts <database file> [--no-hard-links]
 *
 * The test runs it compiled to plain JavaScript, with the lock module compiled beside it: two hundred
 * processes each loading tsx would take most of a minute on a two-core machine, and that start-up is
 * not what is being tested. So the lock module is passed by path rather than imported.
 *
 * Loads only the lock module (no sql.js, no worker), prints `ready`, and waits for `go` on stdin
 * so that the parent can start two racers at the same moment. Then it tries to take the lock and
 * prints `owner <pid>` or `held <pid of the holder>`, and keeps what it got until `end` (or until
 * stdin closes): an owner then releases the lock and prints `released`.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as LockModule from '../../main/core/db/worker/lock';

const [lockModule, file, flag] = process.argv.slice(2);
if (!lockModule || !file) {
  console.error('usage: lock-racer-child.ts <lock module> <database file> [--no-hard-links]');
  process.exit(2);
}
const { acquireLockWith } = (await import(pathToFileURL(resolve(lockModule)).href)) as typeof LockModule;
const say = (line: string) => process.stdout.write(`${line}\n`);

const lines: string[] = [];
let waiting: (() => void) | undefined;
let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk: string) => {
  input += chunk;
  const parts = input.split('\n');
  input = parts.pop()!;
  lines.push(...parts);
  waiting?.();
});
process.stdin.on('end', () => {
  lines.push('end');
  waiting?.();
});
const next = async (): Promise<string> => {
  while (lines.length === 0) await new Promise<void>((resolve) => (waiting = resolve));
  return lines.shift()!;
};

say('ready');
if ((await next()) !== 'go') process.exit(0);
const lock = await acquireLockWith(file, { hardLinks: flag !== '--no-hard-links' });
say('heldBy' in lock ? `held ${lock.heldBy}` : `owner ${process.pid}`);
await next();
if (!('heldBy' in lock)) {
  await lock.release();
  say('released');
}
process.exit(0);

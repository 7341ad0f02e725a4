/**
 * The writer half of the kill test (test/integration/db-kill.test.ts), run as its own process:
 *
 *   node --import tsx test/support/db-writer-child.ts <data dir> <seed>
 *
 * Prints `started`, waits for `go` on stdin, then opens the database in <data dir> with a small
 * checkpoint size (so checkpoints happen often and kills land in them too) and prints
 * `ready <high> <rows> <open report as JSON>`: the highest sequence number found (checkpoint plus
 * journal replay) and how many rows there are, so the parent checks the open without opening the
 * files itself. From there it inserts audit_log rows whose `target` is the next sequence number and
 * whose `details` have a random length, and prints `ack <n>` as soon as each insert's promise
 * resolves: no flush, an acknowledged write is one whose promise resolved. It never stops by itself;
 * the parent kills it with SIGKILL at a random moment (or it exits when its stdin closes).
 */
import { DatabaseClient } from '../../main/core/db/client';
import { databaseOptions, sourceWorkerEntry } from '../../main/core/db/options';
import { KILL_TEST_ACTION, seededRandom } from './db-helpers';

const [dir, seedArg = '1'] = process.argv.slice(2);
if (!dir) {
  console.error('usage: db-writer-child.ts <data dir> [seed]');
  process.exit(2);
}
const random = seededRandom(Number(seedArg));
const say = (line: string) => process.stdout.write(`${line}\n`);

// Started ahead of time, the writer waits for "go" on stdin before touching the folder (the parent may
// still be checking the previous round's file). It exits once stdin closes, so it never outlives the test.
process.stdin.setEncoding('utf8');
await new Promise<void>((resolve) => {
  let input = '';
  process.stdin.on('data', (chunk: string) => {
    input += chunk;
    if (input.includes('go\n')) resolve();
  });
  process.stdin.on('end', () => process.exit(0));
  say('started');
});

const { db, report } = await DatabaseClient.open(sourceWorkerEntry(), databaseOptions(dir, { checkpointBytes: 48 * 1024 }));
const last = await db.get<{ high: number | null; rows: number }>(
  'SELECT max(CAST(target AS INTEGER)) AS high, count(*) AS rows FROM audit_log WHERE action = ?',
  [KILL_TEST_ACTION],
);
let seq = last?.high ?? 0;
say(`ready ${seq} ${last?.rows ?? 0} ${JSON.stringify(report)}`);

const insert = (n: number) =>
  db
    .run('INSERT INTO audit_log (at, action, target, outcome, details) VALUES (?, ?, ?, ?, ?)', [
      new Date().toISOString(),
      KILL_TEST_ACTION,
      String(n),
      'ok',
      // Random lengths keep the journal's records uneven, so kills cut them at every kind of offset.
      'x'.repeat(Math.floor(random() * 2001)),
    ])
    .then(() => say(`ack ${n}`));

// 1-4 writes at a time, as the app's screens and jobs write: they share fsyncs (group commit).
for (;;) {
  const together = 1 + Math.floor(random() * 4);
  await Promise.all(Array.from({ length: together }, () => insert((seq += 1))));
}

/**
 * The writer half of the kill test (test/integration/db-kill.test.ts), run as its own process:
 *
 *   node --import tsx test/support/db-writer-child.ts <data dir> <seed>
 *
 * Prints `started`, waits for `go` on stdin, then opens the database in <data dir> with very short
 * save delays and prints `ready <n> <open report as JSON>`, n being the highest sequence number
 * already in the file (the report lets the parent check this open without opening the file itself). From
 * there it inserts audit_log rows whose `target` is the next sequence number and whose `details`
 * have a random length (so the file size keeps changing). After every 1-4 inserts it waits for
 * flush() and prints `ack <n>`: every row up to n is on disk. It never stops by itself; the parent
 * kills it with SIGKILL at a random moment (or it exits when its stdin closes).
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

const { db, report } = await DatabaseClient.open(sourceWorkerEntry(), databaseOptions(dir, { debounceMs: 5, maxWaitMs: 50 }));
const last = await db.get<{ n: number | null }>('SELECT max(CAST(target AS INTEGER)) AS n FROM audit_log WHERE action = ?', [
  KILL_TEST_ACTION,
]);
let seq = last?.n ?? 0;
say(`ready ${seq} ${JSON.stringify(report)}`);

for (;;) {
  const inserts = 1 + Math.floor(random() * 4);
  for (let i = 0; i < inserts; i += 1) {
    seq += 1;
    await db.run('INSERT INTO audit_log (at, action, target, outcome, details) VALUES (?, ?, ?, ?, ?)', [
      new Date().toISOString(),
      KILL_TEST_ACTION,
      String(seq),
      'ok',
      // Random lengths keep the file size changing; kept small so a save stays quick as the file grows.
      'x'.repeat(Math.floor(random() * 2001)),
    ]);
  }
  await db.flush();
  say(`ack ${seq}`);
}

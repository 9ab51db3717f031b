/**
 * `npm run bench` (second part): verified feedbacks per second through the Node adapter with the
 * ledger off, with the embedded ledger and with a PostgreSQL server, in one run — every request
 * a new payment (the insert path: payment, event, outbox row, then the worker's delivery).
 *
 * Server on core 0, load generator on core 1 (`taskset`), like the /sign bench; the PostgreSQL
 * server itself is not pinned and competes for both cores, so its target pays for the database's
 * CPU too (as a merchant's one-box set-up would). Targets alternate over `BENCH_ROUNDS` rounds;
 * the median of the per-round ratios is reported.
 *
 * Environment: BENCH_DURATION (s, default 5), BENCH_WARMUP (s, default 1), BENCH_ROUNDS (default
 * 3), BENCH_FEEDBACK_CONNECTIONS (default 16), BENCH_DATABASE_URL (default OGONE_TEST_DATABASE_URL;
 * without either the PostgreSQL target is skipped).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const bounded = (name: string, fallback: number, max: number) => {
  const value = Number(process.env[name] ?? fallback);
  return Number.isFinite(value) && value > 0 ? Math.min(value, max) : fallback;
};
const DURATION = bounded('BENCH_DURATION', 5, 60);
const WARMUP = bounded('BENCH_WARMUP', 1, 30);
const ROUNDS = Math.round(bounded('BENCH_ROUNDS', 3, 9));
const CONNECTIONS = Math.round(bounded('BENCH_FEEDBACK_CONNECTIONS', 16, 256));
const DATABASE = process.env['BENCH_DATABASE_URL'] ?? process.env['OGONE_TEST_DATABASE_URL'];

type Mode = 'off' | 'embedded' | 'postgres';
interface Measure {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  cpuMicrosPerRequest: number;
}

const cpus = Number(spawnSync('nproc', { encoding: 'utf8' }).stdout.trim()) || 1;
const canPin = cpus >= 2 && spawnSync('taskset', ['-c', '0', 'true']).status === 0;
function nodeCommand(core: number, args: string[]): [string, string[]] {
  const nodeArgs = ['--import', 'tsx', ...args];
  return canPin
    ? ['taskset', ['-c', String(core), process.execPath, ...nodeArgs]]
    : [process.execPath, nodeArgs];
}

async function startServer(mode: Mode): Promise<{ child: ChildProcess; port: number }> {
  const [command, args] = nodeCommand(0, [here('./feedback-server.ts'), mode, DATABASE ?? '']);
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout!.setEncoding('utf8');
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${mode} server did not start`)), 60_000);
    child.stdout!.on('data', (chunk: string) => {
      output += chunk;
      const match = /^(\d+)\n/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.once('exit', () => reject(new Error(`${mode} server exited`)));
  });
  return { child, port };
}

async function measure(mode: Mode): Promise<Measure> {
  const { child, port } = await startServer(mode);
  try {
    const [command, args] = nodeCommand(1, [
      here('./feedback-load.ts'),
      `http://127.0.0.1:${port}`,
      String(WARMUP),
      String(DURATION),
      String(CONNECTIONS),
    ]);
    const load = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    load.stdout!.setEncoding('utf8');
    load.stdout!.on('data', (chunk: string) => (output += chunk));
    const [code] = (await once(load, 'exit')) as [number | null];
    if (code !== 0) throw new Error(`load generator failed (exit ${code})`);
    return JSON.parse(output.trim()) as Measure;
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
}

const modes: Mode[] = DATABASE ? ['off', 'embedded', 'postgres'] : ['off', 'embedded'];
const fmt = (n: number, digits = 2) => n.toFixed(digits).padStart(10);
console.log(
  `\nGET /feedback (verified, a new payment each), ${CONNECTIONS} connections, ${WARMUP}s warm-up + ` +
    `${DURATION}s per target, ${ROUNDS} round(s), ${canPin ? 'server on core 0, load on core 1' : 'NOT pinned'}` +
    (DATABASE
      ? ''
      : '\n  (no BENCH_DATABASE_URL / OGONE_TEST_DATABASE_URL: the PostgreSQL target is skipped)'),
);
console.log(
  `${'target'.padEnd(30)}${'req/s'.padStart(10)}${'p50 ms'.padStart(10)}${'p99 ms'.padStart(10)}${'CPU µs/req'.padStart(12)}`,
);
const rounds: Partial<Record<Mode, Measure>>[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const order = modes.map((_, i) => modes[(i + round) % modes.length]!);
  const measured: Partial<Record<Mode, Measure>> = {};
  for (const mode of order) measured[mode] = await measure(mode);
  rounds.push(measured);
  console.log(`round ${round + 1}`);
  for (const mode of modes) {
    const m = measured[mode]!;
    console.log(
      `${`  ledger ${mode}`.padEnd(30)}${fmt(m.rps, 0)}${fmt(m.p50)}${fmt(m.p99)}${fmt(m.cpuMicrosPerRequest, 1).padStart(12)}`,
    );
    if (m.errors > 0 || m.non2xx > 0) console.log(`  ! ${m.errors} errors, ${m.non2xx} non-2xx`);
  }
}
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
for (const mode of modes.filter((m) => m !== 'off')) {
  const throughput = median(rounds.map((r) => r[mode]!.rps / r.off!.rps));
  const p99 = median(rounds.map((r) => r[mode]!.p99 / r.off!.p99));
  console.log(
    `  ${mode.padEnd(9)} ÷ off: throughput ${throughput.toFixed(3)}, p99 ${p99.toFixed(2)}×` +
      (mode === 'postgres'
        ? `  (aim: throughput > 0.5 — ${throughput > 0.5 ? 'met' : 'missed'})`
        : ''),
  );
}
if (rounds.some((r) => Object.values(r).some((m) => m.errors > 0 || m.non2xx > 0)))
  process.exitCode = 1;

/**
 * `npm run bench`: POST /sign through the Node adapter against a bare node:http server answering a
 * fixed JSON body of the same size — same run, same machine, loopback only, bounded. A third
 * target, a minimal hand-written node:http + createHash signer, shows what this runtime and this
 * machine allow for the same job (the reference point).
 *
 * Each server runs alone in a child process pinned to core 0 (`taskset -c 0`); the load generator
 * (autocannon, 64 connections) runs in another child pinned to core 1, so it never shares the
 * server's event loop. Each target gets a warm-up, then a measured run; the three are measured
 * `BENCH_ROUNDS` times in alternation (so drifting background load hits all alike, and the order
 * rotates) and the median of the per-round ratios is reported. Besides req/s and latency, each server reports the CPU time it spent
 * per request: the ratio of those is the least noisy comparison on a shared machine.
 *
 * Environment: BENCH_DURATION (s, default 5), BENCH_WARMUP (s, default 2), BENCH_ROUNDS (default 5),
 * BENCH_CONNECTIONS (default 64), BENCH_ALGORITHM (default sha512).
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
const WARMUP = bounded('BENCH_WARMUP', 2, 30);
const ROUNDS = Math.round(bounded('BENCH_ROUNDS', 5, 9));
const CONNECTIONS = Math.round(bounded('BENCH_CONNECTIONS', 64, 256));
const ALGORITHM = process.env['BENCH_ALGORITHM'] ?? 'sha512';

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

type Mode = 'bare' | 'minimal' | 'ogone';

async function startServer(mode: Mode): Promise<{ child: ChildProcess; port: number }> {
  const [command, args] = nodeCommand(0, [here('./server.ts'), mode, ALGORITHM]);
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout!.setEncoding('utf8');
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${mode} server did not start`)), 15_000);
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
    const url = `http://127.0.0.1:${port}/ogone/sign`;
    const [command, args] = nodeCommand(1, [
      here('./load.ts'),
      url,
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

const fmt = (n: number, digits = 2) => n.toFixed(digits).padStart(10);

console.log(
  `POST /sign, ${CONNECTIONS} connections, ${WARMUP}s warm-up + ${DURATION}s per target, ` +
    `${ROUNDS} round(s), ${ALGORITHM}, ` +
    (canPin
      ? 'server on core 0, load generator on core 1'
      : 'NOT pinned (taskset or 2 cores missing)'),
);
const rounds: { bare: Measure; minimal: Measure; ogone: Measure }[] = [];
const row = (name: string, m: Measure) =>
  `${name.padEnd(34)}${fmt(m.rps, 0)}${fmt(m.p50)}${fmt(m.p99)}${fmt(m.cpuMicrosPerRequest, 1).padStart(12)}`;
console.log(
  `${'target'.padEnd(34)}${'req/s'.padStart(10)}${'p50 ms'.padStart(10)}${'p99 ms'.padStart(10)}${'CPU µs/req'.padStart(12)}`,
);
for (let round = 0; round < ROUNDS; round++) {
  // Rotate the order each round so no target always runs first (or last) after a pause.
  const order: Mode[] = (['bare', 'minimal', 'ogone'] as const).map(
    (_, i, all) => all[(i + round) % all.length]!,
  );
  const measured: Partial<Record<Mode, Measure>> = {};
  for (const mode of order) measured[mode] = await measure(mode);
  const { bare, minimal, ogone } = measured as Record<Mode, Measure>;
  rounds.push({ bare, minimal, ogone });
  console.log(`round ${round + 1}`);
  console.log(row('  bare node:http (fixed JSON)', bare));
  console.log(row('  minimal createHash signer', minimal));
  console.log(row('  createOgoneHandler + node', ogone));
  for (const m of [bare, minimal, ogone]) {
    if (m.errors > 0 || m.non2xx > 0) console.log(`  ! ${m.errors} errors, ${m.non2xx} non-2xx`);
  }
}
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};
const ratioOf = (pick: (r: (typeof rounds)[number]) => number) =>
  median(rounds.map(pick)).toFixed(3);
console.log(`median of ${ROUNDS} round(s)        createOgoneHandler   minimal signer`);
console.log(
  `  throughput ratio      ${ratioOf((r) => r.ogone.rps / r.bare.rps).padStart(18)}` +
    `${ratioOf((r) => r.minimal.rps / r.bare.rps).padStart(17)}   (req/s ÷ bare req/s, target >= 0.65)`,
);
console.log(
  `  p99 latency ratio     ${ratioOf((r) => r.ogone.p99 / r.bare.p99).padStart(18)}` +
    `${ratioOf((r) => r.minimal.p99 / r.bare.p99).padStart(17)}   (p99 ÷ bare p99, target <= 1.5)`,
);
console.log(
  `  CPU-per-request ratio ${ratioOf((r) => r.bare.cpuMicrosPerRequest / r.ogone.cpuMicrosPerRequest).padStart(18)}` +
    `${ratioOf((r) => r.bare.cpuMicrosPerRequest / r.minimal.cpuMicrosPerRequest).padStart(17)}   (bare CPU/req ÷ CPU/req)`,
);
console.log(
  `  ogone ÷ minimal       ${ratioOf((r) => r.ogone.rps / r.minimal.rps).padStart(18)}   (req/s: the library against the least code doing the job)`,
);
const throughput = median(rounds.map((r) => r.ogone.rps / r.bare.rps));
const p99 = median(rounds.map((r) => r.ogone.p99 / r.bare.p99));
console.log(
  throughput >= 0.65 && p99 <= 1.5
    ? 'createOgoneHandler meets both targets.'
    : `createOgoneHandler misses ${throughput < 0.65 ? 'the throughput' : 'the p99'} target on this run.`,
);
if (rounds.some((r) => r.ogone.non2xx > 0 || r.ogone.errors > 0)) process.exitCode = 1;

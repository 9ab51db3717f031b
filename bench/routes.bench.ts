/**
 * `npm run bench`: POST /sign, /verify and /feedback through the Node adapter, each against a bare
 * node:http server answering a fixed JSON body of the same size — same run, same machine, loopback
 * only, bounded. For /sign a third target, a minimal hand-written node:http + createHash signer,
 * shows what this runtime and machine allow for the same job.
 *
 * Each server runs alone in a child process pinned to core 0 (`taskset -c 0`); the load generator
 * (autocannon, 64 connections, distinct signed bodies cycled) runs in another child pinned to
 * core 1. Per route, the targets alternate for `BENCH_ROUNDS` rounds (the order rotates) and the
 * median of the per-round ratios is reported. Each server also reports the CPU time it spent per
 * request: the ratio of those is the least noisy comparison on a shared machine, and the target
 * (issue #9) is the endpoint's CPU per request ≤ 2× the bare server's on every route.
 *
 * Environment: BENCH_ROUTES (comma-separated, default sign,verify,feedback), BENCH_DURATION (s,
 * default 5), BENCH_WARMUP (s, default 2), BENCH_ROUNDS (default 5), BENCH_CONNECTIONS (default
 * 64), BENCH_ALGORITHM (default sha512).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { BENCH_ROUTES, type BenchRoute } from './fixture.js';

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
const ROUTES = (process.env['BENCH_ROUTES'] ?? BENCH_ROUTES.join(','))
  .split(',')
  .map((route) => route.trim())
  .filter((route): route is BenchRoute => (BENCH_ROUTES as readonly string[]).includes(route));

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

async function startServer(mode: Mode, route: BenchRoute) {
  const [command, args] = nodeCommand(0, [here('./server.ts'), mode, ALGORITHM, route]);
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
  return { child: child as ChildProcess, port };
}

async function measure(mode: Mode, route: BenchRoute): Promise<Measure> {
  const { child, port } = await startServer(mode, route);
  try {
    const [command, args] = nodeCommand(1, [
      here('./load.ts'),
      `http://127.0.0.1:${port}/ogone/${route}`,
      String(WARMUP),
      String(DURATION),
      String(CONNECTIONS),
      route,
      ALGORITHM,
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
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};
const LABELS: Record<Mode, string> = {
  bare: 'bare node:http (fixed JSON)',
  minimal: 'minimal createHash signer',
  ogone: 'createOgoneHandler + node',
};

console.log(
  `${ROUTES.map((r) => `POST /${r}`).join(', ')}; ${CONNECTIONS} connections, ${WARMUP}s warm-up + ` +
    `${DURATION}s per target, ${ROUNDS} round(s), ${ALGORITHM}, ` +
    (canPin
      ? 'server on core 0, load generator on core 1'
      : 'NOT pinned (taskset or 2 cores missing)'),
);

interface Verdict {
  route: BenchRoute;
  throughput: number;
  p99: number;
  cpu: number;
}
const verdicts: Verdict[] = [];
let failures = false;

for (const route of ROUTES) {
  const modes: Mode[] = route === 'sign' ? ['bare', 'minimal', 'ogone'] : ['bare', 'ogone'];
  console.log(`\nPOST /ogone/${route}`);
  console.log(
    `${'target'.padEnd(34)}${'req/s'.padStart(10)}${'p50 ms'.padStart(10)}${'p99 ms'.padStart(10)}${'CPU µs/req'.padStart(12)}`,
  );
  const rounds: Partial<Record<Mode, Measure>>[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // Rotate the order each round so no target always runs first (or last) after a pause.
    const order = modes.map((_, i, all) => all[(i + round) % all.length]!);
    const measured: Partial<Record<Mode, Measure>> = {};
    for (const mode of order) measured[mode] = await measure(mode, route);
    rounds.push(measured);
    console.log(`round ${round + 1}`);
    for (const mode of modes) {
      const m = measured[mode]!;
      console.log(
        `  ${LABELS[mode].padEnd(32)}${fmt(m.rps, 0)}${fmt(m.p50)}${fmt(m.p99)}${fmt(m.cpuMicrosPerRequest, 1).padStart(12)}`,
      );
      if (m.errors > 0 || m.non2xx > 0) {
        console.log(`  ! ${m.errors} errors, ${m.non2xx} non-2xx`);
        if (mode === 'ogone') failures = true;
      }
    }
  }
  const ratio = (mode: Mode, pick: (m: Measure, bare: Measure) => number) =>
    median(rounds.map((r) => pick(r[mode]!, r.bare!)));
  const verdict: Verdict = {
    route,
    throughput: ratio('ogone', (m, bare) => m.rps / bare.rps),
    p99: ratio('ogone', (m, bare) => m.p99 / bare.p99),
    cpu: ratio('ogone', (m, bare) => m.cpuMicrosPerRequest / bare.cpuMicrosPerRequest),
  };
  verdicts.push(verdict);
  console.log(`median of ${ROUNDS} round(s)      throughput   p99 ratio   CPU/req ÷ bare`);
  for (const mode of modes.filter((m) => m !== 'bare')) {
    console.log(
      `  ${LABELS[mode].padEnd(30)}${ratio(mode, (m, b) => m.rps / b.rps)
        .toFixed(3)
        .padStart(10)}${ratio(mode, (m, b) => m.p99 / b.p99)
        .toFixed(3)
        .padStart(12)}${ratio(mode, (m, b) => m.cpuMicrosPerRequest / b.cpuMicrosPerRequest)
        .toFixed(3)
        .padStart(17)}`,
    );
  }
}

console.log('\nverdict (target: CPU per request ≤ 2× the bare server on every route)');
for (const v of verdicts) {
  console.log(
    `  /${v.route.padEnd(9)} CPU ${v.cpu.toFixed(2)}× bare, throughput ${v.throughput.toFixed(2)}, p99 ${v.p99.toFixed(2)}× — ${v.cpu <= 2 ? 'meets' : 'misses'} the target`,
  );
}
if (failures) process.exitCode = 1;

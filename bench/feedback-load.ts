/**
 * The feedback load generator, in its own process: autocannon against one 127.0.0.1 server,
 * every request a different payment's signed feedback (a warm-up, then a measured run).
 * Prints one JSON line: { requests, rps, p50, p99, errors, non2xx, cpuMicrosPerRequest }.
 */
import autocannon from 'autocannon';
import { feedbackPaths } from './feedback-fixture.js';

const [base, warmupText, durationText, connectionsText] = process.argv.slice(2);
if (base === undefined || !/^http:\/\/127\.0\.0\.1:\d+$/.test(base)) {
  process.stderr.write(
    'usage: feedback-load.ts http://127.0.0.1:<port> warmup duration connections\n',
  );
  process.exit(2);
}
const origin: string = base;
const connections = Number(connectionsText ?? 16);
// Enough distinct payments for the whole run at a generous rate; reused ones become duplicates.
const paths = feedbackPaths(60_000, `FB${process.pid}-`);
let next = 0;

function run(seconds: number, latencies?: number[]): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${origin}/ogone/feedback`,
        method: 'GET',
        connections,
        duration: seconds,
        requests: [
          { setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }) },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    if (latencies !== undefined) {
      instance.on('response', (_client, statusCode, _bytes, responseTime) => {
        if (statusCode === 200) latencies.push(responseTime);
      });
    }
  });
}

const cpu = async (): Promise<{ cpuMicros: number; served: number }> =>
  (await (await fetch(`${origin}/__bench/cpu`)).json()) as { cpuMicros: number; served: number };

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[
    Math.max(0, Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1))
  ]!;
}

await run(Number(warmupText ?? 1));
const latencies: number[] = [];
const before = await cpu();
const result = await run(Number(durationText ?? 5), latencies);
const after = await cpu();
const sorted = Float64Array.from(latencies).sort();
process.stdout.write(
  `${JSON.stringify({
    requests: result.requests.total,
    rps: result.requests.total / result.duration,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    cpuMicrosPerRequest:
      (after.cpuMicros - before.cpuMicros) / Math.max(1, after.served - before.served),
  })}\n`,
);

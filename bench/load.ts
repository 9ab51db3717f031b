/**
 * The load generator, run in its own process (pinned to another core than the server):
 * autocannon against one 127.0.0.1 URL, cycling the route's request bodies (distinct signed
 * results, so no two concurrent feedbacks coalesce), a warm-up then a measured run. Latencies are collected
 * with sub-millisecond precision (autocannon's own histogram rounds to whole milliseconds).
 * Prints one JSON line: { requests, rps, p50, p99, errors, non2xx, cpuMicrosPerRequest }.
 */
import autocannon from 'autocannon';
import { routeRequests, type BenchRoute } from './fixture.js';

const [url, warmupText, durationText, connectionsText, routeText, algorithmText] =
  process.argv.slice(2);
if (url === undefined || !/^http:\/\/127\.0\.0\.1:\d+\//.test(url)) {
  process.stderr.write(
    'usage: load.ts http://127.0.0.1:<port>/<path> warmup duration connections [route] [algorithm]\n',
  );
  process.exit(2);
}
const target: string = url;
const warmup = Number(warmupText ?? 2);
const duration = Number(durationText ?? 10);
const connections = Number(connectionsText ?? 64);
const { method, contentType, bodies } = routeRequests(
  (routeText ?? 'sign') as BenchRoute,
  1000,
  (algorithmText ?? 'sha512') as 'sha1' | 'sha256' | 'sha512',
);
let next = 0;

function run(seconds: number, latencies?: number[]): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: target,
        method,
        headers: { 'content-type': contentType },
        requests: [
          {
            setupRequest: (request) => {
              request.body = bodies[next++ % bodies.length]!;
              return request;
            },
          },
        ],
        connections,
        duration: seconds,
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

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

interface Cpu {
  cpuMicros: number;
  served: number;
}
const cpu = async (): Promise<Cpu> =>
  (await (await fetch(new URL('/__bench/cpu', target))).json()) as Cpu;

await run(warmup);
const latencies: number[] = [];
const before = await cpu();
const result = await run(duration, latencies);
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
    cpuMicrosPerRequest: (after.cpuMicros - before.cpuMicros) / (after.served - before.served),
  })}\n`,
);

/**
 * `npm run bench:core`: the cost of one request inside the handler's runtime-neutral core, no
 * HTTP (what the Node adapter calls), per route. Prints the best of 8 rounds in CPU µs per call; pin
 * it to a core (`taskset -c 0`) for steadier numbers. Arguments: calls per round (default 20000),
 * then routes (default sign verify feedback).
 */
import { getCore, type CoreRequest } from '../src/server/http/core.js';
import { BENCH_ROUTES, benchHandler, routeRequests, type BenchRoute } from './fixture.js';

const core = getCore(benchHandler())!;
const N = Number(process.argv[2] ?? 20000);
const routes = (process.argv.length > 3 ? process.argv.slice(3) : BENCH_ROUTES) as BenchRoute[];

for (const route of routes) {
  const { method, contentType, bodies } = routeRequests(route);
  const buffers = bodies.map((body) => Buffer.from(body));
  const headers: Record<string, string> = { 'content-type': contentType };
  let i = 0;
  const req = (): CoreRequest => {
    const body = buffers[i++ % buffers.length]!;
    return {
      method,
      pathname: `/ogone/${route}`,
      search: '',
      header: (n) => headers[n] ?? null,
      readBody: async () => body,
      bufferedBody: () => body,
      info: { method, url: `http://x/ogone/${route}`, headers: { get: () => null } },
    };
  };
  // CPU time (not wall time): steadier when other processes share the core.
  let best = Infinity;
  for (let r = 0; r < 8; r++) {
    const before = process.cpuUsage();
    for (let k = 0; k < N; k++) {
      const answer = await core.handle(req());
      if (answer.status !== 200) throw new Error(`${route}: ${answer.status} ${answer.body}`);
    }
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / N);
  }
  console.log(`/${route.padEnd(9)} best ${best.toFixed(2)} µs CPU/op`);
}

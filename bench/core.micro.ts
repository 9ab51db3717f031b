/**
 * `npm run bench:core`: the cost of one POST /sign inside the handler's runtime-neutral core, no
 * HTTP (what the Node adapter calls). Prints the best of 8 rounds in µs per call; pin it to a core
 * (`taskset -c 0`) for steadier numbers. Argument: calls per round (default 100000).
 */
import { getCore, type CoreRequest } from '../src/server/http/core.js';
import { benchHandler, SIGN_BODY } from './fixture.js';

const core = getCore(benchHandler())!;
const body = Buffer.from(SIGN_BODY);
const headers: Record<string, string> = { 'content-type': 'application/json' };
const req = (): CoreRequest => ({
  method: 'POST',
  pathname: '/ogone/sign',
  search: '',
  header: (n) => headers[n] ?? null,
  readBody: async () => body,
  bufferedBody: () => body,
  info: { method: 'POST', url: 'http://x/ogone/sign', headers: { get: () => null } } as never,
});
const N = Number(process.argv[2] ?? 100000);
let best = Infinity;
for (let r = 0; r < 8; r++) {
  const t = performance.now();
  for (let i = 0; i < N; i++) await core.handle(req());
  const dt = performance.now() - t;
  best = Math.min(best, (dt * 1000) / N);
}
console.log(`best ${best.toFixed(2)} µs/op`);

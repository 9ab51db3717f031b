/**
 * `ogone-checkout serve`: the companion endpoint as a standalone server, configured by
 * environment variables. Orders come from the merchant's backend (`OGONE_ORDER_LOOKUP_URL`),
 * verified results go to it (`OGONE_RESULT_WEBHOOK_URL`).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import * as z from 'zod';
import { HASH_ALGORITHMS, type HashAlgorithm } from '../protocol/index.js';
import { createOgoneHandler } from './handler.js';
import { toNodeListener } from './node.js';
import { MAX_BODY_BYTES, OgoneConfigError, TrustedOrderSchema } from './options.js';
import type { FeedbackResult, OgoneLogEntry, TrustedOrder } from './types.js';

const HELP = `Usage: ogone-checkout serve

Runs the companion endpoint (POST /ogone/sign, POST /ogone/verify, GET|POST /ogone/feedback,
GET /healthz). Configuration, from the environment:

  OGONE_PSPID                   your PSPID (required)
  OGONE_SHA_IN                  SHA-IN passphrase (required, 16-32 characters in prod)
  OGONE_SHA_OUT                 SHA-OUT passphrase (required, different from SHA-IN)
  OGONE_HASH_ALGORITHM          sha1 | sha256 | sha512 (default sha512)
  OGONE_ENVIRONMENT             test | prod (default test), or instead:
  OGONE_BASE_URL                hosted page base URL, e.g. https://secure.ogone.com/ncol/prod
  OGONE_USERID                  Ogone API user sent as USERID (optional)
  OGONE_ALLOWED_RETURN_ORIGINS  comma-separated origins of your shop (required)
  OGONE_ORDER_LOOKUP_URL        GET <url>/<orderRef> answers the order as JSON, 404 when unknown (required)
  OGONE_RESULT_WEBHOOK_URL      verified results are POSTed here as JSON; must answer 2xx (required)
  OGONE_BACKEND_TOKEN           sent as "authorization: Bearer <token>" to both URLs (optional)
  HOST                          default 127.0.0.1
  PORT                          default 8787
`;

/** Which variable each handler option comes from, to name it in errors. */
const OPTION_VARIABLES: Record<string, string> = {
  pspid: 'OGONE_PSPID',
  shaIn: 'OGONE_SHA_IN',
  shaOut: 'OGONE_SHA_OUT',
  hashAlgorithm: 'OGONE_HASH_ALGORITHM',
  environment: 'OGONE_ENVIRONMENT / OGONE_BASE_URL',
  'environment.baseUrl': 'OGONE_BASE_URL',
  userId: 'OGONE_USERID',
  allowedReturnOrigins: 'OGONE_ALLOWED_RETURN_ORIGINS',
};

const httpUrl = z
  .string({ message: 'is required (an absolute http(s) URL)' })
  .refine((value) => /^https?:\/\/[^/]/.test(value) && URL.canParse(value), {
    message: 'must be an absolute http(s) URL',
  });

const EnvSchema = z
  .object({
    OGONE_PSPID: z.string({ message: 'is required' }),
    OGONE_SHA_IN: z.string({ message: 'is required' }),
    OGONE_SHA_OUT: z.string({ message: 'is required' }),
    OGONE_HASH_ALGORITHM: z
      .enum(HASH_ALGORITHMS as [HashAlgorithm, ...HashAlgorithm[]], {
        message: 'must be sha1, sha256 or sha512',
      })
      .default('sha512'),
    OGONE_ENVIRONMENT: z.enum(['test', 'prod'], { message: 'must be test or prod' }).optional(),
    OGONE_BASE_URL: httpUrl.optional(),
    OGONE_USERID: z.string().optional(),
    OGONE_ALLOWED_RETURN_ORIGINS: z.string({ message: 'is required (comma-separated origins)' }),
    OGONE_ORDER_LOOKUP_URL: httpUrl,
    OGONE_RESULT_WEBHOOK_URL: httpUrl,
    OGONE_BACKEND_TOKEN: z.string().optional(),
    HOST: z.string().default('127.0.0.1'),
    PORT: z
      .string()
      .regex(/^\d{1,5}$/, { message: 'must be a port number' })
      .transform(Number)
      .refine((port) => port <= 65535, { message: 'must be a port number' })
      .default(8787),
  })
  .refine((env) => !(env.OGONE_ENVIRONMENT !== undefined && env.OGONE_BASE_URL !== undefined), {
    message: 'set either OGONE_ENVIRONMENT or OGONE_BASE_URL, not both',
    path: ['OGONE_BASE_URL'],
  });

type Env = z.infer<typeof EnvSchema>;

function readEnv(env: NodeJS.ProcessEnv): Env {
  const present: Record<string, string> = {};
  for (const name of Object.keys(EnvSchema.def.shape ?? {})) {
    const value = env[name];
    if (value !== undefined && value.trim() !== '') present[name] = value;
  }
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 5)
      .map(
        (issue) => `Invalid ${issue.path.map(String).join('.') || 'environment'}: ${issue.message}`,
      );
    throw new Error(problems.join('\n'));
  }
  return parsed.data;
}

function redactor(secrets: (string | undefined)[]): (text: string) => string {
  const list = secrets
    .filter((s): s is string => s !== undefined && s !== '')
    .sort((a, b) => b.length - a.length);
  return (text) => list.reduce((out, secret) => out.split(secret).join('[redacted]'), text);
}

function urlPassword(url: string): string | undefined {
  try {
    const { password } = new URL(url);
    return password === '' ? undefined : decodeURIComponent(password);
  } catch {
    return undefined;
  }
}

/** Reads at most `limit` bytes of a fetch response as text. */
async function readLimited(response: Response, limit: number): Promise<string> {
  const text = await response.text();
  if (text.length > limit) throw new Error(`answer larger than ${limit} characters`);
  return text;
}

function explain(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
  const detail =
    cause !== undefined && cause !== null
      ? ` (${typeof cause.code === 'string' ? cause.code : String(cause.message)})`
      : '';
  return `${error.message}${detail}`;
}

/** `ogone-checkout serve`: resolves with the exit code once stopped (SIGTERM/SIGINT → 0). */
export async function runServe(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(HELP);
    return 0;
  }
  if (argv.length > 0) {
    process.stderr.write(
      `ogone-checkout serve: unexpected argument ${JSON.stringify(argv[0])}\n\n${HELP}`,
    );
    return 2;
  }

  let config: Env;
  try {
    config = readEnv(env);
  } catch (error) {
    const lines = (error as Error).message.split('\n');
    process.stderr.write(lines.map((line) => `ogone-checkout serve: ${line}\n`).join(''));
    return 1;
  }

  const redact = redactor([
    config.OGONE_SHA_IN,
    config.OGONE_SHA_OUT,
    config.OGONE_BACKEND_TOKEN,
    urlPassword(config.OGONE_ORDER_LOOKUP_URL),
    urlPassword(config.OGONE_RESULT_WEBHOOK_URL),
  ]);
  const write = (entry: OgoneLogEntry | Record<string, unknown>) => {
    process.stdout.write(
      `${redact(JSON.stringify({ time: new Date().toISOString(), ...entry }))}\n`,
    );
  };

  const backendHeaders: Record<string, string> =
    config.OGONE_BACKEND_TOKEN === undefined
      ? {}
      : { authorization: `Bearer ${config.OGONE_BACKEND_TOKEN}` };
  const lookupBase = config.OGONE_ORDER_LOOKUP_URL.replace(/\/+$/, '');

  async function resolveOrder(orderRef: string): Promise<TrustedOrder | null> {
    let response: Response;
    try {
      response = await fetch(`${lookupBase}/${encodeURIComponent(orderRef)}`, {
        headers: { accept: 'application/json', ...backendHeaders },
        redirect: 'error',
        signal: AbortSignal.timeout(5_000),
      });
    } catch (error) {
      throw new Error(`order lookup failed: ${explain(error)}`);
    }
    if (response.status === 404) {
      await response.body?.cancel();
      return null;
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new Error(`order lookup answered HTTP ${response.status}`);
    }
    let json: unknown;
    try {
      json = JSON.parse(await readLimited(response, 64 * 1024));
    } catch (error) {
      throw new Error(`order lookup answered no JSON: ${explain(error)}`);
    }
    const parsed = TrustedOrderSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(
        `order lookup answered an invalid order: ${issue.path.map(String).join('.') || 'body'}: ${issue.message}`,
      );
    }
    return parsed.data;
  }

  async function onPaymentResult(result: FeedbackResult): Promise<void> {
    let response: Response;
    try {
      response = await fetch(config.OGONE_RESULT_WEBHOOK_URL, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': result.idempotencyKey,
          ...backendHeaders,
        },
        body: JSON.stringify(result),
        redirect: 'error',
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      throw new Error(`result webhook failed: ${explain(error)}`);
    }
    await response.body?.cancel();
    if (response.status < 200 || response.status > 299) {
      throw new Error(`result webhook answered HTTP ${response.status}`);
    }
  }

  let handler;
  try {
    handler = createOgoneHandler({
      pspid: config.OGONE_PSPID,
      shaIn: config.OGONE_SHA_IN,
      shaOut: config.OGONE_SHA_OUT,
      hashAlgorithm: config.OGONE_HASH_ALGORITHM,
      environment:
        config.OGONE_BASE_URL !== undefined
          ? { baseUrl: config.OGONE_BASE_URL }
          : (config.OGONE_ENVIRONMENT ?? 'test'),
      userId: config.OGONE_USERID,
      allowedReturnOrigins: config.OGONE_ALLOWED_RETURN_ORIGINS.split(',')
        .map((origin) => origin.trim())
        .filter((origin) => origin !== ''),
      resolveOrder,
      onPaymentResult,
      cors: true,
      logger: write,
    });
  } catch (error) {
    if (error instanceof OgoneConfigError) {
      const option = error.option.split('.')[0] ?? error.option;
      const variable = OPTION_VARIABLES[error.option] ?? OPTION_VARIABLES[option] ?? error.option;
      const reason = error.message.replace(/^Invalid option [^:]*: /, '');
      process.stderr.write(`ogone-checkout serve: Invalid ${variable}: ${redact(reason)}\n`);
      return 1;
    }
    throw error;
  }

  const listener = toNodeListener(handler, { maxBodyBytes: MAX_BODY_BYTES });
  const health = (req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now();
    const ok = req.method === 'GET' || req.method === 'HEAD';
    const body = JSON.stringify(
      ok ? { status: 'ok' } : { error: { code: 'method-not-allowed', message: 'Use GET.' } },
    );
    res.writeHead(ok ? 200 : 405, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      ...(ok ? {} : { allow: 'GET, HEAD' }),
    });
    res.end(body);
    req.resume();
    write({
      level: ok ? 'info' : 'warn',
      event: 'request',
      method: req.method ?? 'GET',
      path: '/healthz',
      status: ok ? 200 : 405,
      ...(ok ? {} : { code: 'method-not-allowed' }),
      durationMs: Math.round((performance.now() - started) * 100) / 100,
    });
  };
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/healthz' || url.startsWith('/healthz?')) health(req, res);
    else listener(req, res);
  });
  // Malformed HTTP never reaches the handler: answer it with the same JSON error shape.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (
      !socket.writable ||
      error.code === 'ECONNRESET' ||
      error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
    ) {
      socket.destroy();
      return;
    }
    const body = JSON.stringify({
      error: { code: 'invalid-request', message: 'The request is not valid HTTP.' },
    });
    socket.end(
      `HTTP/1.1 400 Bad Request\r\ncontent-type: application/json; charset=utf-8\r\n` +
        `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
  server.keepAliveTimeout = 5_000;
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;

  return new Promise<number>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      write({ level: 'info', event: 'stopping', signal });
      server.close(() => {
        write({ level: 'info', event: 'stopped' });
        resolve(0);
      });
      server.closeIdleConnections();
      setTimeout(() => server.closeAllConnections(), 5_000).unref();
    };
    server.once('error', (error: NodeJS.ErrnoException) => {
      process.stderr.write(
        `ogone-checkout serve: cannot listen on ${config.HOST}:${config.PORT}: ${error.code ?? error.message}\n`,
      );
      resolve(1);
    });
    server.listen(config.PORT, config.HOST, () => {
      const address = server.address();
      const port = address !== null && typeof address === 'object' ? address.port : config.PORT;
      const host = config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST;
      process.on('SIGTERM', stop);
      process.on('SIGINT', stop);
      write({
        level: 'info',
        event: 'listening',
        url: `http://${host}:${port}`,
        basePath: '/ogone',
        environment: config.OGONE_BASE_URL ?? config.OGONE_ENVIRONMENT ?? 'test',
      });
    });
  });
}

/**
 * A fake Ogone DirectLink platform for the client's tests: `node:http` on port 0, its own SHA-IN
 * check (written from the notes, not the package's), an API user, saved aliases, payments with
 * their after-sale steps, answers shaped like the fixtures, and faults on demand (hang, reset,
 * HTTP 500, garbage) before or after the call is processed.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Page = 'orderdirect' | 'maintenancedirect' | 'querydirect';
export type Fault =
  | 'hang'
  | 'reset-before'
  | 'reset-after'
  | 'hang-after'
  | 'http-500-after'
  | 'garbage-after'
  | 'http-404';
export type AliasBehaviour = 'success' | 'refused' | 'challenge' | 'three-ds-required';

interface Step {
  payIdSub: number;
  operation: string;
  status: number;
  minorAmount: string;
}

interface Payment {
  orderId: string;
  payId: string;
  alias: string;
  status: number;
  minorAmount: string;
  currency: string;
  captured: number;
  refunded: number;
  steps: Step[];
}

export interface FakeDirectLinkOptions {
  pspid: string;
  userId: string;
  password: string;
  passphrase: string;
  algorithm: 'sha1' | 'sha256' | 'sha512';
  /** How querydirect answers a PAYIDSUB that does not exist: the latest step, or an error. */
  unknownStep?: 'latest' | 'error';
}

const STEP_STATUS: Record<string, number> = {
  SAL: 91,
  SAS: 91,
  DES: 61,
  DEL: 61,
  RFD: 81,
  RFS: 81,
};

/** Ogone's `amount`: major units without trailing zeros (`"125"`, `"4.5"`). */
function major(minor: string): string {
  const padded = minor.padStart(3, '0');
  const whole = padded.slice(0, -2).replace(/^0+(?=\d)/, '');
  const cents = padded.slice(-2).replace(/0+$/, '');
  return cents === '' ? whole : `${whole}.${cents}`;
}

function xml(attributes: Record<string, string | number>, inner = ''): string {
  const attrs = Object.entries(attributes)
    .map(([n, v]) => `${n}="${String(v).replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`)
    .join('\r\n');
  return `<?xml version="1.0"?><ncresponse\r\n${attrs}>${inner}</ncresponse>`;
}

export class FakeDirectLink {
  readonly requests: { page: Page; params: Record<string, string> }[] = [];
  readonly #options: FakeDirectLinkOptions;
  readonly #faults: { page: Page; fault: Fault }[] = [];
  readonly #aliases = new Map<string, AliasBehaviour>();
  readonly #byOrder = new Map<string, Payment>();
  readonly #byPayId = new Map<string, Payment>();
  readonly #sockets = new Set<Socket>();
  readonly #waiters: { page: Page; resolve: () => void }[] = [];
  #server: Server | undefined;
  #nextPayId = 3014726;
  baseUrl = '';

  constructor(options: FakeDirectLinkOptions) {
    this.#options = options;
  }

  async start(): Promise<this> {
    this.#server = createServer((req, res) => void this.#handle(req, res));
    this.#server.on('connection', (socket) => {
      this.#sockets.add(socket);
      socket.on('close', () => this.#sockets.delete(socket));
    });
    await new Promise<void>((resolve) => this.#server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.#server.address() as AddressInfo;
    this.baseUrl = `http://127.0.0.1:${port}/ncol/test`;
    return this;
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => this.#server?.close(() => resolve()) ?? resolve());
  }

  addAlias(alias: string, behaviour: AliasBehaviour = 'success'): void {
    this.#aliases.set(alias, behaviour);
  }

  /** The next call to `page` meets `fault`. */
  failNext(page: Page, fault: Fault): void {
    this.#faults.push({ page, fault });
  }

  /** Resolves when the next request for `page` has arrived. */
  received(page: Page): Promise<void> {
    return new Promise((resolve) => this.#waiters.push({ page, resolve }));
  }

  /** How many payments were really taken for an ORDERID (0 or 1), and their after-sale steps. */
  payment(orderId: string): Payment | undefined {
    return this.#byOrder.get(orderId);
  }

  count(page: Page): number {
    return this.requests.filter((r) => r.page === page).length;
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const page = /\/(orderdirect|maintenancedirect|querydirect)_utf8\.asp$/.exec(
      req.url ?? '',
    )?.[1] as Page | undefined;
    if (req.method !== 'POST' || page === undefined) {
      res.writeHead(404).end('not found');
      return;
    }
    const params = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
    this.requests.push({ page, params });
    for (const waiter of this.#waiters.filter((w) => w.page === page)) {
      this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
    const index = this.#faults.findIndex((f) => f.page === page);
    const fault = index === -1 ? undefined : this.#faults.splice(index, 1)[0]!.fault;
    if (fault === 'hang') return;
    if (fault === 'reset-before') return void req.socket.destroy();
    if (fault === 'http-404') return void res.writeHead(404).end('<html>Not found</html>');
    const answer = this.#answer(page, params);
    if (fault === 'reset-after' || fault === 'hang-after') {
      if (fault === 'reset-after') req.socket.destroy();
      return;
    }
    if (fault === 'http-500-after') return void res.writeHead(500).end('Internal Server Error');
    if (fault === 'garbage-after') {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Maintenance</body>');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/xml' }).end(answer);
  }

  /** The SHA-IN check, written from the notes: upper-case names, sorted, passphrase after each. */
  #signatureOf(params: Record<string, string>): string {
    const text = Object.entries(params)
      .filter(([name, value]) => value !== '' && name.toUpperCase() !== 'SHASIGN')
      .map(([name, value]) => [name.toUpperCase(), value] as const)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, value]) => `${name}=${value}${this.#options.passphrase}`)
      .join('');
    return createHash(this.#options.algorithm).update(text, 'utf8').digest('hex').toUpperCase();
  }

  #answer(page: Page, params: Record<string, string>): string {
    const error = (orderId: string, ncError: string, plus: string, extra = {}) =>
      xml({
        orderID: orderId,
        PAYID: '0',
        NCSTATUS: ncError[0]!,
        NCERROR: ncError,
        NCERRORPLUS: plus,
        ACCEPTANCE: '',
        STATUS: '0',
        ...extra,
      });
    const orderId = params['ORDERID'] ?? '';
    const signature = params['SHASIGN'];
    if (
      params['PSPID'] !== this.#options.pspid ||
      params['USERID'] !== this.#options.userId ||
      params['PSWD'] !== this.#options.password
    ) {
      return error(orderId, '50001111', 'Connection to API feature not allowed for this user');
    }
    if (signature === undefined || signature === '')
      return error(orderId, '50001111', 'unknown order/0/s');
    if (signature.toUpperCase() !== this.#signatureOf(params))
      return error(orderId, '50001111', 'unknown order/1/s');
    if (page === 'orderdirect') return this.#order(params, error);
    if (page === 'maintenancedirect') return this.#maintain(params, error);
    return this.#query(params, error);
  }

  #order(
    params: Record<string, string>,
    error: (o: string, n: string, p: string, e?: object) => string,
  ): string {
    const orderId = params['ORDERID']!;
    const previous = this.#byOrder.get(orderId);
    if (previous)
      return error(orderId, '50001113', 'Order already processed', { PAYID: previous.payId });
    const alias = params['ALIAS'] ?? '';
    const behaviour = this.#aliases.get(alias);
    if (behaviour === undefined) return error(orderId, '50001111', `Alias ${alias} not Found`);
    if (behaviour === 'three-ds-required') return error(orderId, '40001139', '3-D Secure required');
    const status =
      behaviour === 'refused'
        ? 2
        : behaviour === 'challenge' && params['FLAG3D'] === 'Y'
          ? 46
          : params['OPERATION'] === 'RES'
            ? 5
            : 9;
    const payment: Payment = {
      orderId,
      payId: String(this.#nextPayId++),
      alias,
      status,
      minorAmount: params['AMOUNT']!,
      currency: params['CURRENCY']!,
      captured: status === 9 ? Number(params['AMOUNT']) : 0,
      refunded: 0,
      steps: [],
    };
    this.#byOrder.set(orderId, payment);
    this.#byPayId.set(payment.payId, payment);
    const html =
      status === 46
        ? `<HTML_ANSWER>${Buffer.from('<form action="https://acs.example/3ds"><input name="creq" value="x"></form>').toString('base64')}</HTML_ANSWER>`
        : '';
    return xml(
      this.#attributes(payment, { STATUS: status, NCERROR: status === 2 ? '30001001' : '0' }),
      html,
    );
  }

  #maintain(
    params: Record<string, string>,
    error: (o: string, n: string, p: string, e?: object) => string,
  ): string {
    const payment = this.#byPayId.get(params['PAYID'] ?? '');
    if (!payment) return error('', '50001131', 'unknown PAYID');
    const operation = params['OPERATION'] ?? '';
    const amount = Number(params['AMOUNT'] ?? payment.minorAmount);
    const refuse = (code: string, plus: string) =>
      error(payment.orderId, code, plus, {
        PAYID: payment.payId,
        PAYIDSUB: payment.steps.length + 1,
      });
    if (operation === 'SAL' || operation === 'SAS') {
      if (payment.status !== 5 || payment.captured + amount > Number(payment.minorAmount)) {
        return refuse('50001127', '|this order is not authorized|');
      }
      payment.captured += amount;
    } else if (operation === 'RFD' || operation === 'RFS') {
      if (payment.captured === 0) return refuse('50001127', '|this order is not authorized|');
      if (payment.refunded + amount > payment.captured)
        return refuse('50001129', 'Overflow in refunds requests');
      payment.refunded += amount;
    } else if (operation === 'DES' || operation === 'DEL') {
      if (payment.status !== 5) return refuse('50001127', '|this order is not authorized|');
    } else {
      return refuse('50001111', 'unknown operation');
    }
    const step: Step = {
      payIdSub: payment.steps.length + 1,
      operation,
      status: STEP_STATUS[operation]!,
      minorAmount: String(amount),
    };
    payment.steps.push(step);
    return xml(
      this.#attributes(payment, {
        PAYIDSUB: step.payIdSub,
        STATUS: step.status,
        amount: major(step.minorAmount),
      }),
    );
  }

  #query(
    params: Record<string, string>,
    error: (o: string, n: string, p: string, e?: object) => string,
  ): string {
    const payment = params['PAYID']
      ? this.#byPayId.get(params['PAYID'])
      : this.#byOrder.get(params['ORDERID'] ?? '');
    if (!payment) {
      return params['PAYID']
        ? error('', '50001131', 'unknown PAYID')
        : error(params['ORDERID'] ?? '', '50001130', 'unknown orderid');
    }
    const wanted = params['PAYIDSUB'] === undefined ? undefined : Number(params['PAYIDSUB']);
    if (wanted !== undefined && wanted > 0) {
      const step = payment.steps.find((s) => s.payIdSub === wanted);
      if (step) {
        return xml(
          this.#attributes(payment, {
            PAYIDSUB: step.payIdSub,
            STATUS: step.status,
            amount: major(step.minorAmount),
          }),
        );
      }
      if (this.#options.unknownStep === 'error')
        return error(payment.orderId, '50001131', 'unknown PAYID/PAYIDSUB');
      const latest = payment.steps.at(-1);
      return xml(
        this.#attributes(payment, {
          PAYIDSUB: latest?.payIdSub ?? 0,
          STATUS: latest?.status ?? payment.status,
        }),
      );
    }
    return xml(this.#attributes(payment, { PAYIDSUB: '', STATUS: payment.status }));
  }

  #attributes(
    payment: Payment,
    extra: Record<string, string | number>,
  ): Record<string, string | number> {
    return {
      orderID: payment.orderId,
      PAYID: payment.payId,
      NCSTATUS: '0',
      NCERROR: '0',
      NCERRORPLUS: '!',
      ACCEPTANCE: 'test123',
      STATUS: payment.status,
      ECI: '9',
      amount: major(payment.minorAmount),
      currency: payment.currency,
      PM: 'CreditCard',
      BRAND: 'VISA',
      ALIAS: payment.alias,
      CARDNO: 'XXXXXXXXXXXX1111',
      ...extra,
    };
  }
}

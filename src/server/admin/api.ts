/**
 * The payments page's JSON API (`<basePath>/admin/api/…`): the searchable list, a payment's
 * detail, and the Capture / Cancel / Refund actions through the operations.
 */
import { toOgoneAmount } from '../../protocol/amount.js';
import type { ResolvedOptions } from '../config/resolve-options.js';
import type { CoreRequest, CoreResponse } from '../http/core.js';
import { jsonBody } from '../http/door.js';
import { fail } from '../http/failure.js';
import { jsonResponse } from '../http/respond.js';
import { eventsOf } from '../ledger/events.js';
import { deliveriesOf } from '../ledger/outbox.js';
import { paymentById, searchPayments } from '../ledger/payments-search.js';
import { withLedger } from '../routes/record.js';
import { plainRefusal, refusalOf, type AdminAction, type AdminOperations } from './operations.js';
import type { ResolvedAdmin } from './options.js';
import {
  FILTER_OUTCOMES,
  FILTERS,
  isFilterId,
  WAITING_OUTCOMES,
  type FilterId,
} from './plain-status.js';
import { detailView, paymentView } from './views.js';

export const PAGE_SIZE = 25;

export interface AdminApi {
  list(req: CoreRequest): Promise<CoreResponse>;
  detail(id: string): Promise<CoreResponse>;
  act(req: CoreRequest, id: string, action: AdminAction): Promise<CoreResponse>;
}

function outcomesOf(filter: FilterId) {
  if (filter === 'all') return {};
  if (filter === 'attention') {
    return { outcomes: FILTER_OUTCOMES.attention, stale: { outcomes: WAITING_OUTCOMES } };
  }
  return { outcomes: FILTER_OUTCOMES[filter] };
}

/** `{ amount?: "5.00", final?: boolean, key: "…" }` from the page, checked. */
async function actionBody(req: CoreRequest, action: AdminAction) {
  const body = await jsonBody(req);
  if (typeof body !== 'object' || body === null) fail('invalid-request', 'Send a JSON object.');
  const { amount, final, key } = body as Record<string, unknown>;
  if (typeof key !== 'string' || !/^[\w-]{8,64}$/.test(key)) {
    fail('invalid-request', 'key must be 8-64 letters, digits, "-" or "_".');
  }
  if (final !== undefined && typeof final !== 'boolean')
    fail('invalid-request', 'final must be true or false.');
  let minor: number | undefined;
  if (amount !== undefined && action !== 'cancel') {
    let text: string;
    try {
      text = toOgoneAmount(
        typeof amount === 'string' ? amount.trim().replace(',', '.') : String(amount),
      );
    } catch {
      return fail('invalid-request', 'Enter an amount like 5.00.');
    }
    minor = Number(text);
    if (minor <= 0) fail('invalid-request', 'Enter an amount above 0.00.');
  }
  return { amount: minor, final: final === true, key };
}

export function createAdminApi(
  o: ResolvedOptions,
  admin: ResolvedAdmin,
  operations: AdminOperations | undefined,
): AdminApi {
  const context = () => ({
    now: new Date(),
    staleAfterMs: admin.staleAfterMs,
    operationsAvailable: operations !== undefined,
  });

  async function detail(id: string, extra: object = {}): Promise<CoreResponse> {
    const found = await withLedger(o, 'reading a payment', async (db) => {
      const row = await paymentById(db, id);
      if (row === undefined) return undefined;
      return {
        row,
        events: await eventsOf(db, row.id),
        // The hook's error text as recorded: secrets taken out, as in the logs.
        deliveries: (await deliveriesOf(db, row.id)).map((d) => ({
          ...d,
          lastError: d.lastError === null ? null : o.scrub(d.lastError),
        })),
        operations: await operations?.operationsOf?.(row.id),
      };
    });
    if (found === undefined) return fail('not-found', 'No payment has this id.');
    return jsonResponse(200, { ...detailView(found.row, found, context()), ...extra });
  }

  return {
    async list(req) {
      const params = new URLSearchParams(req.search);
      const filterParam = params.get('filter') ?? 'all';
      const filter: FilterId = isFilterId(filterParam) ? filterParam : 'all';
      const page = Math.max(
        1,
        Math.min(Number.parseInt(params.get('page') ?? '1', 10) || 1, 100_000),
      );
      const query = (params.get('q') ?? '').slice(0, 100);
      const { outcomes, stale } = outcomesOf(filter);
      const result = await withLedger(o, 'listing payments', (db) =>
        searchPayments(db, {
          query,
          outcomes,
          stale: stale === undefined ? undefined : { ...stale, staleAfterMs: admin.staleAfterMs },
          page,
          pageSize: PAGE_SIZE,
        }),
      );
      const { now, staleAfterMs } = context();
      return jsonResponse(200, {
        payments: result.rows.map((row) => paymentView(row, now, staleAfterMs)),
        total: result.total,
        page,
        pageSize: PAGE_SIZE,
        query,
        filter,
        filters: FILTERS,
      });
    },
    detail,
    async act(req, id, action) {
      const input = action === 'check' ? undefined : await actionBody(req, action);
      if (operations === undefined) {
        return fail(
          'not-found',
          'Capture, cancel and refund are off: the endpoint has no API user.',
        );
      }
      const row = await withLedger(o, 'reading a payment', (db) => paymentById(db, id));
      if (row === undefined) return fail('not-found', 'No payment has this id.');
      let extra = {};
      try {
        if (input === undefined) {
          extra = { queried: (await operations.status(row.order_id)).queried };
        } else if (action === 'cancel') {
          await operations.cancel(row.order_id, { key: input.key });
        } else {
          await operations[action as 'capture' | 'refund'](row.order_id, input);
        }
      } catch (error) {
        const refusal = refusalOf(error);
        if (refusal === undefined) throw error;
        // One code for the page; the operation's own code travels as `reason`.
        return jsonResponse(409, {
          error: {
            code: 'operation-refused',
            message: plainRefusal(refusal, row.currency),
            reason: refusal.code,
          },
        });
      }
      return detail(id, extra);
    },
  };
}

/**
 * The payments page's read: payments found by order reference, ORDERID or PAYID, filtered by
 * outcomes (and staleness), newest first, one page at a time with the total.
 */
import type { Queryable } from './drivers/driver.js';
import { PAYMENT_COLUMNS, type PaymentRow } from './payments.js';

export interface PaymentSearch {
  /** Start of an order reference or ORDERID, or a whole PAYID (case-insensitive). */
  query?: string | undefined;
  /** Only these outcomes (`undefined`: all). */
  outcomes?: readonly string[] | undefined;
  /**
   * Also payments waiting in one of these outcomes (or with no platform answer yet) unchanged
   * for `staleAfterMs` (the "needs attention" filter).
   */
  stale?: { outcomes: readonly string[]; staleAfterMs: number } | undefined;
  /** From 1. */
  page: number;
  /** 1-100. */
  pageSize: number;
}

export interface PaymentPage {
  rows: PaymentRow[];
  total: number;
}

/** `%`, `_` and `\` taken literally in a LIKE pattern. */
function likePrefix(text: string): string {
  return `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function searchPayments(db: Queryable, search: PaymentSearch): Promise<PaymentPage> {
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const query = search.query?.trim() ?? '';
  if (query !== '') {
    const prefix = param(likePrefix(query.toLowerCase()));
    const exact = param(query);
    where.push(
      `(lower(order_ref) LIKE ${prefix} OR lower(order_id) LIKE ${prefix} OR pay_id = ${exact})`,
    );
  }
  const states: string[] = [];
  if (search.outcomes !== undefined) {
    states.push(`outcome = ANY(${param([...search.outcomes])}::text[])`);
  }
  if (search.stale !== undefined) {
    const outcomes = param([...search.stale.outcomes]);
    const ms = param(search.stale.staleAfterMs);
    states.push(
      `((outcome = ANY(${outcomes}::text[]) OR status IS NULL)
        AND updated_at < now() - ${ms} * interval '1 millisecond')`,
    );
  }
  if (states.length > 0) where.push(`(${states.join(' OR ')})`);
  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const size = Math.min(Math.max(1, Math.trunc(search.pageSize)), 100);
  const offset = (Math.max(1, Math.trunc(search.page)) - 1) * size;
  const [rows, count] = [
    await db.query<PaymentRow>(
      `SELECT ${PAYMENT_COLUMNS} FROM payments ${clause}
       ORDER BY created_at DESC, id DESC LIMIT ${size} OFFSET ${offset}`,
      params,
    ),
    await db.query<{ total: string }>(
      `SELECT count(*)::text AS total FROM payments ${clause}`,
      params,
    ),
  ];
  return { rows, total: Number(count[0]?.total ?? 0) };
}

/** One payment row by its id, or `undefined`. */
export async function paymentById(db: Queryable, id: string): Promise<PaymentRow | undefined> {
  if (!/^\d{1,18}$/.test(id)) return undefined;
  const rows = await db.query<PaymentRow>(
    `SELECT ${PAYMENT_COLUMNS} FROM payments WHERE id = $1::bigint`,
    [id],
  );
  return rows[0];
}

/**
 * The payments the platform knows, hosted-page and DirectLink alike: by PAYID and by ORDERID,
 * each with its history of steps (PAYIDSUB 0 is the payment, then captures, cancels, refunds).
 * Bounded: the oldest are forgotten first.
 */
import { BoundedMap } from '../../internal/bounded-map.js';
import type { CardBehaviour } from '../cards.js';
import type { ReturnUrls } from '../hosted-page/redirect.js';

/** What a step of the history does. */
export type StepKind = 'payment' | 'capture' | 'cancel' | 'refund';

/** One step of a payment's history. */
export interface PaymentStep {
  payIdSub: number;
  kind: StepKind;
  /** `SAL`/`RES` for the payment; `SAL`, `SAS`, `DES`, `DEL`, `RFD`, `RFS` after it. */
  operation: string;
  /** Minor units (×100); 15 digits at most, so exact as a number. */
  amountMinor: number;
  status: number;
  ncError: string;
  acceptance: string;
}

/** The card as the platform keeps it: never the full number. */
export interface StoredCard {
  masked: string;
  brand: string;
  /** `MMYY`. */
  ed: string;
  cardholder: string;
  behaviour: CardBehaviour;
}

/** A payment and everything after it. */
export interface PaymentRecord {
  payId: string;
  pspid: string;
  orderId: string;
  currency: string;
  /** The payment's amount, minor units. */
  amountMinor: number;
  operation: 'SAL' | 'RES';
  card: StoredCard | undefined;
  /** The alias used or created. */
  alias: string | undefined;
  eci: string;
  complus: string;
  /** Expanded PARAMPLUS pairs (hosted page): returned by querydirect. */
  paramPlus: readonly [string, string][];
  ip: string;
  cn: string;
  language: string;
  urls: ReturnUrls;
  /** PAYIDSUB 0 first; one step per accepted operation. */
  steps: PaymentStep[];
}

/** The latest step: the payment's current state. */
export function currentStep(payment: PaymentRecord): PaymentStep {
  return payment.steps[payment.steps.length - 1]!;
}

/** Payments by PAYID, and the latest payment of each ORDERID. */
export class PaymentStore {
  readonly #byPayId: BoundedMap<string, PaymentRecord>;
  readonly #byOrderId: BoundedMap<string, string>;

  constructor(limit: number) {
    this.#byPayId = new BoundedMap(limit);
    this.#byOrderId = new BoundedMap(limit);
  }

  add(payment: PaymentRecord): void {
    this.#byPayId.set(payment.payId, payment);
    this.#byOrderId.set(`${payment.pspid}\n${payment.orderId}`, payment.payId);
  }

  byPayId(pspid: string, payId: string): PaymentRecord | undefined {
    const payment = this.#byPayId.get(payId);
    return payment?.pspid === pspid ? payment : undefined;
  }

  /** The latest payment made with an ORDERID. */
  byOrderId(pspid: string, orderId: string): PaymentRecord | undefined {
    const payId = this.#byOrderId.get(`${pspid}\n${orderId}`);
    return payId === undefined ? undefined : this.byPayId(pspid, payId);
  }
}

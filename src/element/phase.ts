/**
 * The element's state as one discriminated phase, and what each phase shows (message, tone,
 * button, busy): a pure function, so every state's text and next step are decided in one table.
 */
import type { PaymentResult, SignedPayload } from '../contract/types.js';
import type { OgoneErrorCode, OgoneErrorDetail } from './events.js';
import type { OgoneCheckoutStrings } from './strings.js';

/** What a payment result means for the shopper. */
export type Receipt = 'paid' | 'pending' | 'uncertain' | 'cancelled' | 'refused';

/**
 * Where the element is. `done` holds a verified (or restored) result; `error` says which step
 * failed: `sign` before the redirect (nothing was charged), `verify` on return (a payment may
 * have happened, so the next step is never "pay again"), `pay` with a saved card. `redirecting`
 * without a form leaves for a 3-D Secure challenge. A saved card's refusal (`done` with `card`)
 * and a saved card's error (`error` with `pay`) carry their message and next step, decided by the
 * saved-card module, and stay in the checkout layout so another card can be picked.
 */
export type Phase =
  | { name: 'idle' }
  | { name: 'signing' }
  | { name: 'redirecting'; form: SignedPayload | null }
  | { name: 'verifying' }
  | {
      name: 'done';
      receipt: Receipt;
      result: PaymentResult | null;
      card?: readonly [MessageKey, ButtonAction];
    }
  | {
      name: 'error';
      step: 'sign' | 'verify' | 'pay';
      error: OgoneErrorDetail;
      pay?: readonly [MessageKey, ButtonAction];
    };

export type PhaseName = Phase['name'];

/**
 * What the one button does. `pay` and `retry` sign the order (labels "Pay now" and "Try again"),
 * `check` asks `/verify` again, `checkout` leaves a return that cannot be shown for this order.
 */
export type ButtonAction = 'pay' | 'retry' | 'check' | 'checkout';

export type Tone = 'info' | 'success' | 'warning' | 'error';

export type MessageKey = keyof OgoneCheckoutStrings;

export interface View {
  message: MessageKey | null;
  tone: Tone;
  button: ButtonAction | null;
  /** The button is shown disabled with a spinner. */
  busy: boolean;
  /** The layout: checkout (amount, checkbox, button, then message) or return (message first). */
  half: 'checkout' | 'return';
  /** Errors are announced assertively and take focus; results take focus too. */
  focus: boolean;
}

/** A receipt after which no new payment may be started for the order. */
export function blocksPayment(receipt: Receipt): boolean {
  return receipt === 'paid' || receipt === 'pending' || receipt === 'uncertain';
}

const RECEIPT_TONE: Readonly<Record<Receipt, Tone>> = {
  paid: 'success',
  pending: 'info',
  uncertain: 'info',
  cancelled: 'warning',
  refused: 'warning',
};

/** Message for a failure before the redirect. */
const SIGN_ERRORS: Partial<Record<OgoneErrorCode, MessageKey>> = {
  network: 'errorNetwork',
  'endpoint-unavailable': 'errorServer',
  timeout: 'errorTimeout',
};

/** Message and next step for a failure on return; anything else is `errorVerify` and no button. */
const VERIFY_ERRORS: Partial<Record<OgoneErrorCode, [MessageKey, ButtonAction]>> = {
  network: ['errorVerifyNetwork', 'check'],
  'endpoint-unavailable': ['errorVerifyServer', 'check'],
  timeout: ['errorVerifyTimeout', 'check'],
  'verification-failed': ['errorTampered', 'checkout'],
  'order-mismatch': ['errorMismatch', 'checkout'],
};

export function viewOf(phase: Phase): View {
  switch (phase.name) {
    case 'idle':
      return view(null, 'info', 'pay', false, 'checkout', false);
    case 'signing':
      return view('signing', 'info', 'pay', true, 'checkout', false);
    case 'redirecting':
      return view(phase.form ? 'redirecting' : 'challenge', 'info', 'pay', true, 'checkout', false);
    case 'verifying':
      return view('verifying', 'info', null, false, 'return', false);
    case 'done': {
      if (phase.card) return view(phase.card[0], 'warning', phase.card[1], false, 'checkout', true);
      const retry = blocksPayment(phase.receipt) ? null : 'retry';
      return view(phase.receipt, RECEIPT_TONE[phase.receipt], retry, false, 'return', true);
    }
    case 'error': {
      if (phase.pay) return view(phase.pay[0], 'error', phase.pay[1], false, 'checkout', true);
      if (phase.step === 'sign') {
        const message = SIGN_ERRORS[phase.error.code] ?? 'errorStart';
        return view(message, 'error', 'retry', false, 'checkout', true);
      }
      const [message, button] = VERIFY_ERRORS[phase.error.code] ?? ['errorVerify', null];
      return view(message, 'error', button, false, 'return', true);
    }
  }
}

function view(
  message: MessageKey | null,
  tone: Tone,
  button: ButtonAction | null,
  busy: boolean,
  half: View['half'],
  focus: boolean,
): View {
  return { message, tone, button, busy, half, focus };
}

/**
 * Which fields the hosted payment page gets for a trusted order: a pure function of the order,
 * the shop's settings and the shopper's choices (the signature is added by the caller).
 */
import { toOgoneLanguage } from '../../protocol/environment.js';
import { normalizeFormFields } from '../../protocol/form-values.js';
import { aliasUsageFor, type AliasUsageSetting } from './alias-usage.js';
import { customerFields } from './customer-fields.js';
import type { TrustedOrder } from '../types.js';

/** What the field mapping needs besides the order. */
export interface HostedFieldsInput {
  pspid: string;
  userId: string | undefined;
  operation: 'SAL' | 'RES';
  aliasUsage: AliasUsageSetting | undefined;
  order: TrustedOrder;
  /** `AMOUNT`, minor units. */
  minor: string;
  orderRef: string;
  /** The fresh ORDERID of this attempt. */
  orderId: string;
  /** Checked, canonical; used for all four return URLs. */
  returnUrl: string;
  /** The shopper's language tag; the order's language when absent. */
  language: string | undefined;
  /** The alias to create when the shopper saves the card, else `undefined`. */
  alias: string | undefined;
}

/**
 * The unsigned form fields, in the order they are sent, every value normalised (one line, no
 * control characters, within the field's length) so the browser posts what is signed.
 */
export function hostedPageFields(input: HostedFieldsInput): Record<string, string> {
  const { order } = input;
  const language = toOgoneLanguage(input.language ?? order.language);
  const fields: Record<string, string> = {
    PSPID: input.pspid,
    ORDERID: input.orderId,
    AMOUNT: input.minor,
    CURRENCY: order.currency,
    LANGUAGE: language,
    ...customerFields(order.customer),
  };
  fields['OPERATION'] = input.operation;
  if (input.userId !== undefined) fields['USERID'] = input.userId;
  fields['ACCEPTURL'] = input.returnUrl;
  fields['DECLINEURL'] = input.returnUrl;
  fields['EXCEPTIONURL'] = input.returnUrl;
  fields['CANCELURL'] = input.returnUrl;
  fields['COMPLUS'] = input.orderRef;
  if (input.alias !== undefined) {
    fields['ALIAS'] = input.alias;
    fields['ALIASUSAGE'] = aliasUsageFor(input.aliasUsage, language);
    fields['ALIASOPERATION'] = 'BYMERCHANT';
    fields['ALIASPERSISTEDAFTERUSE'] = 'Y';
  }
  return normalizeFormFields(fields);
}

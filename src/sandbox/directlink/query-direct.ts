/**
 * `querydirect_utf8.asp`: the current state of one payment (or of one step with PAYIDSUB):
 * STATUS, PAYIDSUB, CARDNO, ECI, IP and, for hosted-page payments, COMPLUS and the PARAMPLUS
 * pairs. An unknown order answers 50001130, an unknown PAYID 50001131.
 */
import type { SandboxContext } from '../context.js';
import { currentStep } from '../state/payments.js';
import {
  errorAttributes,
  headAttributes,
  majorAmount,
  type Attributes,
  type DirectLinkAnswer,
} from './answer.js';
import { outcomeText } from './errors.js';
import { findPayment } from './find-payment.js';
import type { DirectLinkRequest } from './request.js';

const XML_NAME = /^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/;

export function queryDirect(direct: DirectLinkRequest, context: SandboxContext): DirectLinkAnswer {
  const found = findPayment(direct, context);
  if ('error' in found) return { attributes: found.error };
  const payment = found;
  const subText = direct.read('PAYIDSUB');
  const step =
    subText === ''
      ? currentStep(payment)
      : payment.steps.find((s) => String(s.payIdSub) === subText);
  if (step === undefined) {
    const echo = { orderId: payment.orderId, payId: payment.payId, payIdSub: subText };
    return {
      attributes: errorAttributes(
        'unknown-payid',
        [`${payment.payId}/${subText}`, payment.pspid],
        echo,
      ),
    };
  }
  const card = payment.card;
  const attributes: Attributes = [
    ...headAttributes(
      payment.orderId,
      payment.payId,
      step.ncError,
      outcomeText(step.ncError),
      String(step.payIdSub),
    ),
    ['ACCEPTANCE', step.acceptance],
    ['STATUS', String(step.status)],
    ['ECI', payment.eci],
    ['amount', majorAmount(step.amountMinor)],
    ['currency', payment.currency],
    ['PM', card ? 'CreditCard' : ''],
    ['BRAND', card?.brand ?? ''],
    ['CARDNO', card?.masked ?? ''],
    ['ED', card?.ed ?? ''],
    ['CN', card?.cardholder ?? payment.cn],
    ['IP', payment.ip],
  ];
  if (payment.alias !== undefined) attributes.push(['ALIAS', payment.alias]);
  if (payment.complus !== '') attributes.push(['COMPLUS', payment.complus]);
  for (const [name, value] of payment.paramPlus) {
    if (
      XML_NAME.test(name) &&
      !attributes.some(([taken]) => taken.toUpperCase() === name.toUpperCase())
    ) {
      attributes.push([name, value]);
    }
  }
  return { attributes };
}

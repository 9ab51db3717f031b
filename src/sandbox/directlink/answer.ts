/** The HTTP side of every DirectLink answer: always 200, XML in the page's encoding, never cached. */
import { ogoneReturnAmount } from '../hosted-page/result.js';
import { encodeText, type PageEncoding } from './encoding.js';
import { describeError, ncStatusOf, type DirectLinkError } from './errors.js';
import { ncResponseXml } from './xml.js';

export type Attributes = [string, string][];

/** What a DirectLink page answers: the XML attributes, and the base64 HTML of a challenge. */
export interface DirectLinkAnswer {
  attributes: Attributes;
  htmlAnswerBase64?: string;
}

/** `amount` of an answer: major units without trailing zeros, as in the return parameters. */
export function majorAmount(minor: number): string {
  return ogoneReturnAmount(String(minor));
}

/** An XML answer (HTTP 200, also for functional errors, as the platform does). */
export function xmlResponse(
  attributes: Attributes,
  encoding: PageEncoding,
  htmlAnswerBase64?: string,
): Response {
  const charset = encoding === 'utf-8' ? 'utf-8' : 'iso-8859-1';
  return new Response(encodeText(ncResponseXml(attributes, htmlAnswerBase64), encoding), {
    status: 200,
    headers: {
      'content-type': `text/xml; charset=${charset}`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}

/** `orderID … NCERRORPLUS` for a result: `NCERRORPLUS` is `!` when there is no error. */
export function headAttributes(
  orderId: string,
  payId: string,
  ncError: string,
  ncErrorPlus = '!',
  payIdSub?: string,
): Attributes {
  return [
    ['orderID', orderId],
    ['PAYID', payId],
    ...(payIdSub === undefined ? [] : ([['PAYIDSUB', payIdSub]] as Attributes)),
    ['NCSTATUS', ncStatusOf(ncError)],
    ['NCERROR', ncError],
    ['NCERRORPLUS', ncErrorPlus],
  ];
}

/** What an error answer echoes of the request. */
export interface ErrorEcho {
  orderId?: string;
  payId?: string;
  payIdSub?: string;
  currency?: string;
}

/** A functional error: STATUS 0, the error's NCERROR and text, the request's ids echoed. */
export function errorAttributes(
  error: DirectLinkError,
  details: readonly string[],
  echo: ErrorEcho = {},
): Attributes {
  const { ncError, ncErrorPlus } = describeError(error, details);
  return [
    ...headAttributes(echo.orderId ?? '', echo.payId ?? '0', ncError, ncErrorPlus, echo.payIdSub),
    ['ACCEPTANCE', ''],
    ['STATUS', '0'],
    ['amount', ''],
    ['currency', echo.currency ?? ''],
  ];
}

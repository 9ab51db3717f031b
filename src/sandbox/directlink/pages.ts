/**
 * The DirectLink pages behind one door: the request is checked, the page applies it, the XML
 * answer goes back — unless the controls said to lose it (then the operation is applied and the
 * connection is reset, at once or after a silence, as a network failure would).
 */
import type { SandboxContext } from '../context.js';
import type { Environment } from '../http/router.js';
import type { DirectLinkPage } from '../state/controls.js';
import { xmlResponse, type DirectLinkAnswer } from './answer.js';
import type { PageEncoding } from './encoding.js';
import { maintenanceDirect } from './maintenance-direct.js';
import { orderDirect } from './order-direct.js';
import { queryDirect } from './query-direct.js';
import { openDirectLinkRequest, type DirectLinkRequest } from './request.js';

type PageHandler = (
  direct: DirectLinkRequest,
  context: SandboxContext,
  environment: Environment,
  request: Request,
) => DirectLinkAnswer;

const PAGES: Readonly<Record<DirectLinkPage, PageHandler>> = {
  orderdirect: orderDirect,
  maintenancedirect: maintenanceDirect,
  querydirect: queryDirect,
};

export async function serveDirectLink(
  request: Request,
  context: SandboxContext,
  page: DirectLinkPage,
  environment: Environment,
  encoding: PageEncoding,
): Promise<Response> {
  const door = await openDirectLinkRequest(request, context.config, encoding);
  let response: Response;
  if ('answer' in door) {
    response = door.answer;
  } else {
    const answer = PAGES[page](door.request, context, environment, request);
    response = xmlResponse(answer.attributes, encoding, answer.htmlAnswerBase64);
  }
  const drop = context.controls.takeDrop(page);
  if (drop === undefined) return response;
  if (drop.mode === 'timeout') await context.controls.silence(drop.afterMs);
  return Response.error();
}

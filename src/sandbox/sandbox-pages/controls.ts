/**
 * The test controls, for code (`sandbox.controls`) and for the demo and end-to-end tests over HTTP
 * (`/ncol/sandbox/controls`: GET the state, POST one JSON action). JSON only, so a cross-site
 * form cannot reach it.
 */
import * as z from 'zod';
import { explainIssues } from '../../internal/issues.js';
import { errorBody, JSON_HEADERS } from '../../internal/json-answer.js';
import { JSON_MEDIA_TYPE, mediaType } from '../../internal/media-type.js';
import { jsonResponse } from '../http/responses.js';
import {
  DIRECTLINK_PAGES,
  type Controls,
  type ControlsState,
  type DirectLinkPage,
} from '../state/controls.js';

/** The longest silence before a dropped answer's connection is reset. */
export const MAX_SILENCE_MS = 600_000;

const orderId = z.string().min(1).max(40);

const ControlActionSchema = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('hold-uncertain'),
    orderId,
    untilMs: z.number().int().min(0).optional(),
  }),
  z.object({ action: z.literal('release-uncertain'), orderId }),
  z.object({
    action: z.literal('drop-next-answer'),
    page: z.enum(DIRECTLINK_PAGES),
    mode: z.enum(['reset', 'timeout']).optional(),
    afterMs: z.number().int().min(0).max(MAX_SILENCE_MS).optional(),
  }),
]);

type ControlAction = z.infer<typeof ControlActionSchema>;

/** The controls as `sandbox.controls` offers them. */
export interface SandboxControls {
  /**
   * The next step of this ORDERID (the payment, or a capture, cancel or refund) answers uncertain
   * (92 / 52, 92, 62, 82) and stays so until `untilMs` (epoch ms of the sandbox clock) or until
   * {@link SandboxControls.releaseUncertain}; then it takes its real outcome, with a feedback.
   */
  holdUncertain(orderId: string, untilMs?: number): void;
  /** Ends the hold of an ORDERID now (after its feedback); false when nothing is held. */
  releaseUncertain(orderId: string): Promise<boolean>;
  /**
   * Applies the next request to a DirectLink page but loses its answer: the connection is reset
   * (`reset`, the default) or stays silent for `afterMs` (default 120 000) and is then reset.
   */
  dropNextAnswer(
    page: DirectLinkPage,
    options?: { mode?: 'reset' | 'timeout'; afterMs?: number },
  ): void;
  /** What is armed, held and planned. */
  state(): ControlsState;
}

/** Runs one checked action; the answer's body. */
async function run(controls: Controls, action: ControlAction): Promise<Record<string, unknown>> {
  switch (action.action) {
    case 'hold-uncertain':
      controls.holdUncertain(action.orderId, action.untilMs);
      return {};
    case 'release-uncertain':
      return { released: await controls.releaseUncertain(action.orderId) };
    case 'drop-next-answer':
      controls.dropNextAnswer(action.page, {
        mode: action.mode ?? 'reset',
        afterMs: action.afterMs ?? 120_000,
      });
      return {};
  }
}

/** `sandbox.controls`: the same actions, checked the same way (a TypeError for a wrong one). */
export function sandboxControls(controls: Controls): SandboxControls {
  const checked = (input: unknown): ControlAction => {
    const result = ControlActionSchema.safeParse(input);
    if (!result.success) throw new TypeError(explainIssues(result.error.issues, 3, 'action'));
    return result.data;
  };
  return {
    holdUncertain: (orderId, untilMs) => {
      void run(controls, checked({ action: 'hold-uncertain', orderId, untilMs }));
    },
    releaseUncertain: async (orderId) =>
      (await run(controls, checked({ action: 'release-uncertain', orderId })))['released'] === true,
    dropNextAnswer: (page, options = {}) => {
      void run(controls, checked({ action: 'drop-next-answer', page, ...options }));
    },
    state: () => controls.state(),
  };
}

function jsonError(status: number, code: string, message: string): Response {
  return new Response(errorBody(code, message), { status, headers: JSON_HEADERS });
}

/** `GET` answers the state; `POST` one action (`application/json`), then the state. */
export async function answerControls(request: Request, controls: Controls): Promise<Response> {
  if (request.method === 'GET') return jsonResponse(controls.state());
  if (request.method !== 'POST') {
    return jsonError(405, 'method-not-allowed', 'Use GET for the state or POST an action.');
  }
  if (mediaType(request.headers.get('content-type')) !== JSON_MEDIA_TYPE) {
    return jsonError(415, 'unsupported-media-type', 'Send the action as application/json.');
  }
  let body: unknown;
  try {
    body = JSON.parse(await request.text());
  } catch {
    return jsonError(400, 'invalid-json', 'The body is not JSON.');
  }
  const result = ControlActionSchema.safeParse(body);
  if (!result.success) {
    return jsonError(400, 'invalid-request', explainIssues(result.error.issues, 3, 'action'));
  }
  const outcome = await run(controls, result.data);
  return jsonResponse({ ...outcome, state: controls.state() });
}

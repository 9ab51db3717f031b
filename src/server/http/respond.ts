/** The core's answers: JSON values and typed error bodies, with the shared JSON headers. */
import { errorBody, JSON_HEADERS } from '../../internal/json-answer.js';
import type { CoreResponse } from './core.js';

/** A JSON answer. */
export function jsonResponse(status: number, value: unknown): CoreResponse {
  return { status, headers: { ...JSON_HEADERS }, body: JSON.stringify(value) };
}

/** `{ error: { code, message } }` with `status`, plus optional headers (e.g. `allow`). */
export function errorResponse(
  status: number,
  code: string,
  message: string,
  extra?: Record<string, string>,
): CoreResponse {
  return { status, headers: { ...JSON_HEADERS, ...extra }, body: errorBody(code, message) };
}

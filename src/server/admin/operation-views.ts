/**
 * The payments page's "Actions taken": each capture, cancel or refund recorded by the operations
 * (from this page, your code or the CLI) in plain words, with how far it got. Pure.
 */
import type { Tone } from './plain-status.js';

/** What the page reads of an operation's record (as `operationsOf` answers it). */
export interface AdminOperationRecord {
  kind: string;
  amount: number;
  final: boolean;
  state: string;
  ncError: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface OperationView {
  /** `Capture of 19.20 EUR (the last one)`. */
  label: string;
  /** `Done`, `Waiting for the bank`, `No answer yet: being checked with Ogone`… */
  state: string;
  tone: Tone;
  at: string;
}

const KINDS: Readonly<Record<string, string>> = {
  capture: 'Capture',
  refund: 'Refund',
  cancel: 'Cancellation',
};

const STATES: Readonly<Record<string, { text: string; tone: Tone }>> = {
  sent: { text: 'Sent, no answer yet', tone: 'waiting' },
  pending: { text: 'Waiting for the bank', tone: 'waiting' },
  done: { text: 'Done', tone: 'good' },
  refused: { text: 'Refused by Ogone', tone: 'bad' },
  uncertain: { text: 'Answer lost: being checked with Ogone', tone: 'attention' },
  failed: { text: 'Not done: nothing was changed', tone: 'neutral' },
};

function money(minor: number, currency: string): string {
  const text = String(Math.max(0, Math.trunc(minor))).padStart(3, '0');
  return `${text.slice(0, -2)}.${text.slice(-2)} ${currency}`;
}

export function operationView(record: AdminOperationRecord, currency: string): OperationView {
  const kind = KINDS[record.kind] ?? 'Action';
  const amount = record.kind === 'cancel' ? '' : ` of ${money(record.amount, currency)}`;
  const last = record.final && record.kind !== 'cancel' ? ' (the last one)' : '';
  const state = STATES[record.state] ?? { text: record.state, tone: 'neutral' as const };
  const error = record.state === 'refused' && record.ncError ? ` (error ${record.ncError})` : '';
  return {
    label: `${kind}${amount}${last}`,
    state: `${state.text}${error}`,
    tone: state.tone,
    at: record.updatedAt,
  };
}

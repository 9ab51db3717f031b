import { readFileSync } from 'node:fs';
import data from '../fixtures/worldline-v1hmac-vectors.json' with { type: 'json' };

/** One request vector: every expectation is optional (a source gives one or more of them). */
export interface RequestVector {
  id: string;
  apiKeyId: string;
  secretApiKey: string;
  method: string;
  contentType: string;
  date: string;
  headers: string[][];
  resource: string;
  stringToHash?: string;
  signature?: string;
  authorization?: string;
}

/** The Worldline Direct vectors A-D (copied from the notes into test/fixtures). */
export const WORLDLINE_VECTORS = data as Omit<typeof data, 'requests' | 'signatures'> & {
  requests: RequestVector[];
  signatures: {
    id: string;
    apiKeyId: string;
    secretApiKey: string;
    stringToHash: string;
    signature: string;
    authorization?: string;
  }[];
};

/** Vector D's body, byte for byte as the fixture holds it. */
export function webhookBody(): Uint8Array {
  return new Uint8Array(
    readFileSync(new URL('../fixtures/worldline-webhook-body.json', import.meta.url)),
  );
}

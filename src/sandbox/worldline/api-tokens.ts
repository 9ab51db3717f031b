/**
 * `GET tokens/{id}` (200 `tokenResponse`), `DELETE tokens/{id}` (204, then 404: "does not exist or
 * has been deleted"), `GET services/testconnection` and `POST webhooks/validateCredentials`.
 * Legacy Ogone aliases are tokens here too, verbatim (notes §5).
 */
import { signaturesMatch } from '../../protocol/worldline/hmac.js';
import { webhookCredentialsSignature } from '../../protocol/worldline/webhook.js';
import { errorBody } from './api-errors.js';
import type { SandboxContext } from './context.js';
import type { Json } from './fields.js';
import type { ApiAnswer } from './http.js';
import { maskedCardNumber, type SandboxCard } from './payment-model.js';

/** A card number as the token's `card.alias` shows it: `411111XXXXXX1111` (BIN when known). */
function cardAlias(card: SandboxCard): string {
  const hidden = card.length - 4 - card.bin.length;
  return `${card.bin}${'X'.repeat(Math.max(0, hidden))}${card.last4}`;
}

export async function getToken(context: SandboxContext, id: string): Promise<ApiAnswer> {
  const token = await context.state.token(id);
  if (token === undefined) return errorBody('unknown-token', { propertyName: 'tokenId' });
  const { card } = token;
  return {
    status: 200,
    body: {
      id: token.id,
      paymentProductId: card.paymentProductId,
      card: {
        alias: cardAlias(card),
        data: {
          cardWithoutCvv: {
            cardNumber: maskedCardNumber(card),
            cardholderName: card.cardholderName,
            expiryDate: card.expiryDate,
          },
        },
      },
      isTemporary: false,
    },
  };
}

export async function deleteToken(context: SandboxContext, id: string): Promise<ApiAnswer> {
  const token = await context.state.token(id);
  if (token === undefined) return errorBody('unknown-token', { propertyName: 'tokenId' });
  context.state.tokens.delete(id);
  context.state.deletedTokens.set(id, true);
  return { status: 204 };
}

export function testConnection(): ApiAnswer {
  return { status: 200, body: { result: 'OK' } };
}

/** `{ key, secret }` where secret is the webhook signature of an empty body. */
export async function validateWebhookCredentials(
  context: SandboxContext,
  body: Json,
): Promise<ApiAnswer> {
  const { webhookKeyId, webhookSecret } = context.config;
  const expected = await webhookCredentialsSignature(webhookSecret);
  const valid =
    body.key === webhookKeyId &&
    typeof body.secret === 'string' &&
    signaturesMatch(expected, body.secret);
  return { status: 200, body: { result: valid ? 'Valid' : 'Invalid' } };
}

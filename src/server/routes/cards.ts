/**
 * `GET <basePath>/cards?orderRef=…` lists the order's customer's saved cards (`SavedCards`);
 * `DELETE <basePath>/cards/<id>?orderRef=…` forgets one. Both authorised by `resolveOrder`: the
 * order names the customer, and only that customer's cards exist for the request.
 */
import { ORDER_REF_PATTERN } from '../../contract/schemas.js';
import type { ResolvedOptions } from '../config/resolve-options.js';
import type { CoreRequest } from '../http/core.js';
import { fail } from '../http/failure.js';
import { jsonResponse } from '../http/respond.js';
import type { Route } from '../http/router.js';
import { customerCards, forgetCard } from '../ledger/customer-cards.js';
import { savedCardsAnswer, savedCardsOff } from '../rules/saved-cards.js';
import { withLedger } from './record.js';
import {
  authorisedOrder,
  customerOf,
  OFF_NO_CUSTOMER,
  ownedCard,
  requireSavedCards,
  savedCardsOffReason,
} from './saved-card-access.js';

/** The `orderRef` query parameter; 400 `invalid-request` when missing or malformed. */
function orderRefOf(req: CoreRequest): string {
  const params = new URLSearchParams(req.search);
  const refs = params.getAll('orderRef');
  if (refs.length !== 1 || !ORDER_REF_PATTERN.test(refs[0]!)) {
    return fail('invalid-request', 'Send one orderRef query parameter (the order being paid).');
  }
  return refs[0]!;
}

export function cardsRoute(o: ResolvedOptions): Route {
  async function list(req: CoreRequest, orderRef: string) {
    const checked = await authorisedOrder(o, orderRef, req.info);
    const off = savedCardsOffReason(o);
    if (off !== undefined) return jsonResponse(200, savedCardsOff(off));
    const customerId = checked.order.customerId;
    if (customerId === undefined || customerId === '') {
      return jsonResponse(200, savedCardsOff(OFF_NO_CUSTOMER));
    }
    const cards = await withLedger(o, 'listing saved cards', (db) => customerCards(db, customerId));
    return jsonResponse(200, savedCardsAnswer(cards, new Date()));
  }

  async function remove(req: CoreRequest, orderRef: string, cardId: string) {
    requireSavedCards(o);
    const customerId = customerOf(await authorisedOrder(o, orderRef, req.info));
    const card = await ownedCard(o, customerId, cardId);
    // Worldline Direct has the call legacy Ogone lacks: the token is deleted at the platform first.
    const deleted = await o.provider.deleteToken?.(card.alias);
    const forgotten = await withLedger(o, 'forgetting a saved card', (db) =>
      forgetCard(db, customerId, card.publicId),
    );
    if (!forgotten) return fail('card-not-found', 'No saved card is known under this id.');
    o.log({
      level: 'info',
      event: 'card-forgotten',
      message:
        deleted === undefined
          ? `Saved card ${card.publicId} (alias ${card.alias}) of customer ${customerId} forgotten locally (Ogone has no DirectLink call to delete an alias; delete it in the back office or with a Batch DELALIAS line if needed).`
          : `Saved card ${card.publicId} of customer ${customerId} forgotten, its token ${deleted.deleted ? 'deleted at' : 'already unknown to'} Worldline Direct.`,
    });
    return jsonResponse(200, { removed: true, id: card.publicId });
  }

  return {
    methods: ['GET', 'DELETE'],
    cors: true,
    params: [0, 1],
    async run({ req, facts, rest }) {
      const cardId = rest[0];
      if ((req.method === 'GET') !== (cardId === undefined)) {
        const path = `${o.basePath}/cards${cardId === undefined ? '' : '/<id>'}`;
        fail('method-not-allowed', `Use ${cardId === undefined ? 'GET' : 'DELETE'} for ${path}.`, {
          allow: cardId === undefined ? 'GET' : 'DELETE',
        });
      }
      const orderRef = orderRefOf(req);
      facts.orderRef = orderRef;
      return cardId === undefined ? list(req, orderRef) : remove(req, orderRef, cardId);
    },
  };
}

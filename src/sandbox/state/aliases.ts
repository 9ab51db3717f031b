/**
 * Card aliases the platform created (hosted page with consent, or DirectLink with a card), per
 * PSPID, in memory and bounded: the masked card, brand, expiry and the card's test behaviour.
 */
import { BoundedMap } from '../../internal/bounded-map.js';
import { parseExpiry } from '../cards.js';
import type { StoredCard } from './payments.js';

export interface StoredAlias extends StoredCard {
  pspid: string;
  alias: string;
}

export class AliasStore {
  readonly #aliases: BoundedMap<string, StoredAlias>;

  constructor(limit: number) {
    this.#aliases = new BoundedMap(limit);
  }

  /** Creates or updates an alias (a second payment with the same alias name replaces the card). */
  remember(alias: StoredAlias): void {
    this.#aliases.set(`${alias.pspid}\n${alias.alias}`, alias);
  }

  find(pspid: string, alias: string): StoredAlias | undefined {
    return this.#aliases.get(`${pspid}\n${alias}`);
  }

  /** The card of an alias; `expired` once past the end of its ED month; `undefined` if unknown. */
  card(pspid: string, alias: string, now: Date): StoredCard | 'expired' | undefined {
    const saved = this.find(pspid, alias);
    if (saved === undefined) return undefined;
    if (parseExpiry(`${saved.ed.slice(0, 2)}/${saved.ed.slice(2)}`, now) === undefined) {
      return 'expired';
    }
    const { masked, brand, ed, cardholder, behaviour } = saved;
    return { masked, brand, ed, cardholder, behaviour };
  }
}

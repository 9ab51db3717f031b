/** Every built-in string table at once, for `OGONE_CHECKOUT_STRINGS` (the element loads one). */
import type { OgoneCheckoutLanguage, OgoneCheckoutStrings } from '../strings.js';
import { EN as en } from '../strings.js';
import de from './de.js';
import { EN_ON_DEMAND } from './en-on-demand.js';
import es from './es.js';
import fr from './fr.js';
import it from './it.js';
import nl from './nl.js';

export const OGONE_CHECKOUT_STRINGS: Readonly<Record<OgoneCheckoutLanguage, OgoneCheckoutStrings>> =
  { en: { ...en, ...EN_ON_DEMAND }, fr, nl, de, it, es };

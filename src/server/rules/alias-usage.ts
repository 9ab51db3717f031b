/**
 * `ALIASUSAGE`, the text Ogone shows when it stores the shopper's card: in the shopper's language,
 * from the merchant's own texts when given, else from built-in ones.
 */

/** The built-in consent texts, by language (the languages of Ogone's markets). */
export const ALIAS_USAGE_TEXTS = {
  en: 'Your card will be stored securely for faster checkout next time.',
  fr: 'Votre carte sera enregistrée en toute sécurité pour payer plus vite la prochaine fois.',
  nl: 'Uw kaart wordt veilig bewaard zodat u de volgende keer sneller betaalt.',
  de: 'Ihre Karte wird sicher gespeichert, damit Sie beim nächsten Mal schneller bezahlen.',
  it: 'La tua carta sarà memorizzata in modo sicuro per pagare più velocemente la prossima volta.',
  es: 'Su tarjeta se guardará de forma segura para pagar más rápido la próxima vez.',
} as const;

export type AliasUsageLanguage = keyof typeof ALIAS_USAGE_TEXTS;

/** The merchant's setting: one text for every language, or texts by language code. */
export type AliasUsageSetting = string | Partial<Record<string, string>>;

/**
 * The text for an Ogone `LANGUAGE` (`fr_BE`): the merchant's text for `fr`, else their English
 * one, else their first one; without merchant texts, the built-in text for `fr`, else English.
 */
export function aliasUsageFor(
  setting: AliasUsageSetting | undefined,
  ogoneLanguage: string,
): string {
  const language = ogoneLanguage.slice(0, 2).toLowerCase();
  if (typeof setting === 'string') return setting;
  if (setting !== undefined) {
    const own = setting[language] ?? setting['en'] ?? Object.values(setting)[0];
    if (own !== undefined) return own;
  }
  return ALIAS_USAGE_TEXTS[language as AliasUsageLanguage] ?? ALIAS_USAGE_TEXTS.en;
}

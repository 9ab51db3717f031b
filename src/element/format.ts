/** Money as the shopper reads it: `Intl.NumberFormat` in the page language, else plain text. */

export function formatAmount(amount: string, currency: string, languageTag: string): string {
  if (/^\d{1,15}(\.\d{1,2})?$/.test(amount)) {
    try {
      return new Intl.NumberFormat(languageTag || 'en', { style: 'currency', currency }).format(
        Number(amount),
      );
    } catch {
      // Unknown currency or language tag: keep the plain text.
    }
  }
  return `${amount} ${currency}`;
}

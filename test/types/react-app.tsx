/**
 * Type fixture (checked by `tsc`, see test/node/element-types.test.ts): the README's React usage,
 * the `ogone-checkout/react` wrapper with typed event props, and the bare tag in React 19 TSX.
 */
import { useState } from 'react';
import type { PaymentResult } from 'ogone-checkout';
import { OgoneCheckout } from 'ogone-checkout/react';

export function Checkout({ orderRef }: { orderRef: string }) {
  const [result, setResult] = useState<PaymentResult | null>(null);
  return (
    <>
      <OgoneCheckout
        endpoint="/ogone"
        orderRef={orderRef}
        saveCard="optional"
        pspid="MYSHOP"
        strings={{ pay: 'Pay securely' }}
        onOgoneResult={(event) => setResult(event.detail)}
        onOgoneError={(event) => console.warn(event.detail.code)}
        onOgoneBeforeRedirect={(event) => event.detail.fields['ORDERID']}
        onOgoneCardRemoved={(event) => console.info(event.detail.last4)}
      />
      <ogone-checkout
        endpoint="/ogone"
        order-ref={orderRef}
        save-card="optional"
        verify-timeout={20_000}
        strings={{ pay: 'Pay' }}
        onogone-result={(event) => setResult(event.detail)}
        onogone-error={(event) => console.warn(event.detail.message)}
        onogone-card-removed={(event) => console.info(event.detail.cardId)}
      />
      {result?.outcome === 'paid' ? <p>Paid {result.amount}</p> : null}
      {/* @ts-expect-error: save-card is off or optional */}
      <ogone-checkout save-card="always" />
      {/* @ts-expect-error: the wrapper's event props are typed */}
      <OgoneCheckout onOgoneResult={(event: CustomEvent<string>) => event.detail} />
    </>
  );
}

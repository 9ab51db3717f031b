/**
 * `GET <basePath>/challenge/<id>`: the 3-D Secure challenge of a `/pay` (Ogone's decoded
 * HTML_ANSWER, a form that posts to the bank's page), served once — taken from the ledger in one
 * statement, so two instances agree — under its own strict CSP, never cached. Unknown: 404;
 * served already or expired: 410; both as a plain page.
 */
import type { ResolvedOptions } from '../config/resolve-options.js';
import type { CoreResponse } from '../http/core.js';
import type { Route } from '../http/router.js';
import { takeChallenge } from '../ledger/challenges.js';
import { challengeCsp } from '../rules/challenge-csp.js';
import { withLedger } from './record.js';

const COMMON_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

const PLAIN_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

function plainPage(status: number, title: string, text: string): CoreResponse {
  return {
    status,
    headers: { ...COMMON_HEADERS, 'content-security-policy': PLAIN_CSP },
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head><body style="font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;line-height:1.5"><h1 style="font-size:1.4rem">${title}</h1><p>${text}</p></body></html>`,
  };
}

/** The page around the bank's form. */
function challengePage(html: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Confirm the payment with your bank</title></head><body style="font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;line-height:1.5">${html}</body></html>`;
}

export function challengeRoute(o: ResolvedOptions): Route {
  return {
    methods: ['GET'],
    cors: false,
    params: 1,
    async run({ rest, facts }) {
      const id = rest[0]!;
      // The id opens the challenge once: it stays out of the request log.
      facts.logPath = `${o.basePath}/challenge/…`;
      if (!/^[A-Za-z0-9_-]{16,64}$/.test(id)) {
        return plainPage(
          404,
          'Unknown payment step',
          'This link does not lead to a payment step. Go back to the shop and pay again.',
        );
      }
      const taken = await withLedger(o, 'taking a 3-D Secure challenge', (db) =>
        takeChallenge(db, id),
      );
      switch (taken.kind) {
        case 'html': {
          const page = challengePage(taken.html);
          return {
            status: 200,
            headers: { ...COMMON_HEADERS, 'content-security-policy': await challengeCsp(page) },
            body: page,
          };
        }
        case 'unknown':
          return plainPage(
            404,
            'Unknown payment step',
            'This link does not lead to a payment step. Go back to the shop and pay again.',
          );
        case 'used':
          return plainPage(
            410,
            'This link was used already',
            'The confirmation with your bank was opened already. Go back to the shop: it shows whether the payment went through.',
          );
        case 'expired':
          return plainPage(
            410,
            'This link has expired',
            'The confirmation with your bank waited too long. Go back to the shop: it shows whether the payment went through.',
          );
      }
    },
  };
}

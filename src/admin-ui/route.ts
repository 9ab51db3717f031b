/** Where the payments page is, in the URL's hash: `#/?q=…&filter=…&page=…` or `#/payments/<id>`. */
import type { ListQuery } from './list-view.js';

export type Route = { view: 'list'; query: ListQuery } | { view: 'detail'; id: string };

export function parseHash(hash: string): Route {
  const detail = /^#\/payments\/(\d{1,18})$/.exec(hash);
  if (detail) return { view: 'detail', id: detail[1]! };
  const params = new URLSearchParams(hash.replace(/^#\/?\??/, ''));
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return {
    view: 'list',
    query: {
      q: params.get('q') ?? '',
      filter: params.get('filter') ?? 'all',
      page: Number.isInteger(page) && page > 0 ? page : 1,
    },
  };
}

export function listHash(query: ListQuery): string {
  const params = new URLSearchParams();
  if (query.q !== '') params.set('q', query.q);
  if (query.filter !== 'all') params.set('filter', query.filter);
  if (query.page > 1) params.set('page', String(query.page));
  const text = params.toString();
  return text === '' ? '#/' : `#/?${text}`;
}

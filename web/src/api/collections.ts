// /api/v1/collections: curated collections and learning paths: items with
// notes, following, forking and enrolment.
import type { Http } from './http';
import type {
  Collection,
  CollectionFilter,
  CollectionInput,
  CollectionItemInput,
  CollectionSummary,
} from './collection-types';
import type { Id, Items } from './types';

export function collectionsApi(http: Http) {
  const one = (id: Id) => `/collections/${encodeURIComponent(String(id))}`;
  return {
    list: (
      filter: CollectionFilter = 'popular',
      opts: { kind?: 'path' | 'collection'; group?: string; limit?: number; offset?: number } = {},
    ) => http.get<Items<CollectionSummary>>('/collections', { query: { filter, ...opts } }),
    get: (id: Id) => http.get<Collection>(one(id)),
    create: (input: CollectionInput) => http.post<Collection>('/collections', { json: input }),
    update: (id: Id, changes: { title?: string; description?: string; is_path?: boolean }) =>
      http.patch<Collection>(one(id), { json: changes }),
    remove: (id: Id) => http.delete<void>(one(id)),
    /** Replaces the items (the order given is the new order). */
    replaceItems: (id: Id, items: CollectionItemInput[]) =>
      http.put<Collection>(`${one(id)}/items`, { json: { items } }),
    addItem: (id: Id, item: CollectionItemInput) =>
      http.post<Collection>(`${one(id)}/items`, { json: item }),
    removeItem: (id: Id, resourceId: Id) =>
      http.delete<Collection>(`${one(id)}/items/${encodeURIComponent(String(resourceId))}`),
    follow: (id: Id) => http.put<CollectionSummary>(`${one(id)}/follow`),
    unfollow: (id: Id) => http.delete<CollectionSummary>(`${one(id)}/follow`),
    enrol: (id: Id) => http.put<CollectionSummary>(`${one(id)}/enrolment`),
    unenrol: (id: Id) => http.delete<CollectionSummary>(`${one(id)}/enrolment`),
    fork: (id: Id, title = '') =>
      http.post<Collection>(`${one(id)}/fork`, { json: title ? { title } : {} }),
  };
}

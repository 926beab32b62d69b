// /api/v1/me/saved-searches: searches a person keeps, with counts of what is
// new and in-app notifications of new matches; and the admin synonyms.
import type { Http } from './http';
import type { Items } from './types';

export interface SavedSearch {
  id: number;
  name: string;
  /** The search page's URL query, e.g. "q=negotiation&kind=post". */
  query: string;
  notify: boolean;
  /** Matches since the person last opened its new results. */
  new_count: number;
  created_at: string;
  last_checked_at: string | null;
  /** Where the search page runs it. */
  url: string;
}

export interface SavedSearchInput {
  name?: string;
  query?: string;
  notify?: boolean;
}

export interface SavedSearchHit {
  id: string;
  kind: string;
  title: string;
  title_html: string;
  snippet_html: string;
  url: string;
  date: string | null;
}

export interface SearchSynonym {
  term: string;
  equivalents: string[];
  updated_by: number | null;
  updated_at: string;
}

export function savedSearchesApi(http: Http) {
  const item = (id: number) => `/me/saved-searches/${encodeURIComponent(id)}`;
  return {
    list: () => http.get<Items<SavedSearch>>('/me/saved-searches'),
    create: (input: SavedSearchInput) =>
      http.post<SavedSearch>('/me/saved-searches', { json: { ...input } }),
    update: (id: number, input: SavedSearchInput) =>
      http.patch<SavedSearch>(item(id), { json: { ...input } }),
    remove: (id: number) => http.delete<void>(item(id)),
    openNew: (id: number) =>
      http.get<Items<SavedSearchHit> & { saved_search: SavedSearch; total: number }>(
        `${item(id)}/new`,
      ),
  };
}

export function synonymsApi(http: Http) {
  const entry = (term: string) => `/admin/search/synonyms/${encodeURIComponent(term)}`;
  return {
    list: () => http.get<Items<SearchSynonym>>('/admin/search/synonyms'),
    put: (term: string, equivalents: string[]) =>
      http.put<SearchSynonym>(entry(term), { json: { equivalents } }),
    remove: (term: string) => http.delete<void>(entry(term)),
  };
}

// Search: full-text search over everything the caller may see, and typeahead.
import type { Http } from './http';

export type SearchSort = 'relevance' | 'date' | 'rating';

export interface SearchQuery {
  q?: string;
  /** Comma-separated: person, group, post, article, question, resource. */
  kind?: string;
  skill?: string;
  category?: string;
  group?: string;
  tag?: string;
  sort?: SearchSort;
  offset?: number;
  limit?: number;
}

export interface SearchHit {
  /** "kind:number", e.g. "resource:63". */
  id: string;
  kind: string;
  title: string;
  /** Escaped server-side; only <mark> is added. Safe to render as HTML. */
  title_html: string;
  /** Escaped server-side; only <mark> is added. Safe to render as HTML. */
  snippet_html: string;
  url: string;
  date: string | null;
  rating: number | null;
  score: number;
}

export interface SearchFacetValue {
  value: string;
  count: number;
}

export interface SearchResult {
  total: number;
  items: SearchHit[];
  facets: Partial<Record<'kind' | 'category' | 'skill' | 'group' | 'year', SearchFacetValue[]>>;
  did_you_mean: string | null;
  notices: string[];
}

export interface Suggestion {
  type: 'title' | 'person' | 'topic';
  text: string;
  /** Document id ("resource:63", "person:5") for titles and people; null for topics. */
  id: string | null;
}

export function searchApi(http: Http) {
  return {
    search: (query: SearchQuery) => http.get<SearchResult>('/search', { query: { ...query } }),
    suggest: (q: string, limit = 8) =>
      http.get<{ items: Suggestion[] }>('/search/suggest', { query: { q, limit } }),
  };
}

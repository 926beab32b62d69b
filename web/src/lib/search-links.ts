// Where search things live in the app: the search page URL for a query, and the
// page of a suggested document (resources and posts map directly; people and
// groups are looked up through search, since their pages use handles and slugs).
import type { Api } from '../api';
import type { Suggestion } from '../api/search';

/** "/search?q=…" for a query (plus any extra non-empty parameters). */
export function searchHref(q: string, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (q.trim()) params.set('q', q.trim());
  for (const [key, value] of Object.entries(extra)) if (value) params.set(key, value);
  const text = params.toString();
  return `/search${text ? `?${text}` : ''}`;
}

/** The page a suggestion leads to: a topic searches for it; a title or person opens its page. */
export async function suggestionHref(api: Api, s: Suggestion): Promise<string> {
  if (s.type === 'topic' || !s.id) return searchHref(s.text);
  const [kind, number] = s.id.split(':');
  if (kind === 'resource' && number) return `/resources/${number}`;
  if (kind === 'post' && number) return `/posts/${number}`;
  try {
    const found = await api.search.search({ q: s.text, kind: kind ?? '', limit: 20 });
    const hit = found.items.find((h) => h.id === s.id && h.url);
    if (hit) return hit.url;
  } catch {
    // Fall back to the results page below.
  }
  return searchHref(s.text);
}

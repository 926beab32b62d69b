// GET /api/v1/skills: skill names with counts, optionally by prefix.
import type { Http } from './http';
import type { Items, NameCount } from './types';

export function skillsApi(http: Http) {
  return {
    list: (prefix?: string) => http.get<Items<NameCount>>('/skills', { query: { prefix } }),
  };
}

// /api/v1/people: the directory and public profiles.
import type { Http } from './http';
import type { Page, Person } from './types';

export interface PeopleQuery {
  q?: string;
  team?: string;
  skill?: string;
  limit?: number;
  cursor?: string | null;
}

export function peopleApi(http: Http) {
  return {
    list: (query: PeopleQuery = {}) => http.get<Page<Person>>('/people', { query: { ...query } }),
    get: (handle: string) => http.get<Person>(`/people/${encodeURIComponent(handle)}`),
  };
}

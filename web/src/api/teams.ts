// GET /api/v1/teams: team names with member counts.
import type { Http } from './http';
import type { Items, NameCount } from './types';

export function teamsApi(http: Http) {
  return {
    list: () => http.get<Items<NameCount>>('/teams'),
  };
}

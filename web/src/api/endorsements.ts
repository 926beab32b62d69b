// Skill endorsements on profiles: GET/POST /api/v1/people/{handle}/endorsements,
// DELETE .../endorsements/{skill}.
import type { Http } from './http';
import type { Items } from './types';

export interface Endorser {
  handle: string;
  display_name: string;
  note: string | null;
  endorsed_at: string;
}

export interface SkillEndorsements {
  skill: string;
  key: string;
  count: number;
  endorsed_by_me: boolean;
  endorsers: Endorser[];
}

export function endorsementsApi(http: Http) {
  const base = (handle: string) => `/people/${encodeURIComponent(handle)}/endorsements`;
  return {
    /** Every declared skill of the person, in their order, with its endorsers. */
    list: (handle: string) => http.get<Items<SkillEndorsements>>(base(handle)),
    /** Endorses one of their skills; 400 for yourself, 403 if they blocked you, 422 if not their skill. */
    endorse: (handle: string, skill: string, note?: string) =>
      http.post<SkillEndorsements>(base(handle), { json: note ? { skill, note } : { skill } }),
    withdraw: (handle: string, skill: string) =>
      http.delete<void>(`${base(handle)}/${encodeURIComponent(skill)}`),
  };
}

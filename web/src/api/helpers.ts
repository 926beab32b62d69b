// Who can help: people ranked by evidence of expertise for a need, and the
// caller's choice to be suggested (GET /helpers, GET/PUT /me/helper-settings).
import type { Http } from './http';

export type HelperEvidenceKind =
  | 'accepted_answer'
  | 'answer'
  | 'article'
  | 'resource_completed'
  | 'review'
  | 'endorsement'
  | 'declared_skill';

export interface HelperEvidence {
  kind: HelperEvidenceKind;
  title: string;
  /** A web UI path, e.g. "/posts/12#answer-40". */
  url: string;
}

export interface Helper {
  handle: string;
  display_name: string;
  avatar_url: string | null;
  score: number;
  reasons: string[];
  evidence: HelperEvidence[];
}

export interface HelperSettings {
  suggest_me: boolean;
}

export function helpersApi(http: Http) {
  return {
    find: (q: string, limit = 10) =>
      http.get<{ items: Helper[] }>('/helpers', { query: { q, limit } }),
    settings: () => http.get<HelperSettings>('/me/helper-settings'),
    saveSettings: (settings: HelperSettings) =>
      http.put<HelperSettings>('/me/helper-settings', { json: settings }),
  };
}

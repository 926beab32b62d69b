// The web of trust and personal recommendations: /me/trust, implicit trust,
// "trusted by" counts, recommended resources with reasons and feedback,
// "people who valued this also valued" and "people like you".
import type { ResourceSummary } from './catalog-types';
import type { Http } from './http';
import type { Id, Items, PersonSummary } from './types';

export type TrustValue = 'trust' | 'distrust';

export interface TrustEntry {
  person: PersonSummary;
  /** null: trust in general. */
  topic: string | null;
  value: TrustValue;
  updated_at: string;
}

export interface ImplicitTrust {
  person: PersonSummary;
  weight: number;
  evidence: {
    helpful_votes: number;
    accepted_recommendations: number;
    reshares: number;
    replies: number;
  };
  /** The evidence in words, e.g. "you found 2 of their reviews helpful". */
  reasons: string[];
}

export interface RecommendationReason {
  code: string;
  text: string;
}

export interface RecommendedResource {
  resource: ResourceSummary;
  score: number;
  reasons: RecommendationReason[];
}

export type RecommendationFeedback = 'dismiss' | 'not_interested';

export interface AlsoValued {
  resource: ResourceSummary;
  people: number;
}

export interface TasteMatch {
  person: PersonSummary;
  agree: number;
  overlap: number;
  similarity: number;
  reason: string;
}

export interface SkillComplement {
  person: PersonSummary;
  skills: string[];
  reason: string;
}

export interface PeopleLikeYou {
  taste: TasteMatch[];
  complementary: SkillComplement[];
}

export function trustApi(http: Http) {
  const person = (handle: string) => `/me/trust/${encodeURIComponent(handle)}`;
  return {
    list: () => http.get<Items<TrustEntry>>('/me/trust'),
    /** States trust or distrust, optionally on a topic; 400 for yourself, 403 if they blocked you. */
    put: (handle: string, value: TrustValue, topic?: string) =>
      http.put<TrustEntry>(person(handle), { json: topic ? { value, topic } : { value } }),
    remove: (handle: string, topic?: string | null) =>
      http.delete<void>(person(handle), { query: topic ? { topic } : {} }),
    implicit: () => http.get<Items<ImplicitTrust>>('/me/trust/implicit'),
    confirm: (handle: string) =>
      http.post<TrustEntry>(`/me/trust/implicit/${encodeURIComponent(handle)}/confirm`),
    reject: (handle: string) =>
      http.post<void>(`/me/trust/implicit/${encodeURIComponent(handle)}/reject`),
    trustedBy: (handle: string) =>
      http.get<{ trusted_by: number }>(`/people/${encodeURIComponent(handle)}/trusted-by`),
    taste: (handle: string) =>
      http.get<{ agree: number; overlap: number; reason: string | null }>(
        `/people/${encodeURIComponent(handle)}/taste`,
      ),
  };
}

export function recommendationsApi(http: Http) {
  return {
    resources: (limit = 20) =>
      http.get<Items<RecommendedResource>>('/me/recommendations/resources', { query: { limit } }),
    feedback: (id: Id, kind: RecommendationFeedback) =>
      http.post<void>(`/me/recommendations/resources/${encodeURIComponent(String(id))}/feedback`, {
        json: { kind },
      }),
    alsoValued: (id: Id, limit = 6) =>
      http.get<Items<AlsoValued>>(`/resources/${encodeURIComponent(String(id))}/also-valued`, {
        query: { limit },
      }),
    peopleLikeYou: (limit = 6) =>
      http.get<PeopleLikeYou>('/me/people-like-you', { query: { limit } }),
  };
}

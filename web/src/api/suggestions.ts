// Suggestions beyond resources: GET /api/v1/me/suggestions/{groups|questions},
// POST .../{kind}/{id}/dismiss.
import type { Http } from './http';
import type { Group, Id, Items, PersonSummary } from './types';

export interface SuggestionReason {
  code: string;
  text: string;
}

export interface GroupSuggestion {
  group: Group;
  score: number;
  reasons: SuggestionReason[];
}

export interface QuestionSuggestion {
  question: { id: Id; title: string; answer_count: number; created_at: string; url: string };
  reasons: SuggestionReason[];
}

export interface PersonSuggestion {
  person: PersonSummary;
  score: number;
  reasons: SuggestionReason[];
}

export interface CollectionSuggestion {
  collection: {
    id: Id;
    title: string;
    is_path: boolean;
    curator: PersonSummary;
    item_count: number;
    follower_count: number;
    url: string;
  };
  score: number;
  reasons: SuggestionReason[];
}

export type SuggestionKind = 'groups' | 'questions' | 'people' | 'collections';

export function suggestionsApi(http: Http) {
  return {
    groups: (limit = 3) =>
      http.get<Items<GroupSuggestion>>('/me/suggestions/groups', { query: { limit } }),
    questions: (limit = 3) =>
      http.get<Items<QuestionSuggestion>>('/me/suggestions/questions', { query: { limit } }),
    people: (limit = 3) =>
      http.get<Items<PersonSuggestion>>('/me/suggestions/people', { query: { limit } }),
    collections: (limit = 3) =>
      http.get<Items<CollectionSuggestion>>('/me/suggestions/collections', { query: { limit } }),
    /** Never suggests it again. */
    dismiss: (kind: SuggestionKind, id: Id) =>
      http.post<void>(`/me/suggestions/${kind}/${encodeURIComponent(String(id))}/dismiss`),
  };
}

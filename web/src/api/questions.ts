// Questions and answers: /api/v1/questions (queues, duplicate suggestions),
// answers to a question (/posts/{id}/answers, /answers/{id}), votes, the
// accepted answer and routing a question to people who can help. Questions
// themselves are posts of kind "question" (api/posts.ts).
import type { Helper } from './helpers';
import type { Http } from './http';
import type { Id, Items, Page, PageQuery, PersonSummary, Post } from './types';

export type QuestionState = 'unanswered' | 'unaccepted' | 'all';
export type QuestionSort = 'newest' | 'votes';
export type VoteValue = 1 | -1;

export interface QuestionQuery extends PageQuery {
  state?: QuestionState;
  /** A group slug. */
  group?: string;
  topic?: string;
  sort?: QuestionSort;
}

export interface Answer {
  id: Id;
  question_id: Id;
  author: PersonSummary;
  body: string;
  /** Sanitized by the server; safe for {@html}. */
  body_html: string;
  score: number;
  /** 1, -1, or 0 for none. */
  my_vote: number;
  accepted: boolean;
  comment_count: number;
  revision: number;
  edited: boolean;
  can_edit: boolean;
  can_delete: boolean;
  can_vote: boolean;
  can_accept: boolean;
  can_comment: boolean;
  url: string;
  created_at: string;
  updated_at: string;
}

export interface AnswerRevision {
  revision: number;
  body: string;
  edited_at: string;
}

export interface AnswerComment {
  id: Id;
  answer_id: Id;
  author: PersonSummary;
  body: string;
  body_html: string;
  created_at: string;
}

export interface SimilarQuestion {
  id: Id;
  title: string;
  answer_count: number;
  accepted: boolean;
  url: string;
}

export function questionsApi(http: Http) {
  const post = (id: Id) => `/posts/${encodeURIComponent(String(id))}`;
  const answer = (id: Id) => `/answers/${encodeURIComponent(String(id))}`;
  return {
    /** Questions the caller may read, newest (or most voted) first. */
    list: (query: QuestionQuery = {}) =>
      http.get<Page<Post>>('/questions', { query: { ...query } }),
    /** Up to 5 readable questions close to `title` (none under 3 characters). */
    similar: (title: string) =>
      http.get<Items<SimilarQuestion>>('/questions/similar', { query: { title } }),
    /** Accepted first, then by score, then oldest. */
    answers: (id: Id) => http.get<Items<Answer>>(`${post(id)}/answers`),
    answer: (id: Id, body: string) => http.post<Answer>(`${post(id)}/answers`, { json: { body } }),
    /** The asker or a facilitator; returns the question. */
    accept: (id: Id, answerId: Id) =>
      http.put<Post>(`${post(id)}/accepted-answer`, { json: { answer_id: answerId } }),
    clearAccepted: (id: Id) => http.delete<Post>(`${post(id)}/accepted-answer`),
    vote: (id: Id, value: VoteValue) => http.put<Post>(`${post(id)}/vote`, { json: { value } }),
    unvote: (id: Id) => http.delete<Post>(`${post(id)}/vote`),
    /** Asks people to help; 422 names those who cannot see the question. */
    route: (id: Id, handles: string[]) =>
      http.post<Items<PersonSummary>>(`${post(id)}/routes`, { json: { to: handles } }),
    editAnswer: (id: Id, body: string) => http.patch<Answer>(answer(id), { json: { body } }),
    removeAnswer: (id: Id) => http.delete<void>(answer(id)),
    answerRevisions: (id: Id) => http.get<Items<AnswerRevision>>(`${answer(id)}/revisions`),
    voteAnswer: (id: Id, value: VoteValue) =>
      http.put<Answer>(`${answer(id)}/vote`, { json: { value } }),
    unvoteAnswer: (id: Id) => http.delete<Answer>(`${answer(id)}/vote`),
    answerComments: (id: Id) => http.get<Items<AnswerComment>>(`${answer(id)}/comments`),
    commentOnAnswer: (id: Id, body: string) =>
      http.post<AnswerComment>(`${answer(id)}/comments`, { json: { body } }),
    /** Suggested helpers for a need; 404 when the server has no such endpoint. */
    helpers: (q: string) => http.get<Items<Helper>>('/helpers', { query: { q } }),
  };
}

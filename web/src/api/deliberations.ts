// /api/v1/posts/{id}/deliberation and friends: turning a thread into a
// deliberation, issues, proposals, stances, the summary with history, and
// following threads. Every write answers the whole deliberation.
import type { Http } from './http';
import type { Id, Items, PersonSummary } from './types';
import type { WikiPage } from './wiki';

export type DeliberationState = 'exploring' | 'converging' | 'settled' | 'reopened';
export type StanceKind = 'support' | 'object';

/** The badge on a post: present when the thread is a deliberation. */
export interface DeliberationBadge {
  state: DeliberationState;
  maturity: number;
}

/** One component of the maturity figure (see docs/deliberation.md). */
export interface MaturityReason {
  code: 'issues' | 'proposal' | 'quiet' | 'summary';
  text: string;
  points: number;
  max_points: number;
  [value: string]: string | number;
}

export interface IssueResolution {
  comment_id: Id | null;
  proposal_id: Id | null;
  url: string | null;
  note: string;
  resolved_by: PersonSummary | null;
  resolved_at: string | null;
}

export interface DeliberationIssue {
  id: Id;
  statement: string;
  state: 'open' | 'resolved';
  raised_by: PersonSummary;
  comment_id: Id | null;
  resolution: IssueResolution | null;
  can_resolve: boolean;
  raised_at: string;
  opened_at: string;
}

export interface Proposal {
  id: Id;
  text: string;
  author: PersonSummary;
  withdrawn: boolean;
  supports: number;
  objections: number;
  objection_reasons: string[];
  my_stance: { stance: StanceKind; reason: string } | null;
  leading: boolean;
  created_at: string;
}

export interface Deliberation {
  post_id: Id;
  state: DeliberationState;
  maturity: number;
  reasons: MaturityReason[];
  reasons_text: string;
  issues: DeliberationIssue[];
  open_issue_ids: Id[];
  proposals: Proposal[];
  leading_proposal_id: Id | null;
  summary: string | null;
  /** The summary rendered by the server; safe for {@html}. */
  summary_html: string | null;
  summary_revision: number;
  followers_count: number;
  i_follow: boolean;
  closed: boolean;
  can_participate: boolean;
  can_edit_summary: boolean;
  last_settled_at: string | null;
  created_at: string;
}

export interface SummaryRevision {
  revision: number;
  body: string;
  author: PersonSummary;
  created_at: string;
}

export interface NewResolution {
  comment_id?: Id;
  proposal_id?: Id;
  url?: string;
  note?: string;
}

export function deliberationsApi(http: Http) {
  const base = (post: Id) => `/posts/${encodeURIComponent(String(post))}`;
  return {
    /** 404 when the thread is not a deliberation. */
    get: (post: Id) => http.get<Deliberation>(`${base(post)}/deliberation`),
    /** The thread's author or a facilitator. */
    start: (post: Id) => http.post<Deliberation>(`${base(post)}/deliberation`),
    raiseIssue: (post: Id, statement: string, commentId?: Id) =>
      http.post<Deliberation>(`${base(post)}/deliberation/issues`, {
        json: { statement, ...(commentId != null ? { comment_id: commentId } : {}) },
      }),
    resolve: (issue: Id, resolution: NewResolution) =>
      http.post<Deliberation>(`/deliberation-issues/${issue}/resolution`, { json: resolution }),
    reopen: (issue: Id) => http.delete<Deliberation>(`/deliberation-issues/${issue}/resolution`),
    propose: (post: Id, text: string) =>
      http.post<Deliberation>(`${base(post)}/deliberation/proposals`, { json: { text } }),
    withdrawProposal: (proposal: Id) => http.delete<Deliberation>(`/proposals/${proposal}`),
    setStance: (proposal: Id, stance: StanceKind, reason = '') =>
      http.put<Deliberation>(`/proposals/${proposal}/stance`, { json: { stance, reason } }),
    withdrawStance: (proposal: Id) => http.delete<Deliberation>(`/proposals/${proposal}/stance`),
    /** 409 when base_revision is stale; the problem's errors carry the current body. */
    editSummary: (post: Id, body: string, baseRevision: number) =>
      http.put<Deliberation>(`${base(post)}/deliberation/summary`, {
        json: { body, base_revision: baseRevision },
      }),
    /** A settled summary as a page of the thread's own wiki (its group's, else the organization's). 409 unless settled. */
    publishSummary: (post: Id, title?: string) =>
      http.post<WikiPage>(`${base(post)}/deliberation/summary/wiki`, {
        json: title ? { title } : {},
      }),
    summaryRevisions: (post: Id) =>
      http.get<Items<SummaryRevision>>(`${base(post)}/deliberation/summary/revisions`),
    follow: (post: Id) =>
      http.put<{ following: boolean; followers_count: number }>(`${base(post)}/follow`),
    unfollow: (post: Id) =>
      http.delete<{ following: boolean; followers_count: number }>(`${base(post)}/follow`),
  };
}

// /api/v1/wiki: the organization's wiki ("org") and each group's ("g-<slug>"):
// pages, revisions, diffs, revert, watching and "what links here".
import type { Http } from './http';
import type { Items, PersonSummary } from './types';

export interface WikiSpace {
  name: string;
  group: { id: number; slug: string; name: string; visibility: string } | null;
  can_edit: boolean;
}

export interface WikiPageSummary {
  slug: string;
  title: string;
  space: string;
  path: string;
  revision: number;
  updated_at: string;
  updated_by: PersonSummary;
}

export interface WikiPage {
  space: WikiSpace;
  slug: string;
  title: string;
  path: string;
  revision: number;
  body: string;
  html: string;
  comment: string;
  created_at: string;
  updated_at: string;
  updated_by: PersonSummary;
  watching: boolean;
  can_edit: boolean;
  can_delete: boolean;
  /** Only in answers to a save. */
  merged?: boolean;
  created?: boolean;
}

export interface WikiIndex {
  space: WikiSpace;
  items: WikiPageSummary[];
}

export interface WikiRevision {
  revision: number;
  title: string;
  author: PersonSummary;
  comment: string;
  reverted_from: number | null;
  merged: boolean;
  created_at: string;
  body?: string;
}

export interface WikiHistory {
  space: WikiSpace;
  slug: string;
  title: string;
  revision: number;
  items: WikiRevision[];
}

export interface WikiDiffLine {
  op: 'equal' | 'delete' | 'insert';
  text: string;
  old_line: number | null;
  new_line: number | null;
}

export interface WikiDiff {
  slug: string;
  from: number;
  to: number;
  hunks: {
    old_start: number;
    old_count: number;
    new_start: number;
    new_count: number;
    lines: WikiDiffLine[];
  }[];
}

/** The extension members of a 409 answer to a save. */
export interface WikiConflict {
  current_revision: number;
  current_title: string;
  current_body: string;
  merged_body: string;
  conflicts: number;
}

export interface WikiEdit {
  title?: string;
  body: string;
  base_revision: number;
  comment?: string;
}

export function wikiApi(http: Http) {
  const page = (space: string, slug: string) =>
    `/wiki/${encodeURIComponent(space)}/${encodeURIComponent(slug)}`;
  return {
    index: (space: string) => http.get<WikiIndex>('/wiki/pages', { query: { space } }),
    get: (space: string, slug: string) => http.get<WikiPage>(page(space, slug)),
    /** Creates or edits; a 409 ApiError carries a WikiConflict in `problem`. */
    save: (space: string, slug: string, edit: WikiEdit) =>
      http.put<WikiPage>(page(space, slug), { json: edit }),
    remove: (space: string, slug: string) => http.delete<void>(page(space, slug)),
    history: (space: string, slug: string) =>
      http.get<WikiHistory>(`${page(space, slug)}/revisions`),
    revision: (space: string, slug: string, n: number) =>
      http.get<WikiRevision>(`${page(space, slug)}/revisions/${n}`),
    diff: (space: string, slug: string, from: number, to: number) =>
      http.get<WikiDiff>(`${page(space, slug)}/diff`, { query: { from, to } }),
    revert: (space: string, slug: string, revision: number) =>
      http.post<WikiPage>(`${page(space, slug)}/revert`, { json: { revision } }),
    watch: (space: string, slug: string) => http.put<WikiPage>(`${page(space, slug)}/watch`),
    unwatch: (space: string, slug: string) => http.delete<WikiPage>(`${page(space, slug)}/watch`),
    backlinks: (space: string, slug: string) =>
      http.get<Items<WikiPageSummary>>(`${page(space, slug)}/backlinks`),
  };
}

/** Returns the slug of a title the way the server derives it (ASCII and common scripts). */
export function wikiSlug(title: string): string {
  return title
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join('-');
}

/** The web path of a page. */
export function wikiPath(space: string, slug: string): string {
  return `/wiki/${space}/${encodeURIComponent(slug)}`;
}

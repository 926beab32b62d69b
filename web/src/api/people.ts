// /api/v1/people: the directory, public profiles, follows and a person's posts.
import type { StreamQuery } from './posts';
import type { Http } from './http';
import type { FollowState, Page, PageQuery, Person, Post, Profile, Relation } from './types';

export interface PeopleQuery {
  q?: string;
  team?: string;
  skill?: string;
  limit?: number;
  cursor?: string | null;
}

export function peopleApi(http: Http) {
  const base = (handle: string) => `/people/${encodeURIComponent(handle)}`;
  return {
    list: (query: PeopleQuery = {}) => http.get<Page<Person>>('/people', { query: { ...query } }),
    get: (handle: string) => http.get<Profile>(base(handle)),
    /** Follows a person; 400 for yourself. */
    follow: (handle: string) => http.put<FollowState>(`${base(handle)}/follow`),
    unfollow: (handle: string) => http.delete<FollowState>(`${base(handle)}/follow`),
    followers: (handle: string, query: PageQuery = {}) =>
      http.get<Page<Person>>(`${base(handle)}/followers`, { query: { ...query } }),
    following: (handle: string, query: PageQuery = {}) =>
      http.get<Page<Person>>(`${base(handle)}/following`, { query: { ...query } }),
    /** Blocks a person (also ends follows both ways); 400 for yourself. */
    block: (handle: string) => http.put<{ relation: Relation | null }>(`${base(handle)}/block`),
    /** Mutes a person: no notifications from them. */
    mute: (handle: string) => http.put<{ relation: Relation | null }>(`${base(handle)}/mute`),
    /** Lifts a block or mute. */
    clearRelation: (handle: string) =>
      http.delete<{ relation: Relation | null }>(`${base(handle)}/relation`),
    /** The person's posts that the caller may see, newest first. */
    posts: (handle: string, query: StreamQuery = {}) =>
      http.get<Page<Post>>(`${base(handle)}/posts`, { query: { ...query } }),
  };
}

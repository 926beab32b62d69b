// /api/v1/topics: a topic's counts, following it and its posts; /me/topics lists followed ones.
import type { StreamQuery } from './posts';
import type { Http } from './http';
import type { FollowState, Items, Page, Post, Topic } from './types';

export function topicsApi(http: Http) {
  const base = (topic: string) => `/topics/${encodeURIComponent(topic)}`;
  return {
    /** The topics the signed-in person follows. */
    followed: () => http.get<Items<{ name: string }>>('/me/topics'),
    /** A topic by any spelling ("#Negotiation"); the answer carries the normalized name. */
    get: (topic: string) => http.get<Topic>(base(topic)),
    follow: (topic: string) => http.put<FollowState>(`${base(topic)}/follow`),
    unfollow: (topic: string) => http.delete<FollowState>(`${base(topic)}/follow`),
    posts: (topic: string, query: StreamQuery = {}) =>
      http.get<Page<Post>>(`${base(topic)}/posts`, { query: { ...query } }),
  };
}

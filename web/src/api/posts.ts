// /api/v1/posts and /api/v1/stream: writing, reading, editing and reacting to posts,
// their revisions and comments, and the signed-in person's home stream.
import type { Http } from './http';
import type {
  Comment,
  Id,
  Items,
  Page,
  PageQuery,
  Post,
  PostKind,
  PostRevision,
  ReactionKind,
  Reshare,
} from './types';

/** How a stream is ordered: newest first, or by engagement. */
export type StreamOrder = 'latest' | 'top';

export interface StreamQuery extends PageQuery {
  order?: StreamOrder;
}

/** The home stream page: also where the reader last looked (absent before the first look). */
export interface HomePage extends Page<Post> {
  last_seen_id?: number;
}

export interface NewPost {
  kind?: PostKind;
  title?: string;
  body: string;
  link_url?: string;
  /** A group slug; omitted for posts to everyone. */
  group?: string;
  /** Upload ids (see api/uploads.ts), at most 10, the author's own. */
  attachments?: string[];
}

export interface PostPatch {
  title?: string;
  body?: string;
  /** Replaces the post's attachments; uploads left out are detached. */
  attachments?: string[];
}

export interface NewReshare {
  /** Up to 1000 characters. */
  note?: string;
  /** A group slug; omitted to share with everyone. */
  group?: string;
}

export interface NewComment {
  body: string;
  parent_id?: Id;
}

export function postsApi(http: Http) {
  const base = (id: Id) => `/posts/${encodeURIComponent(String(id))}`;
  return {
    /** Home: my posts, people and topics I follow, my groups; newest first or `top`. */
    stream: (query: StreamQuery = {}) => http.get<HomePage>('/stream', { query: { ...query } }),
    /** Records how far the home stream was seen (never moves back); returns the position. */
    markSeen: (lastSeenId: Id) =>
      http.put<{ last_seen_id: number }>('/stream/seen', { json: { last_seen_id: lastSeenId } }),
    create: (post: NewPost) => http.post<Post>('/posts', { json: post }),
    get: (id: Id) => http.get<Post>(base(id)),
    /** Author only; each edit adds a revision. */
    update: (id: Id, patch: PostPatch) => http.patch<Post>(base(id), { json: patch }),
    /** Author, group moderators and admins. */
    remove: (id: Id) => http.delete<void>(base(id)),
    /** Newest first. */
    revisions: (id: Id) => http.get<Items<PostRevision>>(`${base(id)}/revisions`),
    /** Oldest first, flat; thread them by parent_id. */
    comments: (id: Id) => http.get<Items<Comment>>(`${base(id)}/comments`),
    comment: (id: Id, comment: NewComment) =>
      http.post<Comment>(`${base(id)}/comments`, { json: comment }),
    react: (id: Id, kind: ReactionKind) => http.put<Post>(`${base(id)}/reactions/${kind}`),
    unreact: (id: Id, kind: ReactionKind) => http.delete<Post>(`${base(id)}/reactions/${kind}`),
    /** Passes a post on (201 with the new post); 403 for closed-group posts outside their group. */
    reshare: (id: Id, reshare: NewReshare) =>
      http.post<Post>(`${base(id)}/reshares`, { json: reshare }),
    /** Closes the thread to new comments (author, moderators). */
    close: (id: Id) => http.put<Post>(`${base(id)}/closed`),
    reopen: (id: Id) => http.delete<Post>(`${base(id)}/closed`),
    /** Reports a post to the moderators. */
    flag: (id: Id, reason: string) => http.post<unknown>(`${base(id)}/flags`, { json: { reason } }),
    /** Moderators: hides a post from everyone but its author and moderators. */
    hide: (id: Id, reason: string) => http.put<Post>(`${base(id)}/hidden`, { json: { reason } }),
    restore: (id: Id) => http.delete<Post>(`${base(id)}/hidden`),
    /** Everyone who passed this post on, with whom they got it from. */
    reshares: (id: Id) => http.get<Items<Reshare>>(`${base(id)}/reshares`),
  };
}

// Wire types of the Hallway /api/v1 JSON contract. Timestamps are RFC 3339 strings.

import type { DeliberationBadge } from './deliberations';

export type Role = 'member' | 'facilitator' | 'admin';
export type AccountStatus = 'active' | 'pending' | 'disabled';
export type SignupMode = 'open' | 'invite' | 'approval';
export type TokenScope = 'read' | 'write' | 'admin';
/** Server-assigned identifier (numeric today); treat as opaque. */
export type Id = number | string;

export interface Person {
  id: Id;
  handle: string;
  display_name: string;
  title: string;
  team: string;
  location: string;
  bio: string;
  bio_html: string;
  skills: string[];
  interests: string[];
  avatar_url: string | null;
  role: Role;
  created_at: string;
}

/** The signed-in account: a Person plus private fields. */
export interface Me extends Person {
  email: string;
  status: AccountStatus;
}

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export interface Items<T> {
  items: T[];
}

export interface NameCount {
  name: string;
  count: number;
}

/** One field error inside an RFC 9457 problem body. */
export interface FieldError {
  field: string;
  message: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  request_id?: string;
  errors?: FieldError[];
  /** RFC 9457 extension members some problems carry. */
  [extension: string]: unknown;
}

/** The short form of a person embedded in posts, comments and memberships. */
export interface PersonSummary {
  id: Id;
  handle: string;
  display_name: string;
  title: string;
  avatar_url: string | null;
}

/** A public profile as GET /people/{handle} returns it, with follow counts. */
export interface Profile extends Person {
  followers_count: number;
  following_count: number;
  followed_by_me: boolean;
  /** What I have done about this person: blocked, muted or nothing. */
  my_relation: Relation | null;
}

export type Relation = 'block' | 'mute';

/** The answer to following or unfollowing a person or topic. */
export interface FollowState {
  following: boolean;
  followers_count: number;
}

export interface Topic {
  name: string;
  followed_by_me: boolean;
  followers_count: number;
  post_count: number;
}

export type GroupVisibility = 'open' | 'closed' | 'private';
export type GroupRole = 'owner' | 'facilitator' | 'member';
export type MembershipState = 'active' | 'requested' | 'invited';

export interface Group {
  id: Id;
  slug: string;
  name: string;
  description: string;
  visibility: GroupVisibility;
  member_count: number;
  my_role: GroupRole | null;
  my_state: MembershipState | null;
  can_read: boolean;
  can_post: boolean;
  can_moderate: boolean;
  created_at: string;
}

export interface Membership {
  person: PersonSummary;
  role: GroupRole;
  state: MembershipState;
}

export type PostKind = 'note' | 'article' | 'question' | 'link';
export type ReactionKind = 'like' | 'insightful' | 'thanks';

/** The group a post lives in, as embedded in the post. */
export interface PostGroup {
  slug: string;
  name: string;
  visibility: GroupVisibility;
}

export interface Post {
  id: Id;
  kind: PostKind;
  title: string;
  body: string;
  /** Sanitized by the server; safe for {@html}. */
  body_html: string;
  link_url: string | null;
  author: PersonSummary;
  group: PostGroup | null;
  topics: string[];
  mentions: string[];
  reactions: Record<ReactionKind, number>;
  my_reactions: ReactionKind[];
  comment_count: number;
  revision: number;
  edited: boolean;
  can_edit: boolean;
  can_delete: boolean;
  can_comment: boolean;
  url: string;
  created_at: string;
  updated_at: string;
  reshare_count: number;
  /** Set on reshares: the original post, or a placeholder when it is gone or out of reach. */
  reshare_of: ResharedPost | UnavailablePost | null;
  /** The post this one was passed on from (the original or another reshare). */
  reshared_via: Id | null;
  /** Streams: everyone whose reshares were folded into this entry, newest first (2+ when folded). */
  passed_on_by?: PersonSummary[];
  /** Streams: the ids of the posts folded into this entry (other reshares, the original). */
  collapsed_ids?: Id[];
  /** Home stream: arrived since the reader last looked (never their own posts). */
  new?: boolean;
  closed: boolean;
  can_close: boolean;
  hidden: boolean;
  hidden_reason: string | null;
  can_moderate: boolean;
  /** Photos, videos and files, in the author's order. */
  attachments: Attachment[];
  /** When the thread is a deliberation: its state and maturity now. */
  deliberation: DeliberationBadge | null;
  /** Questions: how many answers, the accepted one, the sum of votes and the reader's vote. */
  answer_count: number;
  accepted_answer_id: Id | null;
  score: number;
  /** 1, -1, or 0 for none. */
  my_vote: number;
}

export type AttachmentKind = 'image' | 'video' | 'file';

/** An upload: the uploader's own until attached to a post, then the post's readers'. */
export interface Attachment {
  /** The upload key, used when attaching it to a post. */
  id: string;
  kind: AttachmentKind;
  mime: string;
  /** Download name. */
  name: string;
  /** Bytes. */
  size: number;
  width: number | null;
  height: number | null;
  /** The file itself (photos re-encoded; videos stream with Range). */
  url: string;
  /** Photos only. */
  thumbnail_url: string | null;
  /** The author's description of a photo for screen readers ('' = none). */
  alt: string;
  attached: boolean;
  created_at: string;
}

/** The original of a reshare, embedded in the reshare. */
export interface ResharedPost {
  id: Id;
  kind: PostKind;
  title: string;
  /** Sanitized by the server; safe for {@html}. */
  body_html: string;
  author: PersonSummary;
  url: string;
  unavailable?: false;
}

export interface UnavailablePost {
  id: Id;
  unavailable: true;
}

/** One step of a post's reshare chain. */
export interface Reshare {
  post_id: Id;
  by: PersonSummary;
  via_post_id: Id;
  via_author_id: Id;
  created_at: string;
}

export interface PostRevision {
  revision: number;
  title: string;
  body: string;
  edited_at: string;
}

export interface Comment {
  id: Id;
  post_id: Id;
  parent_id: Id | null;
  author: PersonSummary;
  body: string;
  /** Sanitized by the server; safe for {@html}. */
  body_html: string;
  created_at: string;
}

/** Cursor paging for streams and person lists. */
export interface PageQuery {
  cursor?: string | null;
  limit?: number;
}

export interface Notification {
  id: Id;
  kind: string;
  actor: PersonSummary | null;
  text: string;
  url: string;
  post_id: Id | null;
  read: boolean;
  created_at: string;
}

export interface NotificationPage extends Page<Notification> {
  unread_count: number;
}

/** A flagged post in the moderation queue. */
export interface FlaggedPost {
  post: Post;
  flags: number;
  reasons: string[];
}

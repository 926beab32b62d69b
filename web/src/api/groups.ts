// /api/v1/groups: groups, joining and leaving, members, invitations and group posts.
import type { StreamQuery } from './posts';
import type { Http } from './http';
import type {
  Group,
  GroupRole,
  GroupVisibility,
  Items,
  Membership,
  MembershipState,
  Page,
  Post,
} from './types';

export interface NewGroup {
  name: string;
  description?: string;
  visibility?: GroupVisibility;
}

export interface MemberPatch {
  /** "active" approves a join request. */
  state?: 'active';
  role?: GroupRole;
}

export function groupsApi(http: Http) {
  const base = (slug: string) => `/groups/${encodeURIComponent(slug)}`;
  const member = (slug: string, handle: string) =>
    `${base(slug)}/members/${encodeURIComponent(handle)}`;
  return {
    /** Every group the caller may see, or with `mine` only those they are an active member of. */
    list: (mine = false) => http.get<Items<Group>>('/groups', { query: { mine: mine ? 1 : null } }),
    /** 409 with field `name` when the name is taken. */
    create: (group: NewGroup) => http.post<Group>('/groups', { json: group }),
    /** 404 for private groups the caller may not see. */
    get: (slug: string) => http.get<Group>(base(slug)),
    /** Joins an open group, asks to join a closed one, or accepts an invitation. */
    join: (slug: string) => http.put<Group>(`${base(slug)}/membership`),
    /** Leaves, withdraws a request or declines an invitation; 409 for the only owner. */
    leave: (slug: string) => http.delete<Group>(`${base(slug)}/membership`),
    /** Active members need can_read; requested and invited need can_moderate. */
    members: (slug: string, state: MembershipState = 'active') =>
      http.get<Items<Membership>>(`${base(slug)}/members`, { query: { state } }),
    updateMember: (slug: string, handle: string, patch: MemberPatch) =>
      http.patch<Membership>(member(slug, handle), { json: patch }),
    /** Removes a member, refuses a request or withdraws an invitation. */
    removeMember: (slug: string, handle: string) => http.delete<void>(member(slug, handle)),
    /** Invites by handle; someone who had asked to join becomes active at once. */
    invite: (slug: string, handle: string) =>
      http.post<Membership>(`${base(slug)}/invitations`, { json: { handle } }),
    /** 403 for closed groups the caller is not a member of. */
    posts: (slug: string, query: StreamQuery = {}) =>
      http.get<Page<Post>>(`${base(slug)}/posts`, { query: { ...query } }),
  };
}

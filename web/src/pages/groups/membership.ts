// How a reader stands with a group, in words, for cards and the group page.
import type { Group } from '../../api/types';

export interface StandingLabel {
  text: string;
  tone: 'accent' | 'neutral' | 'warning';
}

/** "Owner", "Member", "Request pending", "Invited", or null for no relation. */
export function standing(group: Group): StandingLabel | null {
  switch (group.my_state) {
    case 'active': {
      const role = group.my_role ?? 'member';
      return { text: role.charAt(0).toUpperCase() + role.slice(1), tone: 'accent' };
    }
    case 'requested':
      return { text: 'Request pending', tone: 'warning' };
    case 'invited':
      return { text: 'Invited', tone: 'warning' };
    default:
      return null;
  }
}

export const groupHref = (slug: string): string => `/groups/${encodeURIComponent(slug)}`;

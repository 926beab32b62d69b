// Which profile parts a person has filled in, for the Home page nudge.
import type { Me } from '../../api/types';

export interface ChecklistItem {
  label: string;
  done: boolean;
}

export function profileChecklist(me: Me): ChecklistItem[] {
  return [
    { label: 'Add a profile photo', done: !!me.avatar_url },
    { label: 'Say what you do (title and team)', done: !!me.title && !!me.team },
    { label: 'Write a short bio', done: !!me.bio.trim() },
    { label: 'List a few skills', done: me.skills.length > 0 },
    { label: 'Share what you want to learn', done: me.interests.length > 0 },
  ];
}

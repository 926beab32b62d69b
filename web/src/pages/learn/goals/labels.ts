// Words for goals shown in more than one place.
import type { Goal, GoalInput, GoalSharing } from '../../../api/collection-types';

export function sharingLabel(goal: Goal): string {
  if (goal.sharing === 'group')
    return goal.group ? `Shared with ${goal.group.name}` : 'Shared with a group';
  if (goal.sharing === 'people') {
    const n = goal.shared_with?.length;
    return n ? `Shared with ${n} ${n === 1 ? 'person' : 'people'}` : 'Shared with people';
  }
  return 'Private';
}

/** What the goal form edits. */
export interface GoalFormValue {
  title: string;
  description: string;
  skills: string[];
  /** YYYY-MM-DD or ''. */
  due_on: string;
  sharing: GoalSharing;
  share_with: string[];
  group: string;
}

export function blankGoal(): GoalFormValue {
  return {
    title: '',
    description: '',
    skills: [],
    due_on: '',
    sharing: 'private',
    share_with: [],
    group: '',
  };
}

export function goalFormValue(g: Goal): GoalFormValue {
  return {
    title: g.title,
    description: g.description,
    skills: [...g.skills],
    due_on: g.due_on ?? '',
    sharing: g.sharing,
    share_with: (g.shared_with ?? []).map((p) => p.handle),
    group: g.group?.slug ?? '',
  };
}

/** The body of a create or update, dropping fields that do not apply. */
export function goalBody(v: GoalFormValue): GoalInput {
  return {
    title: v.title.trim(),
    description: v.description.trim(),
    skills: v.skills,
    due_on: v.due_on ? v.due_on : null,
    sharing: v.sharing,
    ...(v.sharing === 'people' ? { share_with: v.share_with } : {}),
    ...(v.sharing === 'group' && v.group ? { group: v.group } : {}),
  };
}

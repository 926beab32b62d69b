// Threads a flat, oldest-first comment list by parent_id.
import type { Comment, Id } from '../../api/types';

/**
 * Returns each comment's direct replies keyed by parent id (null for the top
 * level), oldest first. A reply whose parent is missing is shown at the top
 * level rather than lost.
 */
export function threadComments(comments: Comment[]): Map<Id | null, Comment[]> {
  const ids = new Set(comments.map((c) => c.id));
  const children = new Map<Id | null, Comment[]>();
  for (const c of comments) {
    const parent = c.parent_id !== null && ids.has(c.parent_id) ? c.parent_id : null;
    const list = children.get(parent) ?? [];
    list.push(c);
    children.set(parent, list);
  }
  return children;
}

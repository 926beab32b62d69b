// Learning goals: /api/v1/me/goals (mine, shared with me) and /api/v1/goals/{id}.
import type { Http } from './http';
import type { Goal, GoalInput, GoalItemType, GoalState } from './collection-types';
import type { Id, Items } from './types';

export function goalsApi(http: Http) {
  const one = (id: Id) => `/goals/${encodeURIComponent(String(id))}`;
  return {
    mine: (state?: GoalState) => http.get<Items<Goal>>('/me/goals', { query: { state } }),
    sharedWithMe: () => http.get<Items<Goal>>('/me/goals/shared'),
    get: (id: Id) => http.get<Goal>(one(id)),
    create: (input: GoalInput) => http.post<Goal>('/me/goals', { json: input }),
    update: (id: Id, changes: GoalInput) => http.patch<Goal>(one(id), { json: changes }),
    remove: (id: Id) => http.delete<void>(one(id)),
    /** Attaches a resource or path (by id) or a helper (by handle). */
    addItem: (id: Id, item: { type: GoalItemType; id?: Id; handle?: string }) =>
      http.post<Goal>(`${one(id)}/items`, { json: item }),
    removeItem: (id: Id, type: GoalItemType, itemId: Id) =>
      http.delete<Goal>(`${one(id)}/items/${type}/${encodeURIComponent(String(itemId))}`),
  };
}

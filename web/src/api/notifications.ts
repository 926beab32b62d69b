// /api/v1/notifications: what happened to me (mentions, comments, reactions, …).
import type { Http } from './http';
import type { Id, NotificationPage } from './types';

export interface NotificationQuery {
  cursor?: string | null;
  limit?: number;
  /** Only unread items. */
  unread?: boolean;
}

export function notificationsApi(http: Http) {
  return {
    list: (query: NotificationQuery = {}) =>
      http.get<NotificationPage>('/notifications', {
        query: { cursor: query.cursor, limit: query.limit, unread: query.unread ? 1 : undefined },
      }),
    unreadCount: () => http.get<{ unread_count: number }>('/notifications/unread-count'),
    /** Marks the given notifications read. */
    markRead: (ids: Id[]) => http.post<unknown>('/notifications/read', { json: { ids } }),
    markAllRead: () => http.post<unknown>('/notifications/read', { json: { all: true } }),
  };
}

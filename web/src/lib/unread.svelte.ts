// Unread holds the signed-in account's unread notification count for the top-bar bell.
// One instance per app (created in App); the notifications page updates it directly.
import type { Api } from '../api';

export class Unread {
  count = $state(0);

  constructor(private readonly api: Api) {}

  /** Asks the server again; failures keep the last known count. */
  async refresh(): Promise<void> {
    try {
      this.count = (await this.api.notifications.unreadCount()).unread_count;
    } catch {
      // Offline or signed out: the bell simply keeps its last value.
    }
  }
}

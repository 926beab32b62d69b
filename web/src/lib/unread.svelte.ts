// Unread holds the signed-in account's unread notification count for the top-bar bell,
// and the newest notification that arrived live (for a polite announcement).
// One instance per app (created in App); the notifications page updates it directly.
//
// Live updates come from the server's event stream (GET /api/v1/notifications/stream,
// Server-Sent Events). When EventSource is missing, or the stream fails for good (an
// error response instead of events), `live` stays false and the caller polls `refresh`.
// Browser main thread only.
import type { Api } from '../api';
import type { Notification } from '../api/types';

/** What the stream's `notification` events carry. */
export type LiveNotification = Notification & { unread_count?: number };

export class Unread {
  count = $state(0);
  /** True while the event stream is open and delivering. */
  live = $state(false);
  /** The newest notification that arrived through the stream, if any. */
  latest = $state<LiveNotification | null>(null);

  private source: EventSource | null = null;

  constructor(private readonly api: Api) {}

  /** Asks the server again; failures keep the last known count. */
  async refresh(): Promise<void> {
    try {
      this.count = (await this.api.notifications.unreadCount()).unread_count;
    } catch {
      // Offline or signed out: the bell simply keeps its last value.
    }
  }

  /**
   * Opens the event stream. Returns a function that closes it. Does nothing (and `live`
   * stays false) when the browser has no EventSource.
   */
  connect(url = '/api/v1/notifications/stream'): () => void {
    this.disconnect();
    if (typeof EventSource === 'undefined') return () => {};
    let source: EventSource;
    try {
      source = new EventSource(url, { withCredentials: true });
    } catch {
      return () => {};
    }
    this.source = source;
    source.onopen = () => {
      if (this.source === source) this.live = true;
    };
    source.addEventListener('unread', (event) => {
      const data = parse<{ unread_count?: number }>(event);
      if (data && typeof data.unread_count === 'number') this.count = data.unread_count;
    });
    source.addEventListener('notification', (event) => {
      const data = parse<LiveNotification>(event);
      if (!data || data.id == null || typeof data.text !== 'string') return;
      if (typeof data.unread_count === 'number') this.count = data.unread_count;
      this.latest = data;
    });
    source.onerror = () => {
      if (this.source !== source) return;
      // CONNECTING: the browser retries by itself (the server asked for 5 s); meanwhile
      // the caller polls. CLOSED: the server answered with an error; give up on the stream.
      this.live = false;
      if (source.readyState === EventSource.CLOSED) {
        source.close();
        this.source = null;
      }
    };
    return () => {
      if (this.source === source) this.disconnect();
      else source.close();
    };
  }

  /** Closes the event stream, if open. */
  disconnect(): void {
    this.source?.close();
    this.source = null;
    this.live = false;
  }
}

function parse<T>(event: Event): T | null {
  try {
    const data: unknown = JSON.parse((event as MessageEvent<string>).data);
    return data && typeof data === 'object' ? (data as T) : null;
  } catch {
    return null;
  }
}

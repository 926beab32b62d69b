// /api/v1/me: the signed-in account's profile, avatar and password.
import type { Http } from './http';
import type { Me } from './types';

export interface ProfilePatch {
  display_name?: string;
  handle?: string;
  title?: string;
  team?: string;
  location?: string;
  bio?: string;
  skills?: string[];
  interests?: string[];
}

export const AVATAR_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;
export const AVATAR_MAX_BYTES = 5 * 1024 * 1024;

export function meApi(http: Http) {
  return {
    get: () => http.get<Me>('/me'),
    update: (patch: ProfilePatch) => http.patch<Me>('/me', { json: patch }),
    /** Uploads raw image bytes; the file's own type is the Content-Type. */
    uploadAvatar: (file: Blob) =>
      http.put<Me>('/me/avatar', { body: file, contentType: file.type }),
    removeAvatar: () => http.delete<Me>('/me/avatar'),
    changePassword: (current_password: string, new_password: string) =>
      http.put<void>('/me/password', { json: { current_password, new_password } }),
  };
}

/** Whether a private feed token exists (its secret is never shown again). */
export interface FeedTokenState {
  active: boolean;
  created_at: string | null;
}

/** A new feed token and ready-made Atom URLs carrying it; shown once. */
export interface CreatedFeedToken {
  token: string;
  feeds: { home: string; person: string; group: string; topic: string; thread: string };
}

export function feedTokenApi(http: Http) {
  return {
    get: () => http.get<FeedTokenState>('/me/feed-token'),
    /** Creates a token, replacing any earlier one. */
    create: () => http.post<CreatedFeedToken>('/me/feed-token'),
    revoke: () => http.delete<void>('/me/feed-token'),
  };
}

// /api/v1/session: sign in, probe and sign out. Every call that yields a
// csrf_token stores it on the Http instance for later unsafe requests.
import type { Http } from './http';
import type { Me } from './types';

export interface SessionInfo {
  account: Me;
  csrf_token: string;
}

export function sessionApi(http: Http) {
  return {
    /** The current session; rejects with ApiError 401 when signed out. */
    async get(): Promise<SessionInfo> {
      const info = await http.get<SessionInfo>('/session', { quietUnauthorized: true });
      http.csrfToken = info.csrf_token;
      return info;
    },
    /** Signs in with an email or handle. 401 bad credentials, 403 pending/disabled, 429 throttled. */
    async create(login: string, password: string): Promise<SessionInfo> {
      const info = await http.post<SessionInfo>('/session', {
        json: { login, password },
        quietUnauthorized: true,
      });
      http.csrfToken = info.csrf_token;
      return info;
    },
    async delete(): Promise<void> {
      try {
        await http.delete<void>('/session', { quietUnauthorized: true });
      } finally {
        http.csrfToken = null;
      }
    },
  };
}

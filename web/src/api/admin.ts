// /api/v1/admin: site settings, account moderation, invites and the audit log.
import type { Http } from './http';
import type { AccountStatus, Id, Items, Me, Role, SignupMode } from './types';

export interface Invite {
  id: Id;
  email: string;
  expires_at: string;
  invite_url: string;
}

export interface AuditEntry {
  id: Id;
  at: string;
  actor_handle: string | null;
  event: string;
  ip: string;
  detail: string;
}

export interface AccountsQuery {
  status?: AccountStatus;
  q?: string;
}

export function adminApi(http: Http) {
  const account = (id: Id) => `/admin/accounts/${encodeURIComponent(id)}`;
  return {
    getSettings: () => http.get<{ signup_mode: SignupMode }>('/admin/settings'),
    updateSettings: (signup_mode: SignupMode) =>
      http.patch<{ signup_mode: SignupMode }>('/admin/settings', { json: { signup_mode } }),
    listAccounts: (query: AccountsQuery = {}) =>
      http.get<Items<Me>>('/admin/accounts', { query: { ...query } }),
    approve: (id: Id) => http.post<Me>(`${account(id)}/approve`),
    setRole: (id: Id, role: Role) => http.put<Me>(`${account(id)}/role`, { json: { role } }),
    setStatus: (id: Id, status: 'active' | 'disabled') =>
      http.put<Me>(`${account(id)}/status`, { json: { status } }),
    createInvite: (email: string) => http.post<Invite>('/admin/invites', { json: { email } }),
    audit: (limit = 50) => http.get<Items<AuditEntry>>('/admin/audit', { query: { limit } }),
  };
}

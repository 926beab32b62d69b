// /api/v1/me/tokens: personal API tokens. The secret is returned once, on create.
import type { Http } from './http';
import type { Id, Items, TokenScope } from './types';

export interface ApiToken {
  id: Id;
  name: string;
  scopes: TokenScope[];
  created_at: string;
  last_used_at: string | null;
}

export interface CreatedToken extends Omit<ApiToken, 'last_used_at'> {
  token: string;
}

export function tokensApi(http: Http) {
  return {
    list: () => http.get<Items<ApiToken>>('/me/tokens'),
    create: (name: string, scopes: TokenScope[]) =>
      http.post<CreatedToken>('/me/tokens', { json: { name, scopes } }),
    revoke: (id: Id) => http.delete<void>(`/me/tokens/${encodeURIComponent(id)}`),
  };
}

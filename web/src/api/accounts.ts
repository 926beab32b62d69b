// POST /api/v1/accounts: sign up. An active account comes back signed in.
import type { Http } from './http';
import type { Me } from './types';

export interface SignUpInput {
  email: string;
  password: string;
  display_name: string;
  handle: string;
  invite_token?: string;
}

export interface SignUpResult {
  account: Me;
  csrf_token?: string;
}

export function accountsApi(http: Http) {
  return {
    async create(input: SignUpInput): Promise<SignUpResult> {
      const result = await http.post<SignUpResult>('/accounts', {
        json: input,
        quietUnauthorized: true,
      });
      if (result.csrf_token) http.csrfToken = result.csrf_token;
      return result;
    },
  };
}

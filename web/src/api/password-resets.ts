// /api/v1/password-resets: request a reset link and confirm a new password.
import type { Http } from './http';

export function passwordResetsApi(http: Http) {
  return {
    /** Always 202, whether or not the email is known. */
    request: (email: string) =>
      http.post<void>('/password-resets', { json: { email }, quietUnauthorized: true }),
    confirm: (token: string, new_password: string) =>
      http.post<void>('/password-resets/confirm', {
        json: { token, new_password },
        quietUnauthorized: true,
      }),
  };
}

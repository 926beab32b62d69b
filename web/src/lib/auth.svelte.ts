// Auth holds who is signed in, as reactive state, on top of the session API.
// One instance per app, created in main.ts.

import { ApiError, type Api, type Me } from '../api';
import type { SignUpInput } from '../api/accounts';

export type AuthStatus = 'loading' | 'ready' | 'error';

export class Auth {
  account = $state<Me | null>(null);
  status = $state<AuthStatus>('loading');
  error = $state<ApiError | null>(null);
  readonly isAdmin = $derived(this.account?.role === 'admin');
  /** Facilitators and admins review flagged posts. */
  readonly isModerator = $derived(!!this.account && this.account.role !== 'member');

  constructor(private readonly api: Api) {}

  /** Asks the server who we are. A 401 simply means signed out. */
  async load(): Promise<void> {
    this.status = 'loading';
    this.error = null;
    try {
      this.account = (await this.api.session.get()).account;
      this.status = 'ready';
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) {
        this.account = null;
        this.status = 'ready';
      } else {
        this.error = err instanceof ApiError ? err : new ApiError(0, {});
        this.status = 'error';
      }
    }
  }

  async signIn(login: string, password: string): Promise<Me> {
    const info = await this.api.session.create(login, password);
    this.account = info.account;
    return info.account;
  }

  /** Creates an account; an active one is signed in, a pending one is not. */
  async signUp(input: SignUpInput): Promise<Me> {
    const result = await this.api.accounts.create(input);
    if (result.account.status === 'active' && result.csrf_token) this.account = result.account;
    return result.account;
  }

  async signOut(): Promise<void> {
    try {
      await this.api.session.delete();
    } finally {
      this.account = null;
    }
  }

  /** Forgets the account after the server reported the session gone. */
  expire(): void {
    this.account = null;
    this.api.http.csrfToken = null;
  }

  /** Replaces the cached account after a profile change. */
  update(account: Me): void {
    this.account = account;
  }
}

// App-wide services handed down through Svelte context instead of globals.
import { getContext, setContext } from 'svelte';
import type { Api } from '../api';
import type { Auth } from './auth.svelte';
import type { Router } from './router.svelte';
import type { Unread } from './unread.svelte';

export interface AppServices {
  api: Api;
  auth: Auth;
  router: Router;
  unread: Unread;
}

const KEY = Symbol('hallway-services');

export function provideServices(services: AppServices): void {
  setContext(KEY, services);
}

function services(): AppServices {
  const value = getContext<AppServices | undefined>(KEY);
  if (!value) throw new Error('context: services not provided');
  return value;
}

export const useApi = (): Api => services().api;
export const useAuth = (): Auth => services().auth;
export const useRouter = (): Router => services().router;
export const useUnread = (): Unread => services().unread;

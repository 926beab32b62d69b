// GET /api/v1/config: public site settings.
import type { Http } from './http';
import type { SignupMode } from './types';

export interface SiteConfig {
  site_name: string;
  signup_mode: SignupMode;
}

export function configApi(http: Http) {
  return {
    get: () => http.get<SiteConfig>('/config', { quietUnauthorized: true }),
  };
}

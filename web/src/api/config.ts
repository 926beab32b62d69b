// GET /api/v1/config: public site settings.
import type { Http } from './http';
import type { SignupMode } from './types';

export interface SiteConfig {
  site_name: string;
  signup_mode: SignupMode;
  /** Largest upload of each kind in bytes, and attachments per post. */
  upload_limits?: {
    image_bytes: number;
    video_bytes: number;
    file_bytes: number;
    per_post: number;
  };
}

export function configApi(http: Http) {
  return {
    get: () => http.get<SiteConfig>('/config', { quietUnauthorized: true }),
  };
}

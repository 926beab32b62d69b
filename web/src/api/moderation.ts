// /api/v1/moderation: flagged posts for facilitators and admins.
import type { Http } from './http';
import type { FlaggedPost, Items } from './types';

export function moderationApi(http: Http) {
  return {
    /** Flagged posts with their flag counts and reasons. */
    flags: () => http.get<Items<FlaggedPost>>('/moderation/flags'),
  };
}

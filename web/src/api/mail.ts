// /api/v1/me/mail-preferences and /api/v1/unsubscribe: which notification mail an
// account gets, and the signed one-click unsubscribe links in that mail.
import type { Http } from './http';

/** How one kind of notification is mailed. */
export type MailDelivery = 'off' | 'immediately' | 'digest';
/** How often the digest comes. */
export type DigestFrequency = 'off' | 'daily' | 'weekly';

export interface MailKindPreference {
  kind: string;
  /** A human label, e.g. "Mentions of you". */
  label: string;
  delivery: MailDelivery;
}

export interface MailPreferences {
  /** Where the mail goes. */
  email: string;
  digest: DigestFrequency;
  kinds: MailKindPreference[];
}

export interface MailPreferencesPatch {
  kinds?: Record<string, MailDelivery>;
  digest?: DigestFrequency;
}

/** What an unsubscribe link switches off. */
export interface Unsubscription {
  /** A notification kind, "digest" or "all". */
  scope: string;
  label: string;
  /** The address, partly masked (the link works without signing in). */
  email: string;
  /** True when that mail is already off. */
  unsubscribed: boolean;
}

export function mailApi(http: Http) {
  const unsubscribe = (token: string) => ({ query: { token }, quietUnauthorized: true });
  return {
    preferences: () => http.get<MailPreferences>('/me/mail-preferences'),
    /** Changes only what is given; 400 with field errors for unknown kinds or values. */
    updatePreferences: (patch: MailPreferencesPatch) =>
      http.patch<MailPreferences>('/me/mail-preferences', { json: patch }),
    /** Describes a link without changing anything; 400 when the token is bad or expired. */
    describeUnsubscribe: (token: string) =>
      http.get<Unsubscription>('/unsubscribe', unsubscribe(token)),
    /** Switches that mail off. No session needed. */
    unsubscribe: (token: string) => http.post<Unsubscription>('/unsubscribe', unsubscribe(token)),
  };
}

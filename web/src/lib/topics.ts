// Topic names as the server normalizes them: "#Negotiation" becomes "negotiation".

/** Lower-case letters, digits, '-' and '_', 2 to 50 characters. */
export const TOPIC_PATTERN = /^[a-z0-9_-]{2,50}$/;

/** The normalized name, or null when `raw` cannot be a topic. */
export function normalizeTopic(raw: string): string | null {
  const name = raw.trim().replace(/^#+/, '').toLowerCase();
  return TOPIC_PATTERN.test(name) ? name : null;
}

export const topicHref = (name: string): string => `/topics/${encodeURIComponent(name)}`;

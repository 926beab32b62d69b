// Display helpers for dates, names and errors.
import { ApiError } from '../api/http';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'short',
});

export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : dateFormat.format(date);
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : dateTimeFormat.format(date);
}

/** Up to two initials from a display name, falling back to the handle. */
export function initials(name: string, handle = ''): string {
  const words = (name || handle).trim().split(/\s+/).filter(Boolean);
  const first = words[0]?.[0] ?? '?';
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}

/** A stable small number for a string, used to pick avatar colors. */
export function hashIndex(text: string, buckets: number): number {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (hash * 31 + text.charCodeAt(i)) >>> 0;
  return hash % buckets;
}

/** Normalizes anything thrown into an ApiError for display. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  return new ApiError(-1, { detail: err instanceof Error ? err.message : String(err) });
}

/** "45 seconds", "15 minutes", "2 hours". */
export function duration(seconds: number): string {
  if (seconds < 90) return plural(Math.max(1, Math.round(seconds)), 'second');
  if (seconds < 90 * 60) return plural(Math.round(seconds / 60), 'minute');
  return plural(Math.round(seconds / 3600), 'hour');
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

const relativeFormat = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/** "just now", "5 minutes ago", "yesterday", "3 days ago"; older than a week gets a date. */
export function relativeTime(value: string | null | undefined, now = Date.now()): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const seconds = Math.round((date.getTime() - now) / 1000);
  const ago = Math.abs(seconds);
  if (ago < 45) return 'just now';
  if (ago < 45 * 60) return relativeFormat.format(Math.round(seconds / 60), 'minute');
  if (ago < 22 * 3600) return relativeFormat.format(Math.round(seconds / 3600), 'hour');
  if (ago < 7 * 86400) return relativeFormat.format(Math.round(seconds / 86400), 'day');
  return formatDate(value);
}

// Human labels for catalog values (kinds, levels, duration buckets, statuses).
import type { LearningState, ResourceKind } from '../../api/catalog-types';

export const KIND_LABELS: Record<ResourceKind, string> = {
  course: 'Course',
  video: 'Video',
  article: 'Article',
  book: 'Book',
  podcast: 'Podcast',
  offering: 'Live offering',
  document: 'Document',
  link: 'Link',
};

export const LEVEL_LABELS: Record<string, string> = {
  introductory: 'Introductory',
  intermediate: 'Intermediate',
  advanced: 'Advanced',
};

export const DURATION_LABELS: Record<string, string> = {
  'under-1h': 'Under 1 hour',
  '1-5h': '1 to 5 hours',
  '5-20h': '5 to 20 hours',
  'over-20h': 'Over 20 hours',
};

export const STATUS_LABELS: Record<LearningState, string> = {
  want: 'Want to learn',
  taking: 'Taking',
  completed: 'Completed',
  dropped: 'Dropped',
};

export const SORT_OPTIONS = [
  { value: 'score', label: 'Best rated' },
  { value: 'popular', label: 'Popular (last 30 days)' },
  { value: 'newest', label: 'Newest' },
  { value: 'title', label: 'Title (A–Z)' },
];

export function kindLabel(kind: string): string {
  return (KIND_LABELS as Record<string, string>)[kind] ?? kind;
}

export function levelLabel(level: string): string {
  return LEVEL_LABELS[level] ?? level;
}

/** "45 min", "3 h", "2 h 30 min". */
export function minutesLabel(minutes: number | null | undefined): string {
  if (!minutes || minutes <= 0) return '';
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h} h ${m} min` : `${h} h`;
}

/** A mean rating to one decimal, e.g. "4.3". */
export function meanLabel(mean: number | null | undefined): string {
  return mean == null ? '' : mean.toFixed(1);
}

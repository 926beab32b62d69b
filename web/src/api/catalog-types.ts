// Wire types of the learning catalog (/api/v1/resources, categories, ratings,
// learning status and recommendations). Timestamps are RFC 3339 strings.
import type { CuratorCredit } from './collection-types';
import type { Id, PersonSummary } from './types';

export type ResourceKind =
  'course' | 'video' | 'article' | 'book' | 'podcast' | 'offering' | 'document' | 'link';
export type ResourceLevel = '' | 'introductory' | 'intermediate' | 'advanced';
export type LearningState = 'want' | 'taking' | 'completed' | 'dropped';
export type RecommendationState = 'pending' | 'accepted' | 'saved' | 'dismissed';
export type BrowseSort = 'score' | 'popular' | 'newest' | 'title';
export type ReviewSort = 'helpful' | 'newest' | 'network';

export interface RatingSummary {
  count: number;
  mean: number | null;
  score: number;
  /** Stars "1".."5" to how many ratings gave them. */
  distribution: Record<'1' | '2' | '3' | '4' | '5', number>;
}

export interface ResourceSummary {
  id: Id;
  kind: ResourceKind;
  title: string;
  provider: string;
  url: string;
  duration_minutes: number | null;
  level: ResourceLevel;
  language: string;
  cost: string;
  group_id: Id | null;
  ratings: RatingSummary;
  created_at: string;
}

export interface Category {
  id: Id;
  slug: string;
  name: string;
  parent_id: Id | null;
  position: number;
}

/** A category in the depth-first tree GET /categories returns. */
export interface CategoryNode extends Category {
  path: string;
  depth: number;
}

export interface OfferingSession {
  id?: Id;
  starts_at: string;
  ends_at: string;
  location: string;
  seats: number | null;
}

export interface Rating {
  id: Id;
  resource_id: Id;
  stars: number;
  review: string;
  review_html: string;
  revision: number;
  helpful: number;
  unhelpful: number;
  comment_count: number;
  my_vote: 'helpful' | 'unhelpful' | null;
  created_at: string;
  updated_at: string;
}

export interface Review extends Rating {
  author: PersonSummary;
  author_followed: boolean;
}

export interface RatingRevision {
  revision: number;
  stars: number;
  review: string;
  created_at: string;
}

export interface ReviewComment {
  id: Id;
  review_id: Id;
  author_id: Id;
  author: { handle: string; display_name: string } | null;
  body: string;
  body_html: string;
  created_at: string;
}

export interface LearningStatus {
  resource_id: Id;
  status: LearningState;
  completed_on: string | null;
  evidence_url: string | null;
  updated_at: string;
}

export interface LearningEntry extends LearningStatus {
  resource: ResourceSummary;
}

export interface DuplicateCandidate {
  id: Id;
  title: string;
  url: string;
  reason: string;
}

export interface Resource extends ResourceSummary {
  description: string;
  description_html: string;
  skills: string[];
  tags: string[];
  categories: Category[];
  sessions: OfferingSession[];
  group: { id: Id; slug: string; name: string } | null;
  added_by: PersonSummary | null;
  source: string;
  my_rating: Rating | null;
  my_status: LearningStatus | null;
  learners: Partial<Record<LearningState, number>>;
  recommendations: { sent_to: number; accepted: number };
  possible_duplicates: DuplicateCandidate[];
  can_edit: boolean;
  updated_at: string;
  /** Collections the caller may see that include this resource, with their curators. */
  curated_in: CuratorCredit[];
}

export interface FacetValue {
  value: string;
  count: number;
}

export type FacetName =
  'kind' | 'level' | 'language' | 'provider' | 'skill' | 'duration' | 'rating' | 'category';

export interface BrowseResult {
  items: ResourceSummary[];
  total: number;
  facets: Partial<Record<FacetName, FacetValue[]>>;
}

export interface BrowseQuery {
  category?: string;
  skill?: string;
  kind?: string;
  level?: string;
  language?: string;
  provider?: string;
  duration?: string;
  rating?: string;
  sort?: string;
  limit?: number;
  offset?: number;
  facets?: 0 | 1;
}

/** The body of POST /resources (and the fields PATCH accepts). */
export interface ResourceInput {
  kind: ResourceKind;
  title: string;
  description?: string;
  provider?: string;
  url?: string;
  duration_minutes?: number | null;
  level?: ResourceLevel;
  language?: string;
  cost?: string;
  skills?: string[];
  tags?: string[];
  categories?: Id[];
  sessions?: Omit<OfferingSession, 'id'>[];
  group?: string;
}

export interface Recommendation {
  id: Id;
  resource: { id: Id; title: string };
  from: PersonSummary;
  to: PersonSummary;
  group_id: Id | null;
  via: Id | null;
  note: string;
  state: RecommendationState;
  created_at: string;
  acted_at: string | null;
}

export interface RecommendInput {
  to?: string[];
  group?: string;
  note?: string;
  via?: Id;
}

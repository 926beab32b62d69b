// Wire types of collections, learning paths (/api/v1/collections) and
// learning goals (/api/v1/me/goals, /api/v1/goals). Timestamps are RFC 3339.
import type { LearningStatus, ResourceSummary } from './catalog-types';
import type { Id, PersonSummary } from './types';

export type CollectionFilter = 'popular' | 'mine' | 'followed' | 'enrolled';

export interface Progress {
  completed: number;
  total: number;
  percent: number;
}

export interface GroupRef {
  id: Id;
  slug: string;
  name: string;
}

export interface CollectionRef {
  id: Id;
  title: string;
  is_path: boolean;
}

export interface CollectionSummary {
  id: Id;
  title: string;
  description: string;
  is_path: boolean;
  curator: PersonSummary;
  group: GroupRef | null;
  forked_from: CollectionRef | null;
  item_count: number;
  followers: number;
  enrolled: number;
  following: boolean;
  enrolled_me: boolean;
  /** The caller's completed items over the items they can see. */
  progress: Progress;
  can_edit: boolean;
  created_at: string;
  updated_at: string;
}

export interface CollectionItem {
  position: number;
  note: string;
  resource: ResourceSummary;
  my_status: LearningStatus | null;
  completed: boolean;
}

export interface Collection extends CollectionSummary {
  items: CollectionItem[];
}

export interface CollectionItemInput {
  resource_id: Id;
  note?: string;
}

export interface CollectionInput {
  title: string;
  description?: string;
  is_path?: boolean;
  /** Group slug; omitted for organization-wide. */
  group?: string;
  items?: CollectionItemInput[];
}

/** One entry of a resource's `curated_in`. */
export interface CuratorCredit extends CollectionRef {
  curator: PersonSummary;
}

export type GoalSharing = 'private' | 'people' | 'group';
export type GoalState = 'active' | 'achieved' | 'abandoned';
export type GoalItemType = 'resource' | 'collection' | 'person';

export interface GoalItem {
  type: GoalItemType;
  id: Id;
  added_at: string;
  resource?: ResourceSummary;
  status?: string | null;
  completed?: boolean;
  collection?: CollectionRef;
  progress?: Progress;
  person?: PersonSummary;
}

export interface GoalProgress {
  resources_completed: number;
  resources_total: number;
  path_steps_completed: number;
  path_steps_total: number;
  completed: number;
  total: number;
  percent: number;
}

export interface Goal {
  id: Id;
  title: string;
  description: string;
  due_on: string | null;
  skills: string[];
  state: GoalState;
  sharing: GoalSharing;
  group: GroupRef | null;
  /** The owner only; null for others. */
  shared_with: PersonSummary[] | null;
  owner: PersonSummary;
  is_owner: boolean;
  items: GoalItem[];
  progress: GoalProgress;
  created_at: string;
  updated_at: string;
}

/** The body of POST /me/goals (and the fields PATCH /goals/{id} accepts). */
export interface GoalInput {
  title?: string;
  description?: string;
  due_on?: string | null;
  skills?: string[];
  state?: GoalState;
  sharing?: GoalSharing;
  /** Handles, when sharing is "people". */
  share_with?: string[];
  /** Group slug, when sharing is "group". */
  group?: string;
}

// Wire types of the Hallway /api/v1 JSON contract. Timestamps are RFC 3339 strings.

export type Role = 'member' | 'facilitator' | 'admin';
export type AccountStatus = 'active' | 'pending' | 'disabled';
export type SignupMode = 'open' | 'invite' | 'approval';
export type TokenScope = 'read' | 'write' | 'admin';
/** Server-assigned identifier (numeric today); treat as opaque. */
export type Id = number | string;

export interface Person {
  id: Id;
  handle: string;
  display_name: string;
  title: string;
  team: string;
  location: string;
  bio: string;
  bio_html: string;
  skills: string[];
  interests: string[];
  avatar_url: string | null;
  role: Role;
  created_at: string;
}

/** The signed-in account: a Person plus private fields. */
export interface Me extends Person {
  email: string;
  status: AccountStatus;
}

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export interface Items<T> {
  items: T[];
}

export interface NameCount {
  name: string;
  count: number;
}

/** One field error inside an RFC 9457 problem body. */
export interface FieldError {
  field: string;
  message: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  request_id?: string;
  errors?: FieldError[];
}

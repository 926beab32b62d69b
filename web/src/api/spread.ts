// How ideas travel: the spread tree of a resource or a post, and a person's
// influence (GET /resources/{id}/spread, /posts/{id}/spread,
// /people/{handle}/influence).
import type { Http } from './http';
import type { Id, PersonSummary } from './types';

export type AdoptionKind =
  'introduced' | 'rated' | 'completed' | 'recommended' | 'reshared' | 'reacted';
/** How a person came to the item: introduced it, was passed it, probably
 *  through someone they follow, or on their own. */
export type Arrival = 'introducer' | 'passed_on' | 'network' | 'independent';

export interface SpreadNode {
  person: PersonSummary;
  at: string;
  kinds: AdoptionKind[];
  parent: number | null;
  arrival: Arrival;
  depth: number;
  reach: number;
  first_follower: boolean;
}

export interface Spread {
  item: { type: 'resource' | 'post'; id: Id; title: string };
  adopters: number;
  truncated: boolean;
  introducer: number | null;
  first_followers: number[];
  max_depth: number;
  nodes: SpreadNode[];
}

export interface InfluenceItem {
  type: 'resource' | 'post';
  id: Id;
  title: string;
  role: 'introducer' | 'first_follower' | 'adopter';
  reach: number;
  adopters: number;
}

export interface Influence {
  person: PersonSummary;
  introduced: number;
  first_follower: number;
  reach: number;
  examined: number;
  items: InfluenceItem[];
}

export function spreadApi(http: Http) {
  const enc = (v: Id | string) => encodeURIComponent(String(v));
  return {
    ofResource: (id: Id) => http.get<Spread>(`/resources/${enc(id)}/spread`),
    ofPost: (id: Id) => http.get<Spread>(`/posts/${enc(id)}/spread`),
    influence: (handle: string) => http.get<Influence>(`/people/${enc(handle)}/influence`),
  };
}

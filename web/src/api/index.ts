// The typed client: one object per resource, all sharing one Http instance.
import { accountsApi } from './accounts';
import { adminApi } from './admin';
import { catalogApi } from './catalog';
import { collectionsApi } from './collections';
import { configApi } from './config';
import { deliberationsApi } from './deliberations';
import { endorsementsApi } from './endorsements';
import { groupsApi } from './groups';
import { helpersApi } from './helpers';
import { Http } from './http';
import { mailApi } from './mail';
import { goalsApi } from './goals';
import { feedTokenApi, meApi } from './me';
import { moderationApi } from './moderation';
import { notificationsApi } from './notifications';
import { passwordResetsApi } from './password-resets';
import { peopleApi } from './people';
import { postsApi } from './posts';
import { questionsApi } from './questions';
import { savedSearchesApi, synonymsApi } from './saved-searches';
import { searchApi } from './search';
import { sessionApi } from './session';
import { skillsApi } from './skills';
import { spreadApi } from './spread';
import { suggestionsApi } from './suggestions';
import { teamsApi } from './teams';
import { tokensApi } from './tokens';
import { topicsApi } from './topics';
import { recommendationsApi, trustApi } from './trust';
import { uploadsApi } from './uploads';
import { wikiApi } from './wiki';

export function createApi(http: Http = new Http()) {
  return {
    http,
    accounts: accountsApi(http),
    admin: adminApi(http),
    catalog: catalogApi(http),
    collections: collectionsApi(http),
    config: configApi(http),
    goals: goalsApi(http),
    deliberations: deliberationsApi(http),
    endorsements: endorsementsApi(http),
    groups: groupsApi(http),
    helpers: helpersApi(http),
    mail: mailApi(http),
    me: meApi(http),
    feedToken: feedTokenApi(http),
    moderation: moderationApi(http),
    notifications: notificationsApi(http),
    passwordResets: passwordResetsApi(http),
    people: peopleApi(http),
    posts: postsApi(http),
    questions: questionsApi(http),
    search: searchApi(http),
    savedSearches: savedSearchesApi(http),
    synonyms: synonymsApi(http),
    session: sessionApi(http),
    skills: skillsApi(http),
    spread: spreadApi(http),
    suggestions: suggestionsApi(http),
    teams: teamsApi(http),
    tokens: tokensApi(http),
    topics: topicsApi(http),
    trust: trustApi(http),
    recommendations: recommendationsApi(http),
    uploads: uploadsApi(http),
    wiki: wikiApi(http),
  };
}

export type Api = ReturnType<typeof createApi>;
export { ApiError, Http } from './http';
export type * from './types';
export type * from './catalog-types';
export type * from './collection-types';
export type * from './search';
export type * from './spread';
export type * from './deliberations';
export type * from './wiki';
export type * from './helpers';
export type * from './questions';

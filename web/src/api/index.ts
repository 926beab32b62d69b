// The typed client: one object per resource, all sharing one Http instance.
import { accountsApi } from './accounts';
import { adminApi } from './admin';
import { catalogApi } from './catalog';
import { configApi } from './config';
import { groupsApi } from './groups';
import { Http } from './http';
import { mailApi } from './mail';
import { feedTokenApi, meApi } from './me';
import { moderationApi } from './moderation';
import { notificationsApi } from './notifications';
import { passwordResetsApi } from './password-resets';
import { peopleApi } from './people';
import { postsApi } from './posts';
import { questionsApi } from './questions';
import { searchApi } from './search';
import { sessionApi } from './session';
import { skillsApi } from './skills';
import { teamsApi } from './teams';
import { tokensApi } from './tokens';
import { topicsApi } from './topics';
import { uploadsApi } from './uploads';

export function createApi(http: Http = new Http()) {
  return {
    http,
    accounts: accountsApi(http),
    admin: adminApi(http),
    catalog: catalogApi(http),
    config: configApi(http),
    groups: groupsApi(http),
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
    session: sessionApi(http),
    skills: skillsApi(http),
    teams: teamsApi(http),
    tokens: tokensApi(http),
    topics: topicsApi(http),
    uploads: uploadsApi(http),
  };
}

export type Api = ReturnType<typeof createApi>;
export { ApiError, Http } from './http';
export type * from './types';
export type * from './catalog-types';
export type * from './search';
export type * from './questions';

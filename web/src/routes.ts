// The one route table. Access decides what App renders for the current visitor:
// public: anyone; guest: signed-out only; member: signed in; moderator: role facilitator or
// admin; admin: role=admin.
import type { Component } from 'svelte';
import AdminPage from './pages/admin/AdminPage.svelte';
import ForgotPasswordPage from './pages/accounts/ForgotPasswordPage.svelte';
import ResetPasswordPage from './pages/accounts/ResetPasswordPage.svelte';
import SignInPage from './pages/accounts/SignInPage.svelte';
import SignUpPage from './pages/accounts/SignUpPage.svelte';
import UnsubscribePage from './pages/accounts/UnsubscribePage.svelte';
import GroupPage from './pages/groups/GroupPage.svelte';
import GroupsPage from './pages/groups/GroupsPage.svelte';
import HelpersPage from './pages/helpers/HelpersPage.svelte';
import HomePage from './pages/home/HomePage.svelte';
import AddResourcePage from './pages/learn/AddResourcePage.svelte';
import CollectionPage from './pages/learn/collections/CollectionPage.svelte';
import CollectionsPage from './pages/learn/collections/CollectionsPage.svelte';
import GoalPage from './pages/learn/goals/GoalPage.svelte';
import GoalsPage from './pages/learn/goals/GoalsPage.svelte';
import EditResourcePage from './pages/learn/EditResourcePage.svelte';
import LearnPage from './pages/learn/LearnPage.svelte';
import MyLearningPage from './pages/learn/MyLearningPage.svelte';
import ResourcePage from './pages/learn/ResourcePage.svelte';
import NotFoundPage from './pages/NotFoundPage.svelte';
import ModerationPage from './pages/moderation/ModerationPage.svelte';
import NotificationsPage from './pages/notifications/NotificationsPage.svelte';
import DirectoryPage from './pages/people/DirectoryPage.svelte';
import FollowListPage from './pages/people/FollowListPage.svelte';
import ProfilePage from './pages/people/ProfilePage.svelte';
import PostPage from './pages/posts/PostPage.svelte';
import AskPage from './pages/questions/AskPage.svelte';
import QuestionsPage from './pages/questions/QuestionsPage.svelte';
import SearchPage from './pages/search/SearchPage.svelte';
import FeedSettingsPage from './pages/settings/FeedSettingsPage.svelte';
import HelperSettingsPage from './pages/settings/HelperSettingsPage.svelte';
import NotificationSettingsPage from './pages/settings/NotificationSettingsPage.svelte';
import PasswordSettingsPage from './pages/settings/PasswordSettingsPage.svelte';
import ProfileSettingsPage from './pages/settings/ProfileSettingsPage.svelte';
import TokensSettingsPage from './pages/settings/TokensSettingsPage.svelte';
import TrustSettingsPage from './pages/settings/TrustSettingsPage.svelte';
import TopicPage from './pages/topics/TopicPage.svelte';
import WikiHistoryPage from './pages/wiki/WikiHistoryPage.svelte';
import WikiIndexPage from './pages/wiki/WikiIndexPage.svelte';
import WikiPageView from './pages/wiki/WikiPageView.svelte';

export type Access = 'public' | 'guest' | 'member' | 'moderator' | 'admin';
export type RouteParams = Record<string, string>;

export interface RouteDef {
  /** Path pattern; `:name` matches one segment. */
  pattern: string;
  access: Access;
  // Pages differ in props (some take `params`, most take none), so the table is loosely typed.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  component?: Component<any>;
  /** Instead of rendering, go here (replacing history). */
  redirect?: string;
  /** Hide the main navigation (sign-in style pages). */
  bare?: boolean;
}

export const routes: RouteDef[] = [
  { pattern: '/', access: 'public', component: HomePage },
  { pattern: '/signin', access: 'guest', component: SignInPage, bare: true },
  { pattern: '/signup', access: 'guest', component: SignUpPage, bare: true },
  { pattern: '/forgot', access: 'public', component: ForgotPasswordPage, bare: true },
  { pattern: '/reset', access: 'public', component: ResetPasswordPage, bare: true },
  // The link in notification mail; works signed out.
  { pattern: '/unsubscribe', access: 'public', component: UnsubscribePage, bare: true },
  { pattern: '/people', access: 'member', component: DirectoryPage },
  { pattern: '/people/:handle', access: 'member', component: ProfilePage },
  // :relation is "followers" or "following"; the page shows not-found for anything else.
  { pattern: '/people/:handle/:relation', access: 'member', component: FollowListPage },
  { pattern: '/posts/:id', access: 'member', component: PostPage },
  { pattern: '/questions', access: 'member', component: QuestionsPage },
  { pattern: '/questions/ask', access: 'member', component: AskPage },
  { pattern: '/topics/:topic', access: 'member', component: TopicPage },
  { pattern: '/settings', access: 'member', redirect: '/settings/profile' },
  { pattern: '/settings/profile', access: 'member', component: ProfileSettingsPage },
  { pattern: '/settings/password', access: 'member', component: PasswordSettingsPage },
  { pattern: '/settings/tokens', access: 'member', component: TokensSettingsPage },
  { pattern: '/settings/feeds', access: 'member', component: FeedSettingsPage },
  { pattern: '/settings/notifications', access: 'member', component: NotificationSettingsPage },
  { pattern: '/settings/trust', access: 'member', component: TrustSettingsPage },
  { pattern: '/settings/helping', access: 'member', component: HelperSettingsPage },
  { pattern: '/catalog', access: 'member', redirect: '/learn' },
  { pattern: '/learn', access: 'member', component: LearnPage },
  { pattern: '/learn/new', access: 'member', component: AddResourcePage },
  { pattern: '/learn/mine', access: 'member', component: MyLearningPage },
  { pattern: '/learn/collections', access: 'member', component: CollectionsPage },
  { pattern: '/learn/goals', access: 'member', component: GoalsPage },
  { pattern: '/collections/:id', access: 'member', component: CollectionPage },
  { pattern: '/goals/:id', access: 'member', component: GoalPage },
  { pattern: '/resources/:id', access: 'member', component: ResourcePage },
  { pattern: '/resources/:id/edit', access: 'member', component: EditResourcePage },
  { pattern: '/notifications', access: 'member', component: NotificationsPage },
  { pattern: '/search', access: 'member', component: SearchPage },
  { pattern: '/helpers', access: 'member', component: HelpersPage },
  { pattern: '/groups', access: 'member', component: GroupsPage },
  { pattern: '/groups/:slug', access: 'member', component: GroupPage },
  // Wikis: :space is "org" or "g-<group slug>".
  { pattern: '/wiki', access: 'member', component: WikiIndexPage },
  { pattern: '/wiki/:space', access: 'member', component: WikiIndexPage },
  { pattern: '/wiki/:space/:slug', access: 'member', component: WikiPageView },
  { pattern: '/wiki/:space/:slug/history', access: 'member', component: WikiHistoryPage },
  { pattern: '/moderation', access: 'moderator', component: ModerationPage },
  { pattern: '/admin', access: 'admin', component: AdminPage },
];

export const notFoundRoute: RouteDef = { pattern: '*', access: 'public', component: NotFoundPage };

export interface RouteMatch {
  route: RouteDef;
  params: RouteParams;
}

/** Finds the route for a pathname; unknown paths get the not-found route. */
export function matchRoute(pathname: string): RouteMatch {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  const segments = path.split('/').filter(Boolean);
  for (const route of routes) {
    const parts = route.pattern.split('/').filter(Boolean);
    if (parts.length !== segments.length) continue;
    const params: RouteParams = {};
    const ok = parts.every((part, i) => {
      const segment = segments[i] ?? '';
      if (part.startsWith(':')) {
        try {
          params[part.slice(1)] = decodeURIComponent(segment);
        } catch {
          return false;
        }
        return true;
      }
      return part === segment;
    });
    if (ok) return { route, params };
  }
  return { route: notFoundRoute, params: {} };
}

/** Only same-site paths are acceptable `?next=` targets (no open redirects). */
export function safeNext(next: string | null | undefined, fallback = '/'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
    return fallback;
  }
  return next;
}

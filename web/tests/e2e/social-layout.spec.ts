// The social pages at desktop and phone width: screenshots and no sideways scrolling.
import { DEMO, expect, shot, signIn, test } from './support/fixtures';

const pages: {
  path: string;
  name: string;
  ready: (p: import('@playwright/test').Page) => Promise<void>;
}[] = [
  {
    path: '/',
    name: 'home-stream',
    ready: (p) => expect(p.getByRole('feed', { name: 'Your stream' })).toBeVisible(),
  },
  {
    path: '/groups',
    name: 'groups-list',
    ready: (p) => expect(p.getByRole('list', { name: 'All groups' })).toBeVisible(),
  },
  {
    path: '/groups/engineering-managers',
    name: 'group-owner',
    ready: (p) => expect(p.getByRole('feed', { name: /Posts in/ })).toBeVisible(),
  },
  {
    path: '/groups/engineering-managers?tab=members',
    name: 'group-members',
    ready: (p) => expect(p.getByRole('list', { name: /Members of/ })).toBeVisible(),
  },
  {
    path: '/groups/security-champions',
    name: 'group-members-only',
    ready: (p) => expect(p.getByRole('heading', { name: 'Posts are for members' })).toBeVisible(),
  },
  {
    path: '/topics/leadership',
    name: 'topic-page',
    ready: (p) => expect(p.getByRole('feed', { name: /Posts tagged/ })).toBeVisible(),
  },
  {
    path: '/people/demo',
    name: 'profile-own',
    ready: (p) => expect(p.getByRole('heading', { name: 'Your posts' })).toBeVisible(),
  },
  {
    path: '/people/demo/following',
    name: 'following',
    ready: (p) => expect(p.getByRole('list', { name: 'People you follow' })).toBeVisible(),
  },
];

for (const [width, prefix] of [
  [1280, 'desktop'],
  [375, 'mobile'],
] as const) {
  test(`social pages fit at ${width}px`, async ({ page }) => {
    await page.setViewportSize({ width, height: width > 400 ? 800 : 812 });
    await signIn(page, DEMO.login, DEMO.password);
    for (const { path, name, ready } of pages) {
      await page.goto(path);
      await ready(page);
      await expect(page.getByText(/^Loading/)).toHaveCount(0);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth > window.innerWidth,
      );
      expect(overflow, `no horizontal scrolling on ${path}`).toBe(false);
      await shot(page, `${prefix}-${name}`);
    }
  });
}

test('explains a missing post, an unknown group and a bad topic name', async ({ page }) => {
  await signIn(page, DEMO.login, DEMO.password);
  await page.goto('/posts/999999');
  await expect(
    page.getByRole('heading', { level: 1, name: "This post isn't available" }),
  ).toBeVisible();
  await page.goto('/groups/leadership-circle-does-not-exist');
  await expect(page.getByRole('heading', { level: 1, name: 'No group here' })).toBeVisible();
  await page.goto('/topics/x');
  await expect(
    page.getByRole('heading', { level: 1, name: "That isn't a topic name" }),
  ).toBeVisible();
});

test('loads more of the stream and moves focus to the first new post', async ({ page }) => {
  await signIn(page, DEMO.login, DEMO.password);
  const feed = page.getByRole('feed', { name: 'Your stream' });
  await expect(feed.getByRole('article')).toHaveCount(20);
  await page.getByRole('button', { name: 'Load more' }).click();
  await expect(feed.getByRole('article').nth(20)).toBeFocused();
  expect(await feed.getByRole('article').count()).toBeGreaterThan(20);
  await expect(page.getByText(/^Loaded \d+ more posts?\.$/)).toBeAttached();
});

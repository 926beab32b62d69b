// The Latest/Top switch on person, group and topic pages: kept in the URL, sent to the API
// as ?order=top, and Back returns to Latest.
import { DEMO, expect, shot, signIn, test } from './support/fixtures';

const PAGES = [
  { path: '/people/demo', nav: /^Order of your posts$/, api: '/api/v1/people/demo/posts' },
  {
    path: '/topics/negotiation',
    nav: /^Order of posts tagged #negotiation$/,
    api: '/api/v1/topics/negotiation/posts',
  },
];

for (const p of PAGES) {
  test(`order switch on ${p.path}`, async ({ page }) => {
    await signIn(page, DEMO.login, DEMO.password);
    await page.goto(p.path);
    const nav = page.getByRole('navigation', { name: p.nav });
    await expect(nav.getByRole('link', { name: 'Latest' })).toHaveAttribute('aria-current', 'page');
    const topRequest = page.waitForRequest(
      (r) => r.url().includes(p.api) && r.url().includes('order=top'),
    );
    await nav.getByRole('link', { name: 'Top' }).click();
    // The API answered (Top may legitimately be empty: it ranks recent posts).
    expect((await (await topRequest).response())?.status()).toBe(200);
    await expect(page).toHaveURL(/[?&]order=top$/);
    await expect(nav.getByRole('link', { name: 'Top' })).toHaveAttribute('aria-current', 'page');
    await shot(page, `order-top-${p.path.split('/')[1]}`);
    await page.goBack();
    await expect(nav.getByRole('link', { name: 'Latest' })).toHaveAttribute('aria-current', 'page');
  });
}

test('order switch on a group page', async ({ page }) => {
  await signIn(page, DEMO.login, DEMO.password);
  const mine = await page.request.get('/api/v1/groups?mine=1');
  expect(mine.status()).toBe(200);
  const slug: string = (await mine.json()).items[0].slug;
  await page.goto(`/groups/${slug}`);
  const nav = page.getByRole('navigation', { name: /^Order of posts in / });
  await expect(nav.getByRole('link', { name: 'Latest' })).toHaveAttribute('aria-current', 'page');
  const topRequest = page.waitForRequest(
    (r) => r.url().includes(`/api/v1/groups/${slug}/posts`) && r.url().includes('order=top'),
  );
  await nav.getByRole('link', { name: 'Top' }).click();
  expect((await (await topRequest).response())?.status()).toBe(200);
  await expect(page).toHaveURL(/[?&]order=top/);
  await expect(nav.getByRole('link', { name: 'Top' })).toHaveAttribute('aria-current', 'page');
  await shot(page, 'order-top-group');
});

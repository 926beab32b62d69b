// Home stream: Latest/Top order kept in the URL, the "New since you last looked" divider
// (the page records what was seen after showing it), and folded reshares.
import { request, type APIRequestContext } from '@playwright/test';
import { DEMO, ensureOpenSignup, expect, newUser, shot, signUp, test } from './support/fixtures';

test.beforeAll(async ({ baseURL }) => {
  await ensureOpenSignup(baseURL!);
});

async function apiAs(
  baseURL: string,
  login: string,
  password: string,
): Promise<{ ctx: APIRequestContext; csrf: string }> {
  const ctx = await request.newContext({ baseURL });
  const session = await ctx.post('/api/v1/session', { data: { login, password } });
  expect(session.status()).toBe(200);
  return { ctx, csrf: (await session.json()).csrf_token };
}

test('order switch, new-since-last-look divider and folded reshares', async ({ page, baseURL }) => {
  const me = newUser('seen');
  const cal = newUser('fold');
  await signUp(page, me);
  const meApi = await apiAs(baseURL!, me.handle, me.password);
  // Cal signs up through the API too, so two people can pass one post on.
  const calCtx = await request.newContext({ baseURL });
  const created = await calCtx.post('/api/v1/accounts', {
    data: { display_name: cal.name, handle: cal.handle, email: cal.email, password: cal.password },
  });
  expect(created.status()).toBe(201);
  const demo = await apiAs(baseURL!, DEMO.login, DEMO.password);
  const calApi = await apiAs(baseURL!, cal.handle, cal.password);
  try {
    for (const who of [DEMO.login, cal.handle]) {
      const r = await meApi.ctx.put(`/api/v1/people/${who}/follow`, {
        headers: { 'X-CSRF-Token': meApi.csrf },
      });
      expect(r.status()).toBe(200);
    }
    const post = async (body: string) => {
      const r = await demo.ctx.post('/api/v1/posts', {
        data: { body },
        headers: { 'X-CSRF-Token': demo.csrf },
      });
      expect(r.status()).toBe(201);
      return (await r.json()).id as number;
    };
    await post('Already seen: notes from the design review');

    // First look: nothing is marked new; after a moment the page records what was seen.
    const seen = page.waitForRequest(
      (r) => r.url().endsWith('/api/v1/stream/seen') && r.method() === 'PUT',
    );
    await page.goto('/');
    const feed = page.getByRole('feed', { name: 'Your stream' });
    await expect(feed).toContainText('Already seen');
    await expect(page.getByRole('separator')).toHaveCount(0);
    await seen;

    const fresh = await post('Fresh: the onboarding checklist is out');
    // Demo's earlier post is passed on by cal and by demo's own reshare of it: folded into one.
    const original = await post('Worth passing on: our retro format');
    for (const who of [calApi, demo]) {
      const r = await who.ctx.post(`/api/v1/posts/${original}/reshares`, {
        data: { note: 'good one' },
        headers: { 'X-CSRF-Token': who.csrf },
      });
      expect(r.status()).toBe(201);
    }
    expect(fresh).toBeGreaterThan(0);

    await page.reload();
    const divider = page.getByRole('separator').filter({ hasText: 'New since you last looked' });
    await expect(divider).toBeVisible();
    await expect(page.getByRole('separator').filter({ hasText: 'Seen before' })).toBeVisible();
    // Order on the page: divider, the new posts, "Seen before", then the old one.
    const text = (await feed.innerText()).replace(/\s+/g, ' ').toLowerCase();
    const at = (s: string) => text.indexOf(s.toLowerCase());
    expect(at('New since you last looked')).toBeGreaterThanOrEqual(0);
    expect(at('New since you last looked')).toBeLessThan(at('Fresh: the onboarding'));
    expect(at('Fresh: the onboarding')).toBeLessThan(at('Seen before'));
    expect(at('Seen before')).toBeLessThan(at('Already seen'));
    await expect(feed.getByText(/ and .* passed this on/)).toHaveCount(1);
    await shot(page, 'home-new-divider');

    // Top order lives in the URL and survives a reload.
    await page
      .getByRole('navigation', { name: 'Order of your stream' })
      .getByRole('link', { name: 'Top' })
      .click();
    await expect(page).toHaveURL(/\/\?order=top$/);
    await page.reload();
    const top = page
      .getByRole('navigation', { name: 'Order of your stream' })
      .getByRole('link', { name: 'Top' });
    await expect(top).toHaveAttribute('aria-current', 'page');
    await expect(feed).toContainText('Fresh: the onboarding');
    await expect(page.getByRole('separator')).toHaveCount(0);
    await page.getByRole('link', { name: 'Latest' }).click();
    await expect(page).toHaveURL(/\/$/);
  } finally {
    await Promise.all([
      meApi.ctx.dispose(),
      demo.ctx.dispose(),
      calApi.ctx.dispose(),
      calCtx.dispose(),
    ]);
  }
});

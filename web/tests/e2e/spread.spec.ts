// How ideas travel: a resource passed on by a recommendation and picked up
// through the network draws its propagation tree, names the first
// followers, offers the tree as a list, and shows on the introducer's
// profile as reach.
import { request, type APIRequestContext } from '@playwright/test';
import {
  ensureOpenSignup,
  expect,
  newUser,
  shot,
  signUp,
  test,
  type NewUser,
} from './support/fixtures';

test.beforeAll(async ({ baseURL }) => {
  await ensureOpenSignup(baseURL!);
});

interface Api {
  ctx: APIRequestContext;
  csrf: string;
}

async function apiFor(baseURL: string, user: NewUser, create: boolean): Promise<Api> {
  const ctx = await request.newContext({ baseURL });
  if (create) {
    const created = await ctx.post('/api/v1/accounts', {
      data: {
        display_name: user.name,
        handle: user.handle,
        email: user.email,
        password: user.password,
      },
    });
    expect(created.status()).toBe(201);
  }
  const session = await ctx.post('/api/v1/session', {
    data: { login: user.handle, password: user.password },
  });
  expect(session.status()).toBe(200);
  return { ctx, csrf: (await session.json()).csrf_token };
}

async function send(api: Api, method: 'post' | 'put', url: string, data: object = {}) {
  const r = await api.ctx[method](url, { data, headers: { 'X-CSRF-Token': api.csrf } });
  expect(r.ok(), `${method} ${url}: ${await r.text()}`).toBeTruthy();
  return r.json();
}

test('a resource shows how it travelled, and its introducer their reach', async ({
  page,
  baseURL,
}) => {
  const me = newUser('intro');
  const ben = newUser('ben');
  const cara = newUser('cara');
  await signUp(page, me);
  const meApi = await apiFor(baseURL!, me, false);
  const benApi = await apiFor(baseURL!, ben, true);
  const caraApi = await apiFor(baseURL!, cara, true);
  try {
    const resource = await send(meApi, 'post', '/api/v1/resources', {
      kind: 'book',
      title: `Never Split the Difference ${me.handle}`,
    });
    const path = `/api/v1/resources/${resource.id}`;
    await send(meApi, 'post', `${path}/recommendations`, {
      to: [ben.handle],
      note: 'For your vendor talks',
    });
    await send(benApi, 'put', `${path}/rating`, { stars: 5 });
    await send(caraApi, 'put', `/api/v1/people/${ben.handle}/follow`);
    await send(caraApi, 'put', `${path}/rating`, { stars: 4 });

    await page.goto(`/resources/${resource.id}`);
    const section = page.getByRole('region', { name: 'How it travelled' });
    await expect(section.getByRole('img', { name: /^Propagation tree of/ })).toBeVisible();
    await expect(section).toContainText(
      `${me.name} brought it in; 2 people picked it up since, 2 of them through ${me.name}`,
    );
    await expect(section).toContainText(`First followers ${ben.name}, ${cara.name}`);
    await section.getByText('Read it as a list').click();
    const list = section.getByRole('group').getByRole('list').first();
    await expect(list).toContainText(`${ben.name} — passed on by ${me.name}, rated it`);
    await expect(list).toContainText(
      `${cara.name} — probably through ${ben.name}, whom they follow`,
    );
    await section.scrollIntoViewIfNeeded();
    await shot(page, 'spread-resource');

    await page.goto(`/people/${me.handle}`);
    const influence = page.getByRole('region', { name: 'Ideas they spread' });
    await expect(influence.getByText('People reached')).toBeVisible();
    await expect(influence.getByRole('list', { name: 'What travelled furthest' })).toContainText(
      'brought it in · reached 2 people',
    );
    await influence.scrollIntoViewIfNeeded();
    await shot(page, 'spread-profile');
  } finally {
    await Promise.all([meApi.ctx.dispose(), benApi.ctx.dispose(), caraApi.ctx.dispose()]);
  }
});

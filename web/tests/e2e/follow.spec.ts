// Follows: a topic's posts reach Home; following a person changes their follower count.
import { ensureOpenSignup, expect, newUser, shot, signUp, test } from './support/fixtures';

test.beforeAll(async ({ baseURL }) => {
  await ensureOpenSignup(baseURL!);
});

test('following a topic brings its posts home', async ({ page }) => {
  await signUp(page, newUser('top'));
  await expect(page.getByRole('heading', { name: 'Your stream is quiet' })).toBeVisible();
  await shot(page, 'home-empty');

  await page.getByLabel('Find a topic').fill('#Negotiation');
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page).toHaveURL(/\/topics\/negotiation$/);
  await expect(page.getByRole('heading', { level: 1, name: 'negotiation' })).toBeVisible();
  const follow = page.getByRole('button', { name: 'Follow #negotiation' });
  await expect(follow).toHaveAttribute('aria-pressed', 'false');
  const counts = page.getByText(/\d+ posts? · \d+ followers?/);
  const before = Number((await counts.textContent())?.match(/(\d+) followers?/)?.[1]);
  await follow.click();
  await expect(follow).toHaveAttribute('aria-pressed', 'true');
  await expect(follow).toContainText('Following');
  await expect(counts).toContainText(`${before + 1} follower`);
  await expect(page.getByRole('feed', { name: 'Posts tagged #negotiation' })).toBeVisible();
  await shot(page, 'topic');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
  const feed = page.getByRole('feed', { name: 'Your stream' });
  await expect(feed.getByRole('link', { name: '#negotiation' }).first()).toBeVisible();
  await expect(
    page.getByRole('list', { name: 'Followed topics' }).getByRole('link', { name: '#negotiation' }),
  ).toBeVisible();
});

test('following a person changes their follower count', async ({ page }) => {
  const me = newUser('fol');
  await signUp(page, me);
  await page.goto('/people/ingrid.eze');
  await expect(page.getByRole('heading', { level: 1, name: 'Ingrid Eze' })).toBeVisible();
  const followers = page.getByRole('link', { name: /followers?$/ });
  const before = Number((await followers.textContent())?.match(/\d+/)?.[0]);
  const follow = page.getByRole('button', { name: 'Follow Ingrid Eze' });
  await expect(follow).toHaveAttribute('aria-pressed', 'false');
  await follow.click();
  await expect(follow).toHaveAttribute('aria-pressed', 'true');
  await expect(followers).toHaveText(`${before + 1} followers`);
  await expect(page.getByRole('feed', { name: 'Posts by Ingrid Eze' })).toBeVisible();
  await shot(page, 'profile-social');

  await followers.click();
  await expect(page).toHaveURL(/\/people\/ingrid\.eze\/followers$/);
  await expect(
    page.getByRole('heading', { level: 1, name: 'People following Ingrid Eze' }),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: me.name })).toBeVisible();
  await shot(page, 'followers');

  // My own profile has no follow button, and counts what I follow.
  await page.goto(`/people/${me.handle}`);
  await expect(page.getByRole('link', { name: '1 following' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Follow/ })).toHaveCount(0);
  await page.getByRole('link', { name: '1 following' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'People you follow' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Ingrid Eze' })).toBeVisible();

  // Unfollowing restores the count.
  await page.goto('/people/ingrid.eze');
  await page.getByRole('button', { name: 'Follow Ingrid Eze' }).click();
  await expect(page.getByRole('button', { name: 'Follow Ingrid Eze' })).toHaveAttribute(
    'aria-pressed',
    'false',
  );
  await expect(page.getByRole('link', { name: /followers?$/ })).toHaveText(`${before} followers`);
});

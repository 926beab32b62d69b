// Mute and block on profiles, Atom feed links, and the private feed token in Settings.
import { ensureOpenSignup, expect, newUser, shot, signUp, test } from './support/fixtures';

test.beforeAll(async ({ baseURL }) => {
  await ensureOpenSignup(baseURL!);
});

test('mutes and blocks a person, with a confirmation for blocking', async ({ page }) => {
  await signUp(page, newUser('blk'));
  await page.goto('/people/ingrid.eze');
  const follow = page.getByRole('button', { name: 'Follow Ingrid Eze' });
  await follow.click();
  await expect(follow).toHaveAttribute('aria-pressed', 'true');

  await page.getByRole('button', { name: 'Mute', exact: true }).click();
  await expect(page.getByText('Muted', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Unmute' }).click();

  await page.getByRole('button', { name: 'Block', exact: true }).click();
  const confirm = page.getByRole('group', { name: /Block Ingrid Eze\?/ });
  await expect(confirm).toContainText('any follows between you end');
  await shot(page, 'profile-block-confirm');
  await confirm.getByRole('button', { name: 'Block Ingrid' }).click();
  await expect(page.getByText('Blocked', { exact: true })).toBeVisible();
  await expect(follow).toHaveAttribute('aria-pressed', 'false');
  await page.getByRole('button', { name: 'Unblock' }).click();
  await expect(page.getByRole('button', { name: 'Block', exact: true })).toBeVisible();

  // The profile's Atom feed works with the session cookie.
  const feed = page.getByRole('link', { name: 'Atom feed' });
  await expect(feed).toHaveAttribute('href', '/feeds/people/ingrid.eze.atom');
  const response = await page.request.get('/feeds/people/ingrid.eze.atom');
  expect(response.status()).toBe(200);
  expect(await response.text()).toContain('<feed');
});

test('creates, shows once and revokes a feed token', async ({ page }) => {
  await signUp(page, newUser('fdt'));
  await page.goto('/topics/negotiation');
  await expect(page.getByRole('link', { name: 'Atom feed' })).toHaveAttribute(
    'href',
    '/feeds/topics/negotiation.atom',
  );

  await page.goto('/settings/feeds');
  await expect(page.getByText('You have no feed token.')).toBeVisible();
  await page.getByRole('button', { name: 'Create feed token' }).click();
  await expect(page.getByLabel('Your home stream')).toHaveValue(/\?token=/);
  await shot(page, 'settings-feeds');

  await page.reload();
  await expect(page.getByText(/You have a feed token, created/)).toBeVisible();
  await expect(page.getByLabel('Your home stream')).toHaveCount(0);
  await page.getByRole('button', { name: 'Revoke', exact: true }).click();
  await page.getByRole('button', { name: 'Revoke token' }).click();
  await expect(page.getByText('The feed token is revoked.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create feed token' })).toBeVisible();
});

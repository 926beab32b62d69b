// Frame: navigation, skip link, placeholder pages, phone layout and admin access.
import { ADMIN, DEMO, expect, shot, signIn, test } from './support/fixtures';

test('the skip link is the first stop for keyboard users', async ({ page }) => {
  await signIn(page, DEMO.login, DEMO.password);
  await page.reload();
  await expect(page.getByRole('button', { name: /Account menu/ })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});

test('placeholder sections explain what will appear', async ({ page }) => {
  await signIn(page, DEMO.login, DEMO.password);
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const [link, heading] of [
    ['Learn', 'Best rated resources'],
    ['Search', 'What are you looking for?'],
  ] as const) {
    await nav.getByRole('link', { name: link }).click();
    await expect(page.getByRole('heading', { name: heading })).toBeVisible();
    await expect(nav.getByRole('link', { name: link })).toHaveAttribute('aria-current', 'page');
  }
  await shot(page, 'search');
  // Groups shipped: the link leads to the real list.
  await nav.getByRole('link', { name: 'Groups' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Groups' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Groups' })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('link', { name: 'Admin' })).toHaveCount(0);
  await page.goto('/admin');
  await expect(
    page.getByRole('heading', { name: 'This page is for administrators' }),
  ).toBeVisible();
});

test('collapses the navigation on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await signIn(page, DEMO.login, DEMO.password);
  await shot(page, 'mobile-home');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav).toBeHidden();
  await page.getByRole('button', { name: 'Menu', exact: true }).click();
  await expect(nav).toBeVisible();
  await shot(page, 'mobile-nav');
  await nav.getByRole('link', { name: 'People' }).click();
  await expect(nav).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
  await expect(
    page.getByRole('list', { name: 'People' }).getByRole('listitem').first(),
  ).toBeVisible();
  await shot(page, 'mobile-people');
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth > window.innerWidth,
  );
  expect(overflow, 'no horizontal scrolling at phone width').toBe(false);
});

test('admins manage sign-up, invites, accounts and see the audit log', async ({ page }) => {
  await signIn(page, ADMIN.login, ADMIN.password);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Administration' })).toBeVisible();
  await expect(page.getByRole('radio', { name: /Open/ })).toBeVisible();

  await page.getByLabel('Email address').fill('new-colleague@example.org');
  await page.getByRole('button', { name: 'Create invite' }).click();
  const link = page.getByLabel('Invite link for new-colleague@example.org');
  await expect(link).toHaveValue(/^https?:\/\//);

  await page.getByLabel('Handle, name or email').fill('demo');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByLabel('Role for demo')).toBeVisible();

  await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
  await expect(page.getByRole('table').last().getByRole('row').nth(1)).toBeVisible();
  await shot(page, 'admin');
});

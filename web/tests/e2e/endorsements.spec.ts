// Skill endorsements: a colleague endorses a skill on someone's profile and
// sees the count and the list change at once; withdraws it; endorses another
// skill with a note. Endorsements are evidence in "who can help" (covered by
// the C++ HTTP tests).
import { ensureOpenSignup, expect, newUser, shot, signUp, test } from './support/fixtures';

test.beforeAll(async ({ baseURL }) => {
  await ensureOpenSignup(baseURL!);
});

test('a colleague endorses, withdraws, and endorses with a note', async ({ page }) => {
  const user = newUser('endorse');
  await signUp(page, user);
  await page.goto('/people/admin');
  const skills = page.locator('#endorsements');
  const skill = (name: string) => skills.getByRole('listitem').filter({ hasText: name }).first();
  const endorse = page.getByRole('button', {
    name: 'Endorse Ada Admin for Facilitation',
    exact: true,
  });
  await expect(endorse).toHaveAttribute('aria-pressed', 'false');
  await expect(skill('Facilitation').getByText('1 endorsement', { exact: true })).toBeVisible();

  await endorse.click();
  await expect(endorse).toHaveAttribute('aria-pressed', 'true');
  await expect(skill('Facilitation').getByText('2 endorsements', { exact: true })).toBeVisible();
  await expect(
    page.getByRole('status').filter({ hasText: 'You endorsed Ada Admin for Facilitation.' }),
  ).toBeAttached();
  await skills
    .getByText(/^Endorsed by /)
    .first()
    .click();
  await expect(skills.getByRole('link', { name: user.name })).toBeVisible();
  await shot(page, 'endorsements-endorsed');

  await endorse.click();
  await expect(endorse).toHaveAttribute('aria-pressed', 'false');
  await expect(skill('Facilitation').getByText('1 endorsement', { exact: true })).toBeVisible();
  await expect(skills.getByRole('link', { name: user.name })).toHaveCount(0);

  await page
    .getByRole('button', { name: 'Endorse Ada Admin for Community building with a note' })
    .click();
  await page
    .getByLabel(/Why you endorse Ada Admin for Community building/)
    .fill('Ran our best meetups');
  await shot(page, 'endorsements-note');
  await skills.getByRole('button', { name: 'Endorse', exact: true }).click();
  await expect(
    page.getByRole('button', { name: 'Endorse Ada Admin for Community building', exact: true }),
  ).toHaveAttribute('aria-pressed', 'true');
  await expect(
    skill('Community building').getByText('3 endorsements', { exact: true }),
  ).toBeVisible();
  await expect(skills.getByText('Ran our best meetups')).toBeAttached();

  // On one's own profile there is nothing to press.
  await page.goto(`/people/${user.handle}`);
  await expect(page.getByRole('button', { name: /^Endorse / })).toHaveCount(0);
});

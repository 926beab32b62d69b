// Recommendations and trust: dismiss a recommendation on the home page and see
// it replaced at once (and gone after a reload); add a trusted person on the
// Trust settings page and see the public count on their profile.
import {
  DEMO,
  ensureOpenSignup,
  expect,
  newUser,
  shot,
  signIn,
  signUp,
  test,
} from './support/fixtures';

test.beforeAll(async ({ baseURL }) => {
  await ensureOpenSignup(baseURL!);
});

test('a dismissed recommendation is replaced by the next one', async ({ page }) => {
  await signIn(page, DEMO.login, DEMO.password);
  await page.goto('/');
  const list = page.getByRole('list', { name: 'Recommended resources' });
  await expect(list).toBeVisible();
  const items = list.getByRole('listitem').filter({ has: page.getByRole('heading') });
  await expect(items).toHaveCount(5);
  const firstTitle = (await items.first().getByRole('heading').innerText()).trim();
  const sixthCandidates = await items.allInnerTexts();
  // Every recommendation says why, in words.
  await expect(items.first().getByRole('list', { name: 'Why it is recommended' })).toBeVisible();
  await shot(page, 'recommendations-home');

  await page.getByRole('button', { name: `More options for ${firstTitle}` }).click();
  await page.getByRole('menuitem', { name: 'Dismiss' }).click();
  await expect(list.getByRole('heading', { name: firstTitle, exact: true })).toHaveCount(0);
  await expect(items).toHaveCount(5); // replaced, without a reload
  expect(sixthCandidates.length).toBe(5);
  await expect(page.getByRole('status').filter({ hasText: 'Dismissed' })).toHaveText(/Dismissed/);
  await shot(page, 'recommendations-dismissed');

  await page.reload();
  await expect(items).toHaveCount(5);
  await expect(list.getByRole('heading', { name: firstTitle, exact: true })).toHaveCount(0);
});

test('a person adds someone they trust, privately, and the count is public', async ({ page }) => {
  const user = newUser('trust');
  await signUp(page, user);
  await page.goto('/settings/trust');
  await expect(page.getByRole('heading', { name: 'People you trust' })).toBeVisible();
  await expect(
    page.getByRole('heading', { name: "You haven't said whom you trust" }),
  ).toBeVisible();
  await page.getByRole('combobox', { name: 'Person' }).fill('demo');
  await page.getByLabel('Topic').fill('Leadership');
  await page.getByRole('button', { name: 'Add' }).click();
  const mine = page.getByRole('list', { name: 'Your trust list' });
  await expect(mine.getByRole('listitem')).toHaveCount(1);
  await expect(mine).toContainText('Trusted on leadership');
  await shot(page, 'trust-settings');

  // Trusting oneself is refused with a clear message, and nothing changes.
  await page.getByRole('combobox', { name: 'Person' }).fill(user.handle);
  await page.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByText('you cannot state trust in yourself')).toBeVisible();
  await expect(mine.getByRole('listitem')).toHaveCount(1);

  await page.goto('/people/demo');
  await expect(page.getByText(/\d+ (person trusts|people trust) them/)).toBeVisible();
  await shot(page, 'trust-profile');
});

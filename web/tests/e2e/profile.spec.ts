// Profile: edit every field, upload and remove a photo, view the result, manage API tokens.
import {
  AVATAR_PNG,
  ensureOpenSignup,
  expect,
  newUser,
  shot,
  signUp,
  test,
} from './support/fixtures';

test.beforeAll(async ({ baseURL }) => {
  await ensureOpenSignup(baseURL!);
});

test('edits the profile with a photo and shows it on the profile page', async ({ page }) => {
  const user = newUser('prof');
  await signUp(page, user);

  await page.getByRole('button', { name: /Account menu/ }).click();
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page).toHaveURL(/\/settings\/profile$/);

  await page.getByLabel('Upload photo').setInputFiles({
    name: 'avatar.png',
    mimeType: 'image/png',
    buffer: AVATAR_PNG,
  });
  await expect(page.getByText('Photo updated.').first()).toBeVisible();
  await expect(page.getByRole('img', { name: 'Your current photo' })).toBeVisible();

  await page.getByLabel('Title').fill('Data engineer');
  await page.getByLabel('Team').fill('Platform');
  await page.getByLabel('Location').fill('Lisbon');
  await page.getByLabel('Bio').fill('I build **data pipelines** and love teaching SQL.');
  const skills = page.getByRole('combobox', { name: 'Skills', exact: true });
  await skills.fill('Rust');
  await skills.press('Enter');
  await skills.fill('Stream processing');
  await skills.press('Enter');
  const interests = page.getByRole('combobox', { name: 'Interests', exact: true });
  await interests.fill('Pottery');
  await interests.press('Enter');
  await expect(page.getByRole('button', { name: 'Remove Rust' })).toBeVisible();
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText('Your profile is saved.')).toBeVisible();
  await shot(page, 'settings-profile');

  await page.getByRole('link', { name: 'View your profile' }).click();
  await expect(page.getByRole('heading', { level: 1, name: user.name })).toBeVisible();
  const photo = page.getByRole('img', { name: `Photo of ${user.name}` });
  await expect(photo).toBeVisible();
  await expect
    .poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
    .toBe(true);
  await expect(page.getByText('Data engineer')).toBeVisible();
  await expect(page.getByText('Lisbon')).toBeVisible();
  await expect(page.locator('.prose strong')).toHaveText('data pipelines');
  await expect(page.getByRole('link', { name: 'Pottery' })).toBeVisible();
  await shot(page, 'profile');

  // Skill chips lead to the directory filtered by that skill.
  await page.getByRole('link', { name: 'Rust', exact: true }).click();
  await expect(page).toHaveURL(/\/people\?skill=Rust$/);
  await expect(page.getByLabel('Skill', { exact: true })).toHaveValue('Rust');
  await page.getByRole('searchbox', { name: 'Search by name' }).fill(user.name);
  await expect(page.getByRole('link', { name: user.name })).toBeVisible();

  // Removing the photo falls back to initials.
  await page.goto('/settings/profile');
  await page.getByRole('button', { name: 'Remove photo' }).click();
  await expect(page.getByRole('button', { name: 'Remove photo' })).toHaveCount(0);
  await expect(page.getByLabel('Upload photo')).toBeAttached();
});

test('creates, shows once and revokes a personal API token', async ({ page }) => {
  await signUp(page, newUser('tok'));
  await page.goto('/settings/tokens');
  await expect(page.getByRole('heading', { name: 'No tokens yet' })).toBeVisible();

  await page.getByLabel('Token name').fill('Reporting script');
  await page.getByRole('checkbox', { name: 'Write' }).check();
  await page.getByRole('button', { name: 'Create token' }).click();
  const secret = page.getByLabel('Token “Reporting script”');
  await expect(secret).toBeVisible();
  await expect(secret).not.toHaveValue('');
  await expect(page.getByRole('button', { name: 'Copy' })).toBeVisible();
  await expect(
    page.getByRole('list', { name: 'Tokens' }).getByText('Reporting script'),
  ).toBeVisible();
  await shot(page, 'settings-tokens');

  await page.getByRole('button', { name: 'Done' }).click();
  await expect(secret).toHaveCount(0);
  await page.getByRole('button', { name: 'Revoke Reporting script' }).click();
  await page.getByRole('button', { name: 'Confirm revoking Reporting script' }).click();
  await expect(page.getByRole('heading', { name: 'No tokens yet' })).toBeVisible();
});

// Reshare ("Pass it on"): a note plus the embedded original, and the chain on the original.
import { ensureOpenSignup, expect, newUser, shot, signUp, test } from './support/fixtures';

test.beforeAll(async ({ baseURL }) => {
  await ensureOpenSignup(baseURL!);
});

test('passes a post on with a note', async ({ page }) => {
  const me = newUser('rsh');
  await signUp(page, me);
  await page.goto('/people/ingrid.eze');
  const original = page
    .getByRole('feed', { name: 'Posts by Ingrid Eze' })
    .getByRole('article')
    .first();
  const originalUrl = await original
    .getByRole('link', { name: /ago|just now|yesterday|\d/ })
    .first()
    .getAttribute('href');

  await original.getByRole('button', { name: 'Pass it on' }).click();
  const form = original.getByRole('form', { name: 'Pass it on' });
  await expect(form.getByLabel('Share with')).toHaveValue('');
  await form.getByLabel(/Add a note/).fill('Worth a read before your next 1:1.');
  await shot(page, 'reshare-form');
  await form.getByRole('button', { name: 'Pass it on' }).click();
  await expect(original.getByText('Passed on.')).toBeVisible();
  await expect(original.getByRole('button', { name: /Pass it on/ })).toContainText(/\d/);

  await original.getByRole('link', { name: 'See your post' }).click();
  await expect(page).toHaveURL(/\/posts\/\d+$/);
  await expect(page.getByText('Worth a read before your next 1:1.')).toBeVisible();
  const embedded = page.getByRole('region', { name: 'Passed on from Ingrid Eze' });
  await expect(embedded).toBeVisible();
  await shot(page, 'reshare-post');

  await embedded.getByRole('link', { name: 'Open the original' }).click();
  expect(originalUrl).toBeTruthy();
  await expect(page).toHaveURL(new RegExp(`${originalUrl}$`));
  const chain = page.getByRole('region', { name: /Passed on \d+ times?/ });
  await expect(chain).toContainText(`${me.name} passed it on from Ingrid Eze`);
  await shot(page, 'reshare-chain');
});

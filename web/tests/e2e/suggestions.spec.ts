// Suggestions beyond resources on the home page: questions one could answer
// and groups to join, each with its reason; dismissing or joining replaces
// the item without a reload, and a dismissed question stays gone.
import { ensureOpenSignup, expect, newUser, shot, signUp, test } from './support/fixtures';

test.beforeAll(async ({ baseURL }) => {
  await ensureOpenSignup(baseURL!);
});

test('a newcomer dismisses a question and joins a suggested group', async ({ page }) => {
  await signUp(page, newUser('sugg'));
  await page.goto('/');
  const questions = page.getByRole('list', { name: 'Questions you could answer' });
  const groups = page.getByRole('list', { name: 'Groups to join' });
  await expect(questions.getByRole('listitem')).toHaveCount(3);
  await expect(groups.getByRole('listitem').first()).toBeVisible();
  await expect(questions.getByRole('listitem').first()).toContainText('Nobody has answered yet');
  await shot(page, 'suggestions-home');

  const first = (await questions.getByRole('link').first().innerText()).trim();
  await questions.getByRole('button', { name: `Dismiss “${first}”` }).click();
  await expect(questions.getByRole('link', { name: first, exact: true })).toHaveCount(0);
  await expect(questions.getByRole('listitem')).toHaveCount(3); // replaced, without a reload

  // Join the first open group suggested: it shows under "Your groups" at once.
  const open = groups
    .getByRole('listitem')
    .filter({ has: page.getByRole('button', { name: /^Join / }) })
    .first();
  const group = (await open.getByRole('link').innerText()).trim();
  const join = open.getByRole('button', { name: `Join ${group}`, exact: true });
  expect(group).not.toBe('');
  await join.click();
  await expect(page.getByRole('status').filter({ hasText: `You joined ${group}.` })).toBeAttached();
  await expect(groups.getByRole('link', { name: group, exact: true })).toHaveCount(0);
  await expect(
    page.getByRole('complementary').getByRole('link', { name: group, exact: true }),
  ).toBeVisible();
  await shot(page, 'suggestions-after');

  await page.reload();
  await expect(questions.getByRole('listitem')).toHaveCount(3);
  await expect(questions.getByRole('link', { name: first, exact: true })).toHaveCount(0);
});

test('a newcomer follows a suggested person and a suggested collection', async ({ page }) => {
  await signUp(page, newUser('sugp'));
  await page.goto('/');
  const people = page.getByRole('list', { name: 'People to follow' });
  const collections = page.getByRole('list', { name: 'Collections for you' });
  await expect(people.getByRole('listitem').first()).toBeVisible();
  await expect(collections.getByRole('listitem').first()).toBeVisible();

  const person = (await people.getByRole('link').first().innerText()).trim();
  await people.getByRole('button', { name: `Follow ${person}`, exact: true }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `You follow ${person} now.` }),
  ).toBeAttached();
  await expect(people.getByRole('link', { name: person, exact: true })).toHaveCount(0);

  const collection = (await collections.getByRole('link').first().innerText()).trim();
  await collections.getByRole('button', { name: `Follow “${collection}”` }).click();
  await expect(collections.getByRole('link', { name: collection, exact: true })).toHaveCount(0);
  await shot(page, 'suggestions-people-collections');

  // Both stick: the person's profile shows the follow, and a reload does not
  // bring either back.
  await page.reload();
  await expect(people.getByRole('listitem').first()).toBeVisible();
  await expect(people.getByRole('link', { name: person, exact: true })).toHaveCount(0);
  await expect(page.getByRole('link', { name: collection, exact: true })).toHaveCount(0);
});

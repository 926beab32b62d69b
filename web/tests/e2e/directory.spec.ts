// Directory: find seeded people by name, skill and team; paging; profiles.
import type { Person } from '../../src/api/types';
import { DEMO, expect, shot, signIn, signOut, test } from './support/fixtures';

test.beforeEach(async ({ page }) => {
  await signIn(page, DEMO.login, DEMO.password);
});

async function pickSeededPerson(page: import('@playwright/test').Page): Promise<Person> {
  const response = await page.request.get('/api/v1/people?limit=50');
  expect(response.status()).toBe(200);
  const { items } = (await response.json()) as { items: Person[] };
  const person = items.find(
    (p) => p.skills.length > 0 && !['demo', 'admin'].includes(p.handle) && p.display_name,
  );
  expect(person, 'a seeded person with skills').toBeTruthy();
  return person!;
}

test('finds a seeded person by name and by skill, then opens their profile', async ({ page }) => {
  const person = await pickSeededPerson(page);
  const skill = person.skills[0]!;

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'People' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
  await expect(
    page.getByRole('list', { name: 'People' }).getByRole('listitem').first(),
  ).toBeVisible();
  await shot(page, 'people');

  // By name.
  const search = page.getByRole('searchbox', { name: 'Search by name' });
  await search.fill(person.display_name);
  await expect(page).toHaveURL(/[?&]q=/);
  const results = page.getByRole('list', { name: 'People' });
  await expect(results.getByRole('link', { name: person.display_name }).first()).toBeVisible();

  // By skill alone: every result has it, and the URL reflects the filter.
  await search.fill('');
  await page.getByLabel('Skill', { exact: true }).selectOption(skill);
  await expect(page).toHaveURL(
    new RegExp(`skill=${encodeURIComponent(skill).replace(/%20/g, '(\\+|%20)')}`),
  );
  await expect(page).not.toHaveURL(/[?&]q=/);
  await expect(results.getByRole('listitem').first()).toBeVisible();
  const firstCardSkills = results
    .getByRole('listitem')
    .first()
    .getByRole('list', { name: 'Skills' });
  await expect(firstCardSkills).toContainText(skill);
  await shot(page, 'people-skill');

  // Skill plus name narrows to the person.
  await search.fill(person.display_name);
  await expect(page).toHaveURL(/[?&]q=.*skill=|skill=.*[?&]q=/);
  await results.getByRole('link', { name: person.display_name }).first().click();

  await expect(page).toHaveURL(new RegExp(`/people/${person.handle}$`));
  await expect(page.getByRole('heading', { level: 1, name: person.display_name })).toBeVisible();
  await expect(page.getByRole('link', { name: skill, exact: true })).toBeVisible();
  await shot(page, 'profile-seeded');

  await signOut(page);
});

test('loads more people with the cursor', async ({ page }) => {
  await page.goto('/people');
  const cards = page.getByRole('list', { name: 'People' }).getByRole('listitem');
  await expect(cards.first()).toBeVisible();
  const before = await cards.count();
  await page.getByRole('button', { name: 'Load more' }).click();
  await expect.poll(() => cards.count()).toBeGreaterThan(before);
});

test('keeps the team filter in the URL across a reload', async ({ page }) => {
  await page.goto('/people');
  const team = page.getByLabel('Team', { exact: true });
  await expect.poll(() => team.locator('option').count()).toBeGreaterThan(1);
  const options = await team.locator('option').allTextContents();
  const first = options.find((o) => o !== 'All teams');
  expect(first, 'seeded teams').toBeTruthy();
  await team.selectOption(first!);
  await expect(page).toHaveURL(/[?&]team=/);
  await page.reload();
  await expect(page.getByLabel('Team', { exact: true })).toHaveValue(first!);
  await expect(
    page.getByRole('list', { name: 'People' }).getByRole('listitem').first(),
  ).toBeVisible();
});

test('explains an unknown handle', async ({ page }) => {
  await page.goto('/people/nobody-by-this-handle');
  await expect(page.getByRole('heading', { name: 'No one here by that handle' })).toBeVisible();
});

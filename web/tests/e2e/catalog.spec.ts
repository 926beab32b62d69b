// The learning catalog: browse best rated in a category in two clicks, filter by a facet,
// add a resource (with a duplicate warning), rate and review it, vote on a colleague's
// review, recommend it, and the colleague accepts it from their inbox.
import { request } from '@playwright/test';
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

test('best rated in Leadership is two clicks from home; facets filter; Back restores', async ({
  page,
}) => {
  await signIn(page, DEMO.login, DEMO.password);
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Learn' }).click();
  await page
    .getByRole('navigation', { name: 'Categories' })
    .getByRole('link', { name: /^Leadership\b/ })
    .click();
  await expect(page).toHaveURL(/\/learn\?category=leadership$/);
  await expect(page.getByRole('heading', { name: 'Best rated in Leadership' })).toBeVisible();
  const cards = page.getByRole('article');
  await expect(cards.first()).toBeVisible();
  // Best rated first: the first card's mean is at least the last one's.
  const means = await cards
    .getByRole('img', { name: /^Rated / })
    .evaluateAll((els) =>
      els.map((e) => Number(/Rated ([\d.]+)/.exec(e.getAttribute('aria-label') ?? '')?.[1] ?? 0)),
    );
  expect(means.length).toBeGreaterThan(1);
  expect(means[0]).toBeGreaterThanOrEqual(means[means.length - 1]!);
  await shot(page, 'catalog-leadership');

  const total = page.getByText(/^\d+ resources?$/);
  const before = Number((await total.textContent())!.split(' ')[0]);
  await page.getByRole('group', { name: 'Kind' }).getByRole('radio', { name: 'Video' }).check();
  await expect(page).toHaveURL(/kind=video/);
  await expect(page.getByRole('link', { name: 'Remove filter Video' })).toBeVisible();
  await expect(total).not.toHaveText(`${before} resources`);
  const kinds = await cards.locator('.kind').allTextContents();
  expect(kinds.length).toBeGreaterThan(0);
  for (const k of kinds) expect(k.trim().toLowerCase()).toBe('video');
  await shot(page, 'catalog-filtered');

  await page.goBack();
  await expect(page).toHaveURL(/\/learn\?category=leadership$/);
  await expect(
    page.getByRole('group', { name: 'Kind' }).getByRole('radio', { name: 'Any' }),
  ).toBeChecked();
  await expect(total).toHaveText(`${before} resources`);
});

test('add, rate, review, vote, recommend and accept from the inbox', async ({
  page,
  browser,
  baseURL,
}) => {
  // A colleague in a second browser.
  const colleague = newUser('cat');
  const other = await browser.newContext();
  const theirPage = await other.newPage();
  await signUp(theirPage, colleague);

  await signIn(page, DEMO.login, DEMO.password);
  await page.goto('/learn');
  await page.getByRole('link', { name: 'Add resource' }).click();
  await expect(page.getByRole('heading', { name: 'Add a resource' })).toBeVisible();

  // A close title warns about a likely duplicate.
  await page.getByLabel('Title').fill('A practical guide to one-to-one');
  const warning = page.getByRole('status').filter({ hasText: 'may already be in the catalog' });
  await expect(warning).toBeVisible();
  await expect(
    warning.getByRole('link', { name: 'A practical guide to one-to-ones' }),
  ).toBeVisible();
  await shot(page, 'catalog-duplicate-warning');

  // Submitting without a title shows the field error from the server.
  await page.getByLabel('Title').fill('');
  await page.getByRole('button', { name: 'Add resource' }).click();
  await expect(page.getByText('Please fix the highlighted fields.')).toBeVisible();

  const title = `Running calm retrospectives ${colleague.handle}`;
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Link').fill(`https://learn.example.org/${colleague.handle}`);
  await page.getByLabel('Provider').fill('Internal Academy');
  await page.getByLabel('Description').fill('How to run a **calm** retrospective.');
  await page.getByLabel('Duration in minutes').fill('90');
  await page.getByRole('group', { name: 'Categories' }).getByLabel('Coaching and feedback').check();
  await page.getByRole('button', { name: 'Add resource' }).click();
  await expect(page).toHaveURL(/\/resources\/\d+/);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('Added to the catalog.')).toBeVisible();
  const id = /\/resources\/(\d+)/.exec(page.url())![1]!;

  // The colleague reviews it (seeded through the API).
  const api = await request.newContext({ baseURL });
  const session = await api.post('/api/v1/session', {
    data: { login: colleague.handle, password: colleague.password },
  });
  expect(session.status()).toBe(200);
  const { csrf_token } = await session.json();
  const rated = await api.put(`/api/v1/resources/${id}/rating`, {
    data: { stars: 5, review: 'Short and practical; we used it the same week.' },
    headers: { 'X-CSRF-Token': csrf_token },
  });
  expect(rated.status()).toBe(200);
  await api.dispose();

  // I rate and review it with the keyboard-operable star radios.
  await page.getByRole('radio', { name: '4 stars' }).check();
  await page
    .getByRole('textbox', { name: 'Your review' })
    .fill('Good checklists for facilitators.');
  await page.getByRole('button', { name: 'Save rating' }).click();
  await expect(page.getByText('Thanks! Your rating is saved.')).toBeVisible();
  await expect(
    page.getByRole('img', { name: 'Rated 4.5 out of 5 from 2 ratings' }).first(),
  ).toBeVisible();
  await expect(page.getByRole('listitem', { name: /^4 stars: 1 rating/ })).toBeVisible();

  // Vote the colleague's review helpful.
  const theirs = page.getByRole('article', { name: `Review by ${colleague.name}` });
  await expect(theirs).toContainText('Short and practical');
  const helpful = theirs.getByRole('button', { name: /^Helpful/ });
  await expect(helpful).toHaveAttribute('aria-pressed', 'false');
  await helpful.click();
  await expect(helpful).toHaveAttribute('aria-pressed', 'true');
  await expect(helpful).toContainText('1');
  await shot(page, 'catalog-resource');

  // Recommend it to the colleague.
  await page.getByRole('button', { name: 'Recommend' }).click();
  const dialog = page.getByRole('dialog', { name: /Recommend/ });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Colleagues').fill(colleague.name);
  await dialog.getByRole('list', { name: 'Matching people' }).getByRole('button').first().click();
  await expect(dialog.getByRole('list', { name: 'Recipients' })).toContainText(colleague.name);
  await dialog.getByLabel('Note').fill('This helped our team a lot.');
  await shot(page, 'catalog-recommend-dialog');
  await dialog.getByRole('button', { name: 'Send recommendation' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Recommended to ${colleague.name}.`)).toBeVisible();

  // The colleague accepts it from the inbox.
  await theirPage.goto('/learn/mine');
  const inbox = theirPage.getByRole('list', { name: 'Recommendations' });
  await expect(inbox).toContainText(title);
  await expect(inbox).toContainText('This helped our team a lot.');
  await shot(theirPage, 'catalog-inbox');
  await inbox.getByRole('button', { name: `Accept ${title}` }).click();
  await expect(inbox).toBeHidden();
  await theirPage.reload();
  await expect(theirPage.getByRole('link', { name: title })).toBeVisible();
  await shot(theirPage, 'catalog-my-learning');
  await other.close();
});

test('admins add, rename and delete categories', async ({ page }) => {
  await signIn(page, 'admin', 'hallway-demo');
  await page.goto('/admin');
  const name = `Mentoring ${Date.now().toString(36)}`;
  await page.getByRole('button', { name: 'Add a category under Leadership' }).click();
  await expect(page.getByLabel('New category')).toBeFocused();
  await page.getByLabel('New category').fill(name);
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  const tree = page.getByRole('list', { name: 'Categories' });
  await expect(tree).toContainText(name);
  await page.getByRole('button', { name: `Rename or move ${name}` }).click();
  const edit = page.getByRole('form', { name: `Edit ${name}` });
  await edit.getByLabel('Name').fill(`${name} circles`);
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(tree).toContainText(`${name} circles`);
  await shot(page, 'catalog-admin-taxonomy');
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: `Delete ${name} circles` }).click();
  await expect(tree).not.toContainText(`${name} circles`);
});

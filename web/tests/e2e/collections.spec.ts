// Collections, learning paths and goals: a curator builds a collection from the catalog (two
// resources with notes), reorders it by keyboard, makes it a learning path; a colleague in a
// second browser enrols, completes a step and sees progress, then sets a private goal and
// attaches the path. The resource page credits the curator.
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
import type { Page } from '@playwright/test';

test.beforeAll(async ({ baseURL }) => {
  await ensureOpenSignup(baseURL!);
});

/** Searches the picker and adds the first match with `note`; returns its title. */
async function addFromCatalog(page: Page, query: string, note: string): Promise<string> {
  await page.getByRole('searchbox', { name: 'Find a resource' }).fill(query);
  const match = page.getByRole('list', { name: 'Matching resources' }).getByRole('button').first();
  await expect(match).toBeVisible();
  const title = (await match.locator('.title').textContent())!.trim();
  await match.click();
  await page.getByLabel("Curator's note").fill(note);
  await page.getByRole('button', { name: 'Add to collection' }).click();
  await expect(page.getByRole('link', { name: title, exact: true })).toBeVisible();
  return title;
}

test('curate a path, a colleague enrols and progresses, and attaches it to a private goal', async ({
  page,
  browser,
}) => {
  const stamp = Date.now().toString(36);
  const title = `Negotiation basics ${stamp}`;

  await signIn(page, DEMO.login, DEMO.password);
  await page.goto('/learn');
  await page.getByRole('link', { name: 'Collections' }).click();
  await expect(page.getByRole('heading', { name: 'Collections and paths' })).toBeVisible();
  await page.getByRole('button', { name: 'New collection' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New collection' });
  await dialog.getByLabel('Title').fill(title);
  await dialog.getByLabel('Description').fill('Where to start before your first vendor call.');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page).toHaveURL(/\/collections\/\d+$/);
  const url = new URL(page.url()).pathname;

  const first = await addFromCatalog(page, 'negotiation', 'Start here: the vocabulary.');
  const second = await addFromCatalog(page, 'budgeting', 'Then the numbers behind a deal.');
  const items = page
    .getByRole('list', { name: 'Resources in this collection' })
    .getByRole('listitem');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText('Start here: the vocabulary.');

  // Reorder with the keyboard: focus "move down" on the first item and press Enter.
  const down = page.getByRole('button', { name: `Move “${first}” down` });
  await down.focus();
  await page.keyboard.press('Enter');
  await expect(items.nth(0).getByRole('link', { name: second, exact: true })).toBeVisible();
  await expect(items.nth(1).getByRole('link', { name: first, exact: true })).toBeVisible();
  // Focus stays with the moved item (now last, so on its "move up").
  await expect(page.getByRole('button', { name: `Move “${first}” up` })).toBeFocused();

  // Make it a learning path.
  await page.getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit collection' });
  await edit.getByLabel(/Learning path/).check();
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Learning path', { exact: true })).toBeVisible();
  await shot(page, 'collections-curator');

  // A colleague in a second browser enrols and completes a step.
  const colleague = newUser('path');
  const context = await browser.newContext();
  const theirs = await context.newPage();
  await signUp(theirs, colleague);
  await theirs.goto(url);
  await expect(theirs.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(theirs.getByText('Curated by')).toBeVisible();
  await expect(theirs.getByRole('button', { name: 'Move', exact: false })).toHaveCount(0);
  await theirs.getByRole('button', { name: 'Enrol' }).click();
  const progress = theirs.getByRole('progressbar', { name: 'Path progress' });
  await expect(progress).toHaveAttribute('aria-valuenow', '0');
  const steps = theirs.getByRole('list', { name: 'Steps of this path' }).getByRole('listitem');
  await steps
    .nth(0)
    .getByRole('checkbox', { name: /Completed/ })
    .check();
  await expect(progress).toHaveAttribute('aria-valuenow', '50');
  await expect(progress).toHaveAttribute('aria-valuetext', '1 of 2 steps (50%)');
  await expect(theirs.getByRole('button', { name: 'Leave path' })).toBeVisible();
  await shot(theirs, 'collections-learner-progress');

  // The path shows under "My paths".
  await theirs.goto('/learn/collections?filter=enrolled');
  await expect(theirs.getByRole('link', { name: title })).toBeVisible();
  await shot(theirs, 'collections-my-paths');
  await expect(
    theirs.getByRole('progressbar', { name: `Your progress on ${title}` }),
  ).toHaveAttribute('aria-valuenow', '50');

  // A private goal with the path attached.
  await theirs.goto('/learn/goals');
  await expect(theirs.getByRole('heading', { name: 'No goals yet' })).toBeVisible();
  await theirs.getByRole('button', { name: 'New goal' }).click();
  const goalDialog = theirs.getByRole('dialog', { name: 'New learning goal' });
  await goalDialog
    .getByLabel('What do you want to learn?')
    .fill('Negotiate our next vendor renewal');
  await goalDialog.getByLabel('By when').fill('2027-03-31');
  await expect(goalDialog.getByRole('radio', { name: /Only me/ })).toBeChecked();
  await shot(theirs, 'goals-new-dialog');
  await goalDialog.getByRole('button', { name: 'Create goal' }).click();
  await expect(
    theirs.getByRole('heading', { level: 1, name: 'Negotiate our next vendor renewal' }),
  ).toBeVisible();
  await expect(theirs.getByText('Private')).toBeVisible();
  await theirs.getByLabel('Attach a learning path').selectOption({ label: title });
  await theirs.getByRole('button', { name: 'Attach path' }).click();
  const attached = theirs.getByRole('list', { name: 'Attached paths' });
  await expect(attached.getByRole('link', { name: title })).toBeVisible();
  await expect(theirs.getByRole('progressbar', { name: 'Goal progress' })).toHaveAttribute(
    'aria-valuenow',
    '50',
  );
  await shot(theirs, 'goals-private-goal');

  // The curator does not see the colleague's private goal.
  const goalUrl = new URL(theirs.url()).pathname;
  await page.goto(goalUrl);
  await expect(page.getByRole('heading', { name: "We couldn't find that page" })).toBeVisible();

  // The resource page credits the curator.
  await theirs.goto(url);
  await theirs.getByRole('link', { name: first, exact: true }).click();
  await expect(theirs.getByText(/In collections curated by/)).toBeVisible();
  await expect(theirs.getByRole('link', { name: title })).toBeVisible();
  await shot(theirs, 'collections-resource-credit');
  await context.close();
});

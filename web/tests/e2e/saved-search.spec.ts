// Saved searches and admin synonyms: a search is saved from the search page and shows up
// in the "Saved searches" list; an admin adds a synonym on the admin page and a search
// for the new word finds the documents of its equivalent.
import type { Page } from '@playwright/test';
import { ADMIN, DEMO, expect, shot, signIn, test } from './support/fixtures';

async function waitForResults(page: Page): Promise<void> {
  await expect(page.getByText(/^(\d+ results?|No results)/)).toBeVisible({ timeout: 25_000 });
}

test('save a search from the search page and find it in the list', async ({ page }) => {
  test.setTimeout(60_000);
  await signIn(page, DEMO.login, DEMO.password);
  await page.goto('/search?q=negotiation&kind=resource');
  await waitForResults(page);
  const name = `Negotiation courses ${Date.now()}`;
  await page.getByRole('button', { name: 'Save this search' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save this search' });
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toHaveValue('negotiation');
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  await expect(dialog.getByRole('checkbox', { name: /Notify me/ })).toBeChecked();
  await shot(page, 'saved-search-dialog');
  await dialog.getByRole('button', { name: 'Save search' }).click();
  await expect(dialog).toBeHidden();

  const list = page.getByRole('region', { name: 'Saved searches' });
  const link = list.getByRole('link', { name });
  await expect(link).toBeVisible();
  await expect(link).toHaveAttribute('href', '/search?q=negotiation&kind=resource');
  await shot(page, 'saved-search-list');

  // Switch its notifications off, rename it, and it stays in the list after a reload.
  await list.getByRole('checkbox', { name: `Notify about ${name}` }).uncheck();
  await list.getByRole('button', { name: `Rename ${name}` }).click();
  await list.getByRole('textbox', { name: `New name for ${name}` }).fill(`${name} (renamed)`);
  await list.getByRole('button', { name: 'Save', exact: true }).click();
  await page.reload();
  const renamed = page.getByRole('region', { name: 'Saved searches' });
  await expect(renamed.getByRole('link', { name: `${name} (renamed)` })).toBeVisible();
  await expect(
    renamed.getByRole('checkbox', { name: `Notify about ${name} (renamed)` }),
  ).not.toBeChecked();
  await renamed.getByRole('button', { name: `Delete ${name} (renamed)` }).click();
  await expect(renamed.getByRole('link', { name: `${name} (renamed)` })).toBeHidden();
});

test('an admin adds a synonym and a search for it finds its equivalent', async ({ page }) => {
  test.setTimeout(60_000);
  await signIn(page, ADMIN.login, ADMIN.password);
  const word = `parley${Date.now() % 100000}`.replace(/[0-9]/g, (d) => 'abcdefghij'[Number(d)]);
  await page.goto(`/search?q=${word}`);
  await expect(page.getByText('No results')).toBeVisible({ timeout: 25_000 });

  await page.goto('/admin');
  const card = page.getByRole('region', { name: 'Search synonyms' });
  await card.getByRole('textbox', { name: 'Term' }).fill(word);
  await card.getByRole('textbox', { name: 'Equivalents' }).fill('negotiation');
  await card.getByRole('button', { name: 'Save synonyms' }).click();
  await expect(card.getByText(`Saved synonyms for “${word}”.`)).toBeVisible();
  await expect(card.getByRole('rowheader', { name: word })).toBeVisible();
  await shot(page, 'admin-search-synonyms');

  await page.goto(`/search?q=${word}`);
  await expect(page.getByText(/^\d+ results?/)).toBeVisible({ timeout: 25_000 });
  await expect(page.getByRole('article').first()).toBeVisible();
  await shot(page, 'search-with-synonym');
});

// Search: a misspelt query offers "Did you mean", a facet narrows the results, a result
// opens its page; the header typeahead suggests as one types and Enter opens the results.
import type { Page } from '@playwright/test';
import { DEMO, expect, shot, signIn, test } from './support/fixtures';

/** Waits out the friendly "index is being built" state right after the server starts. */
async function waitForResults(page: Page): Promise<void> {
  await expect(page.getByText(/^(\d+ results?|No results)/)).toBeVisible({ timeout: 25_000 });
}

test('a typo offers did-you-mean; a kind facet filters; a result opens its page', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await signIn(page, DEMO.login, DEMO.password);
  await page.goto('/search?q=negotiaton');
  await expect(page.getByRole('heading', { name: 'Results for “negotiaton”' })).toBeVisible();
  const suggestion = page.getByRole('link', { name: 'negotiation', exact: true });
  await expect(suggestion).toBeVisible({ timeout: 25_000 });
  await expect(page.getByText('Did you mean')).toBeVisible();
  await shot(page, 'search-did-you-mean');

  await suggestion.click();
  await expect(page).toHaveURL(/\/search\?q=negotiation$/);
  await expect(page.getByRole('heading', { name: 'Results for “negotiation”' })).toBeVisible();
  await waitForResults(page);
  const hits = page.getByRole('article');
  await expect(hits.first()).toBeVisible();
  // The query words are highlighted in the server's snippets.
  await expect(hits.locator('mark').first()).toBeVisible();
  const total = page.getByText(/^\d+ results?/);
  const before = Number((await total.textContent())!.trim().split(' ')[0]);
  await shot(page, 'search-results');

  const kind = page.getByRole('group', { name: 'Kind' });
  await kind.getByRole('radio', { name: /^Resource/ }).check();
  await expect(page).toHaveURL(/kind=resource/);
  await expect(page.getByRole('link', { name: 'Remove filter Resource' })).toBeVisible();
  await expect(kind.getByRole('radio', { name: /^Resource/ })).toBeChecked();
  await expect(hits.first()).toBeVisible();
  const kinds = await hits.locator('.kind').allTextContents();
  expect(kinds.length).toBeGreaterThan(0);
  for (const k of kinds) expect(k.trim().toLowerCase()).toBe('resource');
  const after = Number((await total.textContent())!.trim().split(' ')[0]);
  expect(after).toBeLessThanOrEqual(before);
  await shot(page, 'search-filtered');

  const first = hits.first().getByRole('heading').getByRole('link');
  const title = (await first.textContent())!.trim();
  await first.click();
  await expect(page).toHaveURL(/\/resources\/\d+$/);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await shot(page, 'search-opened-result');
});

test('the header typeahead suggests for "nego"; Enter opens the search page', async ({ page }) => {
  test.setTimeout(60_000);
  await signIn(page, DEMO.login, DEMO.password);
  await page.goto('/');
  const box = page.getByRole('combobox', { name: 'Search Hallway' });
  await box.fill('nego');
  const list = page.getByRole('listbox', { name: 'Suggestions' });
  await expect(list).toBeVisible({ timeout: 25_000 });
  await expect(box).toHaveAttribute('aria-expanded', 'true');
  const options = list.getByRole('option');
  await expect(options.first()).toContainText(/nego/i);
  // The open list sits in the header: a viewport shot shows it (a full-page one is the feed).
  await page.screenshot({ path: 'test-results/screenshots/search-typeahead.png' });

  // Arrow keys move the highlight; Escape closes the list.
  await box.press('ArrowDown');
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await box.press('Escape');
  await expect(list).toBeHidden();

  // Enter without a highlighted suggestion searches for what was typed.
  await box.fill('negotiation');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/search\?q=negotiation$/);
  await expect(page.getByRole('heading', { name: 'Results for “negotiation”' })).toBeVisible();
  await waitForResults(page);
  await expect(box).toHaveValue('negotiation');
});

test('choosing a title suggestion with the keyboard opens its page', async ({ page }) => {
  await signIn(page, DEMO.login, DEMO.password);
  await page.goto('/');
  const box = page.getByRole('combobox', { name: 'Search Hallway' });
  await box.fill('workshop');
  const options = page.getByRole('listbox', { name: 'Suggestions' }).getByRole('option');
  await expect(options.first()).toBeVisible({ timeout: 25_000 });
  const texts = await options.allTextContents();
  const index = texts.findIndex((t) => /Title$/.test(t.trim()));
  expect(index, 'a title among the suggestions').toBeGreaterThanOrEqual(0);
  for (let i = 0; i <= index; i++) await box.press('ArrowDown');
  await expect(options.nth(index)).toHaveAttribute('aria-selected', 'true');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/(resources|posts|groups|people)\/[^/]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('while the index is being built the page waits and retries by itself', async ({ page }) => {
  await signIn(page, DEMO.login, DEMO.password);
  let refused = 0;
  await page.route('**/api/v1/search?*', async (route) => {
    if (refused++ === 0) {
      await route.fulfill({
        status: 503,
        contentType: 'application/problem+json',
        body: JSON.stringify({
          title: 'Service Unavailable',
          status: 503,
          detail: 'the search index is being built; try again in a moment',
        }),
      });
      return;
    }
    await route.continue();
  });
  await page.goto('/search?q=negotiation');
  // A calm, announced waiting state (role=status), not an error alert.
  await expect(page.getByRole('status').filter({ hasText: /index is being built/ })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: /being built/ })).toHaveCount(0);
  await waitForResults(page);
  await expect(page.getByRole('article').first()).toBeVisible();
  expect(refused).toBeGreaterThan(1);
});

// Wiki: create a page, edit it, see the diff in its history, revert to the
// first revision; a link to another page and that page's "what links here".
import { ensureOpenSignup, expect, newUser, shot, signUp, test } from './support/fixtures';

test.beforeAll(async ({ baseURL }) => {
  await ensureOpenSignup(baseURL!);
});

test('creates, edits, diffs and reverts a wiki page', async ({ page }) => {
  const me = newUser('wiki');
  await signUp(page, me);
  const title = `Desk booking ${me.handle}`;

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Wiki' }).click();
  await expect(page.getByRole('heading', { name: 'Wiki', level: 1 })).toBeVisible();
  await page.getByLabel('New page title').fill(title);
  await page.getByRole('button', { name: 'Create page' }).click();

  const newForm = page.getByRole('form', { name: 'New page' });
  await expect(newForm.getByLabel('Title')).toHaveValue(title);
  await newForm.getByLabel('Text').fill('Book a desk the day before.\n\nSee [[Parking]] too.');
  await newForm.getByLabel(/Summary of your change/).fill('first version');
  await newForm.getByRole('button', { name: 'Preview' }).click();
  await expect(newForm.getByRole('region', { name: 'Preview' })).toContainText('Book a desk the day before.');
  await shot(page, 'wiki-new-page');
  await newForm.getByRole('button', { name: 'Create page' }).click();

  const article = page.getByRole('article', { name: title });
  await expect(article).toContainText('Book a desk the day before.');
  await expect(article.getByText(/Revision 1, last edited by/)).toBeVisible();
  await expect(article.getByRole('button', { name: 'Watching' })).toBeVisible();
  const parking = article.getByRole('link', { name: 'Parking' });
  await expect(parking).toHaveClass(/wiki-new/);
  await shot(page, 'wiki-page');

  // Edit it.
  await article.getByRole('link', { name: 'Edit' }).click();
  const editForm = page.getByRole('form', { name: 'Edit page' });
  await editForm.getByLabel('Text').fill('Book a desk two days before.\n\nSee [[Parking]] too.');
  await editForm.getByLabel(/Summary of your change/).fill('two days');
  await editForm.getByRole('button', { name: 'Save changes' }).click();
  await expect(article).toContainText('Book a desk two days before.');
  await expect(article.getByText(/Revision 2/)).toBeVisible();

  // The history shows the change as a diff.
  await article.getByRole('link', { name: 'History' }).click();
  await expect(page.getByRole('heading', { name: `History of “${title}”` })).toBeVisible();
  const revisions = page.getByRole('list', { name: 'Revisions, newest first' });
  await expect(revisions.getByRole('listitem')).toHaveCount(2);
  await expect(revisions).toContainText('two days');
  await revisions.getByRole('button', { name: 'Compare revision 2 with revision 1' }).click();
  const diff = page.getByRole('region', { name: 'Changes from revision 1 to revision 2' });
  await expect(diff.locator('.line.delete')).toContainText('Book a desk the day before.');
  await expect(diff.locator('.line.insert')).toContainText('Book a desk two days before.');
  await expect(diff.getByText('removed:')).toBeAttached();
  await shot(page, 'wiki-history-diff');

  // Revert to the first revision: the text is back, as revision 3.
  await revisions.getByRole('button', { name: 'Revert to revision 1' }).click();
  await expect(article).toContainText('Book a desk the day before.');
  await expect(article).not.toContainText('two days before');
  await expect(article.getByText(/Revision 3/)).toBeVisible();
  await shot(page, 'wiki-reverted');

  // Follow the red link, create that page, and find what links to it.
  await article.getByRole('link', { name: 'Parking' }).click();
  const parkingForm = page.getByRole('form', { name: 'New page' });
  await expect(parkingForm.getByLabel('Title')).toHaveValue('Parking');
  await parkingForm.getByLabel('Text').fill('Visitors park on level 2.');
  await parkingForm.getByRole('button', { name: 'Create page' }).click();
  const parkingPage = page.getByRole('article', { name: 'Parking' });
  await expect(parkingPage).toContainText('Visitors park on level 2.');
  const backlinks = page.getByRole('region', { name: 'What links here' });
  await expect(backlinks.getByRole('link', { name: title })).toBeVisible();
  await shot(page, 'wiki-backlinks');
  await backlinks.getByRole('link', { name: title }).click();
  await expect(page.getByRole('article', { name: title }).getByRole('link', { name: 'Parking' })).not.toHaveClass(
    /wiki-new/,
  );
});

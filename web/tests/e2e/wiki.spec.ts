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
  await expect(newForm.getByRole('region', { name: 'Preview' })).toContainText(
    'Book a desk the day before.',
  );
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
  await expect(
    page.getByRole('article', { name: title }).getByRole('link', { name: 'Parking' }),
  ).not.toHaveClass(/wiki-new/);
});

test('a group keeps its own wiki in a tab', async ({ page }) => {
  await signUp(page, newUser('wikg'));
  await page.goto('/groups/negotiation-guild');
  await page
    .getByRole('navigation', { name: 'Group sections' })
    .getByRole('link', { name: 'Wiki' })
    .click();
  const pages = page.getByRole('list', { name: 'Pages' });
  await expect(pages.getByRole('link', { name: 'Guild handbook' })).toBeVisible();
  await shot(page, 'wiki-group-tab');
  await pages.getByRole('link', { name: 'Guild handbook' }).click();
  const article = page.getByRole('article', { name: 'Guild handbook' });
  await expect(article.getByRole('link', { name: 'Preparation checklist' })).toBeVisible();
  await article.getByRole('link', { name: 'Preparation checklist' }).click();
  await expect(page).toHaveURL(/\/wiki\/g-negotiation-guild\/preparation-checklist$/);
  await expect(
    page
      .getByRole('region', { name: 'What links here' })
      .getByRole('link', { name: 'Guild handbook' }),
  ).toBeVisible();
});

test('shows both versions when two edits of a page overlap', async ({ page, context }) => {
  const me = newUser('wikc');
  await signUp(page, me);
  const title = `Team lunch ${me.handle}`;
  await page.goto('/wiki');
  await page.getByLabel('New page title').fill(title);
  await page.getByRole('button', { name: 'Create page' }).click();
  const newForm = page.getByRole('form', { name: 'New page' });
  await newForm.getByLabel('Text').fill('Lunch is on Fridays at noon.');
  await newForm.getByRole('button', { name: 'Create page' }).click();
  await expect(page.getByRole('article', { name: title })).toBeVisible();
  const url = page.url();

  // Two tabs open the editor on revision 1; the other tab saves first.
  await page.getByRole('article', { name: title }).getByRole('link', { name: 'Edit' }).click();
  const other = await context.newPage();
  await other.goto(`${url}?edit=1`);
  const otherForm = other.getByRole('form', { name: 'Edit page' });
  await otherForm.getByLabel('Text').fill('Lunch is on Thursdays at noon.');
  await otherForm.getByRole('button', { name: 'Save changes' }).click();
  await expect(other.getByRole('article', { name: title })).toContainText('Thursdays');
  await other.close();

  const form = page.getByRole('form', { name: 'Edit page' });
  await form.getByLabel('Text').fill('Lunch is on Fridays at one.');
  await form.getByRole('button', { name: 'Save changes' }).click();
  const alert = form.getByRole('alert');
  await expect(alert).toContainText('Someone else saved this page while you were editing');
  await expect(alert.getByRole('region', { name: 'Current version (revision 2)' })).toContainText(
    'Thursdays at noon',
  );
  await expect(alert.getByRole('region', { name: 'Your version' })).toContainText('Fridays at one');
  await expect(form.getByLabel('Text')).toHaveValue(/<<<<<<< current \(revision 2\)/);
  await shot(page, 'wiki-conflict');

  // Resolve and save: it lands as revision 3 on top of the other edit.
  await form.getByLabel('Text').fill('Lunch is on Thursdays at one.');
  await form.getByRole('button', { name: 'Save changes' }).click();
  const article = page.getByRole('article', { name: title });
  await expect(article).toContainText('Lunch is on Thursdays at one.');
  await expect(article.getByText(/Revision 3/)).toBeVisible();
});

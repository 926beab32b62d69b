// Deliberations ("how baked is it?"): turn a thread into one, raise an issue
// from a comment, propose and support, resolve the issue, write the summary
// and watch the state become settled; a new issue reopens it.
import { DEMO, expect, shot, signIn, test } from './support/fixtures';

test('raise and resolve an issue and watch the deliberation settle and reopen', async ({
  page,
}) => {
  const text = `Where do we hold the team offsite? ${Date.now().toString(36)}`;
  await signIn(page, DEMO.login, DEMO.password);
  await page.getByLabel('Your note').fill(text);
  await page.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(page.getByText('Your note is posted.')).toBeVisible();
  const first = page.getByRole('feed', { name: 'Your stream' }).getByRole('article').first();
  await first.getByRole('link', { name: /0 comments/ }).click();
  await expect(page).toHaveURL(/\/posts\/\d+/);
  const postUrl = new URL(page.url()).pathname;

  await page.getByLabel('Add a comment').fill('The budget decides it: is it 5k or 8k?');
  await page.getByRole('button', { name: 'Post comment' }).click();
  await expect(page.getByText('Comment posted.')).toBeAttached();

  await page.getByRole('button', { name: 'Turn into a deliberation' }).click();
  const panel = page.getByRole('region', { name: 'Deliberation', exact: true });
  await expect(panel).toContainText('Deliberation: Exploring');
  const meter = panel.getByRole('meter', { name: 'Maturity' });
  await expect(meter).toHaveAttribute('aria-valuenow', '0');

  // Raise an issue from the comment: the comment is linked.
  await page.getByRole('button', { name: /Raise an issue from .*comment/ }).click();
  await expect(panel.getByText(/From .*'s comment: “The budget decides it/)).toBeVisible();
  await expect(panel.getByLabel('Raise an issue')).toBeFocused();
  await panel.getByLabel('Raise an issue').fill('Is the budget 5k or 8k?');
  await panel.getByRole('button', { name: 'Raise issue' }).click();
  const open = panel.getByRole('list', { name: /Open issues/ });
  await expect(open.getByRole('listitem')).toHaveCount(1);
  await expect(open).toContainText('from a comment');
  await expect(meter).toHaveAttribute('aria-valuetext', /0 of 1 issue resolved/);

  // Propose and support.
  await panel.getByLabel('Propose an answer').fill('Cap it at 5k and book the lakeside venue.');
  await panel.getByRole('button', { name: 'Propose', exact: true }).click();
  const support = panel.getByRole('button', { name: 'Support' });
  await expect(support).toHaveAttribute('aria-pressed', 'false');
  await support.click();
  await expect(support).toHaveAttribute('aria-pressed', 'true');
  await expect(panel.getByText('1 support · 0 open objections')).toBeVisible();
  await shot(page, 'deliberation-exploring');

  // Resolve the issue with the proposal: converging.
  await open.getByRole('button', { name: /^Resolve\b.*Is the budget/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Resolve this issue' });
  await dialog
    .getByLabel('Resolved by a proposal')
    .selectOption({ label: 'Cap it at 5k and book the lakeside venue.' });
  await dialog.getByLabel('Note').fill('5k, agreed in the planning call');
  await shot(page, 'deliberation-resolve-dialog');
  await dialog.getByRole('button', { name: 'Resolve issue' }).click();
  await expect(dialog).toBeHidden();
  await expect(panel).toContainText('Deliberation: Converging');
  await expect(panel.getByText('No open issues.')).toBeVisible();
  await expect(meter).toHaveAttribute('aria-valuetext', /1 of 1 issue resolved/);

  // Write the summary: settled.
  await panel.getByRole('button', { name: 'Write the summary' }).click();
  await panel
    .getByRole('textbox', { name: 'Summary text' })
    .fill('We cap the offsite at **5k** and book the lakeside venue.');
  await panel.getByRole('button', { name: 'Save summary' }).click();
  await expect(panel).toContainText('Deliberation: Settled');
  await expect(panel.getByText('We cap the offsite at')).toBeVisible();
  const settled = Number(await meter.getAttribute('aria-valuenow'));
  expect(settled).toBeGreaterThanOrEqual(60);
  await shot(page, 'deliberation-settled');

  // The settled answer becomes a page of the thread's wiki.
  await panel.getByRole('button', { name: 'Publish to the wiki' }).click();
  const published = panel.getByRole('status').filter({ hasText: 'Published as the wiki page' });
  await expect(published).toBeVisible();
  await shot(page, 'deliberation-published');
  await published.getByRole('link').click();
  await expect(page.getByText('We cap the offsite at')).toBeVisible();
  await expect(page.getByRole('link', { name: 'this discussion' })).toBeVisible();
  await page.goto(postUrl);

  // The stream card shows the state too.
  await page.goto('/');
  const card = page
    .getByRole('feed', { name: 'Your stream' })
    .getByRole('article')
    .filter({ hasText: text });
  await expect(card).toContainText('Deliberation: Settled');

  // A new issue reopens it, and never raises the figure.
  await page.goto(postUrl);
  await panel.getByLabel('Raise an issue').fill('Does the 5k include travel?');
  await panel.getByRole('button', { name: 'Raise issue' }).click();
  await expect(panel).toContainText('Deliberation: Reopened');
  expect(Number(await meter.getAttribute('aria-valuenow'))).toBeLessThan(settled);
  await expect(meter).toHaveAttribute('aria-valuetext', /1 of 2 issues resolved/);
  await shot(page, 'deliberation-reopened');
});

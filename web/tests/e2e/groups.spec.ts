// Groups: a closed group, a request to join, approval, and reading after approval.
import { ensureOpenSignup, expect, newUser, shot, signUp, test } from './support/fixtures';

test.beforeAll(async ({ baseURL }) => {
  await ensureOpenSignup(baseURL!);
});

test('a closed group admits a member after approval', async ({ page, browser }) => {
  const owner = newUser('own');
  const name = `Study Circle ${owner.handle.slice(4)}`;
  const secret = `Reading list for members only ${Date.now()}`;

  // A creates a closed group and posts in it.
  await signUp(page, owner);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Groups' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Groups' })).toBeVisible();
  await page.getByRole('button', { name: 'New group' }).click();
  await expect(page.getByLabel('Name')).toBeFocused();
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Description').fill('We read one chapter a week and discuss it.');
  await page.getByRole('radio', { name: 'Closed' }).check();
  await expect(
    page.getByText('Anyone can find the group and ask to join; only members read the posts.'),
  ).toBeVisible();
  await shot(page, 'groups-create');
  await page.getByRole('button', { name: 'Create group' }).click();

  await expect(page).toHaveURL(/\/groups\/study-circle-/);
  const groupUrl = page.url();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(
    page.getByText('Anyone can find the group and ask to join; only members read the posts.'),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Leave group' })).toBeVisible();
  await expect(page.getByText(`Posting in ${name}.`)).toBeVisible();
  await page.getByLabel('Your note').fill(secret);
  await page.getByRole('button', { name: 'Post', exact: true }).click();
  const feed = page.getByRole('feed', { name: `Posts in ${name}` });
  await expect(feed.getByRole('article').first()).toContainText(secret);
  await shot(page, 'group');

  // B, in a second browser, sees the group but not its posts, and asks to join.
  const other = await browser.newContext();
  const b = await other.newPage();
  const member = newUser('mem');
  await signUp(b, member);
  await b.goto(groupUrl);
  await expect(b.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(b.getByRole('heading', { name: 'Posts are for members' })).toBeVisible();
  await expect(b.getByText(secret)).toHaveCount(0);
  await expect(b.getByRole('link', { name: 'Requests' })).toHaveCount(0);
  await shot(b, 'group-closed');
  await b.getByRole('button', { name: 'Ask to join' }).click();
  await expect(b.getByText('Request pending').first()).toBeVisible();
  const withdraw = b.getByRole('button', { name: 'Withdraw request' });
  await expect(withdraw).toBeFocused();
  await expect(b.getByText(/You asked to join/).first()).toBeAttached();

  // A approves the request.
  await page.reload();
  const requestsTab = page.getByRole('link', { name: /Requests/ });
  await expect(requestsTab).toContainText('1');
  await requestsTab.click();
  await expect(requestsTab).toHaveAttribute('aria-current', 'page');
  const approve = page.getByRole('button', { name: `Approve ${member.name}` });
  await expect(approve).toBeVisible();
  await shot(page, 'group-requests');
  await approve.click();
  await expect(page.getByRole('heading', { name: 'No one is waiting' })).toBeVisible();
  await expect(page.getByText('2 members').first()).toBeVisible();

  // B reloads and reads.
  await b.reload();
  await expect(b.getByText(secret)).toBeVisible();
  await expect(b.getByRole('button', { name: 'Leave group' })).toBeVisible();
  await b.getByRole('link', { name: 'Members', exact: true }).click();
  await expect(
    b.getByRole('list', { name: `Members of ${name}` }).getByRole('listitem'),
  ).toHaveCount(2);
  await other.close();
});

test('lists all groups and mine, and invites by handle', async ({ page }) => {
  const owner = newUser('inv');
  await signUp(page, owner);
  await page.goto('/groups');
  const all = page.getByRole('list', { name: 'All groups' });
  await expect(all.getByRole('link', { name: 'Negotiation Guild' })).toBeVisible();
  await expect(all.getByRole('link', { name: 'Leadership Circle' })).toHaveCount(0);
  await shot(page, 'groups');

  // Joining an open group puts it under "Your groups".
  await all.getByRole('link', { name: 'New Joiners' }).click();
  // Anyone reads an open group; only members comment.
  const feed = page.getByRole('feed', { name: 'Posts in New Joiners' });
  await feed
    .getByRole('article')
    .first()
    .getByRole('link', { name: /\d+ comments?/ })
    .click();
  await expect(page.getByText(/Only members of New Joiners can comment here/)).toBeVisible();
  await expect(page.getByLabel('Add a comment')).toHaveCount(0);
  await page.getByRole('link', { name: 'New Joiners', exact: true }).first().click();
  await page.getByRole('button', { name: 'Join group' }).click();
  await expect(page.getByRole('button', { name: 'Leave group' })).toBeFocused();
  await page.goto('/groups?mine=1');
  await expect(page.getByRole('link', { name: 'Your groups' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expect(page.getByRole('list', { name: 'Your groups' }).getByRole('link')).toHaveText([
    'New Joiners',
  ]);

  // A private group: invite someone by handle.
  await page.goto('/groups');
  await page.getByRole('button', { name: 'New group' }).click();
  await page.getByLabel('Name').fill(`Quiet Room ${owner.handle.slice(4)}`);
  await page.getByRole('radio', { name: 'Private' }).check();
  await page.getByRole('button', { name: 'Create group' }).click();
  await page.getByRole('link', { name: /Requests/ }).click();
  await page.getByLabel('Invite by handle').fill('@nobody-by-this-name');
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByLabel('Invite by handle')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Invite by handle').fill('demo');
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByText('Invited Dana Demo.')).toBeVisible();
  await expect(
    page.getByRole('list', { name: 'Open invitations' }).getByRole('link', { name: 'Dana Demo' }),
  ).toBeVisible();
});

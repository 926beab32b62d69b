// Threads and moderation: the author closes and reopens comments; a member flags;
// a moderator sees the flag, hides the post with a reason and restores it.
import {
  ADMIN,
  DEMO,
  ensureOpenSignup,
  expect,
  newUser,
  shot,
  signIn,
  signOut,
  signUp,
  test,
} from './support/fixtures';

test.beforeAll(async ({ baseURL }) => {
  await ensureOpenSignup(baseURL!);
});

test('close, flag, hide and restore a post', async ({ page }) => {
  const text = `Our on-call rota needs volunteers ${Date.now().toString(36)}`;
  await signIn(page, DEMO.login, DEMO.password);
  await page.getByLabel('Your note').fill(text);
  await page.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(page.getByText('Your note is posted.')).toBeVisible();
  const first = page.getByRole('feed', { name: 'Your stream' }).getByRole('article').first();
  await first.getByRole('link', { name: /0 comments/ }).click();
  await expect(page).toHaveURL(/\/posts\/\d+/);
  const postUrl = new URL(page.url()).pathname;

  await page.getByRole('button', { name: 'Close comments' }).click();
  await expect(page.getByText('Closed to new comments', { exact: true })).toBeVisible();
  await expect(page.getByText('This thread is closed to new comments.')).toBeVisible();
  await expect(page.getByLabel('Add a comment')).toHaveCount(0);
  await shot(page, 'post-closed');
  await page.getByRole('button', { name: 'Reopen comments' }).click();
  await expect(page.getByLabel('Add a comment')).toBeVisible();
  await signOut(page);

  await signUp(page, newUser('flg'));
  await page.goto(postUrl);
  await page.getByRole('button', { name: 'Flag' }).click();
  await page.getByLabel('What is wrong with this post?').fill('Looks like spam to me');
  await page.getByRole('button', { name: 'Send flag' }).click();
  await expect(page.getByText('Flagged for the moderators. Thank you.')).toBeVisible();
  await signOut(page);

  await signIn(page, ADMIN.login, ADMIN.password);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Moderation' })
    .click();
  const entry = page
    .getByRole('list', { name: 'Flagged posts' })
    .getByRole('listitem')
    .filter({ hasText: text });
  await expect(entry).toContainText('Looks like spam to me');
  await entry.getByRole('button', { name: 'Hide', exact: true }).click();
  await entry.getByLabel('Reason for hiding').fill('Off-topic for the whole company');
  await entry.getByRole('button', { name: 'Hide post' }).click();
  await expect(entry.getByText('Hidden by a moderator')).toBeVisible();
  await expect(entry).toContainText('Off-topic for the whole company');
  await shot(page, 'moderation');
  await entry.getByRole('button', { name: 'Restore' }).click();
  await expect(entry.getByText('Hidden by a moderator')).toHaveCount(0);
});

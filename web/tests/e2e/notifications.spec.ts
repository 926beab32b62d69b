// Notifications: a mention lights the bell; opening the item marks it read and goes to the post.
import {
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

test('a mention shows on the bell and the notifications page', async ({ page }) => {
  const me = newUser('ntf');
  await signUp(page, me);
  const bell = page.getByRole('link', { name: /^Notifications/ });
  await expect(bell).toHaveAccessibleName('Notifications, none unread');
  await bell.click();
  await expect(page).toHaveURL(/\/notifications$/);
  await expect(page.getByRole('heading', { name: 'No notifications yet' })).toBeVisible();
  await shot(page, 'notifications-empty');
  await signOut(page);

  // Someone else mentions me in a note.
  await signIn(page, DEMO.login, DEMO.password);
  await page.getByLabel('Your note').fill(`Thanks @${me.handle} for the retro notes!`);
  await page.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(page.getByText('Your note is posted.')).toBeVisible();
  await signOut(page);

  await signIn(page, me.handle, me.password);
  await expect(bell).toHaveAccessibleName('Notifications, 1 unread');
  await expect(bell).toContainText('1');
  await bell.click();
  const list = page.getByRole('list', { name: 'Notifications' });
  const item = list.getByRole('listitem').first();
  await expect(item).toContainText(/unread/);
  await expect(item).toContainText('Dana Demo');
  await shot(page, 'notifications');

  await item.getByRole('link').click();
  await expect(page).toHaveURL(/\/posts\/\d+/);
  await expect(page.getByText('for the retro notes!')).toBeVisible();
  await expect(bell).toHaveAccessibleName('Notifications, none unread');

  await bell.click();
  await expect(list.getByRole('listitem').first()).not.toContainText(/unread/);
  await expect(page.getByRole('button', { name: 'Mark all read' })).toBeDisabled();
});

// Sign-up modes: approval (wait, then an admin approves) and invite-only (link prefills the code).
import {
  ADMIN,
  expect,
  newUser,
  setSignupMode,
  shot,
  signIn,
  signOut,
  test,
} from './support/fixtures';

test.afterAll(async ({ baseURL }) => {
  await setSignupMode(baseURL!, 'open');
});

test('approval: a new account waits until an admin approves it', async ({ page, baseURL }) => {
  await setSignupMode(baseURL!, 'approval');
  const user = newUser('appr');
  await page.goto('/signup');
  await expect(page.getByText('reviewed by an administrator')).toBeVisible();
  await page.getByLabel('Full name').fill(user.name);
  await page.getByLabel('Handle').fill(user.handle);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Request account' }).click();
  await expect(page.getByRole('heading', { name: 'Waiting for approval' })).toBeVisible();
  await shot(page, 'signup-pending');

  // Pending accounts cannot sign in yet.
  await page.goto('/signin');
  await page.getByLabel('Email or handle').fill(user.handle);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).not.toBeEmpty();

  await signIn(page, ADMIN.login, ADMIN.password);
  await page.goto('/admin');
  await page.getByRole('button', { name: `Approve ${user.name}` }).click();
  await expect(page.getByRole('button', { name: `Approve ${user.name}` })).toHaveCount(0);
  await signOut(page);

  await signIn(page, user.handle, user.password);
});

test('invite: the invite link prefills the code and signs the person in', async ({
  page,
  baseURL,
}) => {
  await setSignupMode(baseURL!, 'invite');
  const user = newUser('inv');
  await signIn(page, ADMIN.login, ADMIN.password);
  await page.goto('/admin');
  await page.getByLabel('Email address').fill(user.email);
  await page.getByRole('button', { name: 'Create invite' }).click();
  const inviteUrl = new URL(
    await page.getByLabel(`Invite link for ${user.email}`).inputValue(),
    baseURL,
  );
  expect(inviteUrl.searchParams.get('invite'), 'invite_url carries ?invite=').toBeTruthy();
  await signOut(page);

  await page.goto(inviteUrl.pathname + inviteUrl.search);
  await expect(page.getByText("You've been invited")).toBeVisible();
  await expect(page.getByLabel('Invite code')).toHaveValue(inviteUrl.searchParams.get('invite')!);
  await page.getByLabel('Full name').fill(user.name);
  await page.getByLabel('Handle').fill(user.handle);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await shot(page, 'signup-invite');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('button', { name: /Account menu/ })).toBeVisible();
});

// Accounts: sign up, sign out, sign in, wrong password, password reset request and change.
import {
  ensureOpenSignup,
  expect,
  newUser,
  shot,
  signIn,
  signOut,
  signUp,
  test,
  DEMO,
} from './support/fixtures';

test.beforeAll(async ({ baseURL }) => {
  await ensureOpenSignup(baseURL!);
});

test('signs up a new person, signs out and signs back in', async ({ page }) => {
  const user = newUser('acct');
  await page.goto('/signup');
  await expect(page.getByRole('heading', { name: 'Join Hallway' })).toBeVisible();
  await shot(page, 'signup');

  await signUp(page, user);
  await expect(page).toHaveURL(/\/$/);
  const firstName = user.name.split(' ')[0];
  await expect(
    page.getByRole('heading', { level: 1, name: new RegExp(`, ${firstName}$`) }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Complete your profile' })).toBeVisible();
  await shot(page, 'home');

  await signOut(page);
  await expect(page).toHaveURL(/\/signin/);
  await shot(page, 'signin');

  // Sign in with the email this time; the handle works too.
  await signIn(page, user.email, user.password);
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(firstName) })).toBeVisible();
});

test('explains a wrong password without signing in', async ({ page }) => {
  await page.goto('/signin');
  await page.getByLabel('Email or handle').fill(DEMO.login);
  await page.getByLabel('Password', { exact: true }).fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).not.toBeEmpty();
  await expect(page.getByRole('button', { name: /Account menu/ })).toHaveCount(0);
  await shot(page, 'signin-error');
});

test('shows field errors from the server on sign up', async ({ page }) => {
  await page.goto('/signup');
  await page.getByLabel('Full name').fill('Short Password');
  await page.getByLabel('Handle').fill(newUser('weak').handle);
  await page.getByLabel('Email').fill(newUser('weak').email);
  await page.getByLabel('Password', { exact: true }).fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  const password = page.getByLabel('Password', { exact: true });
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert')).not.toBeEmpty();
});

test('sends people who are signed out to sign in, then back', async ({ page }) => {
  await page.goto('/people?skill=Go');
  await expect(page).toHaveURL(/\/signin\?next=/);
  await page.getByLabel('Email or handle').fill(DEMO.login);
  await page.getByLabel('Password', { exact: true }).fill(DEMO.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/people\?skill=Go$/);
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
});

test('requests a password reset link', async ({ page }) => {
  await page.goto('/signin');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await page.getByLabel('Email').fill('nobody-in-particular@example.org');
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByText('a reset link is on its way')).toBeVisible();
});

test('changes the password and signs in with the new one', async ({ page }) => {
  const user = newUser('pw');
  await signUp(page, user);
  await page.goto('/settings/password');
  await page.getByLabel('Current password').fill(user.password);
  await page.getByLabel('New password', { exact: true }).fill('a-brand-new-passphrase');
  await page.getByLabel('Confirm new password').fill('a-brand-new-passphrase');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Your password has been changed.')).toBeVisible();
  await shot(page, 'settings-password');
  await signOut(page);
  await signIn(page, user.handle, 'a-brand-new-passphrase');
});

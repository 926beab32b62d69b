// Notification email: the settings page saves per-kind choices and the digest frequency;
// the unsubscribe page works signed out. The e2e server runs without SMTP, so no real mail
// (and no real signed token) exists here: the unsubscribe page is tested against the real
// server for missing and forged tokens, and its confirm flow against a stubbed API answer
// shaped like the server's (tests/http/notification_mail_test.cc covers real tokens).
import { ensureOpenSignup, expect, newUser, shot, signUp, test } from './support/fixtures';

test.beforeAll(async ({ baseURL }) => {
  await ensureOpenSignup(baseURL!);
});

test('notification settings save per kind and the digest frequency', async ({ page }) => {
  const me = newUser('mail');
  await signUp(page, me);
  await page.getByRole('button', { name: /Account menu/ }).click();
  await page.getByRole('link', { name: 'Email & notifications' }).click();
  await expect(page).toHaveURL(/\/settings\/notifications$/);
  await expect(page.getByRole('heading', { name: 'Notification email' })).toBeVisible();
  await expect(page.getByRole('main').getByText(me.email)).toBeVisible();

  const mentions = page.getByRole('group', { name: 'Mentions of you' });
  const reactions = page.getByRole('group', { name: 'Reactions to your posts' });
  await expect(mentions.getByRole('radio', { name: 'Right away' })).toBeChecked();
  await expect(reactions.getByRole('radio', { name: 'In the digest' })).toBeChecked();
  const save = page.getByRole('button', { name: 'Save settings' });
  await expect(save).toBeDisabled();

  await mentions.getByRole('radio', { name: 'Off' }).check();
  await reactions.getByRole('radio', { name: 'Right away' }).check();
  await page.getByRole('combobox', { name: 'Digest frequency' }).selectOption('weekly');
  await save.click();
  await expect(page.getByText('Your notification settings are saved.')).toBeVisible();
  await shot(page, 'settings-notifications');

  // The server kept it: a reload shows the saved choices.
  await page.reload();
  await expect(mentions.getByRole('radio', { name: 'Off' })).toBeChecked();
  await expect(reactions.getByRole('radio', { name: 'Right away' })).toBeChecked();
  await expect(page.getByRole('combobox', { name: 'Digest frequency' })).toHaveValue('weekly');
  const prefs = await page.evaluate(async () =>
    (await fetch('/api/v1/me/mail-preferences')).json(),
  );
  expect(prefs.digest).toBe('weekly');
  expect(prefs.kinds.find((k: { kind: string }) => k.kind === 'mention').delivery).toBe('off');

  // Turning the digest off while kinds still use it is allowed, with a warning.
  await page.getByRole('combobox', { name: 'Digest frequency' }).selectOption('off');
  await expect(page.getByText(/the digest is off, so they will not\s+be mailed/)).toBeVisible();
});

test('an unsubscribe link without a token or with a forged one says so, signed out', async ({
  page,
}) => {
  await page.goto('/unsubscribe');
  await expect(page.getByRole('heading', { name: 'Unsubscribe' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('This unsubscribe link is incomplete');
  await expect(page.getByRole('button', { name: 'Unsubscribe' })).toHaveCount(0);

  await page.goto('/unsubscribe?token=forged.token-value');
  await expect(page.getByRole('alert')).toContainText('This unsubscribe link is not valid');
  await expect(page.getByRole('button', { name: 'Unsubscribe' })).toHaveCount(0);
  await expect(
    page.getByRole('link', { name: /Sign in to change all email settings/ }),
  ).toBeVisible();
  await shot(page, 'unsubscribe-invalid');
});

test('an unsubscribe link describes what it switches off and confirms', async ({ page }) => {
  // Stubbed answers (see the header): what the server returns for a valid mention token.
  let posted = 0;
  await page.route('**/api/v1/unsubscribe?token=*', (route) => {
    const method = route.request().method();
    if (method === 'POST') posted += 1;
    return route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({
        scope: 'mention',
        label: 'Mentions of you',
        email: 'r***@example.org',
        unsubscribed: method === 'POST',
      }),
    });
  });
  await page.goto('/unsubscribe?token=stub');
  await expect(page.getByText(/Stop sending email about/)).toContainText('mentions of you');
  await expect(page.getByText(/Stop sending email about/)).toContainText('r***@example.org');
  expect(posted).toBe(0);
  await shot(page, 'unsubscribe-confirm');
  await page.getByRole('button', { name: 'Unsubscribe' }).click();
  await expect(page.getByRole('status')).toContainText(
    'no longer gets email about mentions of you',
  );
  expect(posted).toBe(1);
  await shot(page, 'unsubscribe-done');
});

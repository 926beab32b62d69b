// Live notifications: with two browsers open, a mention written in one lights the other's
// bell and is announced there without a reload (Server-Sent Events).
import {
  DEMO,
  ensureOpenSignup,
  expect,
  newUser,
  shot,
  signIn,
  signUp,
  test,
} from './support/fixtures';

test.beforeAll(async ({ baseURL }) => {
  await ensureOpenSignup(baseURL!);
});

test('a mention reaches an already open page live', async ({ browser }) => {
  const ben = newUser('live');
  const benContext = await browser.newContext();
  const anaContext = await browser.newContext();
  try {
    const benPage = await benContext.newPage();
    // Wait until the stream is connected, so the test exercises the live path.
    const streamOpen = benPage.waitForResponse(
      (r) => r.url().includes('/api/v1/notifications/stream') && r.status() === 200,
    );
    await signUp(benPage, ben);
    const bell = benPage.getByRole('link', { name: /^Notifications/ });
    await expect(bell).toHaveAccessibleName('Notifications, none unread');
    expect((await streamOpen).headers()['content-type']).toContain('text/event-stream');
    const announcements = benPage.getByRole('status', { name: 'New notifications' });
    await expect(announcements).toBeAttached();
    await expect(announcements).toHaveAttribute('aria-live', 'polite');
    const urlBefore = benPage.url();
    let reloads = 0;
    benPage.on('framenavigated', (frame) => {
      if (frame === benPage.mainFrame()) reloads += 1;
    });

    const anaPage = await anaContext.newPage();
    await signIn(anaPage, DEMO.login, DEMO.password);
    await anaPage
      .getByLabel('Your note')
      .fill(`@${ben.handle} could you review the onboarding notes?`);
    await anaPage.getByRole('button', { name: 'Post', exact: true }).click();
    await expect(anaPage.getByText('Your note is posted.')).toBeVisible();

    // Well inside the 30 s polling interval: only the live stream can deliver this.
    await expect(bell).toHaveAccessibleName('Notifications, 1 unread', { timeout: 8_000 });
    await expect(bell).toContainText('1');
    await expect(announcements).toContainText('mentioned you');
    await expect(announcements.getByRole('link')).toHaveAttribute('href', /\/posts\/\d+/);
    // The announcement does not take focus away from what the reader was doing.
    expect(await benPage.evaluate(() => document.activeElement?.closest('[aria-live]'))).toBeNull();
    expect(benPage.url()).toBe(urlBefore);
    expect(reloads).toBe(0);
    await shot(benPage, 'live-notification-toast');

    await announcements.getByRole('button', { name: 'Dismiss notification' }).click();
    await expect(announcements).not.toContainText('mentioned you');
  } finally {
    await anaContext.close();
    await benContext.close();
  }
});

test('the bell falls back to polling when the event stream is unavailable', async ({
  page,
  browser,
}) => {
  const me = newUser('poll');
  await page.clock.install();
  let streamAsked = 0;
  await page.route('**/api/v1/notifications/stream', (route) => {
    streamAsked += 1;
    return route.fulfill({ status: 503, contentType: 'application/problem+json', body: '{}' });
  });
  await signUp(page, me);
  const bell = page.getByRole('link', { name: /^Notifications/ });
  await expect(bell).toHaveAccessibleName('Notifications, none unread');
  await expect.poll(() => streamAsked).toBeGreaterThan(0);

  const other = await browser.newContext();
  try {
    const ana = await other.newPage();
    await signIn(ana, DEMO.login, DEMO.password);
    await ana.getByLabel('Your note').fill(`@${me.handle} polling still works`);
    await ana.getByRole('button', { name: 'Post', exact: true }).click();
    await expect(ana.getByText('Your note is posted.')).toBeVisible();
  } finally {
    await other.close();
  }
  await expect(bell).toHaveAccessibleName('Notifications, none unread');
  // The next 30-second poll brings the count, with no navigation.
  await page.clock.fastForward('00:31');
  await expect(bell).toHaveAccessibleName('Notifications, 1 unread');
});

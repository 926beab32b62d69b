// Embeds: the thread page offers the iframe snippet and a live preview of the card, and
// announces its oEmbed address; the card shows the post to a signed-in reader.
import { DEMO, expect, shot, signIn, test } from './support/fixtures';

test('the Embed button shows the snippet and a preview of the thread card', async ({ page }) => {
  const id = Date.now().toString(36);
  await signIn(page, DEMO.login, DEMO.password);
  await page.getByLabel('Your note').fill(`Retro notes worth sharing ${id}`);
  await page.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(page.getByText('Your note is posted.')).toBeVisible();
  const first = page.getByRole('feed', { name: 'Your stream' }).getByRole('article').first();
  await first
    .getByRole('link', { name: /ago|just now|\d/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/posts\/\d+$/);
  const postId = new URL(page.url()).pathname.split('/')[2]!;

  const discovery = page.locator('link[rel="alternate"][type="application/json+oembed"]');
  await expect(discovery).toHaveAttribute(
    'href',
    new RegExp(`/api/oembed\\?url=.*%2Fposts%2F${postId}&format=json$`),
  );

  await page.getByRole('button', { name: 'Embed' }).click();
  const dialog = page.getByRole('dialog', { name: 'Embed this thread' });
  const code = dialog.getByLabel('Embed code');
  await expect(code).toHaveValue(
    new RegExp(`^<iframe src="http://[^"]+/embed/posts/${postId}" width="550"`),
  );
  const preview = dialog.frameLocator('iframe');
  await expect(preview.getByText(`Retro notes worth sharing ${id}`)).toBeVisible();
  await expect(preview.getByRole('link', { name: 'View the thread on Hallway' })).toBeVisible();
  await shot(page, 'embed-dialog');

  // The oEmbed address answers the signed-in reader.
  const oembed = await page.request.get(await dialog.getByLabel('oEmbed address').inputValue());
  expect(oembed.status()).toBe(200);
  expect((await oembed.json()).type).toBe('rich');
});

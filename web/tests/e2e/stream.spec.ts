// Home stream and posts: write a note with a topic, react, comment and reply, edit with history.
import { DEMO, expect, shot, signIn, test } from './support/fixtures';

test('posts a note, reacts, comments, replies and edits it', async ({ page }) => {
  const id = Date.now().toString(36);
  const topic = `retro-${id}`;
  const text = `Today I learned to time-box retros. #${topic}`;

  await signIn(page, DEMO.login, DEMO.password);
  await expect(page.getByRole('heading', { name: 'Write a post' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Note' })).toBeChecked();
  await page.getByLabel('Your note').fill(text);
  await page.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(page.getByText('Your note is posted.')).toBeVisible();
  await expect(page.getByLabel('Your note')).toHaveValue('');
  await expect(page.getByLabel('Your note')).toBeFocused();

  // The new note tops the stream, with its topic as a chip.
  const feed = page.getByRole('feed', { name: 'Your stream' });
  const first = feed.getByRole('article').first();
  await expect(first).toContainText('Today I learned to time-box retros.');
  await expect(first.getByRole('link', { name: `#${topic}` })).toHaveAttribute(
    'href',
    `/topics/${topic}`,
  );
  await shot(page, 'home');

  // Reactions are toggle buttons with counts.
  const insightful = first.getByRole('button', { name: /^Insightful/ });
  await expect(insightful).toHaveAttribute('aria-pressed', 'false');
  await insightful.click();
  await expect(insightful).toHaveAttribute('aria-pressed', 'true');
  await expect(insightful).toContainText('1');
  await expect(first.getByText('Added Insightful. 1 in total.')).toBeAttached();
  await expect(insightful).toBeFocused();

  // The comment count leads to the post page.
  await first.getByRole('link', { name: /0 comments/ }).click();
  await expect(page).toHaveURL(/\/posts\/\d+#comments$/);
  await expect(page.getByRole('heading', { name: 'No comments yet' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Insightful/ })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  await page.getByLabel('Add a comment').fill('Which **time-box** works best for you?');
  await page.getByRole('button', { name: 'Post comment' }).click();
  const comments = page.getByRole('region', { name: /Comments/ });
  const comment = comments.getByRole('article', { name: /Dana Demo/ }).first();
  await expect(comment.locator('strong')).toHaveText('time-box');
  await expect(page.getByRole('heading', { name: 'Comments (1)' })).toBeVisible();

  await comment.getByRole('button', { name: 'Reply to Dana Demo' }).click();
  const replyBox = page.getByLabel('Reply to Dana Demo');
  await expect(replyBox).toBeFocused();
  await replyBox.fill('Forty-five minutes, with a hard stop.');
  await page.getByRole('button', { name: 'Post reply' }).click();
  // The reply sits in a nested list under the comment, and receives focus.
  const thread = comments
    .getByRole('listitem')
    .filter({ hasText: 'Which time-box works best' })
    .first();
  const reply = thread.getByRole('list').getByRole('article');
  await expect(reply).toContainText('Forty-five minutes, with a hard stop.');
  await expect(reply).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Comments (2)' })).toBeVisible();

  // Inline editing makes a second revision.
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  const editBox = page.getByLabel('Text', { exact: true });
  await expect(editBox).toBeFocused();
  await editBox.fill(`Today I learned to time-box retros to 45 minutes. #${topic}`);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('to 45 minutes.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Edit', exact: true })).toBeFocused();
  await expect(page.getByText('edited', { exact: true })).toBeVisible();
  const history = page.getByRole('button', { name: /Edit history \(2 versions\)/ });
  await expect(history).toHaveAttribute('aria-expanded', 'false');
  await history.click();
  await expect(history).toHaveAttribute('aria-expanded', 'true');
  const versions = page.getByRole('list', { name: 'Versions, newest first' }).getByRole('listitem');
  await expect(versions).toHaveCount(2);
  await expect(versions.first()).toContainText('Version 2');
  await expect(versions.last()).toContainText('Today I learned to time-box retros. #');
  await shot(page, 'post');

  await page.setViewportSize({ width: 375, height: 812 });
  await shot(page, 'mobile-post');

  // Deleting asks first, then says what happened.
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const confirm = page.getByRole('group', { name: /Delete this post\?/ });
  await expect(confirm.getByRole('button', { name: 'Delete post' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Keep it' }).click();
  await expect(page.getByRole('button', { name: 'Delete', exact: true })).toBeFocused();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByRole('button', { name: 'Delete post' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Post deleted' })).toBeVisible();
  await page.getByRole('link', { name: 'Go home' }).click();
  await expect(page.getByRole('feed', { name: 'Your stream' })).not.toContainText(
    'time-box retros',
  );
});

test('explains the rules when a post is refused', async ({ page }) => {
  await signIn(page, DEMO.login, DEMO.password);
  await page.getByRole('radio', { name: 'Link' }).check();
  await page.getByLabel('Title').fill('A good read');
  await page.getByLabel('Link address').fill('ftp://example.org/file');
  await page.getByLabel('Why share this link?').fill('Worth it.');
  await page.getByRole('button', { name: 'Post', exact: true }).click();
  const link = page.getByLabel('Link address');
  await expect(link).toHaveAttribute('aria-invalid', 'true');
  await expect(link).toBeFocused();
  await expect(page.getByText('must be an http:// or https:// address')).toBeVisible();

  // A note over 1000 characters is caught before sending, with a way out.
  await page.getByRole('radio', { name: 'Note' }).check();
  await page.getByLabel('Your note').fill('x'.repeat(1001));
  await expect(page.getByText(/Notes can be up to 1000 characters/)).toBeVisible();
  await page.getByRole('button', { name: 'Make it an article' }).click();
  await expect(page.getByRole('radio', { name: 'Article' })).toBeChecked();
  await expect(page.getByLabel('Article text')).toHaveValue('x'.repeat(1001));
});

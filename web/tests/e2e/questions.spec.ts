// Questions and answers: one person asks (seeing a similar existing question suggested
// while typing), a second person answers in another browser, the asker accepts it, and
// the accepted answer moves to the top with its mark.
import { request, type APIRequestContext } from '@playwright/test';
import { ensureOpenSignup, expect, newUser, shot, signUp, test } from './support/fixtures';

test.beforeAll(async ({ baseURL }) => {
  await ensureOpenSignup(baseURL!);
});

/** Signs up a fresh person through the API; returns a context carrying their session. */
async function apiPerson(
  baseURL: string,
  prefix: string,
): Promise<{ ctx: APIRequestContext; csrf: string }> {
  const ctx = await request.newContext({ baseURL });
  const u = newUser(prefix);
  const res = await ctx.post('/api/v1/accounts', {
    data: { email: u.email, password: u.password, display_name: u.name, handle: u.handle },
  });
  expect(res.status(), 'API sign-up').toBe(201);
  return { ctx, csrf: (await res.json()).csrf_token };
}

test('ask a question, get an answer, accept it', async ({ page, browser, baseURL }) => {
  test.setTimeout(90_000);
  const tag = Date.now().toString(36);

  // An existing question, asked through the API, with an early answer.
  const earlier = await apiPerson(baseURL!, 'qold');
  const headers = { 'X-CSRF-Token': earlier.csrf };
  const existing = await earlier.ctx.post('/api/v1/posts', {
    headers,
    data: {
      kind: 'question',
      title: `How should I budget quarkbeam experiments ${tag}?`,
      body: 'We run many small quarkbeam trials. #planning',
    },
  });
  expect(existing.status()).toBe(201);

  // The asker starts typing a similar title and sees the existing question suggested.
  const asker = newUser('qask');
  await signUp(page, asker);
  await page.getByRole('link', { name: 'Questions' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Questions' })).toBeVisible();
  await page.getByRole('link', { name: 'Ask a question' }).click();
  await expect(page).toHaveURL(/\/questions\/ask$/);
  const title = `What is a good budget for quarkbeam experiments ${tag}?`;
  await page.getByLabel('Title').fill(title);
  const suggestions = page.getByRole('complementary', { name: 'Similar questions' });
  // The search index catches up with the activity log in the background: allow it time.
  await expect(
    suggestions.getByRole('link', { name: `How should I budget quarkbeam experiments ${tag}?` }),
  ).toBeVisible({ timeout: 30_000 });
  await expect(suggestions).toContainText('0 answers');
  await page.getByLabel('Details').fill('Our team wants a rule of thumb for the first quarter.');
  await shot(page, 'questions-ask-suggestions');
  await page.getByRole('button', { name: 'Post your question' }).click();
  await expect(page).toHaveURL(/\/posts\/\d+$/);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('heading', { name: '0 Answers' })).toBeVisible();
  const questionUrl = new URL(page.url()).pathname;
  const questionId = questionUrl.split('/').pop();

  // Someone answers first through the API (it will not be the accepted one).
  const first = await earlier.ctx.post(`/api/v1/posts/${questionId}/answers`, {
    headers,
    data: { body: 'Start with whatever last year cost.' },
  });
  expect(first.status()).toBe(201);

  // A second person, in a second browser, answers on the page.
  const other = await browser.newContext();
  const helperPage = await other.newPage();
  const helper = newUser('qhelp');
  await signUp(helperPage, helper);
  await helperPage.goto(questionUrl);
  await expect(helperPage.getByRole('heading', { name: '1 Answer' })).toBeVisible();
  await helperPage
    .getByLabel('Your answer')
    .fill('Budget **ten small trials** before one big one.');
  await helperPage.getByRole('button', { name: 'Post your answer' }).click();
  await expect(helperPage.getByRole('heading', { name: '2 Answers' })).toBeVisible();
  const mine = helperPage.getByRole('article', { name: new RegExp(helper.name) });
  await expect(mine.getByText('ten small trials')).toBeVisible();
  // Nobody votes on their own answer; the helper may not accept.
  await expect(mine.getByRole('button', { name: 'Vote up' })).toBeDisabled();
  await expect(helperPage.getByRole('button', { name: 'Accept this answer' })).toHaveCount(0);
  await shot(helperPage, 'questions-answered');

  // The asker sees both, votes the helpful one up and accepts it: it moves to the top.
  await page.reload();
  await expect(page.getByRole('heading', { name: '2 Answers' })).toBeVisible();
  const answers = page.getByRole('region', { name: /2 Answers/ }).getByRole('article');
  await expect(answers).toHaveCount(2);
  await expect(answers.nth(1)).toContainText('ten small trials');
  const chosen = page.getByRole('article', { name: new RegExp(helper.name) });
  const up = chosen.getByRole('button', { name: 'Vote up' });
  await expect(up).toHaveAttribute('aria-pressed', 'false');
  await up.click();
  await expect(up).toHaveAttribute('aria-pressed', 'true');
  await expect(chosen.getByLabel('Score 1')).toBeVisible();
  await chosen.getByRole('button', { name: 'Accept this answer' }).click();
  await expect(answers.first()).toContainText('Accepted answer');
  await expect(answers.first()).toContainText('ten small trials');
  await expect(answers.nth(1)).not.toContainText('Accepted answer');
  await shot(page, 'questions-accepted');

  // The helper hears about it, and sees the mark after a reload.
  await helperPage.reload();
  await expect(
    helperPage
      .getByRole('region', { name: /2 Answers/ })
      .getByRole('article')
      .first(),
  ).toContainText('Accepted answer');
  await other.close();
  await earlier.ctx.dispose();

  // The question is no longer in the asker's unaccepted queue.
  await page.goto('/questions?state=unaccepted');
  await expect(page.getByRole('link', { name: title })).toHaveCount(0);
  await page.goto('/questions?state=all');
  await expect(page.getByRole('link', { name: title })).toBeVisible();
  await shot(page, 'questions-queue');
});

// Who can help: evidence seeded through the API (an article and a declared skill) makes
// its author the suggestion for a need, with the article as an evidence link; opting out
// in the settings takes the person out of every suggestion.
import { request } from '@playwright/test';
import {
  ensureOpenSignup,
  expect,
  newUser,
  shot,
  signIn,
  signOut,
  signUp,
  test,
} from './support/fixtures';

test('a need finds the person with evidence; opting out removes them', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(90_000);
  await ensureOpenSignup(baseURL!);
  const expert = newUser('hlp');
  const word = `zymurgy${Date.now().toString(36)}`;
  const title = `A field guide to ${word} fermentation`;

  // The expert signs up and writes an article, through the API.
  const ctx = await request.newContext({ baseURL });
  const created = await ctx.post('/api/v1/accounts', {
    data: {
      email: expert.email,
      password: expert.password,
      display_name: expert.name,
      handle: expert.handle,
    },
  });
  expect(created.status(), 'sign-up').toBe(201);
  const csrf = (await created.json()).csrf_token as string;
  const article = await ctx.post('/api/v1/posts', {
    data: {
      kind: 'article',
      title,
      body: `How to keep a ${word} starter alive: feed it twice a day.`,
    },
    headers: { 'X-CSRF-Token': csrf },
  });
  expect(article.status(), 'article').toBe(201);
  const articleId = (await article.json()).id as number;
  const skills = await ctx.patch('/api/v1/me', {
    data: { skills: [word] },
    headers: { 'X-CSRF-Token': csrf },
  });
  expect(skills.status(), 'skills').toBe(200);
  await ctx.dispose();

  // Someone else asks who can help.
  const asker = newUser('ask');
  await signUp(page, asker);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'People' })
    .click();
  await page.getByRole('link', { name: 'Who can help?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Who can help?' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Ask about anything' })).toBeVisible();
  await shot(page, 'helpers-empty');
  await page.getByLabel('What do you need help with?').fill(`${word} fermentation`);
  await page.getByRole('button', { name: 'Find people' }).click();
  await expect(page).toHaveURL(/\/helpers\?q=/);
  const person = page.getByRole('article', { name: new RegExp(expert.name) });
  await expect(person).toBeVisible({ timeout: 20_000 });
  const evidence = person.getByRole('list', { name: `Evidence for ${expert.name}` });
  const link = evidence.getByRole('link', { name: title });
  await expect(link).toHaveAttribute('href', `/posts/${articleId}`);
  await expect(person.getByRole('list', { name: `Why ${expert.name}` })).toContainText(
    '1 article on this',
  );
  await shot(page, 'helpers-results');
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/posts/${articleId}$`));
  await signOut(page);

  // The expert opts out in the settings.
  await signIn(page, expert.handle, expert.password);
  await page.goto('/settings/helping');
  const toggle = page.getByRole('checkbox', { name: /Suggest me when people ask who can help/ });
  await expect(toggle).toBeChecked();
  await toggle.uncheck();
  await expect(page.getByText('Saved. You will not be suggested to anyone.')).toBeVisible();
  await expect(toggle).not.toBeChecked();
  await shot(page, 'helpers-settings-off');
  await signOut(page);

  // Asked again, nobody is suggested.
  await signIn(page, asker.handle, asker.password);
  await page.goto(`/helpers?q=${encodeURIComponent(word)}`);
  await expect(page.getByRole('heading', { name: 'Nobody yet' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('article', { name: new RegExp(expert.name) })).toHaveCount(0);
  await shot(page, 'helpers-none');
});

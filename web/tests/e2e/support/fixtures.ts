// Shared test fixture: fails a test on uncaught page errors or CSP violations,
// and offers screenshot and account helpers.
import { expect, request, test as base, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const screenshotDir = fileURLToPath(new URL('../../../test-results/screenshots/', import.meta.url));

export const DEMO = { login: 'demo', password: 'hallway-demo' };
export const ADMIN = { login: 'admin', password: 'hallway-demo' };

export const test = base.extend<{ pageProblems: string[] }>({
  pageProblems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
      page.on('console', (msg) => {
        const text = msg.text();
        if (msg.type() === 'error' && /Content Security Policy|Refused to/i.test(text)) {
          problems.push(`csp: ${text}`);
        }
      });
      await use(problems);
      expect(problems, 'no page errors or CSP violations').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Saves a full-page screenshot to test-results/screenshots/<name>.png. */
export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  // Start at the top so the sticky header sits where a person would see it.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${screenshotDir}${name}.png`, fullPage: true });
}

export interface NewUser {
  name: string;
  handle: string;
  email: string;
  password: string;
}

export function newUser(prefix = 'e2e'): NewUser {
  const id = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
  return {
    name: `Robin ${prefix.toUpperCase()} ${id}`,
    handle: `${prefix}-${id}`,
    email: `${prefix}-${id}@example.org`,
    password: 'correct-horse-battery',
  };
}

export async function signIn(page: Page, login: string, password: string): Promise<void> {
  await page.goto('/signin');
  await page.getByLabel('Email or handle').fill(login);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: /Account menu/ })).toBeVisible();
}

export async function signUp(page: Page, user: NewUser): Promise<void> {
  await page.goto('/signup');
  await page.getByLabel('Full name').fill(user.name);
  await page.getByLabel('Handle').fill(user.handle);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('button', { name: /Account menu/ })).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Account menu/ }).click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByText('You have signed out')).toBeVisible();
}

/** Sets the site's sign-up mode through the admin API (as the seeded admin). */
export async function setSignupMode(
  baseURL: string,
  mode: 'open' | 'invite' | 'approval',
): Promise<void> {
  const ctx = await request.newContext({ baseURL });
  try {
    const config = await (await ctx.get('/api/v1/config')).json();
    if (config.signup_mode === mode) return;
    const session = await ctx.post('/api/v1/session', {
      data: { login: ADMIN.login, password: ADMIN.password },
    });
    expect(session.status(), 'admin sign-in').toBe(200);
    const { csrf_token } = await session.json();
    const patched = await ctx.patch('/api/v1/admin/settings', {
      data: { signup_mode: mode },
      headers: { 'X-CSRF-Token': csrf_token },
    });
    expect(patched.status(), 'PATCH /api/v1/admin/settings').toBe(200);
  } finally {
    await ctx.dispose();
  }
}

/** Makes sure anyone can sign up (the demo seed may pick another mode). */
export function ensureOpenSignup(baseURL: string): Promise<void> {
  return setSignupMode(baseURL, 'open');
}

/** A 32×32 PNG (a little portrait on an indigo gradient). */
export const AVATAR_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAIAAAD8GO2jAAAFOklEQVR42r3T3W6sOBaG4b43/jE2xsYUgVQUJYoSpVQCgRAIcVlzLcvmx3bfyQxSDqd3T7p7z5be4+85sNdvsQPIAewAcYA6kjmSO1I4qnBU6ajKWWtnvTrrk7M9O9uLs706+5uzvzv7h3N8OsfNOe6ObhzdOrpzTO+YwTGjYyfHzo5dnN9/+/8DLiAXsAvEBepK5kruSuGqwlWlqyp3rd316q5P7vbsbi/u9urub+7+7u4f7vHpHjf3uLu6cXXr6s41vWsG14yunVw7u3ZxT8AD5AH2gHhAPck8yT0pPFV4qvRU5a21t1699cnbnr3txdtevf3N29+9/cM7Pr3j5h13Tzeebj3deab3zOCZ0bOTZ2fPLt4J+IB8wD4QH6gvmS+5L4WvCl+Vvqr8tfbXq78++duzv73426u/v/n7u79/+Menf9z84+7rxtetrzvf9L4ZfDP6dvLt7NvFP4EAUAA4ABIADSQLJA+kCFQRqDJQVbDWwXoN1qdgew62l2B7Dfa3YH8P9o/g+AyOW3DcA90Eug10F5g+MENgxsBOgZ0DuwS/AggBhYBDICHQULJQ8lCKUBWhKkNVhWsdrtdwfQq353B7CbfXcH8L9/dw/wiPz/C4hcc91E2o21B3oelDM4RmDO0U2jm0S3gCEaAIcAQkAhpJFkkeSRGpIlJlpKporaP1Gq3/Pv71331Gxy067pFuIt1GuotMH5khMmNkp8jOkV2iE4gBxYBjIDHQWLJY8liKWBWxKmNVxWsd//H6V7f4uMe6iXUb6y42fWyG2IyxnWI7x3aJTwABQoAREAQUSYYkR1IgVSBVIlWhP1v/6o50g3SLdIdMj8yAzIjshOyM7IJ+BZAASgAnQBKgiWSJ5IkUiSoSVSaqSr4BJLpJdJvoLjF9YobEjImdEjsndklOAAPCgDEQDBRLhiXHUmBVYFViVeFvAFg3WLdYd9j02AzYjNhO2M7YLvgECCACmAAhQIlkRHIiBVEFUSVRFfkGQHRDdEt0R0xPzEDMSOxE7EzsQk4gBZQCToGkQFPJUslTKVJVpKpMVZV+A0h1k+o21V1q+tQMqRlTO6V2Tu2S/gqAAqKAKRAKlEpGJadSUFVQVVJV0bWmf3oH9LhT3VDdUt1R01MzUDNSO1E7U7vQE8gAZYAzIBnQTLJM8kyKTBWZKjNVZWudrdfsB5ecHbfsuGe6yXSb6S4zfWaGzIyZnTI7Z3bJToABYoAZEAaUScYkZ1IwVTBVMlWxtWbrla1PbHtm2wvbXtn+xvZ3tn+w45MdN3bcmW6YbpnumOmZGZgZmZ2YnZld2AlwQBwwB8KBcsm45FwKrgquSq4qvtZ8vfL1iW/PfHvh2yvf3/j+zvcPfnzy48aPO9cN1y3XHTc9NwM3I7cTtzO3C/8VQA4oB5wDyYHmkuWS51LkqshVmasqX+t8veY/eIP8uOXHPddNrttcd7npczPkZsztlNs5t0t+AgKQACyACKBCMiG5kEKoQqhSqP/5R79qhG6F7oTphRmEGYWdhJ2FXcQJFIAKwAWQAmghWSF5IUWhiuK761+1he4K0xdmKMxY2Kmwc2GX4gQugC6AL0AuQC+SXSS/SHH5a+tfdRfTX8xwMePFThc7X+xy+QHwN9a/+iOgBFQCLoGUQEvJyr+//tVQmrG0U2nn0i7lCTwAegD8AOQB6MM/Xf9qfLDTg50f7PJwAhWgCnAFpAJa/SSgslNl58ou1QnUgGrANZAaaP2TgNpOtZ1ru9Qn8AjoEfAjkEf4KetfTY92frTL4+//ASKBVAvgfXU8AAAAAElFTkSuQmCC',
  'base64',
);

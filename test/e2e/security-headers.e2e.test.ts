// The Content-Security-Policy the server sends lets the real pages work in Chromium: the back office signs
// in and shows its home, the handheld page opens, and swagger-ui renders the API — with no CSP violation
// reported by the browser on any of them.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, shot } from './browser.js';
import { ADMIN_PASSWORD, startServer } from './server.js';

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
beforeAll(async () => {
  server = await startServer();
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A page that records every CSP violation (the DOM event) and every CSP console error. */
async function watchedPage(): Promise<{ page: Page; violations: string[] }> {
  const page = await browser.newPage();
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return { page, violations };
}

describe('content security policy in Chromium', () => {
  it('the back office signs in and shows its home without a violation', async () => {
    const { page, violations } = await watchedPage();
    const res = await page.goto(`${server.url}/`);
    expect(res?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await page.getByLabel(/user name/i).fill('admin');
    await page.getByLabel(/password/i).fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: /sign in/i }).click();
    await page
      .getByRole('button', { name: /sign out|admin/i })
      .first()
      .waitFor({ timeout: 30_000 });
    await shot(page, 'csp-home');
    expect(violations).toEqual([]);
    await page.close();
  });

  it('the handheld page opens without a violation', async () => {
    const { page, violations } = await watchedPage();
    await page.goto(`${server.url}/scan`);
    await page
      .getByLabel(/password/i)
      .first()
      .waitFor({ timeout: 30_000 });
    expect(violations).toEqual([]);
    await page.close();
  });

  it('swagger-ui renders the API without a violation', async () => {
    const { page, violations } = await watchedPage();
    const res = await page.goto(`${server.url}/docs`);
    expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.getByText('/api/auth/login').first().waitFor({ timeout: 30_000 });
    await shot(page, 'csp-docs');
    expect(violations).toEqual([]);
    // The watch itself works: an inline script (what an injection would add) is blocked and reported.
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.injected = 1';
      document.body.appendChild(s);
    });
    await expect.poll(() => violations.length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { injected?: number }).injected)).toBeUndefined();
    await page.close();
  });
});

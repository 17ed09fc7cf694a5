import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startTestServer, TEST_ADMIN_PASSWORD, type TestServer } from '../api/harness';

export const SCREENSHOTS = 'test-results/screenshots';

/** Debian's Chromium, headless, with the flags this network needs; `env` for another fontconfig, say. */
export async function launchBrowser(env: NodeJS.ProcessEnv = process.env): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    env,
  });
}

/**
 * A real server over the run's database and Chromium with a laptop-sized page, for the tests
 * of one file: `ready` hands them over before the first test, and both close after the last.
 */
export function withServerAndBrowser(ready: (run: { server: TestServer; browser: Browser; page: Page }) => void): void {
  let run: { server: TestServer; browser: Browser; page: Page } | undefined;
  beforeAll(async () => {
    const server = await startTestServer();
    const browser = await launchBrowser();
    run = { server, browser, page: await browser.newPage({ viewport: { width: 1366, height: 768 } }) };
    ready(run);
  });
  afterAll(async () => {
    await run?.browser.close();
    await run?.server.close();
  });
}

/** Signs a browser context in as the admin, with the session cookie the sign-in route sets. */
export async function signInAsAdmin(context: BrowserContext, server: TestServer): Promise<void> {
  const { cookie } = await server.signIn('admin', TEST_ADMIN_PASSWORD);
  const [name, value] = cookie!.split('=');
  await context.addCookies([{ name, value, url: server.url }]);
}

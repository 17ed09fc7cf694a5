import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { TEST_ADMIN_PASSWORD, TEST_ADMIN_TOKEN, type TestServer } from '../api/harness';
import { SCREENSHOTS, withServerAndBrowser } from './browser';

let server: TestServer;
let page: Page;
withServerAndBrowser((run) => ({ server, page } = run));

it('serves GraphiQL at /graphql: the schema for the docs once signed in, a query, and a token from its headers pane', async () => {
  const requests: { authorization?: string }[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/graphql'))
      requests.push({ authorization: request.headers().authorization });
  });
  await page.goto(`${server.url}/graphql`);
  await expect.poll(() => page.title()).toBe('网格通 GraphQL');
  await expect.poll(() => page.locator('.result-window').textContent(), { timeout: 20_000 }).toContain('signing in');
  await page.screenshot({ path: `${SCREENSHOTS}/graphiql-anonymous.png` });
  const { cookie } = await server.signIn('admin', TEST_ADMIN_PASSWORD);
  const [name, value] = cookie!.split('=');
  await page.context().addCookies([{ name, value, url: server.url }]);
  await page.reload();
  await page.getByRole('button', { name: /documentation explorer/i }).click();
  await expect.poll(() => page.locator('.graphiql-doc-explorer').textContent(), { timeout: 20_000 }).toContain('Query');
  await page.getByRole('button', { name: /headers/i }).click();
  await page.locator('.graphiql-editor-tool .CodeMirror').last().click();
  await page.keyboard.type(`{ "Authorization": "Bearer ${TEST_ADMIN_TOKEN}"`);
  await page.getByRole('button', { name: /execute query/i }).click();
  await expect.poll(() => page.locator('.result-window').textContent(), { timeout: 20_000 }).toContain('"kangle"');
  expect(requests.at(-1)?.authorization).toBe(`Bearer ${TEST_ADMIN_TOKEN}`);
  await page.screenshot({ path: `${SCREENSHOTS}/graphiql.png` });
});

import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../api/harness';
import { launchBrowser, SCREENSHOTS } from './browser';

let server: TestServer;
let browser: Browser;
let page: Page;
beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const features = () => page.getByTestId('grid-map').getAttribute('data-features');

it('draws one feature per located community and lists 重华 beside the map', async () => {
  const started = Date.now();
  await page.goto(`${server.url}/`);
  await expect.poll(features, { timeout: 20_000 }).toBe('4');
  console.log(`overview drawn ${Date.now() - started} ms after navigation`);
  await expect.poll(() => page.getByTestId('no-location').textContent()).toContain('重华社区');
  await page.screenshot({ path: `${SCREENSHOTS}/overview.png` });
});

it('drills into 康乐: 8 grids and a population of 9050', async () => {
  await page.goto(`${server.url}/c/kangle?metric=POPULATION`);
  await expect.poll(features, { timeout: 20_000 }).toBe('8');
  expect(await page.getByTestId('kpi-population').getAttribute('data-value')).toBe('9050');
  await page.screenshot({ path: `${SCREENSHOTS}/kangle.png` });
});

it('changes the legend and the colours when the metric changes', async () => {
  await page.goto(`${server.url}/?metric=POPULATION`);
  await expect.poll(features, { timeout: 20_000 }).toBe('4');
  const legendBefore = await page.getByTestId('legend').textContent();
  await page.getByTestId('metric-select').selectOption('PARTY_MEMBERS');
  await expect.poll(() => page.getByTestId('legend').textContent()).not.toBe(legendBefore);
  expect(await page.getByTestId('legend').textContent()).toContain('党员数');
  expect(page.url()).toContain('metric=PARTY_MEMBERS');
});

it('switches the title to English and keeps the choice', async () => {
  await page.goto(`${server.url}/`);
  const zh = await page.getByTestId('title').textContent();
  expect(zh).toContain('网格通');
  await page.getByTestId('language-switch').click();
  await expect.poll(() => page.getByTestId('title').textContent()).toContain('GridScope · Community grid governance');
  await page.reload();
  await expect.poll(() => page.getByTestId('title').textContent()).toContain('Community grid governance');
  await page.getByTestId('language-switch').click();
});

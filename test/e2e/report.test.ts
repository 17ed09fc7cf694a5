import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { CATALOGUE } from '../../client/src/i18n/catalogue';
import { localDate, monthStart, zonedDate } from '../../shared/time/buckets';
import { type TestServer } from '../api/harness';
import { SCREENSHOTS, withServerAndBrowser } from './browser';

let server: TestServer;
let page: Page;
withServerAndBrowser((run) => ({ server, page } = run));

/** A4 landscape inside the stylesheet's 10 mm margins, in CSS pixels (96 to the inch). */
const SHEET = { width: Math.floor((277 / 25.4) * 96), height: Math.floor((190 / 25.4) * 96) };
/** The report's heading: 20 px on screen is 15 pt on paper, unless the page was shrunk to fit something too wide. */
const HEADING_PT = 15;

// The seed's cases run over the 24 months up to today: last month is whole and has them.
const { year, month } = localDate(monthStart(new Date(), -1));
const MONTH = `${year}-${String(month).padStart(2, '0')}`;
const MONTH_ZH = `${year}年${month}月`;

/** The league table as the API ranks it for the month: names, best first. */
async function rankedNames(communityCode: string | null): Promise<string[]> {
  const answer = await server.gql<{ ranking: { name: string }[] }>(
    `query ($level: MapLevel!, $communityCode: String, $from: DateTime, $to: DateTime) {
      ranking(level: $level, metric: ON_TIME_RATE, communityCode: $communityCode, from: $from, to: $to) { name }
    }`,
    {
      level: communityCode ? 'GRID' : 'COMMUNITY',
      communityCode,
      from: zonedDate(year, month, 1).toISOString(),
      to: zonedDate(year, month + 1, 0).toISOString(),
    },
  );
  expect(answer.errors).toBeUndefined();
  return answer.data!.ranking.map((row) => row.name);
}

/** Opens the report and waits until every part has its data: figures, league table, charts, all overdue cases. */
async function openReport(scope: string, rows: number) {
  await page.goto(`${server.url}/report?scope=${scope}&month=${MONTH}`);
  await expect
    .poll(() => page.getByTestId('kpi-cases-reported').getAttribute('data-value'), { timeout: 30_000 })
    .toMatch(/^\d+$/);
  await expect.poll(() => page.getByTestId('league-row').count(), { timeout: 30_000 }).toBe(rows);
  for (const part of ['chart-cases', 'chart-volunteer-hours', 'overdue-list'])
    await expect.poll(() => page.getByTestId(part).getAttribute('aria-busy'), { timeout: 30_000 }).toBe('false');
  await expect.poll(() => page.getByTestId('overdue-more').count(), { timeout: 30_000 }).toBe(0);
}

/** Each page's text; Chrome's CJK font maps some characters to their Kangxi radicals (⽉ for 月), NFKC maps them back. */
async function printedPages(): Promise<{ text: string; landscape: boolean; firstPt: number }[]> {
  const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true });
  const document = await getDocument({ data: new Uint8Array(pdf) }).promise;
  const pages = [];
  for (let n = 1; n <= document.numPages; n++) {
    const sheet = await document.getPage(n);
    const items = (await sheet.getTextContent()).items.filter((item) => 'str' in item);
    const [, , width, height] = sheet.view;
    pages.push({
      text: items
        .map((item) => item.str)
        .join('')
        .normalize('NFKC'),
      landscape: width > height,
      firstPt: items[0]?.height ?? 0,
    });
  }
  return pages;
}

/** Laid out as on paper: print media at the sheet's width, so that anything wider than the page shows. */
async function asPrinted<T>(measure: () => Promise<T>): Promise<T> {
  await page.setViewportSize(SHEET);
  await page.emulateMedia({ media: 'print' });
  try {
    return await measure();
  } finally {
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1366, height: 768 });
  }
}

/** Elements that reach past the sheet's right edge (outside the map, whose panes overflow its frame by design). */
const tooWide = () =>
  page.evaluate(
    (width) =>
      [...document.body.querySelectorAll('*')]
        .filter((el) => !el.closest('.leaflet-container') && el.getBoundingClientRect().right > width + 0.5)
        .map((el) => `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''}`),
    SHEET.width,
  );

describe('the monthly report in Chromium', () => {
  it(`prints every community's assessment for ${MONTH} on A4 landscape`, async () => {
    const names = await rankedNames(null);
    expect(names.length).toBeGreaterThanOrEqual(5);
    await openReport('all', names.length);
    expect(await page.getByTestId('league-row').locator('th').allTextContents()).toEqual(names);
    const pages = await printedPages();
    const text = pages.map((p) => p.text).join('\n');
    expect(pages[0].text).toContain(`全部社区 ${MONTH_ZH} 网格治理月报`);
    for (const name of names) expect(text).toContain(name);
    for (const words of ['按期结案率', '环比', '同比', '超期事件', '每月上报与结案', '数据来源', '模拟'])
      expect(text).toContain(words);
    expect(pages.every((p) => p.landscape)).toBe(true);
    expect(pages[0].firstPt).toBeCloseTo(HEADING_PT, 1);
    await page.screenshot({ path: `${SCREENSHOTS}/report-all.png`, fullPage: true });
  });

  it(`prints 康乐's grids for ${MONTH}, within the page`, async () => {
    const names = await rankedNames('kangle');
    expect(names.length).toBe(8);
    await openReport('kangle', names.length);
    expect(await page.getByTestId('league-row').locator('th').allTextContents()).toEqual(names);
    const pages = await printedPages();
    const printed = await asPrinted(async () => ({
      tooWide: await tooWide(),
      scrollWidth: await page.evaluate(() => document.documentElement.scrollWidth),
      controls: await page.locator('input:visible, select:visible, button:visible').count(),
      heading: await page.getByTestId('print-heading').textContent(),
    }));
    expect(printed.tooWide).toEqual([]);
    expect(printed.scrollWidth).toBeLessThanOrEqual(SHEET.width);
    expect(printed.controls).toBe(0);
    expect(printed.heading).toContain(`${MONTH}-01`);
    const text = pages.map((p) => p.text).join('\n');
    expect(pages[0].text).toContain(`康乐社区 ${MONTH_ZH} 网格治理月报`);
    for (const name of names) expect(text).toContain(name);
    expect(pages[0].firstPt).toBeCloseTo(HEADING_PT, 1);
  });

  it('says what is wrong with a month or a scope it cannot show', async () => {
    const problem = async (query: string) => {
      await page.goto(`${server.url}/report?${query}`);
      return page.getByTestId('report-problem').textContent();
    };
    expect(await problem('scope=all&month=2026-13')).toContain('2026-13');
    expect(await problem(`scope=all&month=${year + 1}-${String(month).padStart(2, '0')}`)).toContain('尚未开始');
    expect(await problem(`scope=nowhere&month=${MONTH}`)).toContain('nowhere');
    expect(await page.getByTestId('report').count()).toBe(0);
  });
});

describe('the dashboard on paper', () => {
  it('leads to the monthly report of its community', async () => {
    await page.goto(`${server.url}/c/kangle`);
    await page.getByTestId('report-link').click();
    await expect.poll(() => page.url()).toContain('/report?scope=kangle');
    await expect.poll(() => page.getByTestId('print-heading').textContent(), { timeout: 30_000 }).toContain('康乐社区');
  });

  it('prints its heading with the scope and period, and none of its controls', async () => {
    await page.goto(`${server.url}/c/kangle?period=year`);
    await expect
      .poll(() => page.getByTestId('kpi-population').getAttribute('data-value'), { timeout: 30_000 })
      .toBe('9050');
    expect(await page.getByTestId('print-heading').isVisible()).toBe(false);
    const printed = await asPrinted(async () => ({
      heading: (await page.getByTestId('print-heading').isVisible())
        ? await page.getByTestId('print-heading').textContent()
        : null,
      selects: await page.locator('select:visible').count(),
      controls: await page.locator('.topbar:visible, .leaflet-control-zoom:visible, .downloads:visible').count(),
      tooWide: await tooWide(),
    }));
    expect(printed.heading).toContain('康乐社区');
    expect(printed.heading).toContain(CATALOGUE['zh-CN'].periods.year);
    expect(printed.heading).toContain('数据来源');
    expect(printed.selects).toBe(0);
    expect(printed.controls).toBe(0);
    expect(printed.tooWide).toEqual([]);
  });
});

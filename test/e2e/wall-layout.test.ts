import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contrastRatio } from '../../shared/color/contrast';
import { startTestServer, TEST_DISPLAY_TOKEN, type TestServer } from '../api/harness';
import { launchBrowser, SCREENSHOTS } from './browser';
import { stageFor } from '../../client/src/features/wall/stage';

/** The screens service halls buy: laptops, 1080p and 1440p monitors, 4K televisions, an ultrawide panel. */
const SCREENS = [
  [1366, 768],
  [1920, 1080],
  [2560, 1440],
  [3840, 2160],
  [2560, 1080],
] as const;

/**
 * A kiosk's fonts: the ones the wall ships (Noto Sans SC); the machine's Noto Sans CJK
 * (fonts-noto-cjk) when the shipped ones do not load; or neither, so that everything falls back
 * to DejaVu (Chinese drawn as boxes, at other widths).
 */
const FONTS = ['bundled', 'system', 'fallback'] as const;

let server: TestServer;
let bundled: Browser;
let fallback: Browser;
beforeAll(async () => {
  server = await startTestServer();
  bundled = await launchBrowser();
  const folder = mkdtempSync(join(tmpdir(), 'gridscope-fonts-'));
  writeFileSync(
    join(folder, 'fonts.conf'),
    `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>
      <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
      <selectfont><rejectfont><glob>/usr/share/fonts/opentype/noto/*CJK*</glob><glob>/usr/share/fonts/truetype/wqy/*</glob></rejectfont></selectfont>
    </fontconfig>`,
  );
  fallback = await launchBrowser({ ...process.env, FONTCONFIG_FILE: join(folder, 'fonts.conf') });
});
afterAll(async () => {
  await bundled?.close();
  await fallback?.close();
  await server?.close();
});

async function openWall(font: (typeof FONTS)[number], query: string, width = 1920, height = 1080): Promise<Page> {
  const page = await (font === 'fallback' ? fallback : bundled).newPage({ viewport: { width, height } });
  if (font !== 'bundled') await page.route('**/*.woff2', (route) => route.abort());
  await page.goto(`${server.url}/wall?token=${TEST_DISPLAY_TOKEN}&interval=600&${query}`);
  await expect
    .poll(() => page.getByTestId('kpi-backlog').getAttribute('data-value'), { timeout: 20_000 })
    .toMatch(/^\d+$/);
  await expect.poll(() => page.locator('.recharts-bar-rectangle').count(), { timeout: 10_000 }).toBeGreaterThan(0);
  return page;
}

interface Measured {
  problems: string[];
  /** Text colour, the background it stands on, its size in canvas pixels, and whether it is bold. */
  texts: { text: string; color: string; background: string; size: number; bold: boolean }[];
  swatches: { color: string; background: string }[];
}

/** Everything the wall draws, measured in the page: boxes, font sizes, colours. */
function measure(page: Page): Promise<Measured> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const [vw, vh] = [innerWidth, innerHeight];
    const root = document.documentElement;
    if (root.scrollWidth > vw || root.scrollHeight > vh)
      problems.push(`scrolls: ${root.scrollWidth}×${root.scrollHeight} in ${vw}×${vh}`);
    const opaque = (el: Element | null): string => {
      for (let at = el; at; at = at.parentElement) {
        const background = getComputedStyle(at).backgroundColor;
        if (!/rgba\(.*,\s*0\)$/.test(background) && background !== 'transparent') return background;
      }
      return 'rgb(255, 255, 255)';
    };
    const texts: Measured['texts'] = [];
    for (const el of document.querySelectorAll('.wall-stage *')) {
      const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
      if (!own) continue;
      const text = el.textContent!.trim().slice(0, 30);
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (box.left < -1 || box.top < -1 || box.right > vw + 1 || box.bottom > vh + 1)
        problems.push(`"${text}" lies outside the screen`);
      const panel = el.closest('.wall-kpi, .wall-chart, .wall-top, .wall-map, .wall-ticker');
      const outer = panel?.getBoundingClientRect();
      if (outer && (box.left < outer.left - 1 || box.right > outer.right + 1 || box.bottom > outer.bottom + 1))
        problems.push(`"${text}" runs out of its panel`);
      if (el instanceof HTMLElement && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).display !== 'inline')
        problems.push(`"${text}" is cut off (${el.scrollWidth} > ${el.clientWidth})`);
      const style = getComputedStyle(el);
      const size = parseFloat(style.fontSize);
      const minimum = el.closest('.wall-kpi-unit')
        ? 22
        : el.closest('.wall-kpi-value')
          ? 64
          : el.closest('.wall-kpi-label')
            ? 28
            : 22;
      if (size < minimum) problems.push(`"${text}" is ${size}px, below ${minimum}px`);
      texts.push({
        text,
        color: el instanceof SVGElement ? style.fill : style.color,
        background: opaque(el),
        size,
        bold: Number(style.fontWeight) >= 700,
      });
    }
    const swatches = [...document.querySelectorAll('.legend .swatch')].map((s) => ({
      color: getComputedStyle(s).backgroundColor,
      background: opaque(s.parentElement),
    }));
    return { problems, texts, swatches };
  });
}

/** WCAG: 4.5:1 for text and the map's colours, 3:1 for large text (24 px, or 18.7 px bold). */
function contrastProblems({ texts, swatches }: Measured): string[] {
  const problems: string[] = [];
  for (const t of texts) {
    const large = t.size >= 24 || (t.bold && t.size >= 18.7);
    const ratio = contrastRatio(t.color, t.background);
    if (ratio < (large ? 3 : 4.5)) problems.push(`"${t.text}" has contrast ${ratio.toFixed(2)}:1`);
  }
  for (const s of swatches) {
    const ratio = contrastRatio(s.color, s.background);
    if (ratio < 4.5) problems.push(`legend colour ${s.color} has contrast ${ratio.toFixed(2)}:1`);
  }
  return problems;
}

describe('the wall on any screen, language, theme and font', () => {
  for (const font of FONTS)
    for (const lang of ['zh-CN', 'en'])
      for (const theme of ['dark', 'light'])
        it(`shows everything, legibly, with ${font} fonts, in ${lang}, ${theme}`, async () => {
          const page = await openWall(font, `scope=kangle&lang=${lang}&theme=${theme}`);
          try {
            for (const [width, height] of SCREENS) {
              await page.setViewportSize({ width, height });
              const stage = page.getByTestId('wall-stage');
              const expected = stageFor({ width, height }, 'contain');
              await expect.poll(() => stage.getAttribute('data-scale')).toBe(String(expected.scale));
              expect(await stage.getAttribute('data-design')).toBe(expected.design.name);
              await page.waitForTimeout(300); // charts follow a changed canvas on the next frames
              const measured = await measure(page);
              const where = `${width}×${height} ${lang} ${theme} ${font}`;
              expect([...measured.problems, ...contrastProblems(measured)], where).toEqual([]);
              expect(measured.swatches.length, where).toBeGreaterThan(1);
              if (font === 'bundled' && theme === 'dark' && lang === 'zh-CN' && (width === 1920 || width === 3840))
                await page.screenshot({ path: `${SCREENSHOTS}/wall-${width}x${height}-zh-dark.png` });
              if (font === 'bundled' && theme === 'light' && lang === 'en' && width === 1366)
                await page.screenshot({ path: `${SCREENSHOTS}/wall-1366x768-en-light.png` });
            }
          } finally {
            await page.close();
          }
        });

  it('gives a community without a location, and communities cities apart, the league table instead of an empty map', async () => {
    for (const scope of ['chonghua', 'all']) {
      const page = await openWall('bundled', `scope=${scope}`);
      try {
        expect(await page.locator('.wall-map').count(), scope).toBe(0);
        const ranking = page.getByTestId('chart-wall-ranking');
        // A row per community or grid; a zero draws no bar, so count the names.
        const names = ranking.locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value');
        await expect.poll(() => names.count(), { timeout: 10_000 }).toBeGreaterThan(1);
        const box = (await ranking.boundingBox())!;
        // The table has the map's place: the middle of the screen, most of its height.
        expect(box.height).toBeGreaterThan(700);
        expect(box.x).toBeGreaterThan(400);
        expect((await measure(page)).problems, scope).toEqual([]);
      } finally {
        await page.close();
      }
    }
  });
});

import { mkdirSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const SCREENSHOTS = 'test-results/screenshots';

/** Debian's Chromium, headless, with the flags this network needs. */
export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

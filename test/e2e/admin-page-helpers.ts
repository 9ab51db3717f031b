/** What the payments page's Chromium suites share: axe on a page, the page's text, screenshots. */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** Where screenshots go: $ADMIN_SCREENS, else test-results/e2e/admin/ (git-ignored). */
export const SHOTS =
  process.env['ADMIN_SCREENS'] ??
  new URL('../../test-results/e2e/admin/', import.meta.url).pathname;
mkdirSync(SHOTS, { recursive: true });

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeResult {
  violations: { id: string; nodes: { target: unknown }[] }[];
}

/** axe-core's violations on the page as it is (evaluated through the devtools protocol, not CSP). */
export async function axe(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const { axe } = window as unknown as { axe: { run(): Promise<AxeResult> } };
    return (await axe.run()).violations.map(
      (v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`,
    );
  });
}

/** The page's text, spaces collapsed (the element renders in its shadow root). */
export function pageText(page: Page): Promise<string> {
  return page.evaluate(() =>
    (document.querySelector('ogone-admin')?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' '),
  );
}

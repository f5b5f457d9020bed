/**
 * The HTML report in a real browser: Debian's Chromium driven by playwright-core (no browser download).
 * Skipped, with the reason in its title, where /usr/bin/chromium is not installed; CI installs it.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { scan } from '../../src/scan.js';
import { renderHtmlReport } from '../../src/cli/html-report.js';
import { VERSION } from '../../src/version.js';

const CHROMIUM = process.env.IAC_CHECK_CHROMIUM ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
/** Screenshots and the page land here, for a person to look at after the run. */
const OUTPUT = resolve('test-output/html');

const title = hasChromium
  ? 'the HTML report in Chromium'
  : `the HTML report in Chromium — SKIPPED: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set IAC_CHECK_CHROMIUM)`;

describe.skipIf(!hasChromium)(title, () => {
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  const consoleErrors: string[] = [];
  const requests: string[] = [];
  let findingCount = 0;
  let criticalCount = 0;

  beforeAll(async () => {
    const scanned = await scan(['samples/cloudformation/failing'], { root: resolve('.') });
    findingCount = scanned.result.findings.filter((f) => !f.suppression).length;
    criticalCount = scanned.result.findings.filter((f) => !f.suppression && f.severity === 'critical').length;
    const html = await renderHtmlReport(scanned, { toolVersion: VERSION, delivery: 'saas' });
    await mkdir(OUTPUT, { recursive: true });
    const file = join(OUTPUT, 'report.html');
    await writeFile(file, html);

    const { chromium } = await import('playwright-core');
    profile = await mkdtemp(join(tmpdir(), 'iac-check-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1600, height: 1000 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    // The page must need nothing from the network: every request other than the file itself is recorded and refused.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
      requests.push(url);
      return route.abort();
    });
    await page.goto(pathToFileURL(file).href);
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  it('loads without console errors or network requests', () => {
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([]);
  });

  it('renders the diagram with its boxes, icons and nodes', async () => {
    const nodes = await page.locator('#diagram svg g.node').count();
    expect(nodes).toBeGreaterThan(10);
    expect(await page.locator('#diagram svg g.cluster').count()).toBeGreaterThan(4);
    const box = await page.locator('#diagram svg').boundingBox();
    expect(box!.width).toBeGreaterThan(500);
    expect(box!.height).toBeGreaterThan(300);
    // Icons are inline images that the browser decoded.
    const icons = await page.locator('#diagram svg image').evaluateAll((imgs) => imgs.map((i) => i.getAttribute('xlink:href') ?? i.getAttribute('href') ?? ''));
    expect(icons.length).toBeGreaterThan(5);
    expect(icons.every((h) => h.startsWith('data:image/svg+xml;base64,'))).toBe(true);
    await expect(page.locator('#diagram')).toBeTruthy();
  });

  it('lists every finding and filters by severity', async () => {
    const visible = (): Promise<number> => page.locator('#findings-table tbody tr:not([hidden])').count();
    expect(await visible()).toBe(findingCount);
    await page.selectOption('#filter-severity', 'critical');
    expect(await visible()).toBe(criticalCount);
    const severities = await page.locator('#findings-table tbody tr:not([hidden]) td.sev').allTextContents();
    expect(severities.every((s) => s.endsWith('critical'))).toBe(true);
    await expect(page.locator('#shown').textContent()).resolves.toBe(`${criticalCount} of ${findingCount} shown`);
    await page.selectOption('#filter-severity', '');
    await page.selectOption('#filter-rule', 'multi-az');
    const rules = await page.locator('#findings-table tbody tr:not([hidden]) td:nth-child(3)').allTextContents();
    expect(rules.length).toBeGreaterThan(0);
    expect(rules.every((r) => r === 'multi-az')).toBe(true);
    await page.selectOption('#filter-rule', '');
    expect(await visible()).toBe(findingCount);
  });

  it('a click on a resource shows its findings, and only those in the table', async () => {
    const bastion = page.locator('#diagram svg g.node', { hasText: 'Bastion' }).first();
    await bastion.click();
    await expect(page.locator('#selection').isVisible()).resolves.toBe(true);
    await expect(page.locator('#selection-title').textContent()).resolves.toBe('Bastion');
    const listed = await page.locator('#selection-findings li').allTextContents();
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.some((t) => t.includes('sg-open-admin-ports'))).toBe(true);
    const rows = await page.locator('#findings-table tbody tr:not([hidden]) td:nth-child(4)').allTextContents();
    expect(rows.length).toBe(listed.length);
    await page.screenshot({ path: join(OUTPUT, 'report-selected.png') });
    await page.click('#selection-clear');
    await expect(page.locator('#selection').isVisible()).resolves.toBe(false);
  });

  it('zooms with the buttons and the wheel', async () => {
    const width = (): Promise<number> => page.locator('#diagram svg').evaluate((s) => (s as unknown as { viewBox: { baseVal: { width: number } } }).viewBox.baseVal.width);
    const before = await width();
    await page.click('#zoom-in');
    expect(await width()).toBeLessThan(before);
    await page.click('#zoom-reset');
    expect(await width()).toBe(before);
    await page.locator('#diagram').hover();
    await page.mouse.wheel(0, 200);
    expect(await width()).toBeGreaterThan(before);
    await page.click('#zoom-reset');
  });

  it('shows a code excerpt with the finding line marked, and links the rule page', async () => {
    const first = page.locator('#findings-table tbody tr').first();
    await first.locator('summary').click();
    await expect(first.locator('pre .hit').count()).resolves.toBe(1);
    const href = await first.locator('td:nth-child(3) a').getAttribute('href');
    expect(href).toMatch(/docs\/rules\/[a-z0-9-]+\.md$/);
    await page.screenshot({ path: join(OUTPUT, 'report.png') });
    expect(existsSync(join(OUTPUT, 'report.png'))).toBe(true);
  });
});

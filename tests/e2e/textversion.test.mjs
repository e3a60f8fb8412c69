// The text version (policies.html): a static page with every policy in Chinese and English, no script, its own
// CSP that allows only its inline style; linked from the app page for screen readers, keyboards, <noscript> and
// failures. Screenshots go to tests/e2e/artifacts/textversion-*.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { REPO, openPortal, expectNoProblems, screenshot, servedPortal } from './harness.mjs';

const DATA = JSON.parse(await readFile(path.join(REPO, 'assets', 'policies', 'shangyu.json'), 'utf8'));

const session = servedPortal();

// Opens the text version the way openPortal opens the app: recording console errors (CSP violations are
// reported there), page errors, failed requests and HTTP errors.
async function openTextVersion(viewport, hash = '') {
  const context = await session.browser.newContext({ viewport, locale: 'zh-CN' });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => { if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`console ${msg.type()}: ${msg.text()}`); });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()} ${req.failure()?.errorText}`));
  page.on('response', (res) => { if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`); });
  await page.goto(session.server.url + 'policies.html' + hash, { waitUntil: 'load' });
  return { context, page, problems };
}

test('every policy of the data file is on the text version, in both languages', async () => {
  const { context, page, problems } = await openTextVersion({ width: 1366, height: 768 });
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
  const found = await page.evaluate((policies) => policies.map(({ id, title }) => {
    const heading = document.getElementById(`p-${id}-t`);
    const zh = heading?.querySelector('[lang="zh-CN"]')?.textContent;
    const en = heading?.querySelector('[lang="en"]')?.textContent ?? '';
    const listed = !!document.querySelector(`#toc a[href="#p-${id}"]`);
    return { id, ok: zh === title.zh && en === (title.en || '') && listed };
  }), DATA.policies);
  assert.deepEqual(found.filter((p) => !p.ok).map((p) => p.id), [], 'policies missing or mistitled');
  assert.equal(await page.locator('article.policy').count(), DATA.policies.length);
  assert.ok(await page.locator('[lang="en"]').count() > DATA.policies.length * 3, 'English texts carry lang="en"');
  assert.match(await page.textContent('.masthead'), new RegExp(DATA.version.replace(/\./g, '\\.')));
  assert.match(await page.textContent('.masthead'), new RegExp(DATA.as_of));

  const { png } = await screenshot(page, 'textversion-top-1366x768');
  assert.ok(png.length > 10000);
  expectNoProblems(assert, problems);
  await context.close();
});

test('no script, and the page\'s own style applies under its CSP without a console error', async () => {
  const { context, page, problems } = await openTextVersion({ width: 1366, height: 768 });
  assert.equal(await page.locator('script').count(), 0);
  const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /style-src 'sha256-[A-Za-z0-9+/]+=*'/);
  assert.doesNotMatch(csp, /unsafe-inline|script-src/);
  // The inline style ran: the masthead has the portal's blue.
  assert.equal(await page.$eval('.masthead', (e) => getComputedStyle(e).backgroundColor), 'rgb(12, 109, 164)');
  // Links leave only for the schemes the contract allows.
  const schemes = await page.$$eval('a[href]', (links) => [...new Set(links.map((a) => a.protocol))]);
  for (const scheme of schemes) assert.ok(['http:', 'https:', 'mailto:', 'tel:'].includes(scheme), scheme);

  // A policy with benefits and conditions, as a reader sees it.
  const rich = DATA.policies.find((p) => p.criteria?.length && p.benefits?.length && p.apply?.links?.length);
  const article = page.locator(`#p-${rich.id}`);
  await article.scrollIntoViewIfNeeded();
  await article.screenshot({ path: path.join(REPO, 'tests', 'e2e', 'artifacts', 'textversion-policy-1366.png') });

  // Printed: no navigation aids, plain white paper, and each outside link followed by its address.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.$eval('.back', (e) => getComputedStyle(e).display), 'none');
  assert.equal(await page.$eval('body', (e) => getComputedStyle(e).backgroundColor), 'rgb(255, 255, 255)');
  const after = await page.$eval(`#p-${rich.id} a[href^="http"]`, (a) => getComputedStyle(a, '::after').content);
  assert.match(after, /http/);
  await article.screenshot({ path: path.join(REPO, 'tests', 'e2e', 'artifacts', 'textversion-policy-print.png') });
  expectNoProblems(assert, problems);
  await context.close();
});

test('on a phone the page fits the width and stays readable', async () => {
  const { context, page, problems } = await openTextVersion({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no sideways scrolling (${overflow}px too wide)`);
  await screenshot(page, 'textversion-top-390x844');
  const rich = DATA.policies.find((p) => p.criteria?.length && p.benefits?.length);
  await page.locator(`#p-${rich.id} table`).scrollIntoViewIfNeeded();
  await screenshot(page, 'textversion-benefits-390x844');
  expectNoProblems(assert, problems);
  await context.close();
});

test('the app page links to the text version: <noscript>, failure, loading and a skip link', async () => {
  const html = await (await fetch(session.server.url)).text();
  assert.match(html, /<noscript>[\s\S]*href="policies\.html"[\s\S]*<\/noscript>/);
  const worker = await (await fetch(session.server.url + 'sw.js')).text();
  assert.match(worker, /"policies\.html"/, 'the service worker caches the text version');

  for (const viewport of [{ width: 1366, height: 768 }, { width: 390, height: 844 }]) {
    const { context, page, problems } = await openPortal(session.browser, session.server.url, { viewport });
    assert.equal(await page.locator('#failure a[href="policies.html"]').count(), 1);
    assert.equal(await page.locator('#loading a[href="policies.html"]').count(), 1);
    const skip = page.locator('a.skip-link');
    assert.equal(await skip.getAttribute('href'), 'policies.html');
    const hidden = await skip.boundingBox();
    assert.ok(hidden.y + hidden.height <= 0, 'off screen until focused');
    await skip.focus();
    await page.waitForFunction(() => document.querySelector('a.skip-link').getBoundingClientRect().top >= 0);
    const shown = await skip.boundingBox();
    assert.ok(shown.y >= 0 && shown.x >= 0 && shown.x + shown.width <= viewport.width, 'on screen when focused');
    await screenshot(page, `textversion-skiplink-${viewport.width}x${viewport.height}`);
    await page.keyboard.press('Enter');
    await page.waitForURL(/policies\.html$/);
    assert.equal(await page.locator('article.policy').count(), DATA.policies.length);
    expectNoProblems(assert, problems);
    await context.close();
  }
});

test('a kiosk never shows the way out to the text version', async () => {
  const { context, page, problems } = await openPortal(session.browser, session.server.url + 'kiosk.html');
  assert.equal(await page.locator('a.skip-link').isVisible(), false);
  assert.equal(await page.$eval('a.skip-link', (a) => getComputedStyle(a).display), 'none');
  expectNoProblems(assert, problems);
  await context.close();
});

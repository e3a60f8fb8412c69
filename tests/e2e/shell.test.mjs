// The page and the app shell in a real browser: it loads without errors, draws the themed portal with text,
// reports state through the test hook, stays sharp at 2x, and explains itself when WebGL2 is missing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  openPortal, expectNoProblems, state, locate, screenshot, pixelStats, settle,
  servedPortal,
} from './harness.mjs';

const session = servedPortal();

test('the portal loads, draws its first frame and shows a themed, non-blank screen', async () => {
  const { context, page, problems } = await openPortal(session.browser, session.server.url);
  await settle(page, 5);
  const snapshot = await state(page);
  assert.equal(snapshot.lang, 'zh');
  assert.equal(snapshot.error, null);
  assert.ok(snapshot.frames >= 1, 'frames counts drawn frames');
  assert.ok(['explore', 'detail', 'check', 'compare'].includes(snapshot.view), `view is ${snapshot.view}`);
  assert.equal(await page.isHidden('#loading'), true, 'the loading overlay is gone');
  assert.equal(await page.isHidden('#failure'), true, 'no failure message');

  const { png } = await screenshot(page, 'shell-zh-1366x768');
  const stats = pixelStats(png);
  assert.ok(stats.colours > 200, `a drawn screen has many colours (anti-aliased text), got ${stats.colours}`);
  assert.ok(stats.darkShare > 0.001, `text is present (dark pixels ${(stats.darkShare * 100).toFixed(2)}%)`);
  expectNoProblems(assert, problems);
  await context.close();
});

test('the language follows the browser and the canvas is backed at the device pixel ratio', async () => {
  const { context, page, problems } = await openPortal(session.browser, session.server.url,
    { locale: 'en-GB', deviceScaleFactor: 2, viewport: { width: 800, height: 600 } });
  const snapshot = await state(page);
  assert.equal(snapshot.lang, 'en');
  const size = await page.evaluate(() => {
    const canvas = document.getElementById('canvas');
    return { width: canvas.width, height: canvas.height, css: canvas.getBoundingClientRect().width };
  });
  assert.equal(size.css, 800);
  assert.equal(size.width, 1600, 'backing store is CSS size x devicePixelRatio');
  assert.equal(size.height, 1200);
  await screenshot(page, 'shell-en-800x600@2x');

  await page.setViewportSize({ width: 640, height: 480 });
  await page.waitForFunction(() => document.getElementById('canvas').width === 1280);
  await settle(page, 3);
  expectNoProblems(assert, problems);
  await context.close();
});

test('the test hook locates named widgets in CSS pixels', async () => {
  const { context, page, problems } = await openPortal(session.browser, session.server.url);
  await settle(page, 3);
  const rect = await locate(page, 'lang');
  assert.ok(rect, 'the language toggle is on screen');
  for (const key of ['x', 'y', 'w', 'h']) assert.equal(typeof rect[key], 'number');
  assert.ok(rect.w > 10 && rect.h > 10 && rect.x >= 0 && rect.y >= 0 && rect.x + rect.w <= 1366);
  assert.equal(await locate(page, 'no-such-widget'), null);

  await page.mouse.click(rect.x + rect.w / 2, rect.y + rect.h / 2);
  await settle(page, 3);
  assert.equal((await state(page)).lang, 'en', 'clicking the toggle switches the language');
  expectNoProblems(assert, problems);
  await context.close();
});

test('without WebGL2 the page explains why instead of going blank', async () => {
  const context = await session.browser.newContext({ locale: 'zh-CN' });
  await context.addInitScript(() => {
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
      return kind === 'webgl2' ? null : original.call(this, kind, ...rest);
    };
  });
  const page = await context.newPage();
  await page.goto(session.server.url);
  await page.waitForSelector('#failure:not([hidden])');
  const title = await page.textContent('#failure-title');
  assert.match(title, /WebGL2|浏览器/);
  assert.match(await page.textContent('#failure-message'), /WebGL2/);
  const snapshot = await page.evaluate(() => window.portal.state());
  assert.match(snapshot.error, /webgl/);
  await screenshot(page, 'no-webgl2');
  await context.close();
});

test('a browser without WebGL2 at all is told so before anything large is downloaded', async () => {
  const context = await session.browser.newContext({ locale: 'en-US' });
  await context.addInitScript(() => { delete window.WebGL2RenderingContext; });
  const page = await context.newPage();
  const requested = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await page.goto(session.server.url);
  await page.waitForSelector('#failure:not([hidden])');
  assert.match(await page.textContent('#failure-message'), /WebGL2/);
  for (const large of ['/app.wasm', '/policies.json', '/portal-font.ttf']) {
    assert.ok(!requested.includes(large), `${large} was not downloaded`);
  }
  await context.close();
});

test('a slow start shows the loading card with its progress; a quick one goes straight to the app', async () => {
  const context = await session.browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  // The policy data arrives 2.5 s late: the card must appear after its short delay, show the progress so far,
  // and go once the app draws.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/policies.json', async (route) => { await held; await route.continue(); });
  await page.goto(session.server.url);
  await page.waitForSelector('#loading', { state: 'visible', timeout: 30000 });
  assert.match(await page.textContent('#progress-text'), /\d+(%| KB| MB)/, 'the progress so far');
  assert.match(await page.textContent('#loading h1'), /上虞/);
  setTimeout(release, 1000);
  await page.evaluate(() => window.portal.ready);
  assert.equal(await page.isHidden('#loading'), true, 'the card is gone once the app is up');
  await page.unroute('**/policies.json');
  // A new card starts hidden and is revealed by a delayed CSS animation, so a quick start never paints it.
  const initial = await page.evaluate(() => {
    const probe = document.body.appendChild(Object.assign(document.createElement('div'), { id: 'loading' }));
    const style = getComputedStyle(probe);
    const result = { visibility: style.visibility, delay: style.animationDelay };
    probe.remove();
    return result;
  });
  assert.equal(initial.visibility, 'hidden');
  assert.match(initial.delay, /^0\.[1-9]\d*s$/, 'a delay under a second before the card shows');
  await context.close();
});

test('a download that fails shows a network message with a reload button', async () => {
  const context = await session.browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.route('**/policies.json', (route) => route.fulfill({ status: 503, body: 'unavailable' }));
  await page.goto(session.server.url);
  await page.waitForSelector('#failure:not([hidden])');
  assert.equal(await page.textContent('#failure-title'), 'Loading failed');
  assert.match(await page.textContent('#failure-detail'), /policies\.json: HTTP 503/);
  assert.equal(await page.isVisible('#failure-retry'), true);
  await context.close();
});

test('a device without memory for the data is told so instead of starting on corrupt bytes', async () => {
  const context = await session.browser.newContext({ locale: 'zh-CN' });
  // The module's malloc refuses anything as large as the data file, as it does when memory cannot grow.
  await context.addInitScript(() => {
    let create;
    Object.defineProperty(window, 'createPortalModule', {
      configurable: true,
      get: () => create && (async (options) => {
        const module = await create(options);
        const malloc = module._malloc;
        module._malloc = (size) => (size > 20000 ? 0 : malloc(size));
        return module;
      }),
      set: (value) => { create = value; },
    });
  });
  const page = await context.newPage();
  await page.goto(session.server.url);
  await page.waitForSelector('#failure:not([hidden])');
  assert.equal(await page.textContent('#failure-title'), '设备内存不足');
  assert.match(await page.textContent('#failure-detail'), /no memory left for \d+ KB/);
  assert.equal(await page.isVisible('#failure-retry'), true);
  assert.match((await page.evaluate(() => window.portal.state())).error, /^memory:/);
  await context.close();
});

// Behaviour of the canvas app as a web page: render on demand and WebGL context loss.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launchBrowser, openPortal, expectNoProblems, state, settle, screenshot, pixelStats } from './harness.mjs';

let server;
let browser;

before(async () => {
  server = await serveDist();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('an idle page draws no frames, and input wakes it at once', async () => {
  const { context, page, problems } = await openPortal(browser, server.url);
  await page.waitForTimeout(1500);  // let the start-up grace period pass
  const before = (await state(page)).frames;
  await page.waitForTimeout(5000);
  const idle = (await state(page)).frames;
  assert.equal(idle, before, `no frames while idle (drew ${idle - before} in 5 s)`);

  await page.mouse.move(300, 300);
  await page.waitForFunction((n) => window.portal.state().frames > n, idle, { timeout: 2000 });
  await page.setViewportSize({ width: 1000, height: 700 });
  const afterResize = (await state(page)).frames;
  await page.waitForFunction((n) => window.portal.state().frames > n, afterResize, { timeout: 2000 });
  expectNoProblems(assert, problems);
  await context.close();
});

test('a lost WebGL context is restored without reloading or losing state', async () => {
  const { context, page, problems } = await openPortal(browser, server.url);
  await settle(page, 3);
  const lang = (await state(page)).lang;
  await page.evaluate(() => { window.__loadedOnce = true; });
  const lost = await page.evaluate(async () => {
    const gl = document.getElementById('canvas').getContext('webgl2');
    const ext = gl.getExtension('WEBGL_lose_context');
    ext.loseContext();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const wasLost = gl.isContextLost();
    ext.restoreContext();
    return wasLost;
  });
  assert.equal(lost, true, 'the context was really lost');
  await page.waitForFunction(() => !document.getElementById('canvas').getContext('webgl2').isContextLost());
  await page.mouse.move(200, 200);
  await settle(page, 5);
  assert.equal(await page.evaluate(() => window.__loadedOnce), true, 'the page was not reloaded');
  const snapshot = await state(page);
  assert.equal(snapshot.lang, lang);
  assert.equal(snapshot.error, null);
  const { png } = await screenshot(page, 'after-context-restore');
  const stats = pixelStats(png);
  assert.ok(stats.colours > 200 && stats.darkShare > 0.001, 'the app draws again after the restore');
  expectNoProblems(assert, problems.filter((p) => !/WebGL: CONTEXT_LOST_WEBGL/.test(p)));
  await context.close();
});

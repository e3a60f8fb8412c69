// Behaviour of the canvas app as a web page: render on demand and WebGL context loss.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  openPortal, expectNoProblems, state, settle, screenshot, pixelStats, click, locate,
  servedPortal,
} from './harness.mjs';

const session = servedPortal();

// Counted in the browser's display refreshes, not in seconds: a settled page must draw nothing however fast or
// slow the machine is, and 180 refreshes (3 s at 60 Hz) is plenty of chances to draw.
async function framesOverRefreshes(page, refreshes) {
  return page.evaluate((count) => new Promise((resolve) => {
    const start = window.portal.state().frames;
    let left = count;
    const tick = () => {
      left -= 1;
      if (left > 0) requestAnimationFrame(tick);
      else resolve(window.portal.state().frames - start);
    };
    requestAnimationFrame(tick);
  }), refreshes);
}

test('an idle page draws no frames, and input wakes it at once', async () => {
  const { context, page, problems } = await openPortal(session.browser, session.server.url);
  // Settled: the start-up grace period is over and the loop has paused itself (however long that took).
  await page.waitForFunction(() => window.portal.state().paused, null, { timeout: 60000, polling: 50 });
  const drawn = await framesOverRefreshes(page, 180);
  assert.equal(drawn, 0, `no frames while idle (drew ${drawn} in 180 display refreshes)`);
  assert.equal((await state(page)).paused, true, 'still paused');

  const idle = (await state(page)).frames;
  await page.mouse.move(300, 300);
  await page.waitForFunction((n) => window.portal.state().frames > n, idle, { timeout: 30000 });
  await page.setViewportSize({ width: 1000, height: 700 });
  const afterResize = (await state(page)).frames;
  await page.waitForFunction((n) => window.portal.state().frames > n, afterResize, { timeout: 30000 });
  expectNoProblems(assert, problems);
  await context.close();
});

test('a lost WebGL context is restored without reloading or losing state', async () => {
  const { context, page, problems } = await openPortal(session.browser, session.server.url);
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

test('Chinese input methods and paste reach the search box', async () => {
  const { context, page, problems } = await openPortal(session.browser, session.server.url);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.server.url });
  await click(page, 'search');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'text-input',
    'the page input stands in for the active field');

  // An IME composes pinyin first (shown in place), then commits characters.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'qingchun', selectionStart: 8, selectionEnd: 8 });
  await settle(page, 2);
  assert.equal((await state(page)).query, '', 'nothing reaches the app while composing');
  const box = await page.evaluate(() => document.getElementById('text-input').getBoundingClientRect().toJSON());
  const field = await locate(page, 'search');
  assert.ok(Math.abs(box.y - field.y) < field.h, 'the composition (and the IME candidate window) sit at the field');
  await screenshot(page, 'ime-composing');
  await cdp.send('Input.insertText', { text: '青春' });
  await settle(page, 3);
  assert.equal((await state(page)).query, '青春');

  await page.keyboard.press('Backspace');
  await settle(page, 3);
  assert.equal((await state(page)).query, '青');

  await page.evaluate(() => navigator.clipboard.writeText('公寓'));
  await page.keyboard.press('Control+V');
  await settle(page, 3);
  assert.equal((await state(page)).query, '青公寓');
  expectNoProblems(assert, problems);
  await context.close();
});

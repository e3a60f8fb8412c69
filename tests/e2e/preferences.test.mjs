// The visitor's system settings reach the app and follow a change while the page is open: more contrast
// (prefers-contrast: more, or forced colours) gives the high-contrast palette, reduced motion stops a flicked list
// where the finger lifts. Chromium emulates the media features, as a system setting would set them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PNG } from 'pngjs';
import { openPortal, expectNoProblems, state, locate, settle, screenshot, servedPortal } from './harness.mjs';

const AS_OF = '2026-11-26';
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };
const session = servedPortal();

async function preferences(page, expected) {
  await page.waitForFunction((want) => {
    const got = window.portal.state().preferences;
    return got.reduced_motion === want.reduced_motion && got.more_contrast === want.more_contrast;
  }, expected, { timeout: 30000, polling: 50 });
  await settle(page);
}

// Pixels as dark as the high-contrast palette's black text: the standard palette's darkest text is #1E2933.
function blackPixels(png) {
  const { data } = PNG.sync.read(png);
  let count = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i] < 12 && data[i + 1] < 12 && data[i + 2] < 12) count += 1;
  return count;
}

// The page background's colour, from a corner of the canvas that only the page's own colour fills.
function corner(png) {
  const image = PNG.sync.read(png);
  const i = ((image.height - 2) * image.width + 1) * 4;
  return [image.data[i], image.data[i + 1], image.data[i + 2]];
}

test('more contrast switches the app to its high-contrast palette and back, following the system setting', async () => {
  const { context, page, problems } = await openPortal(session.browser, session.server.url, { query: `?as_of=${AS_OF}` });
  await preferences(page, { reduced_motion: false, more_contrast: false });
  const standard = (await screenshot(page, 'contrast-standard')).png;
  assert.equal(blackPixels(standard), 0, 'the standard palette has no pure black');
  assert.deepEqual(corner(standard), [0xF5, 0xF7, 0xFA], 'the standard page colour');

  await page.emulateMedia({ contrast: 'more' });
  await preferences(page, { reduced_motion: false, more_contrast: true });
  const more = (await screenshot(page, 'contrast-more')).png;
  assert.ok(blackPixels(more) > 100, `black text in high contrast (${blackPixels(more)} pixels)`);
  assert.deepEqual(corner(more), [0xFF, 0xFF, 0xFF], 'the high-contrast page is white');
  // The page around the canvas follows too (its loading and error screens, the text field).
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).color), 'rgb(0, 0, 0)');

  await page.emulateMedia({ contrast: 'no-preference', forcedColors: 'active' });
  await preferences(page, { reduced_motion: false, more_contrast: true });

  await page.emulateMedia({ contrast: 'no-preference', forcedColors: 'none' });
  await preferences(page, { reduced_motion: false, more_contrast: false });
  assert.equal(blackPixels((await screenshot(page, 'contrast-back')).png), 0, 'back to the standard palette');
  expectNoProblems(assert, problems);
  await context.close();
});

test('reduced motion: a flicked list on a phone moves exactly as far as the finger, from the first frame on', async () => {
  const context = await session.browser.newContext({ ...PHONE, locale: 'zh-CN', reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(`${session.server.url}?as_of=${AS_OF}`);
  await page.evaluate(() => window.portal.ready);
  await preferences(page, { reduced_motion: true, more_contrast: false });

  // A card in the middle of the screen, so that it is still on screen 300 px higher.
  const ids = (await state(page)).visible.map((id) => `policy:${id}`);
  let card = null;
  for (const id of ids) {
    const rect = await locate(page, id);
    if (rect && rect.y > 450 && rect.y < 700) { card = { id, y: rect.y }; break; }
  }
  assert.ok(card, 'a card in the middle of the phone screen');

  // A quick flick: 300 px in five display frames, lifted while moving (it would glide on without the setting).
  const cdp = await context.newCDPSession(page);
  const point = (y) => [{ x: 200, y, id: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(700) });
  for (let i = 1; i <= 5; i += 1) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(700 - 60 * i) });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve())));
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await page.waitForFunction(() => !window.portal.state().animating, null, { timeout: 30000, polling: 50 });
  await settle(page, 10);
  const after = await locate(page, card.id);
  assert.ok(after, `${card.id} is still on screen`);
  assert.ok(Math.abs(card.y - 300 - after.y) <= 2, `moved with the finger only: ${card.y} -> ${after.y}`);
  assert.equal((await state(page)).view, 'explore', 'the flick opened nothing');
  await context.close();
});

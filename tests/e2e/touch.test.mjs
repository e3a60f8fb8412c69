// A phone (390×844, touch): a finger scrolls the policy list, a policy's detail and the check's results, a flick
// keeps gliding, and a tap is still a tap. Touch events go through the DevTools protocol, as a finger's would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  openPortal, expectNoProblems, state, locate, settle, screenshot, servedPortal,
} from './harness.mjs';

const AS_OF = '2026-11-26';
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };
const session = servedPortal();

const open = (lang = 'zh') => openPortal(session.browser, session.server.url, { ...PHONE, query: `?as_of=${AS_OF}&lang=${lang}` });

// A finger drag: press, move in steps (one display refresh apart, as a finger's events come), lift.
async function swipe(page, cdp, from, to, steps = 10) {
  const point = (p) => [{ x: p.x, y: p.y, id: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(from) });
  for (let i = 1; i <= steps; i += 1) {
    const at = { x: from.x + (to.x - from.x) * (i / steps), y: from.y + (to.y - from.y) * (i / steps) };
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(at) });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve())));
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

// Waits until any glide has ended (the app draws on demand, so it stops animating when the list is still).
async function untilStill(page) {
  await page.waitForFunction(() => !window.portal.state().animating, null, { timeout: 30000, polling: 50 });
  await settle(page);
}

async function tap(page, id) {
  const rect = await locate(page, id);
  assert.ok(rect, `${id} is on screen`);
  await page.touchscreen.tap(rect.x + rect.w / 2, rect.y + rect.h / 2);
  await settle(page);
}

// The first of `ids` on screen, and where.
async function firstShown(page, ids) {
  for (const id of ids) {
    const rect = await locate(page, id);
    if (rect && rect.h > 4) return { id, rect };
  }
  return null;
}

test('a finger scrolls the policy list, and a tap still opens a policy', async () => {
  const { context, page, problems } = await open();
  const cdp = await context.newCDPSession(page);
  const ids = (await state(page)).visible.map((id) => `policy:${id}`);
  const before = await firstShown(page, ids);
  assert.ok(before, 'a policy is listed');
  await swipe(page, cdp, { x: 200, y: 700 }, { x: 200, y: 300 });
  await untilStill(page);
  const after = await firstShown(page, ids);
  assert.ok(after.id !== before.id || after.rect.y < before.rect.y - 300,
    `the list moved with the finger (${before.id}@${before.rect.y} -> ${after.id}@${after.rect.y})`);
  await screenshot(page, 'touch-phone-list-after-swipe');

  // Momentum itself is checked frame by frame in tests/ui/touch_tests.cpp, where frame times are exact; here
  // the glide depends on how this machine's frames fall between the finger's events.
  await untilStill(page);
  const flicked = await firstShown(page, ids);

  // A tap is a tap: it opens the policy under it.
  await tap(page, flicked.id);
  await page.waitForFunction(() => window.portal.state().view === 'detail', null, { timeout: 30000 });
  assert.equal((await state(page)).selected, flicked.id.slice('policy:'.length));
  expectNoProblems(assert, problems);
  await context.close();
});

test('a finger scrolls a policy\'s detail and the check\'s results on a phone', async () => {
  const { context, page, problems } = await open('en');
  const cdp = await context.newCDPSession(page);
  const first = (await state(page)).visible[0];
  await tap(page, `policy:${first}`);
  await page.waitForFunction(() => window.portal.state().view === 'detail', null, { timeout: 30000 });
  const title = await locate(page, 'detail:title');
  assert.ok(title, 'the detail shows its title');
  await swipe(page, cdp, { x: 200, y: 700 }, { x: 200, y: 250 });
  await untilStill(page);
  const moved = await locate(page, 'detail:title');
  assert.ok(!moved || moved.y < title.y - 200, `the detail scrolled (title at ${title.y} -> ${moved?.y})`);
  assert.equal((await state(page)).view, 'detail', 'the swipe opened nothing');

  await page.evaluate(() => { history.back(); });
  await page.waitForFunction(() => window.portal.state().view === 'explore', null, { timeout: 30000 });
  await tap(page, 'tab:check');
  await page.waitForFunction(() => window.portal.state().view === 'check', null, { timeout: 30000 });
  const question = await locate(page, 'question');
  const answersBefore = JSON.stringify((await state(page)).profile);
  // The first swipe starts on the question's answer buttons: a drag must not answer.
  const option = await locate(page, `answer:${(await state(page)).next_question === 'education' ? 'bachelor' : 'true'}`);
  const start = option ? { x: option.x + option.w / 2, y: option.y + option.h / 2 } : { x: 200, y: 700 };
  await swipe(page, cdp, start, { x: start.x, y: Math.max(60, start.y - 500) });
  await untilStill(page);
  const questionAfter = await locate(page, 'question');
  assert.ok(!questionAfter || questionAfter.y < question.y - 300, `the page scrolled (question at ${question.y} -> ${questionAfter?.y})`);
  // On a phone the results come below the question: the swipe (and its glide) brought them up.
  const results = ['results-meta', 'best-total', 'group:eligible', 'group:maybe', 'group:ineligible',
    ...(await state(page)).visible.map((id) => `result:${id}`)];
  const resultsShown = async () => (await Promise.all(results.map((id) => locate(page, id)))).some(Boolean);
  for (let i = 0; i < 8 && !(await resultsShown()); i += 1) {
    await swipe(page, cdp, { x: 200, y: 780 }, { x: 200, y: 200 });
    await untilStill(page);
  }
  assert.ok(await resultsShown(), 'the results are in view');
  assert.equal(JSON.stringify((await state(page)).profile), answersBefore, 'swiping answered nothing');
  await screenshot(page, 'touch-phone-results-after-swipe');
  expectNoProblems(assert, problems);
  await context.close();
});

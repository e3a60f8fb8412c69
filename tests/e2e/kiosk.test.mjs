// The recruitment-fair booth (kiosk.html, its own page and wasm) in Chromium with a touch screen: a questionnaire
// answered by taps alone, a list dragged by a finger that glides on, the idle countdown and the reset that leaves
// nothing behind, the QR code of the results decoded from a screenshot and opened on "a phone" (the visitor's
// page), the staff self-test, old index.html?kiosk links, and touch targets and text sizes on landscape and
// portrait screens. Screenshots go to tests/e2e/artifacts/kiosk-*.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import {
  DIST, openPortal, expectNoProblems, state, locate, settle, screenshot, scrollTo,
  servedPortal, serveDist,
} from './harness.mjs';

const AS_OF = '2026-11-26';
const FULL_HD = { width: 1920, height: 1080 };
const data = JSON.parse(readFileSync(path.join(DIST, 'policies.json'), 'utf8'));

const session = servedPortal();

const PORTRAIT = { width: 1080, height: 1920 };

function openKiosk(query = '', viewport = FULL_HD) {
  return openPortal(session.browser, session.server.url + 'kiosk.html', { viewport, hasTouch: true, query: `?as_of=${AS_OF}${query}` });
}

// Requests for the page's own files since `from` (the harness's server records every path).
// A finger tap at the centre of a located widget, scrolling its pane to it first (a visitor would drag; the
// wheel moves the same scroll), over the question pane's side of the screen.
async function tap(page, id) {
  let rect = await locate(page, id);
  if (!rect) {
    const viewport = page.viewportSize();
    rect = await scrollTo(page, id, { x: viewport.width * 0.3, y: viewport.height * 0.5, step: 120, tries: 30 });
    if (!rect) rect = await scrollTo(page, id, { x: viewport.width * 0.3, y: viewport.height * 0.5, step: -120, tries: 60 });
  }
  if (!rect) throw new Error(`widget "${id}" is not on screen`);
  await page.touchscreen.tap(rect.x + rect.w / 2, rect.y + rect.h / 2);
  await settle(page);
  return rect;
}

// A finger drag through the DevTools protocol (playwright's touchscreen only taps): press, move in steps, lift.
async function drag(page, cdp, from, to, steps = 8, stepMs = 12) {
  const point = (p) => [{ x: p.x, y: p.y, id: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(from) });
  for (let i = 1; i <= steps; i += 1) {
    const at = { x: from.x + (to.x - from.x) * (i / steps), y: from.y + (to.y - from.y) * (i / steps) };
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(at) });
    await page.waitForTimeout(stepMs);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

async function startVisit(page) {
  assert.equal((await state(page)).idle.phase, 'attract');
  await tap(page, 'attract');
  assert.equal((await state(page)).idle.phase, 'visit');
}

// Answers the question being asked by tapping: the first option, yes, or digits on the keypad.
async function answerByTaps(page) {
  const snapshot = await state(page);
  const question = data.questions.find((q) => q.id === snapshot.next_question);
  if (!question) return false;
  if (question.type === 'boolean') {
    await tap(page, 'answer:true');
  } else if (question.type === 'choice') {
    await tap(page, `answer:${question.options[0].value}`);
  } else if (question.type === 'multi') {
    await tap(page, `answer:${question.options[0].value}`);
    await tap(page, 'next');
  } else {
    const typed = question.type === 'date' ? '2024-06-30' : String(Math.max(question.min ?? 0, Math.min(question.max ?? 30, 30)));
    for (const key of typed) await tap(page, `key:${key}`);
    await tap(page, 'next');
  }
  return true;
}

function decodeQr(png, rect) {
  const image = PNG.sync.read(png);
  const pad = 4;
  const x0 = Math.max(0, Math.floor(rect.x) - pad), y0 = Math.max(0, Math.floor(rect.y) - pad);
  const w = Math.min(image.width - x0, Math.ceil(rect.w) + 2 * pad), h = Math.min(image.height - y0, Math.ceil(rect.h) + 2 * pad);
  const pixels = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y += 1) {
    const from = ((y0 + y) * image.width + x0) * 4;
    pixels.set(image.data.subarray(from, from + w * 4), y * w * 4);
  }
  return jsQR(pixels, w, h);
}

test('a visit by taps alone: tiles, the whole questionnaire, and the results taken away by QR code', { timeout: 240000 }, async () => {
  const { context, page, problems } = await openKiosk();
  let snapshot = await state(page);
  assert.equal(snapshot.kiosk, true);
  assert.equal(snapshot.lang, 'zh');
  await screenshot(page, 'kiosk-attract');
  await startVisit(page);
  assert.ok(await locate(page, 'tile:check'), 'the explore start shows category tiles');
  await screenshot(page, 'kiosk-explore-tiles');
  for (const id of ['tile:check', 'tile:all', 'kiosk:start-over']) {
    const rect = await locate(page, id);
    assert.ok(rect.w >= 48 && rect.h >= 48, `${id} is a touch target of at least 48 CSS px (${rect.w}x${rect.h})`);
  }
  assert.equal(await locate(page, 'kiosk:share'), null, 'no "take my results" before there are any');

  await tap(page, 'tile:check');
  assert.equal((await state(page)).view, 'check');
  let answered = 0;
  while (answered < 40 && (await answerByTaps(page))) {
    answered += 1;
    assert.equal(Object.keys((await state(page)).profile).length + (await state(page)).skipped_questions.length, answered,
      'each tap sequence answered one question');
  }
  snapshot = await state(page);
  assert.equal(snapshot.next_question, null, 'every question was answered by taps');
  assert.ok(answered >= 5, `${answered} questions answered`);
  await screenshot(page, 'kiosk-check');

  const share = await locate(page, 'kiosk:share');
  assert.ok(share && share.w >= 48 && share.h >= 48, `"take my results" once there are results (${JSON.stringify(share)})`);
  await tap(page, 'kiosk:share');
  // The panel opens on the tap's frame; under load its code may be laid out a few frames later.
  await page.waitForFunction(() => window.portal.state().share_open && window.portal.locate('qr'), null,
    { timeout: 60000, polling: 50 });
  await settle(page);
  const qrRect = await locate(page, 'qr');
  assert.ok(qrRect, 'the QR code is on screen');
  const { png } = await screenshot(page, 'kiosk-results-qr');
  const code = decodeQr(png, qrRect);
  assert.ok(code, 'the QR code decodes from a screenshot');
  const url = code.data;
  assert.equal(url, (await state(page)).share_url, 'the QR carries the share link');
  assert.ok(url.startsWith(session.server.url) && url.includes('#'), url);
  assert.ok(!url.includes('kiosk'), 'the phone gets the ordinary site, not the kiosk');
  assert.equal(new URL(url).pathname, '/', 'the visitor\'s page');
  const modules = code.location && Math.hypot(code.location.topRightCorner.x - code.location.topLeftCorner.x,
    code.location.topRightCorner.y - code.location.topLeftCorner.y);
  assert.ok(modules > 0);

  // "The phone": the decoded link in a fresh page shows the same results, with the visitor's own app.
  // The same link on a server of its own, so that only the phone's requests are in its log (the booth's service
  // worker may still be caching its files on the shared one).
  const own = await serveDist();
  const phone = await openPortal(session.browser, url.replace(session.server.url, own.url), { viewport: { width: 390, height: 800 } });
  const fetched = own.requests.map((p) => p.replace(/^\//, ''));
  assert.ok(fetched.includes('app.wasm') && !fetched.some((f) => f.startsWith('booth') || f.startsWith('kiosk')),
    `the phone downloads the visitor's app only: ${fetched.join(', ')}`);
  assert.equal((await state(phone.page)).kiosk, false);
  const remote = await state(phone.page);
  assert.deepEqual(remote.statuses, snapshot.statuses, 'the link opens the same results');
  assert.deepEqual(remote.profile, snapshot.profile);
  await phone.context.close();
  await own.close();
  expectNoProblems(assert, problems);
  await context.close();
});

test('a finger drags the list and it glides on after release; a tap still opens a card', { timeout: 120000 }, async () => {
  const { context, page, problems } = await openKiosk();
  const cdp = await context.newCDPSession(page);
  await startVisit(page);
  await tap(page, 'tile:all');
  const first = `policy:${(await state(page)).visible[0]}`;
  const before = await locate(page, first);
  await drag(page, cdp, { x: 960, y: 900 }, { x: 960, y: 450 }, 8, 10);
  const atRelease = await locate(page, first);
  await page.waitForFunction(() => !window.portal.state().animating, null, { timeout: 30000, polling: 20 });
  await settle(page);
  const later = await locate(page, first);
  const snapshot = await state(page);
  assert.equal(snapshot.view, 'explore', 'the drag opened nothing');
  assert.equal(snapshot.selected, null);
  const y = (rect) => (rect ? rect.y : -1e9);  // scrolled away counts as far up
  assert.ok(y(atRelease) < before.y - 200, `the list followed the finger (${before.y} -> ${y(atRelease)})`);
  assert.ok(y(later) < y(atRelease) - 20, `and kept gliding after release (${y(atRelease)} -> ${y(later)})`);

  await drag(page, cdp, { x: 960, y: 300 }, { x: 960, y: 1000 }, 6, 10);
  await drag(page, cdp, { x: 960, y: 300 }, { x: 960, y: 1000 }, 6, 10);
  await page.waitForFunction(() => !window.portal.state().animating, null, { timeout: 30000, polling: 20 });
  await settle(page);
  await tap(page, first);
  assert.equal((await state(page)).view, 'detail', 'a tap opens the card');
  expectNoProblems(assert, problems);
  await context.close();
});

test('idle: a countdown, then everything of the visit is gone', { timeout: 120000 }, async () => {
  const { context, page, problems } = await openKiosk('&idle=5');
  const start = await state(page);
  const traces = await page.evaluate(() => ({ history: history.length }));
  await startVisit(page);
  await tap(page, 'lang');
  const category = data.categories.find((c) => data.policies.some((p) => p.category === c.id)).id;
  await tap(page, `tile:${category}`);
  await tap(page, 'tab:check');
  await answerByTaps(page);
  await answerByTaps(page);
  const busy = await state(page);
  assert.equal(busy.lang, 'en');
  assert.ok(Object.keys(busy.profile).length >= 1 && busy.filters.categories.length === 1);

  await page.waitForFunction(() => window.portal.state().idle.countdown === true, null, { timeout: 60000, polling: 100 });
  assert.ok(await locate(page, 'countdown'), 'the countdown is on screen');
  // A screen reader hears it at once: an alert dialog over the page, its text said through the assertive region.
  await page.waitForFunction(() => /Still there\?/.test(document.querySelector('#a11y [role=alert][aria-live=assertive]')?.textContent || ''),
    null, { timeout: 10000, polling: 20 });
  const alerted = await page.evaluate(() => ({
    said: document.querySelector('#a11y [role=alert]').textContent,
    dialog: document.querySelector('#a11y [role=alertdialog]')?.getAttribute('aria-label'),
    modal: document.querySelector('#a11y [role=alertdialog]')?.getAttribute('aria-modal'),
  }));
  assert.match(alerted.said, /privacy[\s\S]*\d+\s+s\./, `the countdown's own words are said (${alerted.said})`);
  assert.equal(alerted.dialog, 'Still there?', 'the countdown is an alert dialog named by its question');
  assert.equal(alerted.modal, 'true');
  await screenshot(page, 'kiosk-countdown');
  await page.waitForFunction(() => window.portal.state().idle.phase === 'attract', null, { timeout: 60000, polling: 100 });
  const after = await state(page);
  for (const key of ['lang', 'view', 'query', 'filters', 'sort', 'selected', 'compare', 'profile', 'skipped_questions',
    'history', 'draft']) {
    assert.deepEqual(after[key], start[key], `${key} is back to the start`);
  }
  assert.equal(after.idle.resets, 1);
  const page_ = await page.evaluate(() => ({
    local: localStorage.length, session: sessionStorage.length, history: history.length, hash: location.hash,
    search: location.search,
  }));
  assert.equal(page_.local, 0, 'localStorage is empty');
  assert.equal(page_.session, 0, 'sessionStorage is empty');
  assert.equal(page_.history, traces.history, 'no history entries were added');
  assert.equal(page_.hash, '', 'the address has no fragment');
  assert.equal(page_.search, `?as_of=${AS_OF}&idle=5`, 'still the booth\'s address');
  expectNoProblems(assert, problems);
  await context.close();
});

test('staff hold the booth name for three seconds: the self-test runs in the browser and passes', { timeout: 240000 }, async () => {
  const { context, page, problems } = await openKiosk();
  const cdp = await context.newCDPSession(page);
  await startVisit(page);
  const name = await locate(page, 'kiosk:staff');
  const at = [{ x: name.x + name.w / 2, y: name.y + name.h / 2, id: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at });
  await page.waitForTimeout(3400);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await page.waitForFunction(() => { const s = window.portal.state().selftest; return s && s.done; }, null,
    { timeout: 90000, polling: 100 });
  const report = (await state(page)).selftest;
  assert.equal(report.examples.failed, 0, JSON.stringify(report.failures.slice(0, 3)));
  assert.ok(report.examples.passed >= 80, `${report.examples.passed} examples passed`);
  assert.equal(report.jsonlogic.failed, 0);
  assert.equal(report.jsonlogic.passed, 277);
  assert.ok(await locate(page, 'selftest'));
  await screenshot(page, 'kiosk-selftest');
  expectNoProblems(assert, problems);
  await context.close();
});

test('old booth links (index.html?kiosk&…) open the booth page with the same settings, before the visitor app loads', { timeout: 120000 }, async () => {
  const own = await serveDist();  // only this page's requests in its log
  const base = 'https://booth.example/portal/';
  const { context, page, problems } = await openPortal(session.browser, own.url, {
    viewport: FULL_HD, hasTouch: true, query: `?kiosk&idle=7&share_base=${encodeURIComponent(base)}&as_of=${AS_OF}`,
  });
  const address = new URL(page.url());
  assert.equal(address.pathname, '/kiosk.html');
  assert.equal(address.search, `?kiosk&idle=7&share_base=${encodeURIComponent(base)}&as_of=${AS_OF}`);
  const snapshot = await state(page);
  assert.equal(snapshot.kiosk, true);
  assert.equal(snapshot.idle.idle_seconds, 7);
  assert.ok(snapshot.share_url.startsWith(base), snapshot.share_url);
  const fetched = own.requests.map((p) => p.replace(/^\//, ''));
  assert.ok(fetched.includes('booth.wasm'), fetched.join(', '));
  assert.ok(!fetched.includes('app.wasm') && !fetched.includes('app.js'),
    `the visitor's app was never downloaded: ${fetched.join(', ')}`);
  expectNoProblems(assert, problems);
  await context.close();
  await own.close();
});

test('the visitor page downloads none of the booth', async () => {
  // A server of its own: a booth page of an earlier test, or its service worker still caching, cannot add
  // requests to this log.
  const own = await serveDist();
  try {
    const { context, page, problems } = await openPortal(session.browser, own.url, { query: `?as_of=${AS_OF}` });
    const snapshot = await state(page);
    assert.equal(snapshot.kiosk, false);
    assert.equal(await locate(page, 'kiosk:start-over'), null);
    const fetched = own.requests.map((p) => p.replace(/^\//, ''));
    assert.ok(fetched.includes('app.wasm'));
    assert.deepEqual(fetched.filter((f) => /^(booth|kiosk)|jsonlogic/.test(f)), [], fetched.join(', '));
    expectNoProblems(assert, problems);
    await context.close();
  } finally {
    await own.close();
  }
});

// Every booth target at least 48 CSS px and body text large enough to read from a metre (about 24 CSS px on a
// booth screen), whichever way the screen stands; the keypad laid out like a phone's.
for (const viewport of [PORTRAIT, FULL_HD]) {
  const shape = viewport.height > viewport.width ? 'portrait' : 'landscape';
  test(`${shape} ${viewport.width}x${viewport.height}: every target >= 48 CSS px, legible text, a phone's keypad`, { timeout: 180000 }, async () => {
    const { context, page, problems } = await openKiosk('', viewport);
    const attract = await locate(page, 'attract');
    assert.ok(attract.w >= viewport.width - 1 && attract.h >= viewport.height - 1, 'the attract screen fills the screen');
    await screenshot(page, `kiosk-${shape}-attract`);
    await startVisit(page);
    const zoom = (await state(page)).zoom;
    assert.ok(16 * zoom >= 24, `body text ${(16 * zoom).toFixed(1)} CSS px (zoom ${zoom})`);
    const checkTargets = async (ids, where) => {
      for (const id of ids) {
        const rect = await locate(page, id);
        assert.ok(rect, `${where}: ${id} is on screen`);
        assert.ok(rect.w >= 48 && rect.h >= 48, `${where}: ${id} is ${rect.w}x${rect.h} CSS px`);
        assert.ok(rect.x >= 0 && rect.y >= 0 && rect.x + rect.w <= viewport.width + 0.5 && rect.y + rect.h <= viewport.height + 0.5,
          `${where}: ${id} lies inside the screen (${JSON.stringify(rect)})`);
      }
    };
    const category = data.categories.find((c) => data.policies.some((p) => p.category === c.id)).id;
    await checkTargets(['lang', 'kiosk:start-over', 'kiosk:staff', 'tab:explore', 'tab:check', 'tab:compare', 'tile:check',
      'tile:all', `tile:${category}`], 'tiles');
    await screenshot(page, `kiosk-${shape}-tiles`);
    await tap(page, 'tile:check');
    // Tap through to the first number or date question: the keypad.
    for (let i = 0; i < 40; i += 1) {
      const asked = (await state(page)).next_question;
      const next = data.questions.find((q) => q.id === asked);
      assert.ok(next, 'a number or date question comes');
      if (next.type === 'number' || next.type === 'date') break;
      await answerByTaps(page);
    }
    const keys = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', 'back'];
    const asking = (await state(page)).next_question;
    const question = data.questions.find((q) => q.id === asking);
    const mark = question.type === 'date' ? '-' : '.';
    // Below the keypad, "next" may start half under the pane's edge: scrolled up until it shows whole.
    const viewportNow = page.viewportSize();
    for (let i = 0; i < 20; i += 1) {
      const next = await locate(page, 'next');
      if (next && next.h >= 48) break;
      await page.mouse.move(viewportNow.width * 0.3, viewportNow.height * 0.5);
      await page.mouse.wheel(0, 60);
      await settle(page);
    }
    await checkTargets([...keys, mark].map((k) => `key:${k}`).concat(['next', 'kiosk:share']), 'keypad');
    const at = {};
    for (const k of [...keys, mark]) at[k] = await locate(page, `key:${k}`);
    const sameRow = (a, b) => Math.abs(at[a].y - at[b].y) < 1;
    const sameColumn = (a, b) => Math.abs(at[a].x - at[b].x) < 1;
    for (const [a, b, c] of [['1', '2', '3'], ['4', '5', '6'], ['7', '8', '9'], [mark, '0', 'back']]) {
      assert.ok(sameRow(a, b) && sameRow(b, c) && at[a].x < at[b].x && at[b].x < at[c].x, `${a} ${b} ${c} in a row`);
    }
    for (const [a, b, c, d] of [['1', '4', '7', mark], ['2', '5', '8', '0'], ['3', '6', '9', 'back']]) {
      assert.ok(sameColumn(a, b) && sameColumn(b, c) && sameColumn(c, d) && at[a].y < at[b].y && at[b].y < at[c].y && at[c].y < at[d].y,
        `${a} ${b} ${c} ${d} in a column`);
    }
    await screenshot(page, `kiosk-${shape}-keypad`);
    expectNoProblems(assert, problems);
    await context.close();
  });
}

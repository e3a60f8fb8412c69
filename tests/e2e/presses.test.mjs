// One press answers one question. The next question's buttons are drawn where the last one's were, so a press
// that reached the app twice (a touch and the mouse events a browser makes up from it, a release seen in two
// frames, a slow frame between press and release) would answer the next question too, with the same choice.
// Every press here is followed until the page has settled (its render loop paused itself), and only then is the
// profile read: a second answer arriving late is still caught. Mouse clicks and finger taps, held for a person's
// time, with the main thread busy or the frames slow around the press; pseudo-random but seeded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  DIST, openPortal, expectNoProblems, state, locate, scrollTo, servedPortal, random, between, busyMainThread, slowFrames,
  slowFrameHook,
} from './harness.mjs';

const AS_OF = '2026-11-26';
const data = JSON.parse(readFileSync(path.join(DIST, 'policies.json'), 'utf8'));
const question = (id) => data.questions.find((q) => q.id === id);
const session = servedPortal();

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));  // a person's hold: input, not waiting

// Around a press: nothing, the main thread busy for a while, or the next few frames slow.
async function disturb(page, rnd) {
  const kind = between(rnd, 0, 2);
  if (kind === 1) await busyMainThread(page, between(rnd, 50, 250));
  if (kind === 2) await slowFrames(page, between(rnd, 1, 4), between(rnd, 50, 200));
}

// Until the app has nothing left to do: the loop paused itself, so every event sent has been handled.
async function untilSettled(page) {
  await page.waitForFunction(() => {
    const s = window.portal.state();
    return s.paused && !s.animating && window.__slowFrames === 0;
  }, null, { timeout: 30000, polling: 25 });
}

// A choice a visitor could make for a question answered by a press, or null when only typing answers it.
function choiceFor(q, rnd) {
  if (q.type === 'boolean') return rnd() < 0.5 ? 'true' : 'false';
  if (q.type === 'choice') return String(q.options[between(rnd, 0, q.options.length - 1)].value);
  return null;
}

async function press(page, rnd, rect, touch) {
  const x = rect.x + rect.w / 2 + between(rnd, -3, 3);
  const y = rect.y + rect.h / 2 + between(rnd, -2, 2);
  if (touch) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y, id: 1 }] });
    await disturb(page, rnd);
    await pause(between(rnd, 0, 150));
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await cdp.detach();
  } else {
    await page.mouse.move(x, y);
    await page.mouse.down();
    await disturb(page, rnd);
    await pause(between(rnd, 0, 150));
    await page.mouse.up();
  }
}

async function answerAllByPresses(page, rnd, touch, label) {
  let presses = 0;
  for (let step = 0; step < 80; step += 1) {
    await untilSettled(page);
    const before = await state(page);
    const id = before.next_question;
    if (!id) break;
    const q = question(id);
    const choice = choiceFor(q, rnd);
    const widget = choice === null ? 'skip' : `answer:${choice}`;
    let rect = await locate(page, widget);
    if (!rect || rect.h < 8) rect = (await scrollTo(page, widget, { x: 200, y: 300 })) || (await scrollTo(page, widget, { x: 200, y: 300, step: -240 }));
    assert.ok(rect, `${label}: ${widget} of ${id} is on screen`);
    await untilSettled(page);
    await press(page, rnd, rect, touch);
    presses += 1;
    await page.waitForFunction((q) => window.portal.state().next_question !== q, id, { timeout: 30000, polling: 25 });
    await untilSettled(page);
    const after = await state(page);
    const added = Object.keys(after.profile).filter((k) => !(k in before.profile));
    const expected = choice === null ? [] : [id];
    assert.deepEqual(added, expected, `${label}: one press on ${widget} of ${id} answered ${JSON.stringify(added)}`);
    if (choice !== null) assert.equal(String(after.profile[id]), choice, `${label}: ${id} holds the choice pressed`);
    assert.deepEqual(after.keyboard.held, [], `${label}: nothing held after the press`);
  }
  return presses;
}

for (const [form, options] of [
  ['laptop, mouse', { viewport: { width: 1366, height: 768 } }],
  ['phone, finger', { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 }],
]) {
  test(`${form}: each press answers exactly one question, with busy and slow frames around it (6 seeded runs)`, async () => {
    const touch = !!options.hasTouch;
    let presses = 0;
    for (let run = 0; run < 6; run += 1) {
      const seed = (touch ? 500 : 100) + run;
      const rnd = random(seed);
      const { context, page, problems } = await openPortal(session.browser, session.server.url,
        { ...options, query: `?as_of=${AS_OF}&lang=zh#v=check`, init: slowFrameHook });
      try {
        await page.evaluate(() => { window.__slowFrames = 0; });
        await page.waitForFunction(() => window.portal.state().view === 'check' && window.portal.state().next_question,
          null, { timeout: 30000 });
        presses += await answerAllByPresses(page, rnd, touch, `run ${run} (seed ${seed})`);
        expectNoProblems(assert, problems);
      } finally {
        await context.close();
      }
    }
    assert.ok(presses >= 60, `the runs pressed ${presses} times`);
  });
}

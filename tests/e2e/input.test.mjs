// Typing answers as people type them: a click on the field, pauses, real key events, Enter held for a while,
// sometimes with the page's main thread busy. Every committed answer must be exactly what was typed, no key may
// stay "held" in the app afterwards, and keyboard focus must move once per hand-over, not flip back and forth.
// The runs are pseudo-random but seeded, so a failure names a run that fails the same way again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  DIST, openPortal, expectNoProblems, state, locate, settle, click, scrollTo, servedPortal,
  random, between, busyMainThread, slowFrames, slowFrameHook,
} from './harness.mjs';

const AS_OF = '2026-11-26';
const data = JSON.parse(readFileSync(path.join(DIST, 'policies.json'), 'utf8'));
const question = (id) => data.questions.find((q) => q.id === id);
const session = servedPortal();

// Choices for the questions answered by clicks: a visitor who is asked many questions.
const CHOICES = {
  education: 'bachelor', full_time: true, double_first_class: false, in_school: false, fresh_graduate: true,
  shortage_major: false, hukou_shangyu: true, shangyu_native: false, work_location: 'shangyu', commit_5_years: true,
  subdistrict_employer: true, employer_sme: true, wage_below_average: true, care_agri_business: false,
  owns_home: false, first_home_purchase: true, used_housing_benefit: false, skill_level: 'none',
  skill_honour: 'none', hardship_family: false, erjiang_talent: false, maker_types: ['digital'],
  first_time_founder: true, company_registered: false,
};

// A value to type for a number or date question, and what the app must store for it. Dates are written in
// every way a person in China might write them.
function typedAnswer(rnd, q) {
  if (q.type === 'number') {
    const lo = Math.max(q.min ?? 0, 0);
    const hi = Math.min(q.max ?? 99, lo + 60);
    const value = between(rnd, Math.max(lo, 10), Math.max(hi, 10));  // two digits at least: "17" must stay 17
    return { text: String(value), stored: value };
  }
  const y = between(rnd, 2018, 2025);
  const m = between(rnd, 1, 12);
  const d = between(rnd, 1, 28);
  const pad = (n) => String(n).padStart(2, '0');
  const stored = `${y}-${pad(m)}-${pad(d)}`;
  const forms = [stored, `${y}/${m}/${d}`, `${y}.${m}.${d}`, `${y}${pad(m)}${pad(d)}`, `${y}年${m}月${d}日`];
  return { text: forms[between(rnd, 0, forms.length - 1)], stored };
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));  // a person's pause: input, not waiting

async function open(options = {}) {
  const opened = await openPortal(session.browser, session.server.url, {
    ...options, query: `?as_of=${AS_OF}&lang=zh${options.query || ''}`, init: slowFrameHook,
  });
  await opened.page.evaluate(() => {
    window.__focusins = 0;
    document.addEventListener('focusin', (event) => { if (event.target.id === 'text-input') window.__focusins += 1; });
  });
  return opened;
}

async function waitFor(page, predicate, arg, what) {
  try {
    await page.waitForFunction(predicate, arg, { timeout: 30000, polling: 20 });
  } catch (err) {
    throw new Error(`${what}: ${JSON.stringify((await state(page)).draft)} ${err.message}`);
  }
}

// Scrolls the questions' pane (down, then up) until the widget is on screen; returns its rectangle or null.
async function reach(page, widget) {
  return (await scrollTo(page, widget, { x: 300, y: 400 })) || scrollTo(page, widget, { x: 300, y: 400, step: -240 });
}

// Clicks a widget of the question card once it is drawn, scrolling the questions' pane to it when needed.
async function press(page, widget) {
  await waitFor(page, () => window.portal.state().frames > 0 && window.portal.state().view === 'check', null, 'the check is shown');
  await reach(page, widget);
  return click(page, widget);
}

// Clicks an answer button or the skip button and waits until the app moved on from question `id`. One click
// answers one question: the next one is still unanswered once everything has settled.
async function answerByClick(page, id, widget) {
  const before = Object.keys((await state(page)).profile).length;
  await press(page, widget);
  await waitFor(page, (q) => window.portal.state().next_question !== q, id, `answering ${id} by ${widget} moved on`);
  await settle(page);
  const after = Object.keys((await state(page)).profile).length;
  assert.ok(after <= before + 1, `one click on ${widget} answered ${after - before} questions`);
}

async function answerMulti(page, id, values) {
  for (const value of values) {
    await press(page, `answer:${value}`);
    await waitFor(page, (v) => (window.portal.state().draft?.options || []).includes(v), value, `option ${value} chosen`);
  }
  await answerByClick(page, id, 'next');
}

// Click, pause, type, pause, Enter held for a while: the way a person answers a number or a date.
async function typeAnswer(page, rnd, q, { busy }) {
  const answer = typedAnswer(rnd, q);
  const focusinsBefore = await page.evaluate(() => window.__focusins);
  await pause(between(rnd, 0, 800));
  if (busy === 'thread') await busyMainThread(page, 200);
  if (busy === 'frames') await slowFrames(page, 3, 200);
  await reach(page, 'answer:input');
  const rect = await locate(page, 'answer:input');
  assert.ok(rect, `the field for ${q.id} is on screen`);
  await page.mouse.click(rect.x + rect.w / 2, rect.y + rect.h / 2);
  await pause(between(rnd, 0, 800));
  if (busy === 'thread' && rnd() < 0.5) await busyMainThread(page, 200);
  for (const ch of answer.text) {
    if (/[0-9./-]/.test(ch)) await page.keyboard.press(ch, { delay: between(rnd, 0, 60) });
    else await page.keyboard.insertText(ch);  // 年 月 日 come from an input method
    await pause(between(rnd, 0, 120));
  }
  await pause(between(rnd, 0, 800));
  await page.keyboard.down('Enter');
  await pause(between(rnd, 0, 150));
  await page.keyboard.up('Enter');
  await waitFor(page, (q) => {
    const s = window.portal.state();
    return s.next_question !== q || (s.draft && s.draft.problem);
  }, q.id, `Enter committed ${q.id}`);
  await settle(page);
  const after = await state(page);
  assert.equal(after.draft?.problem ?? null, null, `${q.id}: "${answer.text}" was accepted`);
  assert.deepEqual(after.profile[q.id], answer.stored, `${q.id}: typed "${answer.text}", stored ${JSON.stringify(after.profile[q.id])}`);
  assert.deepEqual(after.keyboard.held, [], `${q.id}: no key is held after Enter was released`);
  const focusins = (await page.evaluate(() => window.__focusins)) - focusinsBefore;
  assert.ok(focusins <= 2, `${q.id}: the text input took focus ${focusins} times for one field`);
}

// Goes through the whole questionnaire, typing every number and date; returns what preceded each typed field.
async function runQuestionnaire(page, rnd, busyEvery) {
  const preceded = [];
  let previous = 'none';
  for (let step = 0; step < 80; step += 1) {
    const { next_question: id } = await state(page);
    if (!id) break;
    const q = question(id);
    if (q.type === 'number' || q.type === 'date') {
      const busy = rnd() < busyEvery ? (rnd() < 0.5 ? 'thread' : 'frames') : null;
      await typeAnswer(page, rnd, q, { busy });
      preceded.push(`${previous}->${q.type}`);
    } else if (CHOICES[id] === undefined) {
      await answerByClick(page, id, 'skip');
    } else if (q.type === 'multi') {
      await answerMulti(page, id, CHOICES[id]);
    } else {
      await answerByClick(page, id, `answer:${CHOICES[id]}`);
    }
    previous = q.type;
  }
  const { profile } = await state(page);
  for (const [id, value] of Object.entries(profile)) {
    if (CHOICES[id] !== undefined) assert.deepEqual(value, CHOICES[id], `${id} has the answer clicked`);
  }
  return preceded;
}

// After the questionnaire: change an answer of the given kind from the summary, then at once retype a number or
// a date (`field`).
async function editAfter(page, rnd, kind, field, profile) {
  const typedKind = kind === 'number' || kind === 'date';
  const before = data.questions.find((q) => q.type === kind && profile[q.id] !== undefined && (typedKind || CHOICES[q.id] !== undefined));
  const typed = data.questions.filter((q) => q.type === field && profile[q.id] !== undefined);
  if (!before || typed.length === 0) return null;
  const target = typed[between(rnd, 0, typed.length - 1)];
  assert.ok(await reach(page, `edit:${before.id}`), `edit:${before.id} is reachable`);
  await click(page, `edit:${before.id}`);
  await waitFor(page, (q) => window.portal.state().next_question === q, before.id, `editing ${before.id}`);
  // The same answer again (a multi's draft starts with its options chosen: it is confirmed as it is).
  if (typedKind) await typeAnswer(page, rnd, before, { busy: null });
  else if (kind === 'multi') await answerByClick(page, before.id, 'next');
  else await answerByClick(page, before.id, `answer:${CHOICES[before.id]}`);
  assert.ok(await reach(page, `edit:${target.id}`), `edit:${target.id} is reachable`);
  await click(page, `edit:${target.id}`);
  await waitFor(page, (q) => window.portal.state().next_question === q, target.id, `editing ${target.id}`);
  await typeAnswer(page, rnd, target, { busy: rnd() < 0.5 ? 'thread' : null });
  return `${kind}->${target.type}`;
}

test('typed numbers and dates arrive exactly as typed, whatever the timing (20 seeded runs)', async () => {
  const covered = new Set();
  const kinds = ['boolean', 'choice', 'multi', 'number', 'date'];
  for (let run = 0; run < 20; run += 1) {
    const rnd = random(1000 + run);
    const { context, page, problems } = await open();
    try {
      await click(page, 'tab:check');
      await waitFor(page, () => window.portal.state().view === 'check', null, 'the check is shown');
    await waitFor(page, () => window.portal.state().view === 'check', null, 'the check is shown');
      const preceded = await runQuestionnaire(page, rnd, run % 2 === 0 ? 0.4 : 0.1);
      preceded.forEach((pair) => covered.add(pair));
      const { profile } = await state(page);
      const edited = await editAfter(page, rnd, kinds[run % kinds.length], ['number', 'date'][Math.floor(run / 5) % 2], profile);
      if (edited) covered.add(edited);
      expectNoProblems(assert, problems);
    } catch (err) {
      err.message = `run ${run} (seed ${1000 + run}): ${err.message}`;
      throw err;
    } finally {
      await context.close();
    }
  }
  for (const kind of kinds) {
    for (const field of ['number', 'date']) {
      assert.ok(covered.has(`${kind}->${field}`), `a ${field} field was typed right after a ${kind} question (${[...covered]})`);
    }
  }
});

test('phones get a numeric keyboard for numbers and dates; lenient dates are shown back as read', async () => {
  const { context, page, problems } = await open({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  await click(page, 'tab:check');
  const { profile } = await state(page);
  assert.deepEqual(profile, {});
  // Straight to a date and a number question through a shared link's answers would skip the typing; instead
  // the questionnaire is followed to its first typed field.
  const rnd = random(7);
  for (let step = 0; step < 40; step += 1) {
    const { next_question: id } = await state(page);
    const q = question(id);
    if (q.type === 'date') break;
    if (q.type === 'multi') await answerMulti(page, id, CHOICES[id]);
    else if (q.type === 'number') await typeAnswer(page, rnd, q, { busy: null });
    else await answerByClick(page, id, CHOICES[id] === undefined ? 'skip' : `answer:${CHOICES[id]}`);
  }
  const rect = await locate(page, 'answer:input');
  await page.touchscreen.tap(rect.x + rect.w / 2, rect.y + rect.h / 2);
  await waitFor(page, () => document.activeElement?.id === 'text-input', null, 'the tap focused the input');
  assert.equal(await page.evaluate(() => document.getElementById('text-input').inputMode), 'numeric', 'dates: digits');
  await page.keyboard.insertText('2025年6月30日');
  await waitFor(page, () => window.portal.state().draft?.text === '2025年6月30日', null, 'the date reached the field');
  await waitFor(page, () => !!window.portal.locate('answer:reads-as'), null, 'the date read is shown');
  await page.keyboard.press('Enter');
  await waitFor(page, () => Object.values(window.portal.state().profile).includes('2025-06-30'), null, 'stored');
  for (let step = 0; step < 40; step += 1) {
    const { next_question: id } = await state(page);
    if (!id) break;
    const q = question(id);
    if (q.type === 'number') {
      await scrollTo(page, 'answer:input', { x: 200, y: 300, step: -240 });
      const field = await locate(page, 'answer:input');
      await page.touchscreen.tap(field.x + field.w / 2, field.y + field.h / 2);
      await waitFor(page, () => document.activeElement?.id === 'text-input', null, 'the tap focused the input');
      assert.equal(await page.evaluate(() => document.getElementById('text-input').inputMode), 'decimal', 'numbers: digits and a point');
      break;
    }
    if (q.type === 'multi') await answerMulti(page, id, CHOICES[id]);
    else if (q.type === 'date') await typeAnswer(page, rnd, q, { busy: null });
    else await answerByClick(page, id, CHOICES[id] === undefined ? 'skip' : `answer:${CHOICES[id]}`);
  }
  expectNoProblems(assert, problems);
  await context.close();
});

test('Tab, Escape and a click elsewhere hand the keyboard back to the canvas with nothing held', async () => {
  const { context, page, problems } = await open();
  await click(page, 'tab:check');
  for (let step = 0; step < 40; step += 1) {
    const { next_question: id } = await state(page);
    const q = question(id);
    if (q.type === 'number' || q.type === 'date') break;
    if (q.type === 'multi') await answerMulti(page, id, CHOICES[id]);
    else await answerByClick(page, id, CHOICES[id] === undefined ? 'skip' : `answer:${CHOICES[id]}`);
  }
  for (const leave of ['Tab', 'Escape', 'click']) {
    await click(page, 'answer:input');
    await waitFor(page, () => document.activeElement?.id === 'text-input', null, `${leave}: the field took the keyboard`);
    await page.keyboard.press('1');
    if (leave === 'click') {
      const question = await locate(page, 'question');
      await page.mouse.click(question.x + 4, question.y + question.h / 2);
    } else {
      await page.keyboard.down(leave);
      await pause(120);
      await page.keyboard.up(leave);
    }
    await waitFor(page, () => !window.portal.state().keyboard.editing && document.activeElement?.id !== 'text-input',
      null, `${leave} ended the editing`);
    await settle(page);
    assert.deepEqual((await state(page)).keyboard.held, [], `${leave}: no key left held`);
  }
  // The window losing focus releases everything too (its key-ups would go to another window).
  await click(page, 'answer:input');
  await page.keyboard.down('ArrowLeft');
  await page.evaluate(() => window.dispatchEvent(new Event('blur')));
  await settle(page);
  assert.deepEqual((await state(page)).keyboard.held, [], 'blur: no key left held');
  await page.keyboard.up('ArrowLeft');
  expectNoProblems(assert, problems);
  await context.close();
});

test('a reload keeps the answers of this tab only: not in another tab, not in localStorage, never in the kiosk', async () => {
  const { context, page, problems } = await open();
  await click(page, 'tab:check');
  const first = question((await state(page)).next_question);
  await answerByClick(page, first.id, `answer:${CHOICES[first.id]}`);
  const second = question((await state(page)).next_question);
  if (second.type === 'boolean' || second.type === 'choice') await answerByClick(page, second.id, `answer:${CHOICES[second.id]}`);
  const answers = (await state(page)).profile;
  assert.ok(Object.keys(answers).length >= 1);
  await page.reload({ waitUntil: 'load' });
  await page.evaluate(() => window.portal.ready);
  assert.deepEqual((await state(page)).profile, answers, 'the reload kept the answers');
  const stored = await page.evaluate(() => ({ local: localStorage.length, session: Object.keys(sessionStorage) }));
  assert.equal(stored.local, 0, 'nothing in localStorage unless the visitor asks');
  assert.deepEqual(stored.session, ['shangyu-portal.session']);
  // Starting over clears the tab's copy too.
  assert.ok(await scrollTo(page, 'reset', { x: 300, y: 500 }));
  await click(page, 'reset');
  await page.waitForFunction(() => Object.keys(window.portal.state().profile).length === 0, null, { timeout: 30000 });
  await settle(page);
  assert.equal(await page.evaluate(() => sessionStorage.length), 0, 'start over removed the copy');

  // Another tab of the same browser starts empty.
  const other = await context.newPage();
  await other.goto(session.server.url + `?as_of=${AS_OF}&lang=zh`, { waitUntil: 'load' });
  await other.evaluate(() => window.portal.ready);
  assert.deepEqual((await state(other)).profile, {});
  expectNoProblems(assert, problems);
  await context.close();

  // The kiosk keeps nothing, not even within the tab.
  const kiosk = await openPortal(session.browser, session.server.url, { hasTouch: true, query: `?kiosk&as_of=${AS_OF}` });
  await kiosk.page.evaluate(() => sessionStorage.setItem('shangyu-portal.session', JSON.stringify({ version: 1, answers: { age: 30 } })));
  await kiosk.page.reload({ waitUntil: 'load' });
  await kiosk.page.evaluate(() => window.portal.ready);
  assert.deepEqual((await state(kiosk.page)).profile, {}, 'the kiosk read nothing from storage');
  await kiosk.context.close();
});

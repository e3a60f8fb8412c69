// A first visit on each form factor (laptop 1366×768, phone 390×844 by touch, small window 800×600): the first
// screen leads with a programme one can claim on published terms, the whole questionnaire can be answered,
// the results' actions are on screen right after the last answer, and no located widget's label is clipped.
// Screenshots of explore and of the results are saved for a person to look at.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  DIST, openPortal, expectNoProblems, state, locate, settle, screenshot, servedPortal, writeArtifact,
} from './harness.mjs';

const AS_OF = '2026-11-26';
const session = servedPortal();
const data = JSON.parse(await readFile(path.join(DIST, 'policies.json'), 'utf8'));
const question = (id) => data.questions.find((q) => q.id === id);

const FORM_FACTORS = [
  { name: 'laptop', viewport: { width: 1366, height: 768 } },
  { name: 'phone', viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 },
  { name: 'small', viewport: { width: 800, height: 600 } },
];

// A young bachelor's graduate working in Shangyu, thinking about a digital business.
const CHOICES = {
  education: 'bachelor', full_time: true, double_first_class: false, in_school: false, work_location: 'shangyu',
  employer_enterprise: true, employer_sme: true, commit_5_years: true, owns_home: false, skill_level: 'none',
  maker_types: ['digital'], company_registered: false,
};
const TYPED = { number: '24', date: '2025-06-30' };

// What a visitor would press for question `q`: their answer, or the first option when the persona has none.
function answerFor(q) {
  if (q.type === 'number' || q.type === 'date') {
    const typed = q.type === 'number' && q.min !== undefined && Number(TYPED.number) < q.min ? String(q.min) : TYPED[q.type];
    return { typed };
  }
  if (q.type === 'multi') return { options: CHOICES[q.id] ?? [q.options[0].value] };
  const value = CHOICES[q.id] ?? (q.type === 'boolean' ? false : q.options[0].value);
  return { widget: `answer:${value}` };
}

function inside(rect, viewport) {
  return rect && rect.x >= 0 && rect.y >= 0 && rect.x + rect.w <= viewport.width + 0.5 && rect.y + rect.h <= viewport.height + 0.5;
}

// A real press where the widget is: a finger on a touch screen, the mouse elsewhere.
async function press(page, factor, id) {
  const rect = await locate(page, id);
  assert.ok(rect, `${factor.name}: ${id} is on screen`);
  const x = rect.x + rect.w / 2;
  const y = rect.y + rect.h / 2;
  if (factor.hasTouch) await page.touchscreen.tap(x, y);
  else await page.mouse.click(x, y);
  await settle(page);
}

// Every located widget whose label text is wider than the widget itself (the label is then cut off).
async function clippedLabels(page) {
  const { located } = await state(page);
  const clipped = [];
  for (const id of located) {
    const rect = await locate(page, id);
    if (rect && rect.label !== undefined && rect.label > rect.w + 0.5) clipped.push(`${id} (${rect.label} > ${rect.w})`);
  }
  return clipped;
}

async function answerEverything(page, factor) {
  for (let step = 0; step < 60; step += 1) {
    const { next_question: id } = await state(page);
    if (!id) return;
    const answer = answerFor(question(id));
    if (answer.typed !== undefined) {
      await press(page, factor, 'answer:input');
      await page.keyboard.insertText(answer.typed);
      await settle(page);
      await press(page, factor, 'next');
    } else if (answer.options) {
      for (const value of answer.options) await press(page, factor, `answer:${value}`);
      await press(page, factor, 'next');
    } else {
      await press(page, factor, answer.widget);
    }
    await page.waitForFunction((q) => window.portal.state().next_question !== q, id, { timeout: 30000, polling: 50 });
    await settle(page);
  }
  assert.fail('the questionnaire did not end');
}

for (const factor of FORM_FACTORS) {
  test(`first visit on a ${factor.name} (${factor.viewport.width}x${factor.viewport.height})`, async () => {
    const { context, page, problems } = await openPortal(session.browser, session.server.url, {
      ...factor, query: `?as_of=${AS_OF}&lang=zh`,
    });
    await settle(page);

    // The list leads with a programme a visitor can claim on published terms, and its card is on screen.
    const [firstId] = (await state(page)).visible;
    const first = data.policies.find((p) => p.id === firstId);
    assert.ok(first.criteria?.length > 0, `${first.id} states its conditions`);
    assert.ok(!first.illustrative, `${first.id} is not an example`);
    assert.ok(inside(await locate(page, `policy:${first.id}`), factor.viewport), `${first.id}'s card is on the first screen`);
    assert.deepEqual(await clippedLabels(page), [], 'no label is cut off in explore');
    await screenshot(page, `first-visit-${factor.name}-explore`);

    await press(page, factor, 'tab:check');
    await answerEverything(page, factor);
    const done = await state(page);
    assert.equal(done.next_question, null);
    // Right after the last answer, with no scrolling: share, download, remember and start over are all in view.
    for (const id of ['share-answers', 'download:html', 'download:text', 'remember', 'reset']) {
      assert.ok(inside(await locate(page, id), factor.viewport), `${factor.name}: ${id} is on screen after the last answer`);
    }
    assert.deepEqual(await clippedLabels(page), [], 'no label is cut off in the results');
    await screenshot(page, `first-visit-${factor.name}-results`);
    await writeArtifact(`first-visit-${factor.name}-state.json`, JSON.stringify(done, null, 1));
    expectNoProblems(assert, problems);
    await context.close();
  });
}

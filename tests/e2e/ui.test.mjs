// The portal UI in a real browser: typing a Chinese query through the keyboard, answering the eligibility
// questionnaire by clicking located widgets (the results must equal `policyctl check` for the same answers),
// keyboard navigation, broken data, and screenshots in both languages at laptop and phone sizes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  REPO, DIST, openPortal, expectNoProblems, state, locate, settle, click, screenshot,
  pixelStats, typeInto, scrollTo,
  servedPortal,
} from './harness.mjs';

const AS_OF = '2026-11-26';
const DATA_FILE = path.join(DIST, 'policies.json');
const POLICYCTL = process.env.POLICYCTL || path.join(REPO, 'build', 'native', 'src', 'tools', 'policyctl');
const data = JSON.parse(readFileSync(DATA_FILE, 'utf8'));

const session = servedPortal();

const open = (options = {}) => openPortal(session.browser, session.server.url, {
  ...options, query: `?as_of=${AS_OF}${options.lang ? `&lang=${options.lang}` : ''}`,
});

// Every text of a policy the search looks at (titles, summaries, tags, category and audience names).
function searchableText(policy) {
  const texts = [policy.title, policy.summary].flatMap((t) => (t ? [t.zh, t.en] : []));
  texts.push(...(policy.tags?.zh || []), ...(policy.tags?.en || []));
  const category = data.categories.find((c) => c.id === policy.category);
  if (category) texts.push(category.name.zh, category.name.en);
  for (const id of policy.audiences || []) {
    const audience = (data.audiences || []).find((a) => a.id === id);
    texts.push(id, ...(audience ? [audience.name.zh, audience.name.en] : []));
  }
  return texts.filter(Boolean).join('\n').toLowerCase();
}

test('a Chinese query typed through the keyboard filters the list on every keystroke', async () => {
  const { context, page, problems } = await open({ lang: 'zh' });
  await settle(page, 3);
  const all = (await state(page)).visible;
  assert.equal(all.length, data.policies.length, 'every policy is listed at first');

  await typeInto(page, 'search', '创');
  const first = await state(page);
  assert.equal(first.query, '创');
  await page.keyboard.insertText('客');
  await settle(page);
  const snapshot = await state(page);
  assert.equal(snapshot.query, '创客');
  assert.ok(snapshot.visible.length > 0 && snapshot.visible.length < all.length, 'the list narrows');
  assert.ok(snapshot.visible.length <= first.visible.length, 'each keystroke narrows further');
  for (const id of snapshot.visible) {
    const policy = data.policies.find((p) => p.id === id);
    assert.ok(searchableText(policy).includes('创客'), `${id} matches 创客`);
  }
  const top = data.policies.find((p) => p.id === snapshot.visible[0]);
  assert.ok(top.title.zh.includes('创客') || searchableText(top).includes('创客'), 'best match first');
  await screenshot(page, 'ui-search-zh-1366x768');

  // Nothing matches: the page says so and one click on the search box's (x) brings everything back.
  await page.keyboard.insertText('不存在的词语');
  await settle(page);
  assert.deepEqual((await state(page)).visible, []);
  await click(page, 'search:clear');
  const cleared = await state(page);
  assert.equal(cleared.query, '');
  assert.equal(cleared.visible.length, all.length);
  expectNoProblems(assert, problems);
  await context.close();
});

test('filter chips narrow the list and one action clears them', async () => {
  const { context, page, problems } = await open({ lang: 'en' });
  await settle(page, 3);
  const category = data.categories[1].id;
  await click(page, `filter:category:${category}`);
  let snapshot = await state(page);
  assert.deepEqual(snapshot.filters.categories, [category]);
  const expected = data.policies.filter((p) => p.category === category).map((p) => p.id);
  assert.deepEqual([...snapshot.visible].sort(), [...expected].sort(), 'exactly the category\'s policies');
  await click(page, 'filter:audience:tech-maker');
  snapshot = await state(page);
  assert.ok(snapshot.visible.every((id) => data.policies.find((p) => p.id === id).audiences?.includes('tech-maker')));
  await click(page, 'clear-filters');
  snapshot = await state(page);
  assert.deepEqual(snapshot.filters, { categories: [], audiences: [] });
  assert.equal(snapshot.visible.length, data.policies.length);
  expectNoProblems(assert, problems);
  await context.close();
});

// A young bachelor's graduate, newly working in Shangyu, who has started thinking about a digital business.
const VISITOR = {
  education: 'bachelor', full_time: true, double_first_class: false, graduation_date: '2025-06-30', in_school: false,
  fresh_graduate: true, shortage_major: false, age: 23, hukou_shangyu: true, shangyu_native: false,
  work_location: 'shangyu', shangyu_start_date: '2025-08-01', contract_years: 3, commit_5_years: true,
  social_insurance_months: 14, unemployment_insurance_months: 14, subdistrict_employer: true, employer_sme: true,
  wage_below_average: true, care_agri_business: false, owns_home: false, first_home_purchase: true,
  used_housing_benefit: false, skill_level: 'none', skill_honour: 'none', hardship_family: false,
  erjiang_talent: false, maker_types: ['digital'], first_time_founder: true, company_registered: false,
  last_insured_zhejiang: true, employer_enterprise: true, school_in_zhejiang: true, space_operator: false,
};

// Each click is followed by a wait for its effect (the app may take several frames on a busy machine).
async function answerCurrentQuestion(page, question, value) {
  const movedOn = () => page.waitForFunction((id) => window.portal.state().next_question !== id, question.id,
    { timeout: 30000, polling: 20 });
  if (value === undefined) {
    await click(page, 'skip');
    return movedOn();
  }
  switch (question.type) {
    case 'boolean':
    case 'choice':
      await click(page, `answer:${value}`);
      return movedOn();
    case 'multi':
      for (const option of value) {
        await click(page, `answer:${option}`);
        await page.waitForFunction((v) => (window.portal.state().draft?.options || []).includes(v), option,
          { timeout: 30000, polling: 20 });
      }
      await click(page, 'next');
      return movedOn();
    default:  // number, date: typed into the field
      await click(page, 'answer:input');
      await page.waitForFunction(() => window.portal.state().keyboard.editing, null, { timeout: 30000, polling: 20 });
      await page.keyboard.insertText(String(value));
      await page.waitForFunction((v) => window.portal.state().draft?.text === v, String(value), { timeout: 30000, polling: 20 });
      await click(page, 'next');
      return movedOn();
  }
}

test('answering the questionnaire by clicks gives exactly what policyctl check gives', async () => {
  assert.ok(existsSync(POLICYCTL), `policyctl is built at ${POLICYCTL} (python3 scripts/build.py native)`);
  const { context, page, problems } = await open({ lang: 'zh' });
  await click(page, 'tab:check');
  let snapshot = await state(page);
  assert.equal(snapshot.view, 'check');
  assert.equal(snapshot.as_of, AS_OF);
  const asked = [];
  for (let step = 0; step < 80 && snapshot.next_question; step += 1) {
    const question = data.questions.find((q) => q.id === snapshot.next_question);
    asked.push(question.id);
    await answerCurrentQuestion(page, question, VISITOR[question.id]);
    const after = await state(page);
    assert.notEqual(after.next_question === question.id && JSON.stringify(after.profile) === JSON.stringify(snapshot.profile),
      true, `answering ${question.id} moved on`);
    snapshot = after;
  }
  assert.equal(snapshot.next_question, null, 'every question worth asking was asked');
  assert.ok(asked.length >= 5, `several questions were asked (${asked.join(', ')})`);
  for (const [id, value] of Object.entries(snapshot.profile)) assert.deepEqual(value, VISITOR[id], `answer to ${id}`);
  await screenshot(page, 'ui-check-zh-1366x768');

  const dir = mkdtempSync(path.join(tmpdir(), 'portal-ui-'));
  const profileFile = path.join(dir, 'profile.json');
  writeFileSync(profileFile, JSON.stringify(snapshot.profile));
  const expected = JSON.parse(execFileSync(POLICYCTL,
    ['check', DATA_FILE, '--profile', profileFile, '--as-of', AS_OF, '--json'], { encoding: 'utf8' }));
  const expectedStatuses = Object.fromEntries(expected.results.map((r) => [r.policy, r.status]));
  assert.deepEqual(snapshot.statuses, expectedStatuses);
  assert.equal(snapshot.next_question, expected.next_question);
  assert.deepEqual(snapshot.best_bundle.policies, expected.best_bundle.policies);
  assert.equal(snapshot.best_bundle.total, expected.best_bundle.total);
  assert.ok(Object.values(snapshot.statuses).includes('eligible'), 'this visitor qualifies for something');
  expectNoProblems(assert, problems);
  await context.close();
});

test('an answer can be changed from the summary and the results follow', async () => {
  const { context, page, problems } = await open({ lang: 'en' });
  await click(page, 'tab:check');
  const firstId = (await state(page)).next_question;
  const first = data.questions.find((q) => q.id === firstId);
  assert.equal(first.type, 'choice');
  await click(page, `answer:${first.options[2].value}`);
  const rect = await scrollTo(page, `edit:${first.id}`, { x: 300, y: 500 });
  assert.ok(rect, 'the summary offers to change the answer');
  await click(page, `edit:${first.id}`);
  assert.equal((await state(page)).next_question, first.id);
  await click(page, `answer:${first.options[1].value}`);
  const snapshot = await state(page);
  assert.equal(snapshot.profile[first.id], first.options[1].value);
  expectNoProblems(assert, problems);
  await context.close();
});

test('the keyboard works: Tab moves a visible focus, Enter opens, Escape goes back', async () => {
  const { context, page, problems } = await open({ lang: 'zh' });
  await settle(page, 3);
  let focus = null;
  for (let i = 0; i < 80 && !(focus || '').startsWith('policy:'); i += 1) {
    await page.keyboard.press('Tab');
    await settle(page, 2);
    focus = (await state(page)).focus;
  }
  assert.ok(focus?.startsWith('policy:'), `Tab reaches a policy card (focus ${focus})`);
  const before = await screenshot(page, 'ui-keyboard-focus-zh');
  assert.ok(pixelStats(before.png).colours > 200);
  await page.keyboard.press('Enter');
  await settle(page, 3);
  let snapshot = await state(page);
  assert.equal(snapshot.view, 'detail');
  assert.equal(`policy:${snapshot.selected}`, focus);
  await page.keyboard.press('Escape');
  await settle(page, 3);
  snapshot = await state(page);
  assert.equal(snapshot.view, 'explore');
  expectNoProblems(assert, problems);
  await context.close();
});

test('details open in the language chosen, compare takes two policies side by side', async () => {
  const { context, page, problems } = await open({ lang: 'en' });
  await settle(page, 3);
  const [a, b] = (await state(page)).visible;
  await click(page, `compare:${a}`);
  await click(page, `compare:${b}`);
  await click(page, `policy:${a}`);
  assert.equal((await state(page)).view, 'detail');
  await screenshot(page, 'ui-detail-en-1366x768');
  await click(page, 'tab:compare');
  const snapshot = await state(page);
  assert.equal(snapshot.view, 'compare');
  assert.deepEqual(snapshot.compare, [a, b]);
  assert.ok(await locate(page, `compare:${a}`), 'each compared policy can be removed');
  await screenshot(page, 'ui-compare-en-1366x768');
  expectNoProblems(assert, problems);
  await context.close();
});

// ---- screenshots: both languages, laptop and phone ---------------------------------------------------------------

const SIZES = [{ width: 1366, height: 768 }, { width: 390, height: 844 }];

for (const lang of ['zh', 'en']) {
  for (const viewport of SIZES) {
    const size = `${viewport.width}x${viewport.height}`;
    test(`screenshots in ${lang} at ${size}: explore, check with answers, details`, async () => {
      const phone = viewport.width < 600;
      const { context, page, problems } = await openPortal(session.browser, session.server.url, {
        viewport, query: `?as_of=${AS_OF}&lang=${lang}`, hasTouch: phone, isMobile: phone,
      });
      await settle(page, 3);
      const shots = [];
      shots.push(await screenshot(page, `ui-explore-${lang}-${size}`));
      for (const id of (await state(page)).visible) {
        const rect = await locate(page, `policy:${id}`);
        for (const [key, value] of Object.entries(rect || {})) assert.ok(Number.isFinite(value), key);
      }
      await click(page, 'tab:check');
      for (let i = 0; i < 4; i += 1) {
        const snapshot = await state(page);
        const question = data.questions.find((q) => q.id === snapshot.next_question);
        if (!question) break;
        await answerCurrentQuestion(page, question, VISITOR[question.id]);
      }
      shots.push(await screenshot(page, `ui-check-${lang}-${size}`));
      await click(page, 'tab:explore');
      const first = (await state(page)).visible[0];
      await click(page, `policy:${first}`);
      shots.push(await screenshot(page, `ui-detail-${lang}-${size}`));
      for (const { png } of shots) {
        const stats = pixelStats(png);
        assert.equal(stats.width, viewport.width);
        assert.ok(stats.colours > 200, 'a drawn page, not a blank one');
        assert.ok(stats.darkShare > 0.002, 'with text on it');
      }
      // Nothing the visitor can click lies outside the window.
      for (const id of ['lang', 'tab:explore', 'tab:check', 'tab:compare', 'detail:back']) {
        const rect = await locate(page, id);
        assert.ok(rect, `${id} is on screen`);
        assert.ok(rect.x >= 0 && rect.x + rect.w <= viewport.width + 0.5, `${id} fits the width`);
      }
      expectNoProblems(assert, problems);
      await context.close();
    });
  }
}

// ---- data problems ---------------------------------------------------------------------------------------------------

test('a file with a broken policy shows the rest and says which was left out', async () => {
  const broken = JSON.parse(JSON.stringify(data));
  broken.policies[0].category = 'no-such-category';
  const context = await session.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.route('**/policies.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(broken) }));
  await page.goto(`${session.server.url}?as_of=${AS_OF}`);
  await page.evaluate(() => window.portal.ready);
  await settle(page, 3);
  const snapshot = await state(page);
  assert.equal(snapshot.error, null);
  assert.equal(snapshot.visible.length, data.policies.length - 1);
  assert.equal(snapshot.skipped_policies.length, 1);
  assert.equal(snapshot.skipped_policies[0].id, data.policies[0].id);
  assert.ok(await locate(page, 'notice:dismiss'), 'the notice is on screen');
  await screenshot(page, 'ui-broken-policy-zh');
  await click(page, 'notice:dismiss');
  assert.equal(await locate(page, 'notice:dismiss'), null);
  await context.close();
});

test('a fatal data error shows a clear message instead of a blank screen', async () => {
  const context = await session.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-US' });
  const page = await context.newPage();
  await page.route('**/policies.json', (route) => route.fulfill({ contentType: 'application/json', body: '{"format": "something-else"}' }));
  await page.goto(session.server.url);
  await page.evaluate(() => window.portal.ready);
  await settle(page, 3);
  const snapshot = await state(page);
  assert.ok(snapshot.error, 'the state reports the error');
  assert.ok(await locate(page, 'error'), 'the message is drawn');
  assert.ok(await locate(page, 'lang'), 'the language toggle still works');
  const { png } = await screenshot(page, 'ui-fatal-en-390x844');
  assert.ok(pixelStats(png).darkShare > 0.002);
  await context.close();
});

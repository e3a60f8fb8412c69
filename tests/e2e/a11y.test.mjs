// The accessibility mirror (shell/a11y-mirror.js, src/ui/a11y.hpp): what a screen reader and the keyboard get.
// The eligibility check is driven from its first question to the results only through role-based locators and
// the keyboard (the test hook is read to decide and to assert, never to act); axe-core judges each view; the
// browser's own accessibility tree (CDP Accessibility.getFullAXTree) is checked for the expected roles and names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { DIST, openPortal, expectNoProblems, state, locate, settle, screenshot, servedPortal, writeArtifact } from './harness.mjs';

const AS_OF = '2026-11-26';
const data = JSON.parse(readFileSync(path.join(DIST, 'policies.json'), 'utf8'));
const question = (id) => data.questions.find((q) => q.id === id);
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const session = servedPortal();

// The answers a visitor gives (the rest are skipped), as in the questionnaire test.
const CHOICES = {
  education: 'bachelor', full_time: true, double_first_class: false, shortage_major: false, hukou_shangyu: true,
  shangyu_native: false, work_location: 'shangyu', commit_5_years: true, subdistrict_employer: true,
  employer_sme: true, wage_below_average: true, owns_home: false, first_home_purchase: true,
  used_housing_benefit: false, skill_level: 'none', hardship_family: false, erjiang_talent: false,
  maker_types: ['digital'], first_time_founder: true, company_registered: false,
};
const TYPED = { number: '24', date: '2024-06-30' };

async function open(lang = 'zh') {
  return openPortal(session.browser, session.server.url, { query: `?as_of=${AS_OF}&lang=${lang}` });
}

// Waits for the app (and the mirror it updates) to reach a state; only reads the hook.
async function until(page, predicate, arg, what) {
  try {
    await page.waitForFunction(predicate, arg, { timeout: 60000, polling: 30 });
  } catch (err) {
    throw new Error(`${what}: ${err.message}`);
  }
  await settle(page);
}

async function mirrorSays(page) {
  return page.evaluate(() => document.querySelector('#a11y [role=status]').textContent);
}

async function axeProblems(page, view) {
  await page.evaluate(AXE);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  await writeArtifact(`a11y-axe-${view}.json`, JSON.stringify(result.violations, null, 2));
  return serious.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

async function axTree(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  return nodes.filter((n) => !n.ignored).map((n) => ({
    role: n.role?.value, name: n.name?.value || '', description: n.description?.value || '',
    props: Object.fromEntries((n.properties || []).map((p) => [p.name, p.value?.value])),
  }));
}

// A heading of the outline: its level and a part of its name.
function expectHeading(tree, level, name, view) {
  const headings = tree.filter((n) => n.role === 'heading').map((n) => `h${n.props.level} ${n.name}`);
  assert.ok(tree.some((n) => n.role === 'heading' && n.props.level === level && n.name.includes(name)),
    `${view}: an h${level} named "${name}" (headings: ${headings.join(' | ')})`);
}

// A region landmark named by its heading.
function expectRegion(tree, name, view) {
  assert.ok(tree.some((n) => n.role === 'region' && n.name.includes(name)),
    `${view}: a region named "${name}" (regions: ${tree.filter((n) => n.role === 'region').map((n) => n.name).join(' | ')})`);
}

function expectRoles(tree, expected, view) {
  for (const [role, name] of expected) {
    const found = tree.some((n) => n.role === role && (name === undefined || n.name.includes(name)));
    assert.ok(found, `${view}: the accessibility tree has a ${role}${name ? ` named "${name}"` : ''}`);
  }
}

let refused = null;  // the number question answered out of range once

// Answers the question being asked through the mirror: a button by its name, or the field by its role.
async function answer(page, id) {
  const q = question(id);
  const chosen = CHOICES[id];
  if (q.type === 'number' || q.type === 'date') {
    // The field's node (the page's input may stand over it). Focusing it starts the edit; when the page's focus
    // is on it already (back from the last answer's edit), Enter does.
    const field = page.locator('#a11y').getByRole('textbox');
    if (await field.evaluate((el) => el === document.activeElement)) await page.keyboard.press('Enter');
    else await field.focus();
    await until(page, () => window.portal.state().keyboard.editing, null, `${id}: the field takes the keyboard`);
    if (q.type === 'number' && refused === null) {
      // A number out of range is refused: the field is invalid, and says why.
      refused = id;
      await page.keyboard.type(String(q.max * 10 + 1));
      await page.keyboard.press('Enter');
      await until(page, () => window.portal.state().draft?.problem === 'above_max', null, `${id}: the answer is refused`);
      await until(page, () => document.querySelector('#a11y input[aria-invalid=true]'), null, `${id}: the field is invalid`);
      const invalid = (await axTree(page)).find((n) => n.role === 'textbox' && n.props.invalid === 'true');
      assert.ok(invalid, `${id}: the accessibility tree has an invalid textbox`);
      const why = await page.evaluate(() => {
        const el = document.querySelector('#a11y input[aria-invalid=true]');
        return document.getElementById(el.getAttribute('aria-errormessage'))?.textContent;
      });
      assert.match(why || '', /不能大于/, `${id}: the field's error message is the reason shown`);
      assert.ok(invalid.description?.includes('不能大于'), `${id}: the reason is the field's description (${JSON.stringify(invalid)})`);
      await until(page, () => window.portal.state().keyboard.editing, null, `${id}: the refused field takes the keyboard again`);
    }
    await page.keyboard.type(TYPED[q.type]);
    await page.keyboard.press('Enter');
  } else if (chosen === undefined) {
    await page.getByRole('button', { name: '跳过', exact: true }).press('Enter');
  } else if (q.type === 'multi') {
    for (const value of chosen) {
      const label = q.options.find((o) => o.value === value).label.zh;
      await page.getByRole('button', { name: label, exact: true }).press('Space');
      await until(page, (v) => (window.portal.state().draft?.options || []).includes(v), value, `${id}: ${value} chosen`);
    }
    await page.getByRole('button', { name: '下一步 →', exact: true }).press('Enter');
  } else {
    const label = q.type === 'boolean' ? (chosen ? '是' : '否') : q.options.find((o) => o.value === chosen).label.zh;
    await page.getByRole('button', { name: label, exact: true }).press('Enter');
  }
  await until(page, (q2) => window.portal.state().next_question !== q2, id, `answering ${id} moved on`);
}

test('explore and a detail page: landmarks, tabs, searchbox, list of cards; axe finds nothing serious', async () => {
  const { context, page, problems } = await open('zh');
  await until(page, () => document.querySelectorAll('#a11y li').length > 0, null, 'the mirror lists the cards');
  const explore = await axTree(page);
  expectRoles(explore, [['banner'], ['navigation', '主导航'], ['main'], ['tablist'], ['tab', '浏览政策'], ['tab', '资格自测'],
    ['searchbox', '搜索政策'], ['list'], ['listitem'], ['link'], ['checkbox'], ['button', 'English']], 'explore');
  assert.ok(explore.some((n) => n.role === 'tab' && n.name.includes('浏览政策') && n.props.selected === true), 'the explore tab is selected');
  // The outline starts at the view; text ImGui draws as plain lines (the sort label, the count) is read too.
  expectHeading(explore, 1, '浏览政策', 'explore');
  assert.equal(explore.filter((n) => n.role === 'heading' && n.props.level === 1).length, 1, 'explore: one h1');
  assert.ok(explore.some((n) => n.role === 'StaticText' && /共 \d+ 项政策/.test(n.name)), 'explore: the count drawn as a line is read');
  assert.deepEqual(await axeProblems(page, 'explore'), [], 'explore: serious or critical axe violations');

  // Searching through the searchbox says how many policies are left.
  await page.getByRole('searchbox').focus();
  await until(page, () => window.portal.state().keyboard.editing, null, 'the search field takes the keyboard');
  await page.keyboard.type('公寓');
  await until(page, () => window.portal.state().query === '公寓', null, 'the query reached the app');
  await until(page, () => /共 \d+ 项政策/.test(document.querySelector('#a11y [role=status]').textContent), null, 'the count is announced');
  const { visible } = await state(page);
  assert.match(await mirrorSays(page), new RegExp(`共 ${visible.length} 项政策`));
  await page.keyboard.press('Enter');
  await until(page, () => !window.portal.state().keyboard.editing, null, 'Enter ends the edit');
  assert.equal((await state(page)).query, '公寓');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.key), 'search', 'focus is back on the searchbox');

  // A card is a link; Enter opens its details, which are announced; Escape goes back.
  const first = visible[0];
  const title = data.policies.find((p) => p.id === first).title.zh;
  await page.locator(`#a11y [data-key="policy:${first}"]`).press('Enter');
  await until(page, () => window.portal.state().view === 'detail', null, 'Enter on the card opens the details');
  await until(page, (t) => document.querySelector('#a11y [role=status]').textContent.includes(t), title, 'the opened view is announced');
  const detail = await axTree(page);
  expectRoles(detail, [['heading'], ['button', '返回'], ['main']], 'detail');
  expectHeading(detail, 1, title, 'detail');
  assert.equal(detail.filter((n) => n.role === 'heading' && n.props.level === 1).length, 1, 'detail: one h1, the title');
  const sections = detail.filter((n) => n.role === 'heading' && n.props.level === 2);
  assert.ok(sections.length >= 1, 'detail: its sections are h2');
  for (const section of sections) expectRegion(detail, section.name, 'detail');
  assert.deepEqual(await axeProblems(page, 'detail'), [], 'detail: serious or critical axe violations');
  await page.keyboard.press('Escape');
  await until(page, () => window.portal.state().view === 'explore', null, 'Escape returns to the list');
  await until(page, (k) => document.activeElement?.dataset?.key === k && window.portal.state().focus === k,
    `policy:${first}`, 'focus returns to the card that was opened');
  expectNoProblems(assert, problems);
  await context.close();
});

test('the whole eligibility check by role and keyboard alone, then the results and compare', async () => {
  const { context, page, problems } = await open('zh');
  await page.getByRole('tab', { name: '资格自测' }).press('Enter');
  await until(page, () => window.portal.state().view === 'check', null, 'the check tab opens');
  await until(page, () => document.querySelector('#a11y [role=status]').textContent.includes('资格自测'), null, 'the opened view is announced');
  const checkTree = await axTree(page);
  expectRoles(checkTree, [['tab', '资格自测'], ['button', '跳过']], 'check');
  assert.deepEqual(await axeProblems(page, 'check'), [], 'check: serious or critical axe violations');

  const asked = [];
  for (let step = 0; step < 80; step += 1) {
    const { next_question: id } = await state(page);
    if (!id) break;
    asked.push(id);
    await answer(page, id);
    if (CHOICES[id] !== undefined) {
      await until(page, () => /\d+ 项符合/.test(document.querySelector('#a11y [role=status]').textContent), null, `${id}: the answer's effect is announced`);
    }
  }
  const done = await state(page);
  assert.equal(done.next_question, null, `every question was answered or skipped (${asked.length} asked)`);
  for (const [id, value] of Object.entries(done.profile)) {
    if (CHOICES[id] !== undefined) assert.deepEqual(value, CHOICES[id], `${id} has the answer given by keyboard`);
  }
  const eligible = Object.values(done.statuses).filter((s) => s === 'eligible').length;
  assert.match(await mirrorSays(page), new RegExp(`^${eligible} 项符合`), 'the last announcement counts the policies that apply');
  // Focus landed on a control (not lost to the page), and the widget ImGui focuses (its ring in the screenshot) is
  // the one the accessibility tree says is focused.
  const focusedKey = await page.evaluate(() => document.activeElement?.dataset?.key);
  assert.ok(focusedKey, 'after the last answer the page\'s focus is on a mirror node');
  await until(page, (k) => window.portal.state().focus === k, focusedKey, 'ImGui focuses the same widget');
  const focusedNode = (await axTree(page)).find((n) => n.props.focused === true && n.role !== 'RootWebArea');
  assert.ok(focusedNode, 'the accessibility tree has a focused node');
  const focusedName = await page.evaluate(() => document.activeElement.textContent || document.activeElement.getAttribute('aria-label'));
  assert.equal(focusedNode.name, focusedName, `the focused node of the tree (${JSON.stringify(focusedNode)}) is the mirror node ImGui focuses (${focusedKey})`);
  await screenshot(page, 'a11y-keyboard-results');
  const results = await axTree(page);
  expectRoles(results, [['link'], ['list'], ['checkbox']], 'results');
  assert.ok(refused, 'a number question was answered out of range once');
  // The outline of the results: the view, the results (a region), the best combination and the groups in it.
  expectHeading(results, 1, '资格自测', 'results');
  expectHeading(results, 2, '结果', 'results');
  expectRegion(results, '结果', 'results');
  expectHeading(results, 3, '最佳', 'results');
  expectHeading(results, 3, '符合', 'results');
  assert.deepEqual(await axeProblems(page, 'results'), [], 'results: serious or critical axe violations');

  // Compare two policies, reached by the tab.
  await page.getByRole('tab', { name: '浏览政策' }).press('Enter');
  await until(page, () => window.portal.state().view === 'explore', null, 'back to explore');
  const [a, b] = (await state(page)).visible;
  for (const id of [a, b]) await page.locator(`#a11y [data-key="compare:${id}"]`).press('Enter');
  await until(page, () => window.portal.state().compare.length === 2, null, 'two policies chosen');
  await page.getByRole('tab', { name: '对比' }).press('Enter');
  await until(page, () => window.portal.state().view === 'compare', null, 'the compare tab opens');
  const compare = await axTree(page);
  expectRoles(compare, [['tab', '对比'], ['main']], 'compare');
  expectHeading(compare, 2, '对比', 'compare');
  assert.deepEqual(await axeProblems(page, 'compare'), [], 'compare: serious or critical axe violations');
  expectNoProblems(assert, problems);
  await context.close();
});

test('focus follows both ways, a DOM click acts like a visitor, Tab leaves the canvas, the mirror idles', async () => {
  const { context, page, problems } = await open('en');
  await until(page, () => document.querySelectorAll('#a11y button').length > 0, null, 'the mirror is built');
  // Tab on the canvas enters the mirror; ImGui's focus (state().focus) is the focused node's widget.
  await page.evaluate(() => document.getElementById('canvas').focus());
  await page.keyboard.press('Tab');
  await until(page, () => document.activeElement?.closest('#a11y') && window.portal.state().focus
    === document.activeElement.dataset.key, null, 'Tab entered the mirror and ImGui follows its focus');
  await page.keyboard.press('Tab');
  await until(page, () => window.portal.state().focus === document.activeElement.dataset.key, null, 'the next Tab stop is ImGui\'s focus too');
  // Shift+Tab from the first node reaches the page's own links.
  const first = await page.evaluate(() => [...document.querySelectorAll('#a11y [data-key]')].find((el) => el.tabIndex >= 0).dataset.key);
  await page.locator(`#a11y [data-key="${first}"]`).focus();
  // ImGui takes that focus on its next frame; until it has, a mirror update may still move the page's focus to
  // the widget ImGui had before.
  await until(page, (key) => window.portal.state().focus === key && document.activeElement?.dataset.key === key, first,
    'ImGui follows the focus put on the first node');
  await page.keyboard.press('Shift+Tab');
  await until(page, () => document.activeElement?.classList.contains('a11y-skip'), null, 'Shift+Tab reached the skip link');
  await page.keyboard.press('Shift+Tab');
  await until(page, () => document.activeElement?.getAttribute('href') === 'policies.html', null, 'the text version link is reachable');
  // A DOM click on the language button clicks the widget: the app switches language as for a mouse.
  await page.getByRole('button', { name: '中文', exact: true }).dispatchEvent('click');
  await until(page, () => window.portal.state().lang === 'zh', null, 'the click switched the language');
  await until(page, () => document.querySelector('#a11y').lang === 'zh-CN', null, 'the mirror speaks Chinese now');
  // Idle: the loop pauses and the mirror is not touched.
  await until(page, () => window.portal.state().paused, null, 'the page goes idle');
  const mutations = await page.evaluate(() => new Promise((resolve) => {
    let count = 0;
    const observer = new MutationObserver((list) => { count += list.length; });
    observer.observe(document.getElementById('a11y'), { subtree: true, attributes: true, childList: true, characterData: true });
    setTimeout(() => { observer.disconnect(); resolve(count); }, 1000);
  }));
  assert.equal(mutations, 0, 'an idle page changes nothing in the mirror');
  expectNoProblems(assert, problems);
  await context.close();
});

// What a person zoomed in or on a narrow phone gets: every located widget's label fits it, every control the
// mirror places on screen lies inside the window and is at least 24 x 24 CSS pixels (WCAG 2.2, 2.5.8). A control
// cut by the edge of its scrolling pane is judged by what remains only when it is not at that edge.
async function layoutProblems(page) {
  const { located } = await state(page);
  const problems = [];
  for (const id of located) {
    const rect = await locate(page, id);
    if (rect && rect.label !== undefined && rect.label > rect.w + 0.5) problems.push(`${id}: label ${rect.label} > ${rect.w}`);
  }
  const controls = await page.evaluate(() => [...document.querySelectorAll('#a11y [data-key]')]
    .filter((el) => el.matches('button, a[role=link], input') && !el.classList.contains('a11y-away'))
    .map((el) => ({ key: el.dataset.key, x: parseFloat(el.style.left), y: parseFloat(el.style.top),
      w: parseFloat(el.style.width), h: parseFloat(el.style.height) })));
  const { innerWidth: width, innerHeight: height } = await page.evaluate(() => ({ innerWidth, innerHeight }));
  for (const c of controls) {
    if (c.x < -0.5 || c.x + c.w > width + 0.5) problems.push(`${c.key}: outside the window (${c.x}..${c.x + c.w} of ${width})`);
    const atEdge = c.y + c.h >= height - 40;  // may be cut by the bottom of its pane
    if (c.w < 24 || (c.h < 24 && !atEdge)) problems.push(`${c.key}: ${c.w} x ${c.h} CSS px`);
  }
  return { problems, controls: controls.length };
}

for (const { name, viewport, deviceScaleFactor } of [
  { name: '320 CSS px wide', viewport: { width: 320, height: 640 }, deviceScaleFactor: 1 },
  { name: '200 % zoom', viewport: { width: 683, height: 384 }, deviceScaleFactor: 2 },
]) {
  test(`at ${name}: nothing is cut off and every control is at least 24 x 24 CSS px`, async () => {
    const { context, page, problems } = await openPortal(session.browser, session.server.url,
      { query: `?as_of=${AS_OF}&lang=zh`, viewport, deviceScaleFactor });
    await until(page, () => document.querySelectorAll('#a11y li').length > 0, null, 'the mirror lists the cards');
    const views = [];
    views.push(['explore', await layoutProblems(page)]);
    const first = (await state(page)).visible[0];
    await page.locator(`#a11y [data-key="policy:${first}"]`).press('Enter');
    await until(page, () => window.portal.state().view === 'detail', null, 'the details open');
    views.push(['detail', await layoutProblems(page)]);
    await page.keyboard.press('Escape');
    await until(page, () => window.portal.state().view === 'explore', null, 'back to the list');
    await page.getByRole('tab', { name: /自测/ }).press('Enter');
    await until(page, () => window.portal.state().view === 'check', null, 'the check opens');
    views.push(['check', await layoutProblems(page)]);
    await screenshot(page, `a11y-${name.replace(/\W+/g, '-')}`);
    await context.close();

    // The results, as a link with the answers opens them, brought into view the way a keyboard user reaches them
    // (focusing the first result's control); then compare with two policies.
    const answers = encodeURIComponent(JSON.stringify(CHOICES));
    const [a, b] = data.policies.map((policy) => policy.id);
    for (const [view, fragment] of [['results', `#v=check&a=${answers}`], ['compare', `#v=compare&cmp=${a},${b}`]]) {
      const opened = await openPortal(session.browser, session.server.url,
        { query: `?as_of=${AS_OF}&lang=zh${fragment}`, viewport, deviceScaleFactor });
      if (view === 'results') {
        // The results stand below the question on a narrow screen: the wheel brings them up.
        await opened.page.mouse.move(viewport.width / 2, viewport.height / 2);
        for (let turn = 0; turn < 20; turn += 1) {
          const shown = await opened.page.evaluate(() => [...document.querySelectorAll('#a11y [data-key^="result:"]')]
            .filter((el) => parseFloat(el.style.top) > 0 && parseFloat(el.style.top) < innerHeight / 2).length);
          if (shown > 0) break;
          await opened.page.mouse.wheel(0, viewport.height / 4);
          await settle(opened.page);
        }
        await until(opened.page, () => document.querySelector('#a11y [data-key^="result:"]'), null, 'the results are mirrored');
      } else {
        await until(opened.page, (n) => window.portal.state().view === 'compare' && window.portal.state().compare.length === n, 2, 'compare opens');
      }
      await settle(opened.page);
      views.push([view, await layoutProblems(opened.page)]);
      await screenshot(opened.page, `a11y-${name.replace(/\W+/g, '-')}-${view}`);
      problems.push(...opened.problems);
      await opened.context.close();
    }
    for (const [view, found] of views) {
      assert.ok(found.controls > 3, `${name}, ${view}: controls were measured (${found.controls})`);
      assert.deepEqual(found.problems, [], `${name}, ${view}`);
    }
    expectNoProblems(assert, problems);
  });
}

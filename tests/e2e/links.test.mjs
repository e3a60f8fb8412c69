// The portal behaves like a web page: a link opens the same screen, back and forward move between screens,
// "copy link" uses the clipboard (answers only when asked), broken links get a notice, answers are remembered
// on the device only on request, and "how to apply" links open in a new tab.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  DIST, openPortal, expectNoProblems, state, locate, settle, click, scrollTo, screenshot,
  servedPortal,
} from './harness.mjs';

const AS_OF = '2026-11-26';
const data = JSON.parse(readFileSync(path.join(DIST, 'policies.json'), 'utf8'));
const withLink = data.policies.find((p) => (p.apply?.links || []).some((l) => /^https:/.test(l.url)));

const session = servedPortal();

const open = (suffix = '', options = {}) => openPortal(session.browser, session.server.url, { ...options, query: `?as_of=${AS_OF}${suffix}` });
const hash = (page) => page.evaluate(() => location.hash);

test('a deep link opens the screen it names', async () => {
  const policy = data.policies[3].id;
  const category = data.policies[3].category;
  const { context, page, problems } = await open(`#v=detail&lang=en&cat=${category}&p=${policy}`);
  await settle(page);
  const s = await state(page);
  assert.equal(s.view, 'detail');
  assert.equal(s.lang, 'en');
  assert.equal(s.selected, policy);
  assert.deepEqual(s.filters.categories, [category]);
  assert.ok(await locate(page, 'detail:title'), 'the policy is shown');
  assert.equal(await locate(page, 'notice:link'), null, 'a good link raises no notice');
  expectNoProblems(assert, problems);
  await context.close();
});

test('back and forward move between screens; typing does not flood the history', async () => {
  const { context, page, problems } = await open();
  await settle(page);
  const first = data.policies[0].id;
  const startLength = await page.evaluate(() => history.length);
  await click(page, `filter:category:${data.policies[0].category}`);
  assert.match(await hash(page), /cat=/);
  assert.equal(await page.evaluate(() => history.length), startLength, 'a filter edits the screen (replace)');

  await click(page, `policy:${first}`);
  assert.equal((await state(page)).view, 'detail');
  assert.match(await hash(page), new RegExp(`p=${first}`));
  assert.equal(await page.evaluate(() => history.length), startLength + 1, 'a new screen is a history entry');

  await page.goBack();
  await settle(page);
  let s = await state(page);
  assert.equal(s.view, 'explore');
  assert.deepEqual(s.filters.categories, [data.policies[0].category], 'the filter is still there');

  await page.goForward();
  await settle(page);
  s = await state(page);
  assert.equal(s.view, 'detail');
  assert.equal(s.selected, first);
  expectNoProblems(assert, problems);
  await context.close();
});

test('a malformed or hostile fragment is ignored with a short notice', async () => {
  const hostile = '#v=%3Cscript%3E&p=../../etc&cat=' + 'x'.repeat(300) + '&a=%7Bbroken&q=%E0%80';
  const { context, page, problems } = await open(hostile);
  await settle(page);
  const s = await state(page);
  assert.equal(s.error, null);
  assert.equal(s.view, 'explore');
  assert.deepEqual(s.profile, {});
  assert.ok(await locate(page, 'notice:link'), 'the notice is shown');
  await screenshot(page, 'links-hostile-notice');
  await click(page, 'notice:link');
  assert.equal(await locate(page, 'notice:link'), null);
  const huge = await open('#q=' + 'y'.repeat(100 * 1024));
  await settle(huge.page);
  assert.equal((await state(huge.page)).query, '', 'a 100 KB fragment is not ours');
  assert.ok(await locate(huge.page, 'notice:link'));
  expectNoProblems(assert, [...problems, ...huge.problems]);
  await huge.context.close();
  await context.close();
});

async function answerFirstQuestion(page) {
  await click(page, 'tab:check');
  const s = await state(page);
  const question = data.questions.find((q) => q.id === s.next_question);
  const answerId = question.type === 'boolean' ? 'answer:true' : `answer:${question.options[0].value}`;
  await click(page, answerId);
  return (await state(page)).profile;
}

test('copy link puts the screen on the clipboard; answers go only with "share with my answers"', async () => {
  const { context, page, problems } = await open();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.server.url });
  await settle(page);
  await click(page, 'copy-link');
  await settle(page);
  const plain = await page.evaluate(() => navigator.clipboard.readText());
  // The page was opened for another date (?as_of=): the copied link keeps it, so it shows the same results.
  assert.equal(plain, new URL(`/?as_of=${AS_OF}`, session.server.url).href + (await hash(page)));
  assert.doesNotMatch(plain, /[#&]a=/);

  const profile = await answerFirstQuestion(page);
  assert.doesNotMatch(await hash(page), /[#&]a=/, 'answers never sit in the address bar');
  await scrollTo(page, 'share-answers', { x: 1000, y: 500 });
  await click(page, 'share-answers');
  await settle(page);
  const shared = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(shared, /[#&]a=/);

  const other = await context.newPage();
  assert.ok(shared.includes(`?as_of=${AS_OF}#`), 'the shared link keeps the date too');
  await other.goto(shared);
  await other.evaluate(() => window.portal.ready);
  await settle(other);
  assert.deepEqual((await state(other)).profile, profile, 'the shared answers arrive');
  assert.doesNotMatch(await hash(other), /[#&]a=/, 'and leave the address bar once applied');
  expectNoProblems(assert, problems);
  await context.close();
});

test('answers are remembered on this device only when asked, and forgotten on request', async () => {
  const { context, page, problems } = await open();
  await settle(page);
  const profile = await answerFirstQuestion(page);
  const stored = () => page.evaluate(() => JSON.stringify(Object.assign({}, localStorage)));
  assert.equal(await stored(), '{}', 'nothing is stored by default');

  await scrollTo(page, 'remember', { x: 1000, y: 500 });
  await click(page, 'remember');
  assert.match(await stored(), /shangyu-portal\.answers/);

  await page.reload();
  await page.evaluate(() => window.portal.ready);
  await settle(page);
  assert.deepEqual((await state(page)).profile, profile, 'remembered after a reload');

  await click(page, 'tab:check');
  await scrollTo(page, 'forget', { x: 1000, y: 500 });
  await click(page, 'forget');
  assert.equal(await stored(), '{}');
  assert.deepEqual((await state(page)).profile, {});
  expectNoProblems(assert, problems);
  await context.close();
});

test('a "how to apply" link opens in a new tab without a handle back to the portal', async () => {
  assert.ok(withLink, 'the data has a policy with an https link');
  const { context, page, problems } = await open(`#v=detail&p=${withLink.id}`);
  await context.route((url) => !url.href.startsWith(session.server.url), (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<title>office</title>' }));
  await settle(page);
  await scrollTo(page, 'link:0', { x: 600, y: 500 });
  const [popup] = await Promise.all([context.waitForEvent('page'), click(page, 'link:0')]);
  await popup.waitForLoadState();
  const url = withLink.apply.links.find((l) => /^https?:/.test(l.url)).url;
  assert.equal(popup.url().replace(/\/$/, ''), url.replace(/\/$/, ''));
  assert.equal(await popup.evaluate(() => window.opener), null, 'noopener');
  assert.equal((await state(page)).view, 'detail', 'the portal stays where it was');
  expectNoProblems(assert, problems);
  await context.close();
});

test('a visitor can download a summary of their results as HTML and as text', async () => {
  const { context, page, problems } = await open();
  await settle(page);
  await answerFirstQuestion(page);
  const s = await state(page);
  const eligible = Object.entries(s.statuses).filter(([, status]) => status === 'eligible').map(([id]) => id);
  await scrollTo(page, 'download:html', { x: 1000, y: 500 });
  for (const [id, extension] of [['download:html', 'html'], ['download:text', 'txt']]) {
    const [download] = await Promise.all([page.waitForEvent('download'), click(page, id)]);
    assert.equal(download.suggestedFilename(), `shangyu-policy-results-${AS_OF}.${extension}`);
    const file = await download.path();
    const content = readFileSync(file, 'utf8');
    assert.ok(content.includes(AS_OF), 'the evaluation date');
    assert.ok(content.includes(data.version), 'the data version');
    for (const policyId of eligible) {
      const title = data.policies.find((p) => p.id === policyId).title.zh;
      assert.ok(content.includes(title), `eligible policy ${policyId} is listed`);
    }
    if (extension === 'html') {
      assert.match(content, /<html lang=/);
      assert.doesNotMatch(content, /<script/i);
    }
  }
  expectNoProblems(assert, problems);
  await context.close();
});

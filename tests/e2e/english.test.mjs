// The policies' English texts apart from the data (src/app/english.hpp, scripts/finish_dist.py). A page that
// starts in Chinese downloads policies.json without them and asks for policy-english.json right after its first
// frame: switching to English before it arrived says so, then shows the English. A page that starts in English
// (the browser's language, ?lang=en, or a link's #lang=en) fetches it with the data and shows English titles in its
// first frame. English made for other data, or missing, is refused and said; the policies stay listed in Chinese.
// (Offline copies: tests/e2e/offline.test.mjs.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, writeFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DIST, serveDist, launchBrowser, expectNoProblems, openRecordingFetches, mirrorText, waitForMirror, state, screenshot, click } from './harness.mjs';

const ENGLISH = 'policy-english.json';
const english = JSON.parse(await readFile(path.join(DIST, ENGLISH), 'utf8'));
const data = JSON.parse(await readFile(path.join(DIST, 'policies.json'), 'utf8'));
// The title in each language of the policy the list shows first (ordered by the app, not by the file).
const titleEn = (id) => english.policies.find((entry) => entry.id === id).title.en;
const titleZh = (id) => data.policies.find((policy) => policy.id === id).title.zh;
const firstShown = async (page) => (await state(page)).visible[0];
const LOADING = "The policies' English texts are loading";

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const open = (server, locale, address = '') => openRecordingFetches(browser, server.url, locale, address);

async function waitForEnglish(page, status) {
  await page.waitForFunction((s) => window.portal.state().english.status === s, status, { polling: 100, timeout: 30000 });
}

const englishFetches = (page) => page.evaluate((name) => window.portalFetches.filter((f) => f.url === '/' + name), ENGLISH);

test('a Chinese start leaves the English for after the first frame; switching before it arrived says so, then shows it', async () => {
  const server = await serveDist();
  const held = server.hold('/' + ENGLISH);
  const { context, page, problems } = await open(server, 'zh-CN');
  await held.arrived;
  const asked = await englishFetches(page);
  assert.equal(asked.length, 1);
  assert.ok(asked[0].frames >= 1, `the English was asked for after the first frame: ${JSON.stringify(asked)}`);
  const first = server.requests.indexOf('/' + ENGLISH);
  for (const name of ['/policies.json', '/app.wasm', '/portal-font.ttf']) {
    assert.ok(server.requests.indexOf(name) >= 0 && server.requests.indexOf(name) < first, `${name} before the English`);
  }
  const shown = await firstShown(page);
  const TITLE_EN = titleEn(shown);
  await waitForMirror(page, titleZh(shown));

  await click(page, 'lang');
  assert.equal((await state(page)).lang, 'en');
  await waitForMirror(page, LOADING);
  assert.ok(!(await mirrorText(page)).includes(TITLE_EN), 'no English title before it arrived');
  await screenshot(page, 'english-switch-loading');

  held.release();
  await waitForEnglish(page, 'joined');
  await waitForMirror(page, TITLE_EN);
  assert.ok(!(await mirrorText(page)).includes(LOADING), 'the loading line is gone');
  const snapshot = await state(page);
  assert.deepEqual(snapshot.english.problems, []);
  assert.ok(snapshot.english.texts > english.policies.length);
  await screenshot(page, 'english-switch-arrived');
  expectNoProblems(assert, problems);
  await context.close();
  await server.close();
});

for (const [how, locale, address] of [['the browser\'s language', 'en-US', ''], ['a link\'s #lang=en', 'zh-CN', '#lang=en']]) {
  test(`an English start (${how}) fetches the English with the data: English titles in the first frame`, async () => {
    const server = await serveDist();
    const { context, page, problems } = await open(server, locale, address);
    const snapshot = await state(page);  // the page is ready: its first frame is drawn
    assert.equal(snapshot.lang, 'en');
    assert.equal(snapshot.english.status, 'joined', 'joined before the first frame');
    const asked = await englishFetches(page);
    assert.equal(asked.length, 1);
    assert.equal(asked[0].frames, 0, 'fetched before the app started');
    await waitForMirror(page, titleEn(snapshot.visible[0]));
    assert.ok(!(await mirrorText(page)).includes(LOADING));
    if (!address) await screenshot(page, 'english-start');
    expectNoProblems(assert, problems);
    await context.close();
    await server.close();
  });
}

test('English made for other data, or missing, is refused and said; the policies stay listed in Chinese', async () => {
  const site = await mkdtemp(path.join(os.tmpdir(), 'portal-english-'));
  await cp(DIST, site, { recursive: true });
  await writeFile(path.join(site, ENGLISH), JSON.stringify({ ...english, data_sha256: '0'.repeat(64) }));
  const server = await serveDist(site);
  let { context, page, problems } = await open(server, 'en-US');
  await waitForMirror(page, '/data_sha256');
  let snapshot = await state(page);
  assert.equal(snapshot.english.status, 'failed');
  assert.equal(snapshot.error, null);
  assert.ok(snapshot.visible.length > 0, 'the policies are still listed');
  assert.match(snapshot.english.problems[0], /policy-english\.json: \/data_sha256: error: these English texts were made for other policy data/);
  await waitForMirror(page, titleZh(snapshot.visible[0]));
  assert.ok(!(await mirrorText(page)).includes(titleEn(snapshot.visible[0])));
  expectNoProblems(assert, problems);
  await context.close();

  await rm(path.join(site, ENGLISH));
  ({ context, page, problems } = await open(server, 'en-US'));
  snapshot = await state(page);
  assert.equal(snapshot.english.status, 'failed');
  assert.equal(snapshot.error, null);
  assert.ok(snapshot.visible.length > 0);
  await waitForMirror(page, 'HTTP 404');
  // The browser itself logs the missing file; nothing else may go wrong.
  expectNoProblems(assert, problems.filter((p) => !/status of 404/.test(p)));
  await context.close();
  await server.close();
  await rm(site, { recursive: true, force: true });
});

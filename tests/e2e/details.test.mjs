// The visitor's data in two parts (src/app/details.hpp, scripts/finish_dist.py): policies.json without the
// policies' details before the first frame, policy-details.json right after it. A detail opened before the details
// arrive says they are loading, then shows them; details made for other data are refused and say why, while the
// rest of the portal works. (Offline copies: tests/e2e/offline.test.mjs.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, writeFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DIST, serveDist, launchBrowser, expectNoProblems, openRecordingFetches, mirrorText, waitForMirror, state, screenshot } from './harness.mjs';

const DETAILS = 'policy-details.json';
const details = JSON.parse(await readFile(path.join(DIST, DETAILS), 'utf8'));
const withDetails = details.policies.find((entry) => entry.details);
// The start of its Chinese text: enough to find it in the accessibility mirror, whatever the line breaks.
const opening = withDetails.details.zh.slice(0, 12);
const LOADING = '正在加载详细说明';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const open = (server, fragment) => openRecordingFetches(browser, server.url, 'zh-CN', '#' + fragment);

async function waitForDetails(page, status) {
  await page.waitForFunction((s) => window.portal.state().details.status === s, status, { polling: 100, timeout: 30000 });
}

test('the details come after the first frame: a detail opened before says loading, then shows them', async () => {
  const server = await serveDist();
  const held = server.hold('/' + DETAILS);
  const { context, page, problems } = await open(server, `v=detail&p=${withDetails.id}`);
  await held.arrived;
  // The first frame was drawn with everything else downloaded, the details still to come.
  const first = server.requests.indexOf('/' + DETAILS);
  for (const name of ['/policies.json', '/app.wasm', '/portal-font.ttf']) {
    assert.ok(server.requests.indexOf(name) >= 0 && server.requests.indexOf(name) < first, `${name} before the details`);
  }
  const fetches = await page.evaluate(() => window.portalFetches);
  const asked = fetches.filter((f) => f.url === '/' + DETAILS);
  assert.equal(asked.length, 1, JSON.stringify(fetches));
  assert.ok(asked[0].frames >= 1, `the details were asked for after the first frame: ${JSON.stringify(fetches)}`);
  // The rest before it, but the policies' English, which a page starting in Chinese also asks for after it.
  assert.ok(fetches.filter((f) => !['/' + DETAILS, '/policy-english.json'].includes(f.url)).every((f) => f.frames === 0),
    'the rest before it');
  assert.equal((await state(page)).details.status, 'requested');
  assert.equal((await state(page)).view, 'detail');
  await waitForMirror(page, LOADING);
  assert.ok(!(await mirrorText(page)).includes(opening), 'no details text before it arrives');
  await screenshot(page, 'details-loading');

  held.release();
  await waitForDetails(page, 'joined');
  await waitForMirror(page, opening);
  assert.ok(!(await mirrorText(page)).includes(LOADING), 'the loading line is gone');
  assert.deepEqual((await state(page)).details.problems, []);
  expectNoProblems(assert, problems);
  await context.close();
  await server.close();
});

test('details made for other data are refused: the detail says why, the rest of the portal works', async () => {
  const site = await mkdtemp(path.join(os.tmpdir(), 'portal-details-'));
  await cp(DIST, site, { recursive: true });
  const other = { ...details, data_sha256: '0'.repeat(64) };
  await writeFile(path.join(site, DETAILS), JSON.stringify(other));
  const server = await serveDist(site);
  const { context, page, problems } = await open(server, `v=detail&p=${withDetails.id}`);
  await waitForDetails(page, 'failed');
  await waitForMirror(page, '/data_sha256');
  const text = await mirrorText(page);
  assert.ok(text.includes('详细说明暂不可用') && !text.includes(opening), 'says why, shows no text');
  const snapshot = await state(page);
  assert.equal(snapshot.error, null);
  assert.ok(snapshot.visible.length > 0, 'the policies are still listed');
  assert.match(snapshot.details.problems[0], /policy-details\.json: \/data_sha256: error: these details were made for other policy data/);
  expectNoProblems(assert, problems);
  await context.close();
  await server.close();
  await rm(site, { recursive: true, force: true });
});

// Offline use, for both pages (the visitor's index.html and the booth's kiosk.html): each page's own service
// worker (a page visited once works with the network off, caches only what it needs, and updates cleanly), and
// each page's single self-contained file opened from file:// for USB-stick demos.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, writeFile, rm } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import {
  DIST, REPO, serveDist, launchBrowser, expectNoProblems, state, screenshot, pixelStats, settle,
} from './harness.mjs';

let browser;
let site;   // a private copy of the bundle, so the update test can "deploy" a new version
let server;

before(async () => {
  site = await mkdtemp(path.join(os.tmpdir(), 'portal-site-'));
  await cp(DIST, site, { recursive: true });
  server = await serveDist(site);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (site) await rm(site, { recursive: true, force: true });
});

function watch(page) {
  const problems = [];
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`); });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  return problems;
}

// The policies' details and English are complete offline: the visitor's page fetches them (from the worker's cache,
// or inline in the single file), the booth's data holds them.
async function detailsComplete(page, page_) {
  const expected = page_.name === 'booth' ? 'in_data' : 'joined';
  await page.waitForFunction((s) => window.portal.state().details.status === s && window.portal.state().english.status === s,
    expected, { polling: 100, timeout: 30000 });
}

async function controlledBy(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) {
    await page.reload();
    await page.evaluate(() => window.portal.ready);
  }
  return page.evaluate(() => navigator.serviceWorker.controller.scriptURL);
}

// Polls an asynchronous check in the page (the Cache Storage API only answers with promises) until it holds.
// page.waitForFunction cannot: it takes the promise such a check returns as a truthy answer and stops at once.
async function until(page, check, arg, what, timeout = 60000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    // A navigation under way destroys the page's context: that poll just did not answer.
    if (await page.evaluate(check, arg).catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting until ${what}`);
    await new Promise((resolve) => { setTimeout(resolve, 100); });
  }
}

const PAGES = [
  { name: 'visitor', path: '', worker: /\/sw\.js$/, single: 'portal-offline.html', app: 'app', other: 'booth', data: 'policies.json' },
  { name: 'booth', path: 'kiosk.html', worker: /\/kiosk-sw\.js$/, single: 'kiosk-offline.html', app: 'booth', other: 'app', data: 'kiosk-policies.json' },
];

// A first visit, until the page's own service worker controls it.
async function visitOnce(page_) {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  const problems = watch(page);
  await page.goto(server.url + page_.path);
  await page.evaluate(() => window.portal.ready);
  assert.match(await controlledBy(page), page_.worker);
  return { context, page, problems };
}

// Deploys a new version of the site: other data (its version + `suffix`), so other fingerprints and new workers.
// The build copies the contract file as kiosk-policies.json (the booth's); finish_dist.py makes the visitor's
// policies.json from it. Returns the new version.
async function deploy(suffix) {
  const dataFile = path.join(site, 'kiosk-policies.json');
  const data = JSON.parse(await readFile(dataFile, 'utf8'));
  data.version += suffix;
  await writeFile(dataFile, JSON.stringify(data, null, 2));
  finishSite();
  return data.version;
}

function finishSite() {
  const built = path.join(path.dirname(DIST), 'src', 'platform');
  execFileSync('python3', [path.join(REPO, 'scripts', 'finish_dist.py'), site, path.join(built, 'app-single.js'),
    path.join(built, 'booth-single.js')]);
}

for (const page_ of PAGES) {
  test(`${page_.name}: after one visit the page works with the network off, and a new deployment replaces the cache`, async () => {
    const { context, page, problems } = await visitOnce(page_);
    // The worker caches only what its page needs: its own app, never the other page's.
    const cached = await page.evaluate(async () => {
      const names = await caches.keys();
      const cache = await caches.open(names[0]);
      return (await cache.keys()).map((request) => new URL(request.url).pathname.slice(1));
    });
    assert.ok(cached.includes(`${page_.app}.wasm`) && cached.includes(`${page_.app}.js`), cached.join(', '));
    assert.ok(!cached.some((name) => name.startsWith(`${page_.other}.`)), `nothing of the other page: ${cached.join(', ')}`);
    assert.equal(cached.includes('jsonlogic-tests.json'), page_.name === 'booth', 'the self-test suite only for the booth');
    assert.equal(cached.includes('policy-details.json'), page_.name === 'visitor', 'the details file only for the visitor');
    assert.equal(cached.includes('policy-english.json'), page_.name === 'visitor', 'the English file only for the visitor');

    await context.setOffline(true);
    await page.reload();
    await page.evaluate(() => window.portal.ready);
    await detailsComplete(page, page_);
    await settle(page, 3);
    const snapshot = await state(page);
    assert.equal(snapshot.error, null);
    assert.equal(snapshot.kiosk, page_.name === 'booth');
    const { png } = await screenshot(page, `offline-reload-${page_.name}`);
    assert.ok(pixelStats(png).colours > 200, 'the offline page draws the portal');
    await context.setOffline(false);

    const version = await deploy('-next');

    await page.reload();
    await page.evaluate(() => window.portal.ready);
    await until(page, async ([expected, data]) => {
      const names = await caches.keys();
      return names.length === 1 && (await (await fetch(data)).json()).version === expected;
    }, [version, page_.data], 'one cache, and the new version served');
    // The old cache goes when the new worker takes over, and at the latest on the next page load it serves.
    await page.reload();
    await page.evaluate(() => window.portal.ready);
    await until(page, async () => (await caches.keys()).length === 1, null, 'one cache after the next load');
    const caches = await page.evaluate(() => caches.keys());
    assert.equal(caches.length, 1, `the old cache is gone (${caches.join(', ')})`);
    expectNoProblems(assert, problems);
    await context.close();
  });

  // The race a busy machine once hit: the page is opened again while the new worker is still downloading the
  // new files, and the old worker serving that page load must leave the half-filled new cache alone. The test
  // server holds the new worker's download of the app until the page has loaded again.
  test(`${page_.name}: an update still downloading when the page is opened again completes and works offline`, async () => {
    const { context, page, problems } = await visitOnce(page_);

    const version = await deploy('-again');
    const download = server.hold(`/${page_.app}.wasm`);
    await page.reload();
    await page.evaluate(() => window.portal.ready);
    await download.arrived;   // the new worker is installing, its cache part-filled
    await page.reload();      // served by the old worker, whose page load may sweep caches
    await page.evaluate(() => window.portal.ready);
    download.release();

    await until(page, async ([expected, data]) => {
      const names = await caches.keys();
      return names.length === 1 && (await (await fetch(data)).json()).version === expected;
    }, [version, page_.data], 'the update took over with one cache');
    await context.setOffline(true);
    await page.reload();
    await page.evaluate(() => window.portal.ready);
    await detailsComplete(page, page_);
    const snapshot = await state(page);
    assert.equal(snapshot.error, null, 'the new offline copy is complete');
    const served = await page.evaluate(async (data) => (await (await fetch(data)).json()).version, page_.data);
    assert.equal(served, version, 'offline, the new version is served');
    expectNoProblems(assert, problems);
    await context.close();
  });

  test(`${page_.name}: the single-file page works from file:// with nothing else beside it`, async () => {
    const lonely = await mkdtemp(path.join(os.tmpdir(), 'portal-usb-'));
    const file = path.join(lonely, page_.single);
    await cp(path.join(DIST, page_.single), file);
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    const problems = watch(page);
    const requests = [];
    page.on('request', (req) => requests.push(req.url()));
    await page.goto('file://' + file);
    await page.evaluate(() => window.portal.ready);
    await detailsComplete(page, page_);
    await settle(page, 3);
    const snapshot = await state(page);
    assert.equal(snapshot.lang, page_.name === 'booth' ? 'zh' : 'en');  // the booth speaks Chinese first
    if (page_.name === 'visitor') {  // in English from its first frame, from its inline copy
      const english = JSON.parse(await readFile(path.join(DIST, 'policy-english.json'), 'utf8')).policies;
      const shown = english.find((entry) => entry.id === snapshot.visible[0]);
      await page.waitForFunction((t) => (document.getElementById('a11y')?.textContent || '').includes(t), shown.title.en,
        { polling: 100, timeout: 30000 });
    }
    assert.equal(snapshot.error, null);
    assert.equal(snapshot.kiosk, page_.name === 'booth');
    const { png } = await screenshot(page, `single-file-${page_.name}`);
    const stats = pixelStats(png);
    assert.ok(stats.colours > 200 && stats.darkShare > 0.001, 'the offline page draws the portal');
    assert.deepEqual(requests.filter((url) => !url.startsWith('data:') && url !== 'file://' + file), [],
      'the page asks for nothing beyond itself');
    expectNoProblems(assert, problems);
    await context.close();
    await rm(lonely, { recursive: true, force: true });
  });
}

test('an old booth link to the single file opens the booth\'s single file', async () => {
  const lonely = await mkdtemp(path.join(os.tmpdir(), 'portal-usb-'));
  for (const name of ['portal-offline.html', 'kiosk-offline.html']) await cp(path.join(DIST, name), path.join(lonely, name));
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  const problems = watch(page);
  await page.goto('file://' + path.join(lonely, 'portal-offline.html') + '?kiosk&idle=30');
  await page.waitForURL(/kiosk-offline\.html\?kiosk&idle=30$/);
  await page.evaluate(() => window.portal.ready);
  const snapshot = await state(page);
  assert.equal(snapshot.kiosk, true);
  assert.equal(snapshot.idle.idle_seconds, 30);
  expectNoProblems(assert, problems);
  await context.close();
  await rm(lonely, { recursive: true, force: true });
});

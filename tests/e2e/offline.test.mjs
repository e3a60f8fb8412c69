// Offline use: the service worker (a site visited once works with the network off and updates cleanly), and
// the single self-contained page opened from file:// for USB-stick demos.
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

async function controlledBy(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) {
    await page.reload();
    await page.evaluate(() => window.portal.ready);
  }
  return page.evaluate(() => navigator.serviceWorker.controller.scriptURL);
}

test('after one visit the portal works with the network off, and a new deployment replaces the cache', async () => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  const problems = watch(page);
  await page.goto(server.url);
  await page.evaluate(() => window.portal.ready);
  assert.match(await controlledBy(page), /sw\.js$/);

  await context.setOffline(true);
  await page.reload();
  await page.evaluate(() => window.portal.ready);
  await settle(page, 3);
  const snapshot = await state(page);
  assert.equal(snapshot.error, null);
  const { png } = await screenshot(page, 'offline-reload');
  assert.ok(pixelStats(png).colours > 200, 'the offline page draws the portal');
  await context.setOffline(false);

  // Deploy a new version: different data, so a different fingerprint and a new sw.js.
  const dataFile = path.join(site, 'policies.json');
  const data = JSON.parse(await readFile(dataFile, 'utf8'));
  const oldVersion = data.version;
  data.version = `${oldVersion}-next`;
  await writeFile(dataFile, JSON.stringify(data, null, 2));
  execFileSync('python3', [path.join(REPO, 'scripts', 'finish_dist.py'), site, path.join(path.dirname(DIST), 'src', 'platform', 'app-single.js')]);

  await page.reload();
  await page.evaluate(() => window.portal.ready);
  await page.waitForFunction(async (expected) => {
    const names = await caches.keys();
    return names.length === 1 && (await (await fetch('policies.json')).json()).version === expected;
  }, `${oldVersion}-next`, { timeout: 15000 });
  const caches = await page.evaluate(() => caches.keys());
  assert.equal(caches.length, 1, 'the old cache is gone');
  expectNoProblems(assert, problems);
  await context.close();
});

test('the single-file page works from file:// with nothing else beside it', async () => {
  const lonely = await mkdtemp(path.join(os.tmpdir(), 'portal-usb-'));
  const file = path.join(lonely, 'portal-offline.html');
  await cp(path.join(DIST, 'portal-offline.html'), file);
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  const problems = watch(page);
  const requests = [];
  page.on('request', (req) => requests.push(req.url()));
  await page.goto('file://' + file);
  await page.evaluate(() => window.portal.ready);
  await settle(page, 3);
  const snapshot = await state(page);
  assert.equal(snapshot.lang, 'en');
  assert.equal(snapshot.error, null);
  const { png } = await screenshot(page, 'single-file');
  const stats = pixelStats(png);
  assert.ok(stats.colours > 200 && stats.darkShare > 0.001, 'the offline page draws the portal');
  assert.deepEqual(requests.filter((url) => !url.startsWith('data:') && url !== 'file://' + file), [],
    'the page asks for nothing beyond itself');
  expectNoProblems(assert, problems);
  await context.close();
  await rm(lonely, { recursive: true, force: true });
});

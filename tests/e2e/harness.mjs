// Shared harness for the end-to-end tests: serves the built bundle on loopback, opens it in Debian's headless
// Chromium (WebGL2 through SwiftShader) with playwright-core, fails on any console error or failed request,
// and offers helpers to click and type at the rectangles the app reports through window.portal.locate().
import { before, after } from 'node:test';
import { createServer } from 'node:http';
import { readFile, mkdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { PNG } from 'pngjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(HERE, '..', '..');
export const DIST = process.env.PORTAL_DIST || path.join(REPO, 'build', 'web', 'dist');
export const ARTIFACTS = path.join(HERE, 'artifacts');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.ttf': 'font/ttf', '.png': 'image/png', '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

// A static server on 127.0.0.1 with a free port. Returns {url, close, requests, hold} where requests lists every path
// asked for (tests check, for instance, that nothing leaves for another origin).
// The usual set-up of a test file: one served bundle and one browser, started before its first test and closed
// after its last. Returns the session whose `server` and `browser` the tests use.
export function servedPortal() {
  const session = { server: null, browser: null };
  before(async () => {
    session.server = await serveDist();
    session.browser = await launchBrowser();
  });
  after(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}

export async function serveDist(root = DIST) {
  if (!existsSync(path.join(root, 'index.html'))) {
    throw new Error(`no bundle in ${root}: build it first (python3 scripts/build.py web)`);
  }
  const requests = [];
  const held = new Map();   // path -> {arrived, release}: see hold() below
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    requests.push(url.pathname);
    const hold = held.get(url.pathname);
    if (hold) { held.delete(url.pathname); hold.arrive(); await hold.released; }
    let file = path.normalize(path.join(root, decodeURIComponent(url.pathname)));
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    if (url.pathname.endsWith('/')) file = path.join(file, 'index.html');
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
        'Content-Length': body.length, 'Cache-Control': 'no-cache',
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    // Holds the next request for `pathname` until release() is called: `arrived` resolves when it comes in.
    // Lets a test stop a download half-way (a service worker's install) and act while it waits.
    hold(pathname) {
      let arrive, release;
      const arrived = new Promise((resolve) => { arrive = resolve; });
      const released = new Promise((resolve) => { release = resolve; });
      held.set(pathname, { arrive, released });
      return { arrived, release };
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

export const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-default-apps', '--disable-features=Translate',
];

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
  });
}

// Opens the portal and waits for its first frame. Records console errors, page errors and failed requests in
// `problems`; tests end with expectNoProblems(). Options: viewport, deviceScaleFactor, locale, query, hasTouch,
// isMobile, init (a function run in the page before its own scripts).
export async function openPortal(browser, serverUrl, options = {}) {
  const context = await browser.newContext({
    viewport: options.viewport || { width: 1366, height: 768 },
    deviceScaleFactor: options.deviceScaleFactor || 1,
    locale: options.locale || 'zh-CN',
    hasTouch: !!options.hasTouch,
    isMobile: !!options.isMobile,
  });
  if (options.init) await context.addInitScript(options.init);
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`); });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()} ${req.failure()?.errorText}`));
  page.on('response', (res) => { if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`); });
  await page.goto(serverUrl + (options.query || ''), { waitUntil: 'load' });
  await page.evaluate(() => window.portal.ready);
  return { context, page, problems };
}

// An init script (context.addInitScript) that notes, for each file the page fetches, how many frames the app had
// drawn when it asked: window.portalFetches = [{url (the path), frames}].
export function recordFetches() {
  const original = window.fetch;
  window.portalFetches = [];
  window.fetch = function (input, ...rest) {
    const url = new URL(String((input && input.url) || input), location.href).pathname;
    window.portalFetches.push({ url, frames: window.portal ? window.portal.state().frames : 0 });
    return original.call(this, input, ...rest);
  };
}

// Opens the page at `address` (relative to the server) with its own requests only (no service worker, which would
// fetch the later files too when it installs), recording them (recordFetches), and waits for its first frame.
export async function openRecordingFetches(browser, serverUrl, locale, address = '') {
  const context = await browser.newContext({ locale, serviceWorkers: 'block', viewport: { width: 1366, height: 900 } });
  await context.addInitScript(recordFetches);
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`); });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  await page.goto(serverUrl + address);
  await page.evaluate(() => window.portal.ready);
  return { context, page, problems };
}

// The accessibility mirror's text, and waiting until it holds `text`.
export const mirrorText = (page) => page.evaluate(() => document.getElementById('a11y')?.textContent || '');
export async function waitForMirror(page, text) {
  await page.waitForFunction((t) => (document.getElementById('a11y')?.textContent || '').includes(t), text,
    { polling: 100, timeout: 30000 });
}

export function expectNoProblems(assert, problems) {
  assert.deepEqual(problems, [], 'the page logged errors or failed requests');
}

export async function state(page) {
  return page.evaluate(() => window.portal.state());
}

export async function locate(page, id) {
  return page.evaluate((widget) => window.portal.locate(widget), id);
}

// Waits until input has reached the state: the app has drawn `count` more frames, or it has gone idle (it
// renders on demand, so an app with nothing left to do draws no more frames).
export async function settle(page, count = 3) {
  await page.waitForFunction(({ frames }) => {
    const now = window.portal.state().frames;
    const watch = window.__portalSettle || (window.__portalSettle = { last: -1, still: 0 });
    watch.still = now === watch.last ? watch.still + 1 : 0;
    watch.last = now;
    if (now >= frames || watch.still >= 6) { delete window.__portalSettle; return true; }
    return false;
  }, { frames: (await state(page)).frames + count }, { polling: 50 });
}

// Clicks the centre of a located widget with a real mouse event.
export async function click(page, id) {
  const rect = await locate(page, id);
  if (!rect) throw new Error(`widget "${id}" is not on screen`);
  await page.mouse.click(rect.x + rect.w / 2, rect.y + rect.h / 2);
  await settle(page);
  return rect;
}

export async function screenshot(page, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  const png = await page.screenshot({ path: file });
  return { file, png };
}

// Summarises a screenshot: how many distinct colours, and what share of pixels are dark (text).
export function pixelStats(pngBuffer) {
  const image = PNG.sync.read(pngBuffer);
  const colours = new Set();
  let dark = 0;
  const { data } = image;
  for (let i = 0; i < data.length; i += 4) {
    colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    const luminance = 0.2126 * data[i] + 0.7152 * data[i + 1] + 0.0722 * data[i + 2];
    if (luminance < 100) dark += 1;
  }
  return { width: image.width, height: image.height, colours: colours.size, darkShare: dark / (data.length / 4) };
}

export async function writeArtifact(name, text) {
  await mkdir(ARTIFACTS, { recursive: true });
  await writeFile(path.join(ARTIFACTS, name), text);
}

// --- helpers for the portal UI tests (tests/e2e/ui.test.mjs) --------------------------------------------------

// Clicks a located text field and types into it through the keyboard. insertText reaches the page's real
// <input> that stands over the field (as an input method's committed text does).
export async function typeInto(page, id, text) {
  await click(page, id);
  await page.keyboard.insertText(text);
  await settle(page);
}

// Scrolls with the mouse wheel over (x, y) until the widget is on screen; returns its rectangle or null.
export async function scrollTo(page, id, { x = 200, y = 400, step = 240, tries = 40 } = {}) {
  for (let i = 0; i < tries; i += 1) {
    const rect = await locate(page, id);
    if (rect && rect.h >= 8) return rect;
    await page.mouse.move(x, y);
    await page.mouse.wheel(0, step);
    await settle(page);
  }
  return locate(page, id);
}

// --- timing of a visitor's input, for the input tests (input, presses) -----------------------------------------

// Deterministic pseudo-random numbers (mulberry32).
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
export const between = (rnd, lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));

// The page's main thread busy for `ms`, starting as soon as the current task ends (as a slow frame would be).
export async function busyMainThread(page, ms) {
  await page.evaluate((length) => {
    setTimeout(() => { const end = performance.now() + length; while (performance.now() < end) { /* busy */ } }, 0);
  }, ms);
}

// Each of the app's next `count` frames takes an extra `ms` (slowFrameHook installed).
export async function slowFrames(page, count, ms) {
  await page.evaluate(([n, length]) => { window.__slowFrames = n; window.__slowFrameMs = length; }, [count, ms]);
}

// Installed before the app starts (openPortal's init): makes the next window.__slowFrames frames take
// window.__slowFrameMs longer each.
export function slowFrameHook() {
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) => raf((time) => {
    if (window.__slowFrames > 0) {
      window.__slowFrames -= 1;
      const end = performance.now() + window.__slowFrameMs;
      while (performance.now() < end) { /* a slow frame */ }
    }
    callback(time);
  });
}

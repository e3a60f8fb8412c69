// A data author previews a local policy file on the running page: picked through the file picker or dropped on
// the page, loaded by the same loader as the bundled data, shown in the real UI under a banner with policyctl's
// diagnostics, and never sent anywhere, stored, or written into the address.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  DIST, openPortal, expectNoProblems, state, locate, settle, click, scrollTo, screenshot, servedPortal,
} from './harness.mjs';

// An author's file is the whole contract file, details and all (the build copies it as kiosk-policies.json; the
// visitor's policies.json comes without the details, which follow in policy-details.json).
const bundled = JSON.parse(readFileSync(path.join(DIST, 'kiosk-policies.json'), 'utf8'));
const good = { ...bundled, version: 'draft-7' };
const broken = { ...bundled, version: 'draft-8', policies: bundled.policies.map((p, i) => (i === 1 ? { ...p, id: 42 } : p)) };
const asFile = (name, value) => ({
  name, mimeType: 'application/json', buffer: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)),
});

const session = servedPortal();

const until = (page, check, arg) => page.waitForFunction(check, arg, { polling: 50 });

// What the page keeps anywhere a file could linger: web storage, IndexedDB, the service worker's caches.
async function stored(page) {
  return page.evaluate(async () => {
    const web = [];
    for (const area of [localStorage, sessionStorage]) {
      for (let i = 0; i < area.length; i += 1) web.push(`${area.key(i)}=${area.getItem(area.key(i))}`);
    }
    const databases = indexedDB.databases ? (await indexedDB.databases()).map((d) => d.name) : [];
    const cached = [];
    if (self.caches) {
      for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys()) cached.push(request.url);
      }
    }
    return { web, databases, cached };
  });
}

async function dropFile(page, name, text) {
  await page.evaluate(({ name, text }) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], name, { type: 'application/json' }));
    const target = document.querySelector('canvas') || document.body;
    for (const type of ['dragenter', 'dragover', 'drop']) {
      target.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }
  }, { name, text });
}

test('a picked file shows in the real UI under a banner; a dropped broken one is reported; nothing is kept', async () => {
  const { context, page, problems } = await openPortal(session.browser, session.server.url);
  await settle(page);
  const addressBefore = await page.evaluate(() => location.href);
  const before = await stored(page);
  const sent = [];
  page.on('request', (request) => sent.push({ method: request.method(), url: request.url(), body: request.postData() }));

  // The entry under the footer opens the browser's file picker.
  assert.ok(await scrollTo(page, 'preview:open'), 'the preview entry is under the footer');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), click(page, 'preview:open')]);
  await chooser.setFiles(asFile('draft.json', good));
  await until(page, () => window.portal.state().preview?.file === 'draft.json');
  await settle(page);
  let s = await state(page);
  assert.equal(s.data_version, 'draft-7', 'the portal shows the author\'s file');
  assert.equal(s.visible.length, bundled.policies.length);
  assert.equal(s.preview.linted, true, 'a file that validates is linted');
  assert.ok(s.preview.problems.every((p) => p.severity === 'warning'), 'a valid file has warnings at most');
  // The page was scrolled down to the entry; the banner stands at the top.
  assert.ok(await scrollTo(page, 'preview:banner', { step: -240 }), 'the banner marks the preview');
  await screenshot(page, 'preview-good');

  // The banner stays on other views, and the address is left alone.
  await click(page, `policy:${s.visible[0]}`);
  assert.equal((await state(page)).view, 'detail');
  assert.ok(await locate(page, 'preview:banner'), 'the banner stays on the details');
  const opened = bundled.policies.find((p) => p.id === s.visible[0]);
  if (opened.details) {  // the author's own details, from the file itself
    await until(page, (t) => (document.getElementById('a11y')?.textContent || '').includes(t), opened.details.zh.slice(0, 12));
  }
  assert.equal(await page.evaluate(() => location.href), addressBefore, 'a preview writes nothing into the address');

  // A file dropped on the page: the broken policy is left out and reported, the rest show.
  await dropFile(page, 'broken.json', JSON.stringify(broken, null, 2));
  await until(page, () => window.portal.state().preview?.file === 'broken.json');
  await settle(page);
  s = await state(page);
  assert.equal(s.data_version, 'draft-8');
  assert.equal(s.view, 'explore', 'a new file starts the visit afresh');
  assert.equal(s.visible.length, bundled.policies.length - 1, 'the rest still show');
  assert.ok(!s.visible.includes(bundled.policies[1].id));
  const error = s.preview.problems.find((p) => p.severity === 'error');
  assert.ok(error && error.pointer.startsWith('/policies/1/id'), `the broken policy is reported: ${JSON.stringify(error)}`);
  assert.equal(s.preview.linted, false, 'lint waits for a file without errors');
  assert.ok(await scrollTo(page, 'preview:problem:0', { step: -240 }), 'the diagnostics are on screen');
  assert.deepEqual(s.skipped_policies.map((p) => p.index), [1]);
  await screenshot(page, 'preview-broken');

  // Back to the published data.
  await click(page, 'preview:close');
  s = await state(page);
  assert.equal(s.preview, null);
  assert.equal(s.data_version, bundled.version);
  assert.equal(await locate(page, 'preview:banner'), null);

  // Not JSON at all: a clear error with line and column, and the bundled data stays.
  await page.setInputFiles('#preview-file', asFile('notes.json', '{\n  "format": oops\n}\n'));
  await until(page, () => window.portal.state().preview_error !== null);
  await settle(page);
  s = await state(page);
  assert.match(s.preview_error, /^notes\.json:2:\d+: error: /);
  assert.equal(s.preview, null);
  assert.equal(s.data_version, bundled.version, 'the page keeps the bundled data');
  assert.ok(await scrollTo(page, 'preview:error', { step: -240 }));

  // Nothing left the page and nothing was kept.
  assert.deepEqual(sent.filter((r) => r.method !== 'GET' || r.body), [], 'no request carried anything');
  const after = await stored(page);
  assert.deepEqual(after.web, before.web, 'web storage is as before the preview');
  assert.deepEqual(after.databases, before.databases, 'no IndexedDB database was made');
  assert.deepEqual(after.cached.filter((url) => /draft|broken|notes|^blob:/.test(url)), [], 'no cache holds the file');
  const kept = JSON.stringify(after);
  for (const marker of ['draft-7', 'draft-8', 'oops']) assert.ok(!kept.includes(marker), `${marker} stored`);
  assert.equal(await page.evaluate(() => location.href), addressBefore);
  expectNoProblems(assert, problems);
  await context.close();
});

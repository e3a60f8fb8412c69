// The page's loader: checks WebGL2, downloads the app, the policy data and the font (all at once) with a real progress bar,
// starts the wasm app, keeps the canvas sized to the window and the screen's pixel density, turns every
// failure into a readable message, and exposes the test hook `window.portal` (documented in tests/README.md).
// Both pages use it: the visitor's index.html (app.js + app.wasm) and the booth's kiosk.html (data-app="booth":
// booth.js + booth.wasm).
'use strict';

(function () {
  const BOOTH = document.documentElement.dataset.app === 'booth';
  const APP = BOOTH ? 'booth' : 'app';
  // The booth's data keeps the worked examples its staff self-test runs, and its font the glyphs of its own
  // screens; the visitor's leave them out.
  // The visitor's data comes without the policies' English texts, in their own file (src/app/english.hpp).
  const FILES = BOOTH ? { wasm: APP + '.wasm', data: 'kiosk-policies.json', font: 'kiosk-font.ttf' }
    : { wasm: APP + '.wasm', data: 'policies.json', font: 'portal-font.ttf', english: 'policy-english.json' };
  // The self-contained offline page (portal-offline.html, kiosk-offline.html) carries everything inline.
  const embedded = document.getElementById('portal-embedded-data');

  const query = new URLSearchParams(location.search);
  // Booths set up before the booth had its own page open index.html?kiosk&idle=…&share_base=…: they get the
  // booth's page with the same query, before this page downloads the visitor's app.
  if (!BOOTH && query.has('kiosk')) {
    location.replace((embedded ? 'kiosk-offline.html' : 'kiosk.html') + location.search + location.hash);
    return;
  }
  const lang = pickLanguage();
  // A page that starts in English needs the policies' English in its first frame: fetched with the data. A page
  // that starts in Chinese leaves it to the app, which asks for it right after its first frame.
  const englishFirst = !BOOTH && lang === 'en';
  const canvas = document.getElementById('canvas');
  let module = null;   // the Emscripten module once running
  let failure = null;  // the message shown when something went wrong

  localiseStaticText(lang);

  // The visitor's app fetches the policies' details (src/app/details.hpp) and, unless it has them already, their
  // English (src/app/english.hpp) right after its first frame. The offline copy is set up only once both are in: a
  // new deployment's worker could otherwise take over between the data and them, and serve parts made for other
  // data (which the app would refuse).
  const settled = (part) => new Promise((resolve) => window.addEventListener('portal-' + part + '-settled', resolve, { once: true }));
  const partsIn = BOOTH ? Promise.resolve() : Promise.all([settled('details'), settled('english')]);

  let resolveReady;
  let rejectReady;
  const ready = new Promise((resolve, reject) => { resolveReady = resolve; rejectReady = reject; });
  ready.catch(() => {});  // a failure is shown on the page; an unobserved rejection must not add noise

  window.portal = {
    ready,
    // A JSON-serialisable snapshot of the app: at least lang, view, frames and error.
    state() {
      if (!module) return { lang, view: 'loading', frames: 0, error: failure };
      const snapshot = JSON.parse(module.UTF8ToString(module._portal_state_json()));
      snapshot.paused = !!module._portal_loop_paused();  // idle: the render loop waits for input
      if (failure) snapshot.error = failure;
      return snapshot;
    },
    // The CSS-pixel rectangle {x, y, w, h} of a named widget in the page, or null when it is not on screen.
    locate(id) {
      if (!module) return null;
      const buffer = allocString(String(id));
      try {
        const rect = JSON.parse(module.UTF8ToString(module._portal_locate_json(buffer)));
        if (!rect) return null;
        const box = canvas.getBoundingClientRect();
        const where = { x: rect.x + box.left, y: rect.y + box.top, w: rect.w, h: rect.h };
        if (rect.label > 0) where.label = rect.label;  // the width its text needs: it fits when label <= w
        return where;
      } finally {
        module._free(buffer);
      }
    },
  };

  window.addEventListener('error', (event) => fail('internal', event.message || String(event.error)));
  window.addEventListener('unhandledrejection', (event) => fail('internal', String(event.reason)));

  start().catch((err) => fail(err.kind || 'internal', err.message || String(err)));

  async function start() {
    // A browser without WebGL2 at all is told so before it downloads anything. One that lists WebGL2 but refuses
    // a context is told so by portal_start(), which makes the context: made here, it would sit on the canvas
    // while SDL sizes it twice (to 1x1 to detect CSS sizing, then to its size), and each resize of a canvas with
    // a context reallocates its drawing buffer in the GPU process (40-80 ms under SwiftShader, PERFORMANCE.md 6).
    if (!window.WebGL2RenderingContext) throw webglMissing();
    const [wasm, data, font, english] = embedded
      ? [undefined, fromBase64(embedded.textContent), fromBase64(document.getElementById('portal-embedded-font').textContent),
        englishFirst ? embeddedEnglish() : null]
      : await downloadEverything();
    setStep(lang === 'zh' ? '正在启动…' : 'Starting…');
    module = await window.createPortalModule({
      canvas,
      instantiateWasm: wasm && instantiateCompiled(wasm),
      print: (text) => console.log(text),
      printErr: (text) => console.warn(text),
      onAbort: (what) => fail('internal', 'the app stopped: ' + what),
    });
    window.portalTextInput = window.createPortalTextInput(module, canvas);
    window.portalA11y = window.createPortalA11y(module, canvas, window.portalTextInput);
    keepCanvasSized();
    wakeOnPageEvents();
    configureKiosk();
    if (english) handOverEnglish(english);
    const ok = module._portal_start(...copyIn(data), ...copyIn(font), allocString(lang), allocString(evaluationDate()));
    if (!ok) {
      throw Object.assign(new Error(module.UTF8ToString(module._portal_start_error())), { kind: 'webgl' });
    }
    openPage();
    followSystemPreferences();
    await firstFrame();
    document.getElementById('loading').hidden = true;
    canvas.focus();
    resolveReady();
    // The worker is registered once the details are in, so it caches a complete site. Data so broken that the
    // app cannot show it never asks for details, and then no worker keeps that broken copy: the fixed data
    // reaches the visitor on the next load, straight from the network.
    if (!embedded) partsIn.then(registerServiceWorker);
  }

  // The English file fetched with the data goes to the app before it starts (it joins it before the first frame),
  // or why it could not be had: the page then starts with the policies in Chinese and says so.
  function handOverEnglish(english) {
    const [pointer, length] = copyIn(english.bytes);
    withStrings([english.error], (why) => module._portal_english(pointer, length, why));
    module._free(pointer);
    window.dispatchEvent(new Event('portal-english-settled'));
  }

  function embeddedEnglish() {
    const inline = document.getElementById('portal-embedded-english');
    return inline ? { bytes: fromBase64(inline.textContent), error: '' }
      : { bytes: new Uint8Array(0), error: 'this page has no copy of ' + FILES.english };
  }

  // The booth's settings from its address: &idle=seconds, &share_base=http(s) URL for the QR links when the
  // booth itself is served from localhost. The app checks the values again.
  function configureKiosk() {
    if (!BOOTH) return;
    const idle = Number(query.get('idle'));
    module._portal_configure_kiosk(1, Number.isFinite(idle) && idle > 0 ? idle : 90, allocString(query.get('share_base') || ''));
  }

  // The visitor's system settings: reduced motion stops a flicked list gliding on, more contrast (asked for, or
  // forced colours such as Windows' contrast themes) switches the app to its high-contrast palette. Followed
  // while the page is open, as the page's own CSS follows them.
  function followSystemPreferences() {
    const motion = matchMedia('(prefers-reduced-motion: reduce)');
    const contrast = matchMedia('(prefers-contrast: more), (forced-colors: active)');
    const tell = () => module._portal_system_preferences(motion.matches ? 1 : 0, contrast.matches ? 1 : 0);
    tell();
    motion.addEventListener('change', tell);
    contrast.addEventListener('change', tell);
  }

  // --- the address, history and this device's memory -------------------------------------------------------

  // The fragment names the screen (view, search, filters, policy, compare; answers only when shared on
  // purpose): the app shows it now and keeps the address bar in step from then on (push for a new screen,
  // replace for edits). Back and forward come back here. A kiosk keeps no history and reads no storage.
  // Links made at the booth (its QR codes) open the visitor's page beside it, never the booth.
  function openPage() {
    const kiosk = BOOTH;
    const here = location.href.split('#')[0].split('?')[0];
    // A link copied from a page shown for another date (?as_of=) opens on that date too: the same results.
    const asOf = query.get('as_of');
    const dated = asOf && /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? here + '?as_of=' + asOf : here;
    const pageUrl = BOOTH ? new URL(embedded ? 'portal-offline.html' : './', here).href : dated;
    const remembered = kiosk ? '' : readStored('localStorage', 'shangyu-portal.answers');
    const thisTab = kiosk ? '' : readStored('sessionStorage', 'shangyu-portal.session');
    withStrings([pageUrl, location.hash.slice(1), remembered, thisTab],
      (url, fragment, memory, session) => module._portal_open_page(url, fragment, memory, session, kiosk ? 1 : 0));
    window.addEventListener('popstate', () => {
      withStrings([location.hash.slice(1)], (fragment) => module._portal_follow_address(fragment));
    });
  }

  // localStorage holds the answers only when the visitor asked to be remembered; sessionStorage holds this
  // tab's answers so a reload keeps them (the browser drops it with the tab).
  function readStored(storage, key) {
    try {
      return window[storage].getItem(key) || '';  // even naming a storage the browser refuses throws
    } catch (err) {
      return '';  // storage switched off: nothing was kept
    }
  }

  function withStrings(texts, use) {
    const pointers = texts.map(allocString);
    try {
      return use(...pointers);
    } finally {
      pointers.forEach((pointer) => module._free(pointer));
    }
  }

  // Offline after one visit (web/sw.js). Not for file:// pages, where service workers do not exist. Each page
  // has its own worker caching only what that page needs; the booth's is scoped to the URLs starting with
  // "kiosk", so the visitor's worker (scope ./) never answers for the booth's page nor the booth's for visitors.
  function registerServiceWorker() {
    if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
    const registered = BOOTH ? navigator.serviceWorker.register('kiosk-sw.js', { scope: 'kiosk' })
      : navigator.serviceWorker.register('sw.js');
    registered.catch((err) => console.warn('portal: offline cache unavailable: ' + err));
  }

  function fromBase64(text) {
    const binary = atob(text.trim());
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  // --- downloads with progress ------------------------------------------------------------------------------

  // Everything a first frame needs is requested at once: app.js as a script, and the wasm, the data and the font
  // as downloads. The wasm is compiled as soon as its bytes are in, while the rest may still be arriving.
  // A page starting in English adds the policies' English file, whose failure only leaves the policies in Chinese.
  // Resolves to [compiled wasm module, data bytes, font bytes, English {bytes, error} or null] once app.js has run too.
  function downloadEverything() {
    const script = window.createPortalModule ? Promise.resolve() : loadScript(APP + '.js');
    const names = [FILES.wasm, FILES.data, FILES.font].concat(englishFirst ? [FILES.english] : []);
    const [wasmBytes, data, font, englishBytes] = downloadAll(names);
    const compiled = wasmBytes.then((bytes) => WebAssembly.compile(bytes));
    const english = englishBytes ? englishBytes.then((bytes) => ({ bytes, error: '' }),
      (err) => ({ bytes: new Uint8Array(0), error: String((err && err.message) || err) })) : null;
    return Promise.all([compiled, data, font, english, script])
      .then(([wasm, dataBytes, fontBytes, englishPart]) => [wasm, dataBytes, fontBytes, englishPart]);
  }

  // Emscripten's hook for handing it the instance: the module was already compiled during the downloads.
  function instantiateCompiled(compiled) {
    return (imports, receiveInstance) => {
      WebAssembly.instantiate(compiled, imports)
        .then((instance) => receiveInstance(instance, compiled))
        .catch((err) => fail('internal', 'the app could not start: ' + (err.message || err)));
      return {};  // exports arrive through receiveInstance
    };
  }

  // One promise per file (not one for all), so each can be used as soon as it is in.
  function downloadAll(names) {
    const progress = names.map(() => ({ loaded: 0, total: 0 }));
    const update = () => {
      const loaded = progress.reduce((sum, p) => sum + p.loaded, 0);
      const total = progress.reduce((sum, p) => sum + p.total, 0);
      const known = progress.every((p) => p.total > 0);
      const percent = known && total > 0 ? Math.min(100, Math.round((loaded / total) * 100)) : null;
      const bar = document.getElementById('progress-bar');
      const text = document.getElementById('progress-text');
      bar.style.width = (percent === null ? 50 : percent) + '%';
      document.getElementById('progress').setAttribute('aria-valuenow', String(percent ?? 0));
      text.textContent = (percent === null ? '' : percent + '% · ') + formatBytes(loaded) +
        (known ? ' / ' + formatBytes(total) : '');
    };
    return names.map((name, i) => download(name, progress[i], update));
  }

  async function download(name, progress, onProgress) {
    let response;
    try {
      response = await fetch(name, { cache: 'no-cache' });
    } catch (err) {
      throw Object.assign(new Error(name + ': ' + err.message), { kind: 'network' });
    }
    if (!response.ok) {
      throw Object.assign(new Error(name + ': HTTP ' + response.status), { kind: 'network' });
    }
    progress.total = Number(response.headers.get('Content-Length')) || 0;
    if (!response.body || !response.body.getReader) {
      const buffer = new Uint8Array(await response.arrayBuffer());
      progress.loaded = progress.total = buffer.length;
      onProgress();
      return buffer;
    }
    const reader = response.body.getReader();
    const chunks = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      progress.loaded += value.length;
      if (progress.total < progress.loaded) progress.total = 0;  // compressed transfer: size unknown
      onProgress();
    }
    const buffer = new Uint8Array(progress.loaded);
    let offset = 0;
    for (const chunk of chunks) { buffer.set(chunk, offset); offset += chunk.length; }
    progress.total = progress.loaded;
    onProgress();
    return buffer;
  }

  function loadScript(src) {
    return new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = src;
      script.onload = resolve;
      script.onerror = () => reject(Object.assign(new Error(src + ' could not be loaded'), { kind: 'network' }));
      document.body.appendChild(script);
    });
  }

  // --- talking to the wasm module -------------------------------------------------------------------------

  function copyIn(bytes) {
    const pointer = module._malloc(Math.max(1, bytes.length));
    // malloc answers 0 when the memory cannot grow (a phone short of memory, a province-sized file): written at
    // address 0 the bytes would corrupt the app, so the page says what happened instead.
    if (!pointer) throw Object.assign(new Error('no memory left for ' + formatBytes(bytes.length)), { kind: 'memory' });
    module.HEAPU8.set(bytes, pointer);
    return [pointer, bytes.length];
  }

  function allocString(text) {
    const size = module.lengthBytesUTF8(text) + 1;
    const pointer = module._malloc(size);
    module.stringToUTF8(text, pointer, size);
    return pointer;
  }

  function firstFrame() {
    return new Promise((resolve) => {
      const poll = () => (window.portal.state().frames >= 1 ? resolve() : requestAnimationFrame(poll));
      poll();
    });
  }

  // --- the canvas and the screen --------------------------------------------------------------------------

  // SDL re-sizes the canvas's backing store on the window's resize event. Moving the window to a screen with
  // another pixel density (or zooming) changes devicePixelRatio, sometimes without a resize event, so we watch
  // the ratio and send one ourselves.
  function keepCanvasSized() {
    const watch = () => {
      const media = matchMedia('(resolution: ' + window.devicePixelRatio + 'dppx)');
      media.addEventListener('change', () => { window.dispatchEvent(new Event('resize')); watch(); }, { once: true });
    };
    watch();
    window.dispatchEvent(new Event('resize'));
  }

  // The app pauses its loop when idle (render on demand); anything that could change the picture wakes it.
  // Capture phase, so the app is awake before SDL's own handlers queue the event.
  function wakeOnPageEvents() {
    const wake = () => module._portal_wake();
    const inputs = ['pointerdown', 'pointermove', 'pointerup', 'pointercancel', 'mousedown', 'mousemove', 'mouseup',
      'wheel', 'touchstart', 'touchmove', 'touchend', 'touchcancel', 'keydown', 'keyup', 'keypress'];
    for (const type of inputs) window.addEventListener(type, wake, { capture: true, passive: true });
    for (const type of ['resize', 'focus', 'blur', 'pageshow']) window.addEventListener(type, wake);
    document.addEventListener('visibilitychange', wake);
    canvas.addEventListener('focus', wake);
    canvas.addEventListener('blur', wake);
    // A tap that activates a text field must focus the page's input inside the same user gesture, or phones
    // show no keyboard: so when a press ends, the app runs its frame right away instead of at the next refresh.
    for (const type of ['pointerup', 'touchend']) {
      canvas.addEventListener(type, () => module._portal_frame_now());
    }
    // A lost WebGL context (GPU reset, driver update, too many tabs) is restored in place: preventDefault asks
    // the browser to restore it, and the app rebuilds its renderer without touching the visitor's answers.
    canvas.addEventListener('webglcontextlost', (event) => {
      event.preventDefault();
      module._portal_gl_context_lost();
    });
    canvas.addEventListener('webglcontextrestored', () => module._portal_gl_context_restored());
  }

  function webglMissing() {
    return Object.assign(new Error('WebGL2 is not available'), { kind: 'webgl' });
  }

  // --- language, dates, messages --------------------------------------------------------------------------

  // The language the app starts in, as it decides: a link's fragment (#...&lang=en, the last one counts), then
  // ?lang=, then the browser's languages. The loader needs it first, to fetch the policies' English with the data.
  function pickLanguage() {
    const linked = new URLSearchParams(location.hash.slice(1)).getAll('lang').filter((l) => l === 'zh' || l === 'en');
    if (linked.length) return linked[linked.length - 1];
    const asked = query.get('lang');
    if (asked === 'zh' || asked === 'en') return asked;
    const preferred = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
    for (const tag of preferred) {
      const lower = String(tag || '').toLowerCase();
      if (lower.startsWith('zh')) return 'zh';
      if (lower.startsWith('en')) return 'en';
    }
    return 'zh';
  }

  // The evaluation date: today in the visitor's time zone, or ?as_of=YYYY-MM-DD for demos and tests.
  function evaluationDate() {
    const asked = query.get('as_of');
    if (asked && /^\d{4}-\d{2}-\d{2}$/.test(asked)) return asked;
    const now = new Date();
    const pad = (n) => String(n).padStart(2, '0');
    return now.getFullYear() + '-' + pad(now.getMonth() + 1) + '-' + pad(now.getDate());
  }

  function localiseStaticText(language) {
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
    for (const element of document.querySelectorAll('[data-zh]')) {
      element.textContent = element.getAttribute('data-' + language);
    }
  }

  function setStep(text) {
    document.getElementById('loading-step').textContent = text;
  }

  const MESSAGES = {
    webgl: {
      zh: ['此浏览器无法显示政策导航', '政策导航需要 WebGL2 图形支持。请使用最新版的 Chrome、Edge、Firefox 或 Safari，并确认已开启硬件加速。'],
      en: ['This browser cannot show the explorer', 'The explorer needs WebGL2 graphics. Please use a recent Chrome, Edge, Firefox or Safari with hardware acceleration turned on.'],
    },
    network: {
      zh: ['加载失败', '部分文件未能下载。请检查网络连接后重新加载。'],
      en: ['Loading failed', 'Some files could not be downloaded. Check your connection and reload.'],
    },
    memory: {
      zh: ['设备内存不足', '此设备没有足够的内存来打开政策导航。请关闭其他标签页或应用后重新加载。'],
      en: ['Not enough memory', 'This device does not have enough free memory to open the explorer. Close other tabs or apps and reload.'],
    },
    internal: {
      zh: ['出现意外错误', '政策导航遇到了问题。重新加载通常可以解决；如果反复出现，请告诉我们。'],
      en: ['Something went wrong', 'The explorer ran into a problem. Reloading usually helps; if it keeps happening, please tell us.'],
    },
  };

  function fail(kind, detail) {
    if (failure) return;  // the first failure is the one that explains the rest
    failure = kind + ': ' + detail;
    const [title, message] = (MESSAGES[kind] || MESSAGES.internal)[lang];
    document.getElementById('failure-title').textContent = title;
    document.getElementById('failure-message').textContent = message;
    document.getElementById('failure-detail').textContent = detail;
    document.getElementById('loading').hidden = true;
    document.getElementById('failure').hidden = false;
    document.getElementById('failure-retry').onclick = () => location.reload();
    console.error('portal: ' + failure);
    rejectReady(new Error(failure));
  }

  function formatBytes(n) {
    if (n < 1024) return n + ' B';
    if (n < 1024 * 1024) return (n / 1024).toFixed(0) + ' KB';
    return (n / (1024 * 1024)).toFixed(1) + ' MB';
  }
})();

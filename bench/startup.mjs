// Startup: time from navigation to the first interactive frame (window.portal.ready) in headless Chromium, for
// the visitor's page (index.html), the booth's page (kiosk.html, at 1920 x 1080 like a booth) and the empty ImGui
// app built with the same flags (bench/empty_app), median of N fresh visits each (taking turns, so machine noise
// hits all alike).
//
//   node bench/startup.mjs [--dist build/web/dist] [--empty build/bench-web/bench/empty-dist] [--runs 5] [--json]
//
// Every visit uses a new browser context (empty HTTP cache, no service worker: a first visit). Files come from
// a loopback server, so the figures measure the browser's work (compiling the wasm, starting the app, loading
// data and font, the first frame), not the network; transfer sizes are scripts/size_budget.py's business.
// `ready` resolves after the first frame is drawn (the portal's loader and the empty app's page wait for it the
// same way); an init script notes performance.now() (milliseconds since navigation start) when it does.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDist, launchBrowser, DIST } from '../tests/e2e/harness.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv) {
  const args = { dist: DIST, empty: path.join(REPO, 'build/bench-web/bench/empty-dist'), runs: 5, json: false };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    if (flag === '--json') args.json = true;
    else if (flag === '--runs') args.runs = Number(argv[++i]);
    else if (flag === '--dist' || flag === '--empty') args[flag.slice(2)] = path.resolve(argv[++i]);
    else throw new Error(`unknown argument ${flag}`);
  }
  return args;
}

// Runs in the page before any of its scripts: catches the assignment of window.portal and notes when its
// `ready` promise resolves; also notes when the wasm module is created (compile + instantiate) and how long
// portal_start() runs (the portal parses its data and builds its fonts there), for the breakdown.
function noteReadyTime() {
  const marks = (window.__startupMarks = {});
  const mark = (name) => { marks[name] = performance.now(); };
  // Creating a WebGL context is the single most expensive call of a start under SwiftShader; count them.
  const contexts = (window.__startupContexts = { created: 0, ms: 0 });
  const getContext = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function timedGetContext(type, ...rest) {
    const start = performance.now();
    const known = this.__benchHasContext;
    const result = getContext.call(this, type, ...rest);
    if (/webgl/.test(type) && result && !known) {
      this.__benchHasContext = true;
      contexts.created += 1;
      contexts.ms += performance.now() - start;
    }
    return result;
  };
  let factory;
  Object.defineProperty(window, 'createPortalModule', {
    configurable: true,
    get() { return factory; },
    set(create) {
      factory = async (...args) => {
        mark('module_begin');
        const module = await create(...args);
        mark('module_end');
        const start = module._portal_start;
        if (start) {
          module._portal_start = (...startArgs) => {
            mark('start_begin');
            try { return start(...startArgs); } finally { mark('start_end'); }
          };
        }
        return module;
      };
    },
  });
  let hook;
  Object.defineProperty(window, 'portal', {
    configurable: true,
    get() { return hook; },
    set(value) {
      hook = value;
      value.ready.then(() => { window.__portalReadyAt = performance.now(); }, () => {});
    },
  });
}

async function visit(browser, url, viewport = { width: 1366, height: 768 }) {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  await context.addInitScript(noteReadyTime);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (err) => errors.push(err.message));
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => window.__portalReadyAt !== undefined, null, { timeout: 60000, polling: 20 });
  const timing = await page.evaluate(() => {
    const resources = performance.getEntriesByType('resource');
    const marks = window.__startupMarks;
    return {
      ready: window.__portalReadyAt,
      downloaded: Math.max(0, ...resources.map((r) => r.responseEnd).filter((end) => end <= window.__portalReadyAt)),
      module: marks.module_end - marks.module_begin,
      start: marks.start_end !== undefined ? marks.start_end - marks.start_begin : 0,
      firstFrame: window.__portalReadyAt - (marks.start_end ?? marks.module_end),
      contexts: window.__startupContexts.created,
      contextMs: window.__startupContexts.ms,
      state: window.portal.state(),
    };
  });
  await context.close();
  if (errors.length > 0 || timing.state.error) throw new Error(`${url}: ${errors.concat(timing.state.error || []).join('; ')}`);
  return timing;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const portal = await serveDist(args.dist);
  const empty = await serveDist(args.empty);
  const browser = await launchBrowser();
  const samples = { portal: [], booth: [], empty: [] };
  try {
    await visit(browser, empty.url);  // warm-up: the browser process itself, not the apps
    for (let run = 0; run < args.runs; run += 1) {
      samples.empty.push(await visit(browser, empty.url));
      samples.portal.push(await visit(browser, portal.url));
      samples.booth.push(await visit(browser, `${portal.url}kiosk.html`, { width: 1920, height: 1080 }));
    }
  } finally {
    await browser.close();
    await portal.close();
    await empty.close();
  }
  const summary = (list) => {
    const out = { all: list.map((s) => Math.round(s.ready)) };
    for (const key of ['ready', 'downloaded', 'module', 'start', 'firstFrame', 'contexts', 'contextMs']) {
      out[key] = median(list.map((s) => s[key]));
    }
    return out;
  };
  const result = { runs: args.runs, portal: summary(samples.portal), booth: summary(samples.booth), empty: summary(samples.empty) };
  result.ratio = result.portal.ready / result.empty.ready;
  result.boothRatio = result.booth.ready / result.empty.ready;
  if (args.json) {
    console.log(JSON.stringify({ step: 'startup', ...result }));
    return;
  }
  console.log(`startup in headless Chromium (SwiftShader WebGL2), loopback server, median of ${args.runs} first visits`);
  console.log('(medians; "files in" = last download finished, "module" = wasm compile + instantiate, "start" = portal_start(),');
  console.log(' "first frame" = from the end of start (or of module creation) to ready, "GL contexts" = WebGL contexts');
  console.log(' created and the milliseconds spent creating them)');
  console.log(`${'page'.padEnd(34)}${'ready ms'.padStart(10)}${'files in'.padStart(10)}${'module'.padStart(8)}` +
    `${'start'.padStart(7)}${'first frame'.padStart(13)}${'GL contexts'.padStart(14)}   every run (ready ms)`);
  const ms = (value, width) => value.toFixed(0).padStart(width);
  const row = (name, s) => console.log(`${name.padEnd(34)}${ms(s.ready, 10)}${ms(s.downloaded, 10)}${ms(s.module, 8)}` +
    `${ms(s.start, 7)}${ms(s.firstFrame, 13)}${`${s.contexts} in ${s.contextMs.toFixed(0)} ms`.padStart(14)}   ${s.all.join(', ')}`);
  row('empty ImGui app (same flags)', result.empty);
  row(`portal (${path.relative(REPO, args.dist) || args.dist})`, result.portal);
  row('booth (kiosk.html, 1920 x 1080)', result.booth);
  console.log(`ratio portal / empty app: ${result.ratio.toFixed(2)}x (aim: at most 1.30x); booth / empty app: ` +
    `${result.boothRatio.toFixed(2)}x`);
}

main().catch((err) => {
  console.error(err.stack || String(err));
  process.exit(1);
});

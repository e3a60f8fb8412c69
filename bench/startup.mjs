// Startup: time from navigation to the first interactive frame (window.portal.ready) in headless Chromium, for
// the portal, for the booth page (when the bundle has kiosk.html) and for the empty ImGui app built with the same
// flags (bench/empty_app), median of N fresh visits each (alternating, so machine noise hits all alike).
//
//   node bench/startup.mjs [--dist build/web/dist] [--empty build/bench-web/bench/empty-dist] [--runs 5]
//        [--cpu-throttle 1,4] [--json]
//
// --cpu-throttle takes one or more slow-down factors for Chromium's CPU emulation (4: a mid-range phone, as
// Lighthouse assumes); each factor is a separate series of visits. The booth is measured at the size it is made
// for (1920 x 1080), the others at a laptop's 1366 x 768.
//
// Every visit uses a new browser context (empty HTTP cache, no service worker: a first visit). Files come from
// a loopback server, so the figures measure the browser's work (compiling the wasm, starting the app, loading
// data and font, the first frame), not the network; transfer sizes are scripts/size_budget.py's business.
// `ready` resolves after the first frame is drawn (the portal's loader and the empty app's page wait for it the
// same way); an init script notes performance.now() (milliseconds since navigation start) when it does.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDist, launchBrowser, DIST } from '../tests/e2e/harness.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv) {
  const args = { dist: DIST, empty: path.join(REPO, 'build/bench-web/bench/empty-dist'), runs: 5, json: false, throttle: [1] };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    if (flag === '--json') args.json = true;
    else if (flag === '--runs') args.runs = Number(argv[++i]);
    else if (flag === '--cpu-throttle') args.throttle = argv[++i].split(',').map(Number);
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

async function visit(browser, target, rate) {
  const { url, viewport } = target;
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  await context.addInitScript(noteReadyTime);
  const page = await context.newPage();
  if (rate > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  }
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

const LAPTOP = { width: 1366, height: 768 };
const BOOTH = { width: 1920, height: 1080 };

function summary(list) {
  const out = { all: list.map((s) => Math.round(s.ready)) };
  for (const key of ['ready', 'downloaded', 'module', 'start', 'firstFrame', 'contexts', 'contextMs']) {
    out[key] = median(list.map((s) => s[key]));
  }
  return out;
}

// One series at one throttling rate: every target visited once per run, in turn.
async function series(browser, targets, runs, rate) {
  const samples = Object.fromEntries(targets.map((t) => [t.key, []]));
  await visit(browser, targets[0], rate);  // warm-up: the browser process itself, not the apps
  for (let run = 0; run < runs; run += 1) {
    for (const target of targets) samples[target.key].push(await visit(browser, target, rate));
  }
  const result = { rate, runs };
  for (const target of targets) result[target.key] = summary(samples[target.key]);
  for (const target of targets.slice(1)) result[`${target.key}Ratio`] = result[target.key].ready / result.empty.ready;
  result.ratio = result.portalRatio;  // the figure earlier runs printed under this name
  return result;
}

function printSeries(result, targets) {
  console.log(`\nCPU ${result.rate > 1 ? `slowed ${result.rate}x (Chromium's CPU throttling)` : 'as is'}, ` +
    `median of ${result.runs} first visits`);
  console.log(`${'page'.padEnd(34)}${'ready ms'.padStart(10)}${'files in'.padStart(10)}${'module'.padStart(8)}` +
    `${'start'.padStart(7)}${'first frame'.padStart(13)}${'GL contexts'.padStart(14)}${'ratio'.padStart(8)}   every run (ready ms)`);
  const ms = (value, width) => value.toFixed(0).padStart(width);
  for (const target of targets) {
    const s = result[target.key];
    const ratio = target.key === 'empty' ? '1.00x' : `${result[`${target.key}Ratio`].toFixed(2)}x`;
    console.log(`${target.label.padEnd(34)}${ms(s.ready, 10)}${ms(s.downloaded, 10)}${ms(s.module, 8)}` +
      `${ms(s.start, 7)}${ms(s.firstFrame, 13)}${`${s.contexts} in ${s.contextMs.toFixed(0)} ms`.padStart(14)}` +
      `${ratio.padStart(8)}   ${s.all.join(', ')}`);
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const portal = await serveDist(args.dist);
  const empty = await serveDist(args.empty);
  const targets = [
    { key: 'empty', label: 'empty ImGui app (same flags)', url: empty.url, viewport: LAPTOP },
    { key: 'portal', label: 'visitor page (index.html)', url: portal.url, viewport: LAPTOP },
  ];
  if (existsSync(path.join(args.dist, 'kiosk.html'))) {
    targets.push({ key: 'booth', label: 'booth page (kiosk.html)', url: new URL('kiosk.html', portal.url).href, viewport: BOOTH });
  }
  const browser = await launchBrowser();
  const results = [];
  try {
    for (const rate of args.throttle) results.push(await series(browser, targets, args.runs, rate));
  } finally {
    await browser.close();
    await portal.close();
    await empty.close();
  }
  if (args.json) {
    for (const result of results) console.log(JSON.stringify({ step: 'startup', ...result }));
    return;
  }
  console.log('startup in headless Chromium (SwiftShader WebGL2), loopback server');
  console.log('("files in" = last download finished, "module" = wasm compile + instantiate, "start" = portal_start(),');
  console.log(' "first frame" = from the end of start (or of module creation) to ready, "GL contexts" = WebGL contexts');
  console.log(' created and the milliseconds spent creating them, "ratio" = ready / the empty app\'s ready)');
  for (const result of results) printSeries(result, targets);
}

main().catch((err) => {
  console.error(err.stack || String(err));
  process.exit(1);
});

// UI at scale: the explore list with many policies in headless Chromium, measured through the test hook
// (window.portal: ready, state(), locate()) and real input events.
//
//   node bench/ui_scale.mjs [--dist build/web/dist] [--policies build/bench/policies-10000.json]... [--json]
//
// For the bundled data and for each generated file (served from a copy of dist whose policies.json is replaced):
//  - ready:       navigation to the first frame;
//  - state():     what one call of the test hook's snapshot costs (it serialises every visible id);
//  - frame:       main-thread time of one frame of the explore view (the app's frame function, timed in the page);
//  - cards built: how many policy cards were drawn in the last frame (locate() finds only drawn widgets), at the
//                 top of the list and after scrolling into its middle: a virtualised list builds one screenful;
//  - scroll:      frame times while the mouse wheel scrolls the list;
//  - answers:     real clicks on yes/no and choice answers in the check view; the frame that applies each answer
//                 (re-evaluation, best bundle, next question) and the frame that draws the new results; the
//                 app time of the answer is the part of its frame spent applying it (state().intents_ms);
//  - keystrokes:  real key presses (and IME commits) into the search box; for each, the frames drawn until the
//                 new result list is on screen (its first card drawn in the first card's place) and the
//                 main-thread time of those frames.
// Frames are stepped by hand: an init script holds back requestAnimationFrame callbacks while measuring, so each
// frame can be timed alone and the state checked between frames (outside the timed part).
import { cp, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDist, launchBrowser, DIST } from '../tests/e2e/harness.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FRAME_BUDGET_MS = 1000 / 60;
const LATIN_KEYS = ['l', 'o', 'a', 'n', 'Backspace', 'Backspace', 'Backspace', 'Backspace'];
const IME_COMMITS = ['公寓', '补贴'];

function parseArgs(argv) {
  const args = { dist: DIST, policies: [], json: false };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    if (flag === '--json') args.json = true;
    else if (flag === '--dist') args.dist = path.resolve(argv[++i]);
    else if (flag === '--policies') args.policies.push(path.resolve(argv[++i]));
    else throw new Error(`unknown argument ${flag}`);
  }
  if (args.policies.length === 0) args.policies.push(path.join(REPO, 'build/bench/policies-10000.json'));
  return args;
}

// A copy of dist serving another policies.json (the font and glyph ranges stay those of the bundled data, so
// characters outside them are drawn as a replacement glyph: the cost of drawing is the same).
async function distWithPolicies(dist, policies) {
  const copy = path.join(REPO, 'build/bench', `ui-dist-${path.basename(policies, '.json')}`);
  await mkdir(copy, { recursive: true });
  await cp(dist, copy, { recursive: true });
  await cp(policies, path.join(copy, 'policies.json'));
  return copy;
}

async function questionsOf(file) {
  const document = JSON.parse(await readFile(file, 'utf8'));
  return new Map((document.questions || []).map((q) => [q.id, q]));
}

// ---- in the page ------------------------------------------------------------------------------------------------

// Installed before the page's scripts: requestAnimationFrame that can be held back and stepped, the wasm module
// exposed for timing its frame function, and the moment `ready` resolved.
function instrumentPage() {
  const nativeRaf = window.requestAnimationFrame.bind(window);
  const frames = (window.__benchFrames = { hold: false, queue: [] });
  window.requestAnimationFrame = (callback) => {
    if (!frames.hold) return nativeRaf(callback);
    frames.queue.push(callback);
    return 0;
  };
  // WebGL's getParameter may wait for the GPU process to finish earlier work (a synchronous round trip; with
  // SwiftShader that is CPU rasterisation of the previous frame). Dear ImGui's OpenGL3 backend calls it about 20
  // times a frame to save and restore GL state. Its time is counted apart, by parameter, so the app's own
  // work can be told from waiting on the (software) GPU.
  const gl = (window.__benchGl = { ms: 0, calls: 0, byParameter: {} });
  const getParameter = WebGL2RenderingContext.prototype.getParameter;
  WebGL2RenderingContext.prototype.getParameter = function timedGetParameter(name) {
    const start = performance.now();
    try {
      return getParameter.call(this, name);
    } finally {
      const ms = performance.now() - start;
      gl.ms += ms;
      gl.calls += 1;
      const entry = (gl.byParameter[name] = gl.byParameter[name] || { ms: 0, calls: 0 });
      entry.ms += ms;
      entry.calls += 1;
    }
  };
  // The page's WebGL2 context, so a stepped frame can first wait (untimed) until the GPU process has drawn the
  // frames before it: under SwiftShader that drawing runs on the same two cores and would otherwise be counted,
  // at random, in the next frame's own time.
  const getContext = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function rememberContext(type, ...rest) {
    const context = getContext.call(this, type, ...rest);
    if (type === 'webgl2' && context) frames.gl = context;
    return context;
  };
  frames.settleGpu = () => {
    if (frames.gl) getParameter.call(frames.gl, frames.gl.SCISSOR_BOX);  // a synchronous round trip
  };
  // Runs the first queued callback (one frame of the app's main loop); returns its main-thread milliseconds and
  // the part of them spent waiting in getParameter.
  frames.step = () => {
    const callback = frames.queue.shift();
    frames.settleGpu();
    const glBefore = gl.ms;
    const start = performance.now();
    callback(start);
    const ms = performance.now() - start;
    return { ms, glMs: gl.ms - glBefore };
  };
  frames.release = () => {
    frames.hold = false;
    for (const callback of frames.queue.splice(0)) nativeRaf(callback);
  };

  let factory;
  Object.defineProperty(window, 'createPortalModule', {
    configurable: true,
    get() { return factory; },
    set(create) {
      factory = async (...args) => (window.__benchModule = await create(...args));
    },
  });
  let hook;
  Object.defineProperty(window, 'portal', {
    configurable: true,
    get() { return hook; },
    set(value) {
      hook = value;
      value.ready.then(() => { window.__benchReadyAt = performance.now(); }, () => {});
    },
  });
}

// ---- measurements --------------------------------------------------------------------------------------------------

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  // The 95th percentile by nearest rank: the smallest value at least 95 % of the frames do not exceed (with
  // fewer than 20 frames that is the maximum).
  const p95 = sorted[Math.max(0, Math.ceil(sorted.length * 0.95) - 1)] ?? 0;
  return { median: sorted[Math.floor(sorted.length / 2)] ?? 0, p95, max: sorted[sorted.length - 1] ?? 0, count: sorted.length };
}

// Frame records {ms, glMs} summarised: all of a frame's main-thread time, and the app's own part (without the
// time spent waiting in getParameter).
function frameStats(frames) {
  return { total: stats(frames.map((f) => f.ms)), app: stats(frames.map((f) => f.ms - f.glMs)),
    glShare: frames.reduce((sum, f) => sum + f.glMs, 0) / Math.max(1e-9, frames.reduce((sum, f) => sum + f.ms, 0)) };
}

async function stateCost(page) {
  return page.evaluate(() => {
    const times = [];
    for (let i = 0; i < 5; i += 1) {
      const start = performance.now();
      window.portal.state();
      times.push(performance.now() - start);
    }
    return times.sort((a, b) => a - b)[2];
  });
}

// Frames of the explore view as it stands, drawn on demand: portal_frame_now() wakes the app and runs one frame.
async function frameCost(page, count = 20) {
  return page.evaluate((n) => {
    const frames = [];
    for (let i = 0; i < n; i += 1) {
      window.__benchFrames.settleGpu();
      const glBefore = window.__benchGl.ms;
      const start = performance.now();
      window.__benchModule._portal_frame_now();
      frames.push({ ms: performance.now() - start, glMs: window.__benchGl.ms - glBefore });
    }
    return frames;
  }, count);
}

// How many of the visible policies' cards the last frame drew.
async function cardsBuilt(page) {
  return page.evaluate(() => {
    const ids = window.portal.state().visible;
    let drawn = 0;
    for (const id of ids) if (window.portal.locate('policy:' + id)) drawn += 1;
    return { drawn, visible: ids.length };
  });
}

// Steps the held frames until the app goes idle; keeps the steps that drew a frame (a resumed main loop can
// leave a stale callback that returns at once).
async function stepUntilIdle(page, maxFrames = 8) {
  return page.evaluate((max) => {
    const drawn = [];
    for (let i = 0; i < max && window.__benchFrames.queue.length > 0; i += 1) {
      const before = window.portal.state().frames;
      const frame = window.__benchFrames.step();
      if (window.portal.state().frames > before) drawn.push(frame);
    }
    return drawn;
  }, maxFrames);
}

async function scroll(page, wheels = 12) {
  const field = await page.evaluate(() => window.portal.locate('result-count') || window.portal.locate('search'));
  await page.mouse.move(field.x + field.w / 2, field.y + 200);
  await page.evaluate(() => { window.__benchFrames.hold = true; });
  const frames = [];
  for (let i = 0; i < wheels; i += 1) {
    await page.mouse.wheel(0, 700);
    frames.push(...(await stepUntilIdle(page)));
  }
  await page.evaluate(() => window.__benchFrames.release());
  return frames;
}

async function scrollToTop(page) {
  for (let i = 0; i < 40 && !(await page.evaluate(() => window.portal.locate('search'))); i += 1) {
    await page.mouse.wheel(0, -5000);
    await page.waitForTimeout(50);
  }
  await page.waitForTimeout(300);
}

// One keystroke: send it, then step frames one at a time until the new list is on screen.
async function keystroke(page, send, firstCardSlot) {
  await send();
  // The input reaches the app through the page's text field; give the woken main loop a moment to ask for a frame.
  await page.waitForFunction(() => window.__benchFrames.queue.length > 0, null, { timeout: 1000, polling: 10 }).catch(() => {});
  return page.evaluate((slot) => {
    const frames = [];
    for (let i = 0; i < 12 && window.__benchFrames.queue.length > 0; i += 1) {
      const before = window.portal.state().frames;
      const frame = window.__benchFrames.step();
      const snapshot = window.portal.state();
      if (snapshot.frames === before) continue;  // a stale main-loop callback: no frame drawn
      frames.push(frame);
      const first = snapshot.visible[0];
      const rect = first ? window.portal.locate('policy:' + first) : window.portal.locate('result-count');
      const inPlace = first ? rect && Math.abs(rect.x - slot.x) < 1 && Math.abs(rect.y - slot.y) < 1 : !!rect;
      if (inPlace && snapshot.query === window.__benchExpectedQuery) {
        return { query: snapshot.query, results: snapshot.visible.length, framesToScreen: frames.length, frames };
      }
    }
    return { query: window.portal.state().query, results: -1, framesToScreen: -1, frames };
  }, firstCardSlot);
}

async function typeIntoSearch(page, context) {
  const search = await page.evaluate(() => window.portal.locate('search'));
  await page.mouse.click(search.x + search.w / 2, search.y + search.h / 2);
  await page.waitForTimeout(300);
  const firstId = await page.evaluate(() => window.portal.state().visible[0]);
  const slot = await page.evaluate((id) => window.portal.locate('policy:' + id), firstId);
  const cdp = await context.newCDPSession(page);
  const results = [];
  let query = '';
  const run = async (label, nextQuery, send) => {
    await page.evaluate((q) => { window.__benchExpectedQuery = q; window.__benchFrames.hold = true; }, nextQuery);
    const result = await keystroke(page, send, slot);
    await page.evaluate(() => window.__benchFrames.release());
    await page.waitForTimeout(150);
    results.push({ key: label, ...result });
    query = nextQuery;
  };
  for (const key of LATIN_KEYS) {
    const next = key === 'Backspace' ? [...query].slice(0, -1).join('') : query + key;
    await run(key, next, () => page.keyboard.press(key));
  }
  for (const text of IME_COMMITS) {
    await run(`IME ${text}`, query + text, () => cdp.send('Input.insertText', { text }));
    for (let i = 0; i < [...text].length; i += 1) await run('Backspace', [...query].slice(0, -1).join(''), () => page.keyboard.press('Backspace'));
  }
  return results;
}

// Answers in the check view, clicked like a visitor: for each, the frames stepped until the answer is in the
// state (the frame whose intents apply it and bring statuses, counts, best bundle and next question up to date)
// and the frame after it (the first to draw the new results). Questions answered with one click (yes/no and
// single choices) are answered, the rest skipped, untimed. `questions`: the data's questions by id.
const ANSWERS = 8;

async function stepUntil(page, predicate, arg, maxFrames = 12) {
  return page.evaluate(([source, value, max]) => {
    const done = new Function('state', 'value', `return (${source})(state, value);`);
    const frames = [];
    for (let i = 0; i < max; i += 1) {
      if (window.__benchFrames.queue.length === 0) break;
      const before = window.portal.state().frames;
      const frame = window.__benchFrames.step();
      const snapshot = window.portal.state();
      if (snapshot.frames === before) continue;
      frames.push({ ...frame, intentsMs: snapshot.intents_ms });
      if (done(snapshot, value)) return { frames, reached: true };
    }
    return { frames, reached: false };
  }, [predicate.toString(), arg, maxFrames]);
}

async function clickHeld(page, id) {
  const rect = await page.evaluate((name) => window.portal.locate(name), id);
  if (!rect) return false;
  await page.mouse.click(rect.x + rect.w / 2, rect.y + rect.h / 2);
  await page.waitForFunction(() => window.__benchFrames.queue.length > 0, null, { timeout: 1000, polling: 10 }).catch(() => {});
  return true;
}

async function answerQuestions(page, questions) {
  const tab = await page.evaluate(() => window.portal.locate('tab:check'));
  await page.mouse.click(tab.x + tab.w / 2, tab.y + tab.h / 2);
  await page.waitForFunction(() => window.portal.state().view === 'check', null, { timeout: 10000, polling: 20 });
  await page.waitForTimeout(300);
  const results = [];
  for (let round = 0; results.length < ANSWERS && round < 4 * ANSWERS; round += 1) {
    const snapshot = await page.evaluate(() => window.portal.state());
    const id = snapshot.next_question;
    if (!id) break;
    const question = questions.get(id);
    const oneClick = question && (question.type === 'boolean' || (question.type === 'choice' && question.options?.length));
    const button = !oneClick ? 'skip'
      : question.type === 'boolean' ? `answer:${results.length % 2 === 0}`
        : `answer:${question.options[results.length % question.options.length].value}`;
    if (!oneClick) {
      await clickHeld(page, 'skip');
      await page.waitForFunction((q) => window.portal.state().next_question !== q, id, { timeout: 10000, polling: 20 }).catch(() => {});
      continue;
    }
    await page.evaluate(() => { window.__benchFrames.hold = true; });
    if (!(await clickHeld(page, button))) {
      await page.evaluate(() => window.__benchFrames.release());
      break;
    }
    // The page runs a frame inside the pointer-up handler (portal-loader.js: phones need it), which now and then
    // applies the click before the held frames are stepped: that answer was not timed, and is left out.
    const untimed = await page.evaluate((q) => window.portal.state().profile[q] !== undefined, id);
    const applied = untimed ? { frames: [], reached: true } : await stepUntil(page, (state, q) => state.profile[q] !== undefined, id);
    const drawn = await stepUntil(page, () => true, null, 3);
    await page.evaluate(() => window.__benchFrames.release());
    await page.waitForTimeout(150);
    const after = await page.evaluate(() => window.portal.state());
    results.push({ question: id, type: question.type, applied: applied.reached, untimed, eligible: Object.values(after.statuses).filter((s) => s === 'eligible').length,
      answerFrame: applied.frames[applied.frames.length - 1], otherFrames: applied.frames.slice(0, -1), drawFrame: drawn.frames[0] });
  }
  return results;
}

async function measure(browser, dist, label, questions) {
  const server = await serveDist(dist);
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  await context.addInitScript(instrumentPage);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (err) => errors.push(err.message));
  try {
    await page.goto(server.url, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__benchReadyAt !== undefined, null, { timeout: 180000, polling: 100 });
    await page.waitForTimeout(500);
    const ready = await page.evaluate(() => window.__benchReadyAt);
    const snapshot = await page.evaluate(() => window.portal.state());
    if (snapshot.view !== 'explore' || !Array.isArray(snapshot.visible)) {
      throw new Error(`${label}: the explore list is not there (view ${snapshot.view}, error ${snapshot.error})`);
    }
    const result = { label, policies: snapshot.visible.length, ready, stateMs: await stateCost(page) };
    result.frame = frameStats(await frameCost(page));
    result.cardsAtTop = await cardsBuilt(page);
    result.scroll = frameStats(await scroll(page));
    result.cardsAfterScroll = await cardsBuilt(page);
    await scrollToTop(page);
    result.keystrokes = await typeIntoSearch(page, context);
    const keyFrames = result.keystrokes.flatMap((k) => k.frames);
    result.keystrokeFrames = frameStats(keyFrames);
    result.answers = await answerQuestions(page, questions);
    result.answerFrames = frameStats(result.answers.filter((a) => a.applied && !a.untimed).map((a) => a.answerFrame));
    result.answerDrawFrames = frameStats(result.answers.filter((a) => a.drawFrame).map((a) => a.drawFrame));
    result.glByParameter = await page.evaluate(() => window.__benchGl.byParameter);
    if (errors.length > 0) throw new Error(`${label}: page errors: ${errors.join('; ')}`);
    return result;
  } finally {
    await context.close();
    await server.close();
  }
}

function printResult(r) {
  const ms = (v) => v.toFixed(1);
  const frameLine = (f) => `median ${ms(f.total.median)} ms, 95th percentile ${ms(f.total.p95)} ms, max ${ms(f.total.max)} ms; without GL waits median ` +
    `${ms(f.app.median)} ms, max ${ms(f.app.max)} ms (${f.total.count} frames, ${(f.glShare * 100).toFixed(0)}% of the time in getParameter)`;
  console.log(`\n${r.label}: ${r.policies} policies listed`);
  console.log(`  ready ${ms(r.ready)} ms; one state() call ${ms(r.stateMs)} ms`);
  console.log(`  explore frame:    ${frameLine(r.frame)}`);
  console.log(`  cards built: ${r.cardsAtTop.drawn} of ${r.cardsAtTop.visible} at the top, ${r.cardsAfterScroll.drawn} after scrolling`);
  console.log(`  scrolling frames: ${frameLine(r.scroll)}`);
  console.log(`  keystroke frames: ${frameLine(r.keystrokeFrames)}`);
  console.log('  keystrokes into the search box: frames drawn until the new list is on screen (main-thread ms, GL waits in brackets)');
  for (const k of r.keystrokes) {
    console.log(`    ${k.key.padEnd(10)} query ${JSON.stringify(k.query).padEnd(10)} ${String(k.results).padStart(6)} results  ` +
      `${k.framesToScreen > 0 ? k.framesToScreen + ' frame(s)' : 'NOT SEEN'}: ` +
      k.frames.map((f) => `${ms(f.ms)} (${ms(f.glMs)})`).join(' + '));
  }
  console.log(`  answer frames (the frame that applies the answer): ${frameLine(r.answerFrames)}`);
  console.log(`  the frame after it (draws the new results):        ${frameLine(r.answerDrawFrames)}`);
  const appTimes = r.answers.filter((a) => a.applied && !a.untimed).map((a) => a.answerFrame.intentsMs).sort((a, b) => a - b);
  console.log(`  app time of the answer (its intents, inside the frame that applies it): median ` +
    `${ms(appTimes[Math.floor(appTimes.length / 2)] ?? 0)} ms, max ${ms(appTimes[appTimes.length - 1] ?? 0)} ms`);
  for (const a of r.answers) {
    if (a.untimed) {
      console.log(`    ${a.question.padEnd(24)} ${a.type.padEnd(8)} applied by the pointer-up handler's frame, not timed`);
      continue;
    }
    console.log(`    ${a.question.padEnd(24)} ${a.type.padEnd(8)} ${a.applied ? 'applied' : 'NOT APPLIED'}, ${a.eligible} eligible: ` +
      `${a.otherFrames.map((f) => ms(f.ms)).concat(a.answerFrame ? [`[${ms(a.answerFrame.ms)}]`] : []).join(' + ')}, then ${a.drawFrame ? ms(a.drawFrame.ms) : '-'} ms` +
      `${a.answerFrame ? `; app time ${ms(a.answerFrame.intentsMs)} ms` : ''}`);
  }
  const slow = Object.entries(r.glByParameter).sort((a, b) => b[1].ms - a[1].ms).slice(0, 3)
    .map(([name, e]) => `0x${Number(name).toString(16)} ${ms(e.ms)} ms / ${e.calls} calls`);
  console.log(`  slowest getParameter names: ${slow.join('; ')}`);
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const browser = await launchBrowser();
  const results = [];
  try {
    results.push(await measure(browser, args.dist, 'bundled data', await questionsOf(path.join(args.dist, 'policies.json'))));
    for (const file of args.policies) {
      results.push(await measure(browser, await distWithPolicies(args.dist, file), path.basename(file), await questionsOf(file)));
    }
  } finally {
    await browser.close();
  }
  if (args.json) {
    for (const r of results) console.log(JSON.stringify({ step: 'ui-scale', ...r }));
    return;
  }
  console.log(`UI at scale in headless Chromium (SwiftShader WebGL2), 1366x768, dist ${path.relative(REPO, args.dist)}`);
  results.forEach(printResult);
}

main().catch((err) => {
  console.error(err.stack || String(err));
  process.exit(1);
});

// Where a page's startup time goes: Chromium's sampling profiler (CDP Profiler) from navigation to
// window.portal.ready, summed by function, heaviest first. Function names in the wasm appear only when the app
// was linked with --profiling-funcs (docs/PERFORMANCE.md shows how to make such a copy of dist).
//
//   node bench/profile_page.mjs --dist DIR [--query '?lang=zh'] [--top 30] [--interval-us 200] [--under NAME]
//
// Self time is the time a function spent in its own code; total time includes what it called. --under keeps
// only the samples taken inside functions whose name contains NAME (e.g. portal_start).
import { serveDist, launchBrowser } from '../tests/e2e/harness.mjs';

function parseArgs(argv) {
  const args = { dist: null, query: '', top: 30, intervalUs: 200, under: null };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    if (flag === '--dist') args.dist = argv[++i];
    else if (flag === '--query') args.query = argv[++i];
    else if (flag === '--top') args.top = Number(argv[++i]);
    else if (flag === '--interval-us') args.intervalUs = Number(argv[++i]);
    else if (flag === '--under') args.under = argv[++i];
    else throw new Error(`unknown argument ${flag}`);
  }
  if (!args.dist) throw new Error('--dist DIR is required');
  return args;
}

// Self and total milliseconds per function name from a CDP profile.
function summarise(profile, under) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children || []) parent.set(child, node.id);
  const selfSamples = new Map();
  for (const id of profile.samples) selfSamples.set(id, (selfSamples.get(id) || 0) + 1);
  const sampleMs = (profile.endTime - profile.startTime) / 1000 / Math.max(1, profile.samples.length);
  const name = (node) => node.callFrame.functionName || `(anonymous ${node.callFrame.url.split('/').pop()})`;
  const self = new Map();
  const total = new Map();
  const inside = (id) => {
    for (let at = id; at !== undefined; at = parent.get(at)) if (name(byId.get(at)).includes(under)) return true;
    return false;
  };
  for (const [id, count] of selfSamples) {
    if (under && !inside(id)) continue;
    const node = byId.get(id);
    self.set(name(node), (self.get(name(node)) || 0) + count * sampleMs);
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const n = name(byId.get(at));
      if (seen.has(n)) continue;  // recursion counts once
      seen.add(n);
      total.set(n, (total.get(n) || 0) + count * sampleMs);
    }
  }
  return { self, total, wallMs: (profile.endTime - profile.startTime) / 1000 };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const server = await serveDist(args.dist);
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: args.intervalUs });
    await cdp.send('Profiler.start');
    await page.goto(server.url + args.query, { waitUntil: 'load' });
    await page.evaluate(() => window.portal.ready);
    const { profile } = await cdp.send('Profiler.stop');
    await context.close();

    const { self, total, wallMs } = summarise(profile, args.under);
    console.log(`profile of ${args.dist} from navigation to ready: ${wallMs.toFixed(0)} ms sampled` +
      (args.under ? `; only samples inside "${args.under}"` : ''));
    console.log(`${'self ms'.padStart(9)} ${'total ms'.padStart(9)}  function`);
    const heaviest = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, args.top);
    for (const [fn, ms] of heaviest) console.log(`${ms.toFixed(1).padStart(9)} ${(total.get(fn) || 0).toFixed(1).padStart(9)}  ${fn}`);
    console.log('\nheaviest by total time:');
    const inclusive = [...total.entries()].sort((a, b) => b[1] - a[1]).slice(0, args.top);
    for (const [fn, ms] of inclusive) console.log(`${ms.toFixed(1).padStart(9)}  ${fn}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((err) => {
  console.error(err.stack || String(err));
  process.exit(1);
});

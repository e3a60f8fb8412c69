// Head-to-head: the same JsonLogic rules on the same data, evaluated by our evaluator (C++ compiled to wasm,
// bench/jsonlogic_batch.cpp), by json-logic-js and by json-logic-engine in its interpreted and compiled modes
// (npm, pinned exactly in package.json), in one node process.
//
//   node --no-experimental-fetch bench/head_to_head.mjs [--policies FILE] [--profiles FILE|examples]
//        [--count 16] [--module build/bench-web/bench/jsonlogic_batch.js] [--rounds 5] [--repeat 1] [--json]
//
// Fairness:
//  - The rules are every criterion, rule amount and ask_if of the policy file, collected in the same order on both
//    sides, and the data are complete profiles (the first --count of profiles.json "complete") or, with `--profiles examples`, the
//    profiles of the file's own examples (partial ones: unanswered vars read null on both sides).
//  - Both run standard JsonLogic semantics (our "complete" mode). Our extension operators (rank, days_since,
//    months_since, years_since, today) are added to json-logic-js with add_operation, written the obvious way.
//    A second row uses only the rules with standard operators, so the custom JS operations cannot skew the ratio.
//  - Each side is used the way it is meant to be: ours compiles the rules once (when the file loads) and evaluates
//    the compiled form; json-logic-js interprets the rule objects on every apply(); json-logic-engine either runs
//    them through its interpreter (LogicEngine.run, which caches a plan per rule object) or builds each rule once
//    into a JavaScript function (LogicEngine.build, not timed, like our compile). Neither side's parsing of the
//    data is timed (JSON.parse on one side, nlohmann on the other, once each).
//  - One call crosses into wasm per round (a batch), so the boundary costs nothing measurable.
//  - Every value is cross-checked equal before anything is timed, and both sides count their truthy results;
//    any difference fails the run (exit 1).
//  - Rounds alternate between the two evaluators after a warm-up round each (JIT and caches warm); the median
//    round is reported. --repeat N makes each round run the whole loop N times on both sides: with small files a
//    round lasts a few milliseconds, too short to rise above the scheduling noise of a shared machine.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const jsonLogic = require('json-logic-js');
const { LogicEngine } = require('json-logic-engine');
const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv) {
  const args = {
    policies: path.join(REPO, 'build/bench/policies-10000.json'),
    profiles: path.join(REPO, 'build/bench/profiles.json'),
    module: path.join(REPO, 'build/bench-web/bench/jsonlogic_batch.js'),
    rounds: 5,
    repeat: 1,
    count: 16,
    json: false,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    if (flag === '--json') args.json = true;
    else if (flag === '--rounds') args.rounds = Number(argv[++i]);
    else if (flag === '--count') args.count = Number(argv[++i]);
    else if (flag === '--repeat') args.repeat = Number(argv[++i]);
    else if (['--policies', '--profiles', '--module'].includes(flag)) args[flag.slice(2)] = argv[++i];
    else throw new Error(`unknown argument ${flag}`);
  }
  return args;
}

// ---- the rules and the data ---------------------------------------------------------------------------------

// Same order as collect_rules() in jsonlogic_batch.cpp: criteria, then rule amounts, then ask_if.
function collectRules(file) {
  const rules = [];
  for (const policy of file.policies) for (const criterion of policy.criteria || []) rules.push(criterion.rule);
  for (const policy of file.policies) {
    for (const benefit of policy.benefits || []) {
      if (benefit.amount !== undefined && typeof benefit.amount !== 'number') rules.push(benefit.amount);
    }
  }
  for (const question of file.questions) if (question.ask_if !== undefined) rules.push(question.ask_if);
  return rules;
}

const EXTENSIONS = new Set(['rank', 'days_since', 'months_since', 'years_since', 'today']);

function usesExtensions(rule) {
  if (Array.isArray(rule)) return rule.some(usesExtensions);
  if (rule === null || typeof rule !== 'object') return false;
  return Object.entries(rule).some(([op, args]) => EXTENSIONS.has(op) || usesExtensions(args));
}

function loadData(args, file) {
  if (args.profiles === 'examples') {
    const profiles = file.policies.flatMap((p) => (p.examples || []).map((e) => e.profile));
    return { data: profiles, asOf: file.as_of, label: 'the file\'s example profiles' };
  }
  const profiles = JSON.parse(readFileSync(args.profiles, 'utf8'));
  return { data: profiles.complete.slice(0, args.count), asOf: profiles.as_of, label: 'complete profiles' };
}

// ---- the extension operators for json-logic-js ----------------------------------------------------------------

function parseDate(value) {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const [y, m, d] = value.split('-').map(Number);
  const time = Date.UTC(y, m - 1, d);
  const check = new Date(time);
  if (check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return null;
  return { y, m, d, day: time / 86400000 };
}

// Completed months from `from` to `to`, counted like an age (negative when `from` is later).
function completedMonths(from, to) {
  const forward = (a, b) => (b.y - a.y) * 12 + (b.m - a.m) - (b.d < a.d ? 1 : 0);
  return to.day < from.day ? -forward(to, from) : forward(from, to);
}

function addExtensions(file, asOf) {
  // rank receives the evaluated choice value; the ordered questions' values must not collide for that to work.
  const rankOf = new Map();
  for (const question of file.questions) {
    if (question.type !== 'choice' || !question.ordered) continue;
    question.options.forEach((option, index) => {
      if (rankOf.has(option.value) && rankOf.get(option.value) !== index) {
        throw new Error(`ordered option "${option.value}" has two ranks: json-logic-js's rank cannot tell them apart`);
      }
      rankOf.set(option.value, index);
    });
  }
  const today = parseDate(asOf);
  const since = (unit) => (value) => {
    const date = parseDate(value);
    if (date === null) return null;
    if (unit === 'days') return today.day - date.day;
    const months = completedMonths(date, today);
    return unit === 'months' ? months : Math.trunc(months / 12);
  };
  const operations = {
    rank: (value) => (typeof value === 'string' && rankOf.has(value) ? rankOf.get(value) : null),
    days_since: since('days'),
    months_since: since('months'),
    years_since: since('years'),
    today: () => asOf,
  };
  for (const [name, operation] of Object.entries(operations)) jsonLogic.add_operation(name, operation);
  return operations;
}

// json-logic-engine hands a method its evaluated arguments as one array (or the bare value when the rule gave
// one), where json-logic-js spreads them; `deterministic` lets its optimiser fold calls on constants, as it does
// for its own operators.
function makeEngine(operations) {
  const engine = new LogicEngine();
  for (const [name, operation] of Object.entries(operations)) {
    engine.addMethod(name, (args) => operation(...(Array.isArray(args) ? args : [args])), { deterministic: true });
  }
  return engine;
}

// The JavaScript evaluators, each as apply(ruleIndex, data) over the same rule list.
// json-logic-engine's package.json is not among its exports; read it from the installed folder instead.
function installedVersion(name) {
  return JSON.parse(readFileSync(path.join(REPO, 'node_modules', name, 'package.json'), 'utf8')).version;
}

function makePeers(rules, operations) {
  const engine = makeEngine(operations);
  const compiled = rules.map((rule) => engine.build(rule));
  return [
    { name: 'json-logic-js', version: installedVersion('json-logic-js'),
      apply: (r, data) => jsonLogic.apply(rules[r], data), truthy: (v) => jsonLogic.truthy(v) },
    { name: 'json-logic-engine (interpreted)', version: installedVersion('json-logic-engine'), mayDiffer: true,
      apply: (r, data) => engine.run(rules[r], data), truthy: (v) => engine.truthy(v) },
    { name: 'json-logic-engine (compiled)', version: installedVersion('json-logic-engine'), mayDiffer: true,
      apply: (r, data) => compiled[r](data), truthy: (v) => engine.truthy(v) },
  ];
}

// ---- the wasm side ----------------------------------------------------------------------------------------------

async function loadBatchModule(modulePath) {
  const createBatchModule = require(path.resolve(modulePath));
  return createBatchModule();
}

function withString(module, text, use) {
  const size = module.lengthBytesUTF8(text) + 1;
  const pointer = module._malloc(size);
  module.stringToUTF8(text, pointer, size);
  try {
    return use(pointer);
  } finally {
    module._free(pointer);
  }
}

function prepareWasm(module, policyText, data, asOf) {
  const count = withString(module, policyText, (p) => withString(module, JSON.stringify(data),
    (d) => withString(module, asOf, (a) => module._h2h_prepare(p, d, a))));
  if (count < 0) throw new Error('wasm: ' + module.UTF8ToString(module._h2h_error()));
  return count;
}

function selectWasm(module, indices) {
  const count = withString(module, JSON.stringify(indices), (p) => module._h2h_select(p));
  if (count !== indices.length) throw new Error('wasm: could not select the rules');
}

// ---- checking and timing ------------------------------------------------------------------------------------------

// The same two loop orders as h2h_run() in jsonlogic_batch.cpp; `indices` picks the rules of the subset.
function runPeer(peer, indices, data, ruleMajor) {
  let truthy = 0;
  if (ruleMajor) {
    for (const r of indices) {
      for (const profile of data) if (peer.truthy(peer.apply(r, profile))) truthy += 1;
    }
  } else {
    for (const profile of data) {
      for (const r of indices) if (peer.truthy(peer.apply(r, profile))) truthy += 1;
    }
  }
  return truthy;
}

// Every value of every rule on every profile, compared as JSON with ours: the indices of the rules on which the
// peer gives another value for some profile, and the first few differences.
function crossCheck(module, peer, rules, data) {
  const ours = JSON.parse(module.UTF8ToString(module._h2h_results_json()));
  const differing = new Set();
  const examples = [];
  rules.forEach((rule, r) => {
    data.forEach((profile, d) => {
      const theirs = JSON.stringify(peer.apply(r, profile)) ?? 'undefined';
      const mine = JSON.stringify(ours[r][d]);
      if (theirs === mine) return;
      differing.add(r);
      if (examples.length < 3) examples.push({ rule: JSON.stringify(rule), data: d, ours: mine, theirs });
    });
  });
  return { differing, examples };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

// Rounds alternate: ours, then each peer in turn, so a slow spell of the machine hits all of them alike.
function compare(module, peers, indices, data, rounds, repeat, ruleMajor) {
  selectWasm(module, indices);
  const evaluations = indices.length * data.length * repeat;
  module._h2h_run(1, ruleMajor ? 1 : 0);  // warm-up rounds
  for (const peer of peers) runPeer(peer, indices, data, ruleMajor);
  const wasmTimes = [];
  const peerTimes = peers.map(() => []);
  const peerTruthy = peers.map(() => 0);
  for (let round = 0; round < rounds; round += 1) {
    let start = performance.now();
    module._h2h_run(repeat, ruleMajor ? 1 : 0);
    wasmTimes.push(performance.now() - start);
    peers.forEach((peer, p) => {
      start = performance.now();
      for (let r = 0; r < repeat; r += 1) peerTruthy[p] = runPeer(peer, indices, data, ruleMajor);
      peerTimes[p].push(performance.now() - start);
    });
  }
  const wasmTruthy = module._h2h_truthy();
  const wrong = peers.findIndex((_, p) => peerTruthy[p] !== wasmTruthy);
  if (wrong >= 0) return { mismatch: { peer: peers[wrong].name, ours: wasmTruthy, theirs: peerTruthy[wrong] } };
  const wasmMs = median(wasmTimes);
  return {
    rules: indices.length, data: data.length, evaluations, truthy: wasmTruthy, wasmMs,
    wasmPerSecond: evaluations / (wasmMs / 1000),
    peers: peers.map((peer, p) => {
      const ms = median(peerTimes[p]);
      return { name: peer.name, ms, perSecond: evaluations / (ms / 1000), ratio: ms / wasmMs };
    }),
  };
}

function printRows(label, row) {
  const perSecond = (n) => `${(n / 1e6).toFixed(2)} M/s`.padStart(11);
  const line = (name, ms, rate, ratio) => console.log(`${label.padEnd(40)} ${name.padEnd(32)} ${String(row.rules).padStart(6)} ` +
    `${String(row.evaluations).padStart(10)} ${ms.toFixed(1).padStart(9)} ${perSecond(rate)} ${ratio.padStart(8)}`);
  line('ours (wasm)', row.wasmMs, row.wasmPerSecond, '1.00x');
  for (const peer of row.peers) line(peer.name, peer.ms, peer.perSecond, `${peer.ratio.toFixed(2)}x`);
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const policyText = readFileSync(args.policies, 'utf8');
  const file = JSON.parse(policyText);
  const { data, asOf, label } = loadData(args, file);
  const rules = collectRules(file);
  const peers = makePeers(rules, addExtensions(file, asOf));

  const module = await loadBatchModule(args.module);
  const wasmRules = prepareWasm(module, policyText, data, asOf);
  if (wasmRules !== rules.length) throw new Error(`wasm collected ${wasmRules} rules, JS ${rules.length}: the orders differ`);

  selectWasm(module, rules.map((_, i) => i));
  // json-logic-js must agree everywhere (it is the reference our conformance suite comes from). json-logic-engine
  // 5 departs from it on purpose in places (it reads null == false as true, for one); rules where it differs on
  // some profile are left out of every row, so all evaluators still run the same rules, and the count is printed.
  const leftOut = new Set();
  const notes = [];
  for (const peer of peers) {
    const { differing, examples } = crossCheck(module, peer, rules, data);
    if (differing.size === 0) continue;
    if (!peer.mayDiffer) {
      console.error(`${peer.name}: ${differing.size} rules give other results than ours; first ones:`);
      for (const m of examples) console.error('  ' + JSON.stringify(m));
      process.exit(1);
    }
    for (const r of differing) leftOut.add(r);
    notes.push(`${peer.name} differs from ours on ${differing.size} rules (left out), e.g. ${JSON.stringify(examples[0])}`);
  }
  const all = rules.map((_, i) => i).filter((i) => !leftOut.has(i));

  const standard = all.filter((i) => !usesExtensions(rules[i]));
  const subsets = [['all rules', all], ['standard operators only', standard]];
  const rows = [];
  for (const [order, ruleMajor] of [['profile-major', false], ['rule-major', true]]) {
    for (const [subset, indices] of subsets) {
      const row = compare(module, peers, indices, data, args.rounds, args.repeat, ruleMajor);
      if (row.mismatch) {
        console.error(`${subset}, ${order}: the truthy counts differ: ${JSON.stringify(row.mismatch)}`);
        process.exit(1);
      }
      rows.push([`${subset}, ${order}`, row]);
    }
  }

  if (args.json) {
    for (const [name, row] of rows) {
      const { peers: peerRows, ...rest } = row;
      for (const peer of peerRows) {
        console.log(JSON.stringify({ step: 'head-to-head', subset: name, policies: file.policies.length, leftOut: leftOut.size,
          file: path.basename(args.policies), ...rest, peer: peer.name, peerMs: peer.ms, peerPerSecond: peer.perSecond, ratio: peer.ratio }));
      }
    }
    return;
  }
  const versions = [...new Set(peers.map((peer) => `${peer.name.split(' ')[0]} ${peer.version}`))].join(', ');
  console.log(`head-to-head on ${path.basename(args.policies)} (${file.policies.length} policies) with ${data.length} ${label}, ` +
    `as of ${asOf}; ${versions}, node ${process.versions.node}; ` +
    `median of ${args.rounds} rounds${args.repeat > 1 ? ` of ${args.repeat} passes each` : ''}; every result cross-checked equal`);
  for (const note of notes) console.log(note);
  console.log('profile-major: each profile against every rule (what the matcher does per answer; rules mostly cold in cache); ' +
    'rule-major: each rule against every profile (rules hot). ratio: their time / ours (above 1: ours is faster)');
  console.log(`${'rules, loop order'.padEnd(40)} ${'evaluator'.padEnd(32)} ${'rules'.padStart(6)} ${'evals'.padStart(10)} ` +
    `${'ms'.padStart(9)} ${'rate'.padStart(11)} ${'ratio'.padStart(8)}`);
  for (const [name, row] of rows) printRows(name, row);
}

main().catch((err) => {
  console.error(err.stack || String(err));
  process.exit(1);
});

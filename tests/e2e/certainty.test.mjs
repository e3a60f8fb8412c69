// Certainty on the results screen: a PhD hired in Shangyu in 2025, whose best combination rests on terms that no
// official text confirms (a secondary dataset, or sources older than stale_after_years), sees the total with its
// unconfirmed part and the short explanation of what "unconfirmed" means, and the page agrees with
// `policyctl check` on every result's certainty. Screenshots in both languages go to tests/e2e/artifacts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  REPO, DIST, openPortal, expectNoProblems, state, locate, settle, screenshot, scrollTo, servedPortal,
} from './harness.mjs';

const AS_OF = '2026-11-26';
const DATA_FILE = path.join(DIST, 'policies.json');
const POLICYCTL = process.env.POLICYCTL || path.join(REPO, 'build', 'native', 'src', 'tools', 'policyctl');

// Answers a real applicant would give; questions the data does not ask are dropped by the portal on arrival.
const PHD_2025 = {
  education: 'phd', full_time: true, double_first_class: true, graduation_date: '2024-12-20', in_school: false,
  fresh_graduate: true, age: 31, hukou_shangyu: false, shangyu_native: false, work_location: 'shangyu',
  shangyu_start_date: '2025-03-01', contract_years: 5, commit_5_years: true, social_insurance_months: 20,
  subdistrict_employer: false, employer_sme: false, wage_below_average: false, owns_home: false,
  first_home_purchase: true, used_housing_benefit: false, skill_level: 'none', skill_honour: 'none',
  hardship_family: false, erjiang_talent: false, maker_types: [], company_registered: false,
};

const session = servedPortal();

for (const lang of ['zh', 'en']) {
  test(`a PhD hired in 2025 sees the best total with its unconfirmed part (${lang})`, async () => {
    const fragment = `#v=check&lang=${lang}&a=${encodeURIComponent(JSON.stringify(PHD_2025))}`;
    const { context, page, problems } = await openPortal(session.browser, session.server.url, {
      query: `?as_of=${AS_OF}${fragment}`,
    });
    await settle(page, 3);
    const snapshot = await state(page);
    assert.equal(snapshot.view, 'check');
    assert.equal(snapshot.profile.education, 'phd', 'the answers arrived');
    const bundle = snapshot.best_bundle;
    assert.ok(bundle.total > 0, 'this applicant qualifies for money');
    assert.ok(bundle.unconfirmed_total > 0, 'part of the total rests on unconfirmed terms');

    // The page says what policyctl says for the same (kept) answers.
    if (existsSync(POLICYCTL)) {
      const dir = mkdtempSync(path.join(tmpdir(), 'portal-certainty-'));
      const profileFile = path.join(dir, 'profile.json');
      writeFileSync(profileFile, JSON.stringify(snapshot.profile));
      const expected = JSON.parse(execFileSync(POLICYCTL,
        ['check', DATA_FILE, '--profile', profileFile, '--as-of', AS_OF, '--json'], { encoding: 'utf8' }));
      assert.deepEqual(snapshot.certainty, Object.fromEntries(expected.results.map((r) => [r.policy, r.certainty])));
      assert.equal(bundle.unconfirmed_total, expected.best_bundle.unconfirmed_total);
    }

    await scrollTo(page, 'best-total', { x: 1000, y: 400 });
    assert.ok(await locate(page, 'best-total'), 'the total is on screen');
    assert.ok(await locate(page, 'best-unconfirmed'), 'with the explanation of its unconfirmed part');
    await screenshot(page, `certainty-phd-2025-${lang}-1366x768`);
    expectNoProblems(assert, problems);
    await context.close();
  });
}

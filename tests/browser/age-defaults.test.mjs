// Age-aware defaults (issue 20, 8): a birth year typed for a member not yet filled in brings its age's defaults —
// the pension from 60, a pupil at school and not labour — and what was entered is never changed.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { clickAnchor, launch, openApp, openPage, serve, typeInto } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const state = (page) => page.evaluate(() => window.zengshou.state());

describe('age-aware defaults', () => {
  test('67 draws the pension, 9 is a pupil and not labour', async () => {
    const { page, context, problems } = await openPage(browser, { viewport: { width: 1366, height: 900 } });
    await openApp(page, server.url);
    await clickAnchor(page, 'new_household');
    await typeInto(page, 'member_birth_year', '1955');  // 67 in 2022: draws the pension, pays nothing in
    let m = (await state(page)).household.members[0];
    assert.deepEqual(m.pension, { enrolled: true, tier: 0 });
    assert.equal(m.labor, 'full');
    await typeInto(page, 'member_birth_year', '2013');  // 9: a pupil, not labour
    m = (await state(page)).household.members[0];
    assert.equal(m.labor, 'none');
    assert.equal(m.school.level, 'compulsory');
    assert.equal(m.pension.enrolled, false);
    // (What she entered stays as it is: the unit tests.)
    assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], foreignRequests: [] });
    await context.close();
  });
});

// The household's path on a phone (issue 20, 6): the guided questions end on 你家可以享受 — each programme with its
// yuan and how to apply, the same amounts as the command line — and the family's link is short, its QR code reads
// back as the link, and it opens as the same household.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { artifacts, clickAnchor, decodePng, frames, launch, openApp, openPage, repoRoot, serve, typeInto } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const state = (page) => page.evaluate(() => window.zengshou.state());
const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true };

describe('the results page on a phone', () => {
  test('你家可以享受 lists 公益性岗位 9600 and 雨露计划 3000 with how to apply, as the command line does', async () => {
    const { page, context, problems } = await openPage(browser, phone);
    await openApp(page, server.url);
    await clickAnchor(page, 'new_household');
    await clickAnchor(page, 'guided_mode');
    await clickAnchor(page, 'guide_next');                 // 脱贫户
    await typeInto(page, 'guide_size', '2');
    await clickAnchor(page, 'guide_next');
    await typeInto(page, 'guide_name', '李华');
    await typeInto(page, 'guide_birth_year', '1975');
    await clickAnchor(page, 'guide_next');
    await clickAnchor(page, 'guide_job_4');                // a public-welfare post
    await clickAnchor(page, 'guide_next');
    await typeInto(page, 'guide_wage', '800');               // 12 months (the default)
    for (let i = 0; i < 3; ++i) await clickAnchor(page, 'guide_next');  // pension, disability: as they are
    await typeInto(page, 'guide_name', '李小');
    await typeInto(page, 'guide_birth_year', '2005');
    await clickAnchor(page, 'guide_next');
    await clickAnchor(page, 'guide_job_0');                // no job
    await clickAnchor(page, 'guide_next');
    await clickAnchor(page, 'guide_school_3');             // 中职
    for (let i = 0; i < 20 && (await state(page)).anchors.guide_next; ++i) await clickAnchor(page, 'guide_next');
    const s = await state(page);
    assert.equal(s.anchors.guide_next, undefined, 'the last page');
    assert.ok(s.anchors.you_get_title && s.anchors.you_get_total);
    // By hand: the post 12 × 800 = 9600 (公益性岗位, 0 00 二.1); 雨露计划 3000 a year for 中职 (DOMAIN.md §4).
    const amount = (id) => s.programmes.find((p) => p.id === id).amount;
    assert.equal(amount('public_welfare_post'), '9600.00');
    assert.equal(amount('rain_dew'), '3000.00');
    // The page lists exactly the programmes with an amount, each on the phone's width.
    const listed = Object.keys(s.anchors).filter((a) => a.startsWith('you_get_') &&
      !['you_get_title', 'you_get_total', 'you_get_share', 'you_get_card', 'you_get_monitoring'].includes(a));
    const paid = s.programmes.filter((p) => p.eligible && p.amount !== '0.00').map((p) => 'you_get_' + p.id);
    assert.deepEqual(listed.sort(), paid.sort());
    assert.ok(listed.includes('you_get_public_welfare_post') && listed.includes('you_get_rain_dew'));
    for (const a of listed) assert.ok(s.anchors[a].x + s.anchors[a].w <= 390, `${a} inside the screen`);
    assert.equal(s.missing_glyphs, 0, 'every character of the page is in the font');
    // The same household on the command line: the same programmes with the same amounts.
    const file = join(mkdtempSync(join(tmpdir(), 'zengshou-')), 'household.json');
    writeFileSync(file, JSON.stringify(s.household));
    const native = JSON.parse(execFileSync(join(repoRoot, 'build/native/zengshou'), ['eval', file],
      { encoding: 'utf8' })).programmes;
    for (const p of native.filter((x) => x.eligible))
      assert.equal(amount(p.id), Number(p.amount).toFixed(2), p.id);
    await page.screenshot({ path: join(artifacts, 'phone-results.png') });

    // The link to send the family: short, and it opens as the same household.
    await clickAnchor(page, 'you_get_share');
    await frames(page, 5);
    const link = (await state(page)).share_link;
    assert.match(link, /#share=/);
    const data = link.split('#share=')[1];
    assert.ok(data.length < 400, `the link's data is ${data.length} characters`);  // it was 815 with the file
    await page.screenshot({ path: join(artifacts, 'phone-share.png') });
    // Its QR code, read off the screen by another reader (jsQR), is the link.
    const qr = (await state(page)).anchors.share_qr;
    assert.ok(qr.x >= 0 && qr.y >= 0 && qr.x + qr.w <= 390 && qr.y + qr.h <= 844, 'the whole code on the screen');
    const image = decodePng(await page.screenshot({ clip: { x: qr.x, y: qr.y, width: qr.w, height: qr.h } }));
    const rgba = new Uint8ClampedArray(image.width * image.height * 4);
    for (let i = 0, j = 0; i < rgba.length; i += 4, j += image.channels) {
      rgba.set(image.data.subarray(j, j + 3), i);
      rgba[i + 3] = 255;
    }
    assert.equal(jsQR(rgba, image.width, image.height)?.data, link);
    const other = await openPage(browser, phone);
    await openApp(other.page, link);
    await frames(other.page, 10);
    const opened = await state(other.page);
    assert.deepEqual(opened.household.members, s.household.members);
    assert.equal(opened.per_capita_net, s.per_capita_net);
    await other.context.close();
    assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], foreignRequests: [] });
    await context.close();
  });
});

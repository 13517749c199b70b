// 政策文件 (issue 15, item 4): a source in the breakdown is a link; clicking it opens the document at the clause with
// the quoted words marked and on screen, on a desktop and on a 390-pixel phone; the list names every document; the
// full font holds every character of the documents.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { artifacts, clickAnchor, decodePng, frames, launch, openApp, openPage, regionStats, serve } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const state = (page) => page.evaluate(() => window.zengshou.state());

// Opens Changning's 脱贫户 example and its 培训生活费补助 in 政策项目; `viaMenu` for a phone, whose tabs scroll.
async function openTrainingAllowance(page, viaMenu) {
  await clickAnchor(page, 'examples');
  await clickAnchor(page, 'example_changning-tuopin');
  if (viaMenu) {
    await clickAnchor(page, 'menu_views');
    await clickAnchor(page, 'menu_tab_programmes');
  } else {
    await clickAnchor(page, 'tab_programmes');
  }
  await clickAnchor(page, 'programme_training_allowance');
  const s = await state(page);
  assert.ok(s.anchors.source_training_allowance, 'the programme shows its source as a link');
  return s;
}

// The quote's line is on screen (below the particulars, inside the viewport) and painted with the marker's yellow.
async function checkQuoteShown(page, viewport, name) {
  const s = await state(page);
  assert.equal(s.view, 'tab_documents', 'the click opened 政策文件');
  assert.equal(s.document, 'changning-2022-zengshou-yaodian');
  const q = s.anchors.document_quote;
  assert.ok(q, 'the quoted words are drawn');
  assert.ok(q.y >= 0 && q.y + q.h <= viewport.height && q.x >= 0 && q.x < viewport.width,
    `the quote is scrolled into view: ${JSON.stringify(q)}`);
  assert.ok(q.y < viewport.height * 0.7, `and near the top of the text, not at its bottom edge: ${q.y}`);
  const png = decodePng(await page.screenshot({ path: join(artifacts, name) }));
  const ratio = png.width / viewport.width;
  let yellow = 0;
  for (let y = Math.floor(q.y * ratio); y < Math.floor((q.y + q.h) * ratio); ++y)
    for (let x = Math.floor(q.x * ratio); x < Math.floor((q.x + q.w) * ratio); ++x) {
      const i = (y * png.width + x) * png.channels;
      if (png.data[i] > 240 && png.data[i + 1] > 200 && png.data[i + 1] < 240 && png.data[i + 2] < 140) ++yellow;
    }
  assert.ok(yellow > 200, `the quote is marked yellow (${yellow} pixels)`);
}

describe('政策文件', () => {
  test('a source in the breakdown opens its document at the clause, the quote marked (desktop)', async () => {
    const viewport = { width: 1280, height: 800 };
    const { page, context, problems } = await openPage(browser, { viewport });
    await openApp(page, server.url);
    await openTrainingAllowance(page, false);
    await clickAnchor(page, 'source_training_allowance');
    await frames(page, 3);
    await checkQuoteShown(page, viewport, 'document-desktop.png');
    // The particulars a cadre needs to find it: title, issuer, date, and the policies citing it.
    const title = (await state(page)).anchors.document_title;
    assert.ok(title && title.y < 300, 'the title heads the view');
    await clickAnchor(page, 'documents_back');
    const list = await state(page);
    assert.equal(list.document, '');
    for (const id of ['changning-2022-zengshou-yaodian', 'guofa-2014-8', 'ceheng-2022-2024-jumin-zengshou'])
      assert.ok(list.anchors[`document_${id}`], `the list names ${id}`);
    await clickAnchor(page, 'document_guofa-2014-8');
    assert.equal((await state(page)).document, 'guofa-2014-8', 'a document without text opens to its particulars');
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });

  test('a line in the headline names its clause on hover and opens it on a click (000 二, the 7000 line)', async () => {
    const viewport = { width: 1280, height: 800 };
    const { page, context } = await openPage(browser, { viewport });
    await openApp(page, server.url);
    await clickAnchor(page, 'examples');
    await clickAnchor(page, 'example_changning-tuopin');
    await clickAnchor(page, 'line_policy');
    const s = await state(page);
    assert.equal(s.view, 'tab_documents');
    assert.equal(s.document, 'changning-2022-zengshou-yaodian');
    assert.ok(s.anchors.document_quote, 'the quote 全面消除年人均纯收入7000元以下的脱贫人口 is drawn');
    await context.close();
  });

  test('the same on a 390-pixel phone, by touch', async () => {
    const viewport = { width: 390, height: 844 };
    const { page, context } = await openPage(browser, { viewport, deviceScaleFactor: 2, hasTouch: true,
      isMobile: true });
    await openApp(page, server.url);
    await openTrainingAllowance(page, true);
    await clickAnchor(page, 'source_training_allowance');
    await frames(page, 3);
    await checkQuoteShown(page, viewport, 'document-phone.png');
    await context.close();
  });

  test('every character of the documents is in the full font, once it has loaded', async () => {
    const { page, context } = await openPage(browser, { viewport: { width: 1280, height: 800 } });
    await openApp(page, server.url);
    await page.waitForFunction(() => window.zengshou.state().missing_document_glyphs === 0, null, { timeout: 30000 });
    const s = await state(page);
    assert.equal(s.missing_glyphs, 0);
    await context.close();
  });

  test('in English, a source names the document by its English title', async () => {
    const { page, context } = await openPage(browser, { viewport: { width: 1280, height: 800 } });
    await openApp(page, server.url);
    await clickAnchor(page, 'language_switch');
    await openTrainingAllowance(page, false);
    const link = (await state(page)).anchors.source_training_allowance;
    const png = decodePng(await page.screenshot({ path: join(artifacts, 'document-source-en.png') }));
    const r = png.width / 1280;
    assert.ok(regionStats(png, link.x * r, link.y * r, link.w * r, link.h * r).darkShare > 0.01, 'the link is drawn');
    await clickAnchor(page, 'source_training_allowance');
    assert.equal((await state(page)).document, 'changning-2022-zengshou-yaodian');
    await context.close();
  });
});

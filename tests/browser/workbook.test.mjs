// A cadre's own Excel (issue 18) in real headless Chromium: a village ledger as .xlsx (openpyxl) and as .xls (xlwt)
// picked in 导入台账, shown before anything changes — the sheet, the header row under its title, the columns read —
// imported into the roster with the native CLI's figures to the fen, and undone; a workbook with a password is one
// clear problem and changes nothing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { artifacts, clickAnchor, frames, launch, openApp, openPage, repoRoot, saved, serve } from './harness.mjs';

let server, browser, workbooks;
before(async () => {
  server = await serve();
  browser = await launch();
  workbooks = mkdtempSync(join(tmpdir(), 'zengshou-workbooks-'));
  execFileSync('/usr/bin/python3', [join(repoRoot, 'tests/workbooks/make_workbooks.py'), workbooks]);
});
after(async () => { await browser?.close(); await server?.close(); });

const state = (page) => page.evaluate(() => window.zengshou.state());

async function pick(page, name) {
  const chooser = page.waitForEvent('filechooser');
  await clickAnchor(page, 'roster_import');
  await (await chooser).setFiles({ name, mimeType: 'application/octet-stream',
    buffer: readFileSync(join(workbooks, name)) });
  return read(page);
}

// The full font (every name's characters) is in, drawn after some frames.
async function fullFont(page) {
  await page.waitForFunction(() => window.zengshou.fullFont === true);
  await frames(page, 5);
}

// The workbook is read in the page's workbook module (loaded the first time): until it answers, the window says so.
async function read(page) {
  for (let i = 0; i < 200; ++i) {
    await frames(page, 2);
    const s = await state(page);
    if (s.workbook_import && !s.workbook_import.reading) return s;
  }
  throw new Error('the workbook was not read');
}

// The CLI's per-capita net for each household of the file, by id.
function nativeFigures(file, policy, year) {
  const out = execFileSync(join(repoRoot, 'build/native/zengshou'),
    ['batch', '--policy', policy, '--year', String(year), '--category', '脱贫户', join(workbooks, file)],
    { encoding: 'utf8', cwd: join(repoRoot, 'assets') });
  return Object.fromEntries(out.trim().split('\n').map((l) => JSON.parse(l))
    .map((r) => [r.household, r.income.per_capita_net.toFixed(2)]));
}

describe('workbooks', () => {
  test('a ledger in .xlsx and in .xls: previewed, imported with the CLI\'s figures, undone', async () => {
    const { page, context, problems } = await openPage(browser, { viewport: { width: 1400, height: 1000 } });
    await openApp(page, server.url);
    await clickAnchor(page, 'tab_roster');
    for (const file of ['per-member-openpyxl.xlsx', 'per-member-xlwt.xls']) {
      let s = await pick(page, file);
      const w = s.workbook_import;
      assert.ok(w, `${file}: shown first`);
      assert.deepEqual(w.sheets, ['家庭成员']);
      assert.equal(w.header_row, 2, 'the header under the merged title');
      assert.deepEqual(w.used, ['户编号', '户主', '姓名', '证件号码', '与户主关系', '出生年份', '劳动技能', '务工时间（月）',
        '务工所在地', '月工资', '在校生状况']);
      assert.deepEqual(w.problems, []);
      assert.equal(w.households, 2);
      assert.equal(w.people, 4);
      assert.equal(s.roster.households, 0, 'nothing changes before the import');
      if (file.endsWith('.xlsx')) {
        await fullFont(page);  // so the README's picture shows 张堃, not a placeholder
        await page.screenshot({ path: join(artifacts, 'workbook-import.png') });
      }
      await clickAnchor(page, 'workbook_import_button');
      s = await state(page);
      assert.equal(s.workbook_import, null);
      assert.deepEqual(s.open_errors, []);
      assert.equal(s.roster.households, 2);
      // A sheet without a year or policy: the calculator's year and policy, as the CLI is told them.
      const native = nativeFigures(file, s.household.policy, s.household.year);
      for (const row of s.roster.first_rows) assert.equal(row.per_capita_net, native[row.id], `${file} ${row.id}`);
      assert.equal(s.roster.first_rows[0].head, '李国强');
      if (file.endsWith('.xlsx')) {
        // 导出Excel: one workbook of the roster, the ledger and the worklist, written in the workbook module; read
        // back by openpyxl, a second reader, with the figures as numbers.
        const download = page.waitForEvent('download');
        await clickAnchor(page, 'roster_export_xlsx');
        const saved = await download;
        assert.equal(saved.suggestedFilename(), 'roster.xlsx');
        const path = join(workbooks, 'exported.xlsx');
        await saved.saveAs(path);
        const summary = JSON.parse(execFileSync('/usr/bin/python3', ['-c', `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
rows = [[c.value for c in r] for r in ws.iter_rows()]
policy = [[c.value for c in r] for r in wb["政策与依据"].iter_rows()]
print(json.dumps({"sheets": wb.sheetnames, "header": rows[0], "rows": rows[1:], "frozen": ws.freeze_panes,
                  "policy": policy}))`, path],
        { encoding: 'utf8' }));
        assert.deepEqual(summary.sheets, ['农户台账', '季度台账', '监测工作清单', '政策与依据', '依据文件']);
        // The policy the figures come from, each parameter with its source or assumption.
        assert.deepEqual(summary.policy[0], ['政策', '年度', '参数', '数值', '生效日期', '出处']);
        assert.ok(summary.policy.length > 20, `${summary.policy.length} parameters`);
        for (const row of summary.policy.slice(1)) {
          assert.equal(row[1], s.household.year);  // a figure: a number
          assert.ok(row[5], `${row[2]}: a source or why it is assumed`);
        }
        assert.ok(summary.policy.some((row) => row[5].startsWith('《')), 'a document cited');
        assert.ok(summary.policy.some((row) => row[5].startsWith('(假设值)')), 'an assumption shown as one');
        assert.equal(summary.frozen, 'A2');
        const net = summary.header.indexOf('人均纯收入');
        assert.ok(net > 0, JSON.stringify(summary.header));
        for (const row of summary.rows) {
          assert.equal(typeof row[net], 'number', 'a figure is a number');
          assert.equal(row[net].toFixed(2), native[row[0]]);
        }
      }
      // 撤销导入: the two households go again.
      await clickAnchor(page, 'roster_undo_import');
      s = await state(page);
      assert.equal(s.roster.households, 0);
      assert.equal(s.anchors.roster_undo_import, undefined);
    }

    // The national system's shape: a row a household with its totals. The same per-capita figures as the CLI's,
    // by head (the sheet has no 户编号), and each programme not checked rather than not eligible.
    {
      let s = await pick(page, 'per-household-openpyxl.xlsx');
      const w = s.workbook_import;
      assert.equal(w.header_row, 3, 'under the title and the note row');
      assert.deepEqual(w.ignored, ['序号']);
      assert.deepEqual(w.problems, []);
      assert.equal(w.households, 3);
      assert.equal(w.people, 9, '4 + 3 + 2, from 家庭人口数');
      await clickAnchor(page, 'workbook_import_button');
      s = await state(page);
      assert.deepEqual(s.open_errors, []);
      assert.equal(s.roster.households, 3);
      const out = execFileSync(join(repoRoot, 'build/native/zengshou'),
        ['batch', '--policy', s.household.policy, '--year', String(s.household.year), '--category', '脱贫户',
          join(workbooks, 'per-household-openpyxl.xlsx')], { encoding: 'utf8', cwd: join(repoRoot, 'assets') });
      const native = out.trim().split('\n').map((l) => JSON.parse(l));
      assert.ok(native.every((r) => r.programmes.every((p) => !p.available || p.reason_key === 'entered_totals')));
      const byHead = Object.fromEntries(s.roster.first_rows.map((r) => [r.head, r.per_capita_net]));
      assert.deepEqual(byHead, { 李国强: native[0].income.per_capita_net.toFixed(2),
        王秀英: native[1].income.per_capita_net.toFixed(2), 张婧: native[2].income.per_capita_net.toFixed(2) });
      assert.deepEqual(Object.values(byHead).sort(), ['11800.00', '4250.00', '7566.75']);  // by hand, DOMAIN.md §3
      await clickAnchor(page, 'roster_undo_import');
    }

    // A cadre's CSV, saved by Excel in GBK with its title line and 序号: the encoding confirmed, then the same window
    // (the header under the title, 序号 left out), then the CLI's figures for the same file.
    {
      const csvPath = join(workbooks, 'cadre.csv');
      execFileSync('/usr/bin/python3', ['-c', `
import sys
rows = ["某村2024年农户家庭成员台账,,,,,,,,,", "序号,户编号,户主,姓名,出生年份,劳动技能,务工时间（月）,务工所在地,月工资,在校生状况",
        "1,H01,李国强,李国强,1979,普通劳动力,10,省外,4000,", "2,H01,李国强,王玥,1981,普通劳动力,8,县内,2500,",
        "3,H01,李国强,李昇,2013,无劳动力,,,,小学", "4,H02,张堃,张堃,1955,丧失劳动力,,,,"]
open(sys.argv[1], "wb").write("\\r\\n".join(rows).encode("gbk") + b"\\r\\n")`, csvPath]);
      const chooser = page.waitForEvent('filechooser');
      await clickAnchor(page, 'roster_import');
      await (await chooser).setFiles({ name: 'cadre.csv', mimeType: 'text/csv', buffer: readFileSync(csvPath) });
      await frames(page, 3);
      let s = await state(page);
      assert.equal(s.import_preview.encoding, 'gbk');
      await clickAnchor(page, 'import_preview_import');
      s = await read(page);
      const w = s.workbook_import;
      assert.deepEqual(w.sheets, ['']);
      assert.equal(w.header_row, 2, 'under the title line');
      assert.deepEqual(w.ignored, ['序号']);
      assert.deepEqual(w.problems, []);
      assert.equal(w.households, 2);
      assert.equal(s.roster.households, 0, 'nothing changes before the import');
      await clickAnchor(page, 'workbook_import_button');
      s = await state(page);
      assert.deepEqual(s.open_errors, []);
      const native = nativeFigures('cadre.csv', s.household.policy, s.household.year);
      assert.deepEqual(Object.fromEntries(s.roster.first_rows.map((r) => [r.id, r.per_capita_net])), native);
      assert.equal(s.roster.first_rows[1].head, '张堃');
      await clickAnchor(page, 'roster_undo_import');
    }

    // A password: one problem, the import greyed out, nothing changes.
    let s = await pick(page, 'password.xls');
    assert.deepEqual(s.workbook_import.problems, ['error: the workbook: expected a workbook without a password (open ' +
      'it in Excel or WPS, remove the password, save again)']);
    await clickAnchor(page, 'workbook_import_button');
    s = await state(page);
    assert.ok(s.workbook_import, 'still waiting');
    await clickAnchor(page, 'workbook_cancel');
    s = await state(page);
    assert.equal(s.workbook_import, null);
    assert.equal(s.roster.households, 0);
    assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], foreignRequests: [] });
    await context.close();
  });

  test('a column it does not know, matched by her: read as that column, remembered after a reload', async () => {
    // A ledger whose wage column has a name of its own (每月工资（元）), written by openpyxl.
    const file = join(workbooks, 'own-names.xlsx');
    execFileSync('/usr/bin/python3', ['-c', `
import sys, openpyxl
wb = openpyxl.Workbook(); ws = wb.active; ws.title = "台账"
ws.append(["户编号", "户主", "姓名", "出生年份", "务工所在地", "务工时间（月）", "每月工资（元）"])
ws.append(["K1", "赵堃", "赵堃", 1980, "县内", 10, 2500])
ws.append(["K2", "钱玥", "钱玥", 1985, "省外", 6, 4000.5])
wb.save(sys.argv[1])`, file]);
    const { page, context, problems } = await openPage(browser, { viewport: { width: 1400, height: 1000 } });
    await openApp(page, server.url);
    await clickAnchor(page, 'tab_roster');
    let s = await pick(page, 'own-names.xlsx');
    assert.deepEqual(s.workbook_import.ignored, ['每月工资（元）']);
    assert.deepEqual(s.workbook_import.matched, []);
    // 对应: 每月工资（元） is 月工资 (the members' columns come first in the list). The list open is the README's
    // picture of the mapping step.
    await clickAnchor(page, 'workbook_match_0');
    await fullFont(page);
    await page.screenshot({ path: join(artifacts, 'workbook-match.png') });
    await clickAnchor(page, 'workbook_match_0_monthly_wage');
    s = await read(page);
    assert.deepEqual(s.workbook_import.ignored, []);
    assert.deepEqual(s.workbook_import.matched, ['每月工资（元）']);
    assert.deepEqual(s.workbook_import.problems, []);
    await clickAnchor(page, 'workbook_import_button');
    s = await state(page);
    // By hand: 10 × 2500 = 25000 and 6 × 4000.50 = 24003 a person; the CLI told the same match agrees.
    const out = execFileSync(join(repoRoot, 'build/native/zengshou'),
      ['batch', '--policy', s.household.policy, '--year', String(s.household.year), '--category', '脱贫户',
        '--column', '每月工资（元）=monthly_wage', file], { encoding: 'utf8', cwd: join(repoRoot, 'assets') });
    const native = Object.fromEntries(out.trim().split('\n').map((l) => JSON.parse(l))
      .map((r) => [r.household, r.income.per_capita_net.toFixed(2)]));
    assert.deepEqual(native, { K1: '25000.00', K2: '24003.00' });
    assert.deepEqual(Object.fromEntries(s.roster.first_rows.map((r) => [r.id, r.per_capita_net])), native);
    await clickAnchor(page, 'roster_undo_import');

    // The match is hers: kept with the session, so the next file with that column reads it, after a reload too.
    await saved(page);
    await page.reload();
    await page.waitForFunction(() => window.zengshou && window.zengshou.ready);
    await clickAnchor(page, 'tab_roster');
    s = await pick(page, 'own-names.xlsx');
    assert.deepEqual(s.workbook_import.matched, ['每月工资（元）']);
    assert.deepEqual(s.workbook_import.ignored, []);
    assert.equal(s.workbook_import.households, 2);
    await clickAnchor(page, 'workbook_cancel');
    assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], foreignRequests: [] });
    await context.close();
  });
});

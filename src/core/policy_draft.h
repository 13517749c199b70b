// 新建本县政策 (issue 16): a county policy's particulars as its cadre types them — the policy it starts from, its
// names, province and years, the documents it comes from (their text pasted, so clauses and quotes can be checked)
// and, for a province the program has no figures for, that province's lines. A draft keeps whatever she typed, problems
// and all; it becomes a policy file only when it has none.
#pragma once

#include <optional>  // lines not set
#include <string>    // names, typed dates
#include <vector>    // documents

#include <nlohmann/json_fwd.hpp>

#include "error.h"
#include "money.h"
#include "policy.h"

namespace zengshou::core {

// One of her documents as typed: the date stays the text she typed until it reads as a date.
struct DraftDocument {
  std::string id;  // given when added, kept so her sources stay valid
  std::string title_zh;
  std::string title_en;  // empty: the Chinese title
  std::string issuer;
  std::string number;  // 文号
  std::string issued;  // "2024-03-01" as typed; empty: not known
  std::string text;    // pasted; empty: not at hand (then clauses and quotes are not checked)
};

struct PolicyDraft {
  std::string id;    // her policy being edited; empty: a new one (its id is given when it is made)
  std::string base;  // the policy it inherits from: "yunnan", "guizhou", "national" (another province), any other
  std::string name_zh;
  std::string name_en;   // empty: the Chinese name
  std::string province;  // "yunnan", "guizhou", or the name she gives another province
  int first_year = 0;
  int last_year = 0;
  std::vector<DraftDocument> documents;
  // Another province's figures (base "national"), from 1 January of the first year; unset: national's value stands.
  std::optional<Money> monitoring_line;  // 防止返贫监测线, per person a year
  std::optional<Money> dibao_standard;   // 农村低保标准, per person a year
  std::optional<Money> pension_monthly;  // 基础养老金最低标准, a month

  bool another_province() const { return base == "national"; }
};

// A new county policy on `base`, for the year she is working in (or the base's first year when it does not cover it).
PolicyDraft new_policy_draft(const PolicySet& set, const PolicyFile& base, int year);
// Her policy's particulars, to edit.
PolicyDraft policy_draft_of(const PolicyFile& mine, const PolicySet& set);
// A document added to the draft, with an id no document of `set` or of the draft has.
DraftDocument& add_document(PolicyDraft& draft, const PolicySet& set);

// The policy file the draft makes: her policy's parameters kept when she edits it, the particulars and documents
// replaced, another province's lines written in. Every problem at the draft's place ("/name/zh", "/years",
// "/documents/1/issued", "/lines/monitoring"), then whatever the policy loader finds with it beside her others.
Parsed<PolicyFile> policy_from_draft(const PolicyDraft& draft, const PolicySet& set);

// The draft as kept in the tab's session record, and read back: whatever it holds, problems included.
nlohmann::json policy_draft_to_json(const PolicyDraft& draft);
PolicyDraft read_policy_draft(const nlohmann::json& value, const std::string& at, InputErrors& errors);

}  // namespace zengshou::core

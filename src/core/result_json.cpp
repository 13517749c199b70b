#include "result_json.h"

#include <nlohmann/json.hpp>

#include "engine.h"
#include "json_reading.h"
#include "programmes/registry.h"

namespace zengshou::core {

using nlohmann::json;

std::string param_source(const ResolvedParam& p, Language language, const DocumentSet& documents) {
  if (p.overridden) return "override";
  if (p.entry == nullptr) return "";
  if (p.entry->cited) return reference_text(*p.entry->cited, language, 0, documents);
  return assumption_text(*p.entry, language, documents);
}

namespace {

json param_json(ParamId id, const YearParameters& params, Language language) {
  const ResolvedParam& p = params[id];
  json j = {{"name", info(id).name},
            {"description", language == Language::zh ? info(id).description_zh : info(id).description_en},
            {"unit", unit_names[static_cast<size_t>(info(id).unit)]},
            {"value", p.value ? json(value_text(id, *p.value)) : json(nullptr)},
            {"source", param_source(p, language, params.documents())},
            {"assumed", p.assumed()}};
  if (p.entry != nullptr && p.assumed()) j["note"] = assumption_text(*p.entry, language, params.documents());
  if (p.file != nullptr) j["policy"] = p.file->id;
  return j;
}

}  // namespace

json monitoring_to_json(const MonitoringAssessment& a, const YearParameters& params, Language language) {
  const auto source = [&](const SourceRef& ref) { return reference_text(ref, language, 0, params.documents()); };
  json conditions = json::array();
  for (const ConditionCheck& c : a.conditions) {
    json entry = {{"id", monitoring_condition_names[static_cast<size_t>(c.id)]},
                  {"met", c.met},
                  {"reason", render(c.reason, language)},
                  {"source", source(c.source)}};
    if (c.param) {  // the line, margin or threshold it reads, and where that comes from
      entry["parameter"] = info(*c.param).name;
      entry["parameter_assumed"] = params[*c.param].assumed();
      entry["parameter_source"] = param_source(params[*c.param], language, params.documents());
    }
    conditions.push_back(std::move(entry));
  }
  json help = json::array();
  for (const Reason& r : a.help) help.push_back(render(r, language));
  json steps = json::array();
  for (const ExitStepState& s : a.steps)
    steps.push_back({{"id", exit_step_names[static_cast<size_t>(s.step)]},
                     {"name", render(exit_step_name(s.step), language)},
                     {"done", s.done == 0 ? json(nullptr) : json(iso_date_text(s.done))}});
  return {{"verdict", monitoring_verdict_names[static_cast<size_t>(a.verdict)]},
          {"summary", render(a.summary, language)},
          {"kind", a.kind ? json(category_names[static_cast<size_t>(*a.kind)]) : json(nullptr)},
          {"conditions", std::move(conditions)},
          {"help", std::move(help)},
          {"help_source", source(a.help_source)},
          {"steps", std::move(steps)},
          {"steps_source", a.steps.empty() ? json(nullptr) : json(source(a.steps_source))}};
}

json result_to_json(const Result& r, const Household& h, const YearParameters& params, Language language,
                    bool parameters, const std::vector<QuarterRecord>& ledger) {
  const Income& in = r.income;
  json programmes = json::array();
  for (const ProgrammeResult& pr : r.programmes) {
    const ProgrammeInfo& pi = info(pr.id);
    const ResolvedParam& availability = params[available_param(pr.id)];
    json used = json::array();
    bool assumed = availability.assumed() || params[counted_param(pr.id)].assumed();
    if (parameters) {
      used.push_back(param_json(available_param(pr.id), params, language));
      used.push_back(param_json(counted_param(pr.id), params, language));
    }
    if (pr.available) {
      for (ParamId id : programme_unit(pr.id).params) {
        if (parameters) used.push_back(param_json(id, params, language));
        assumed = assumed || params[id].assumed();
      }
    }
    json members = json::array();
    for (size_t d = pr.detail_begin; d < pr.detail_end; ++d) {
      const ProgrammeDetail& detail = r.details[d];
      json m = json::object();
      m["member"] = detail.member < 0 ? json(nullptr) : json(detail.member);
      m["name"] = detail.member < 0 ? json(nullptr) : json(h.members[detail.member].name);
      m["amount"] = yuan_json(detail.amount);
      m["reason"] = render(detail.reason, language);
      members.push_back(std::move(m));
    }
    // Built field by field: nlohmann's initializer lists copy every value.
    json entry = json::object();
    entry["id"] = pi.id;
    entry["name"] = language == Language::zh ? pi.name_zh : pi.name_en;
    entry["available"] = pr.available;
    entry["eligible"] = pr.eligible;
    entry["amount"] = yuan_json(pr.amount);
    entry["stream"] = stream_names[static_cast<size_t>(pi.stream)];
    entry["counted"] = pr.counted;
    entry["reason"] = render(pr.reason, language);
    entry["reason_key"] = reason_key(pr.reason.id);
    entry["source"] = param_source(availability, language, params.documents());
    entry["assumed"] = assumed;
    entry["members"] = std::move(members);
    programmes.push_back(std::move(entry));
    if (parameters) programmes.back()["parameters"] = std::move(used);
  }
  json lines = json::array();
  for (const LineResult& l : r.lines) {
    const ResolvedParam& p = params[l.param];
    const ResolvedParam& groups = params[line_categories_param(l.id)];
    json names = json::array();  // the scope's first argument is the line's categories, whether or not it applies
    for (size_t c = 0; c < category_names.size(); ++c)
      if (contains(static_cast<CategorySet>(l.scope.args[0]), static_cast<Category>(c)))
        names.push_back(category_names[c]);
    const bool above_dibao =
        l.scope.id == ReasonId::line_for_above_dibao || l.scope.id == ReasonId::line_not_for_below_dibao;
    lines.push_back({{"id", line_names[static_cast<size_t>(l.id)]},
                     {"value", yuan_json(l.value)},
                     {"per_capita_gap", yuan_json(l.per_capita_gap)},
                     {"household_gap", yuan_json(l.household_gap)},
                     {"assumed", p.assumed()},
                     {"source", param_source(p, language, params.documents())},
                     {"applies", l.applies},
                     {"for", std::move(names)},
                     {"above_dibao_line", above_dibao},
                     {"scope", render(l.scope, language)},
                     {"scope_assumed", groups.assumed()},
                     {"scope_source", param_source(groups, language, params.documents())}});
  }
  json flags = json::array();
  for (const Flag& f : r.flags)
    flags.push_back({{"id", flag_names[static_cast<size_t>(f.id)]}, {"detail", render(f.detail, language)}});
  json suggestions = json::array();
  for (const Suggestion& s : r.suggestions)
    suggestions.push_back({{"programme", s.programme ? json(info(*s.programme).id) : json(nullptr)},
                           {"kind", suggestion_kind_names[static_cast<size_t>(s.kind)]},
                           {"member", s.member < 0 ? json(nullptr) : json(s.member)},
                           {"adds", yuan_json(s.adds)},
                           {"adds_net", yuan_json(s.adds_net)},
                           {"closes_gap", s.closes_gap},
                           {"step", render(s.step, language)}});
  json out = {{"schema", "zengshou.result/1"},
              {"household", r.household},
              {"policy", r.policy},
              {"policy_hash", params.policy_hash()},
              {"year", r.year},
              {"size", r.size},
              {"income",
               {{"wage", yuan_json(in.wage)},
                {"production", yuan_json(in.production)},
                {"production_cost", yuan_json(in.production_cost)},
                {"property", yuan_json(in.property)},
                {"transfer", yuan_json(in.transfer)},
                {"net", yuan_json(in.net)},
                {"per_capita_net", yuan_json(in.per_capita_net)},
                {"cash_received", yuan_json(in.cash_received)}}},
              {"programmes", programmes},
              {"lines", lines},
              {"growth",
               {{"last_year_per_capita_net",
                 h.last_year_per_capita_net ? yuan_json(*h.last_year_per_capita_net) : json(nullptr)},
                {"percent", r.growth.basis_points ? yuan_json(Money::fen(*r.growth.basis_points)) : json(nullptr)},
                {"target_percent",
                 r.growth.target_basis_points ? yuan_json(Money::fen(*r.growth.target_basis_points)) : json(nullptr)}}},
              {"flags", flags},
              {"suggestions", suggestions},
              {"monitoring", monitoring_to_json(assess_monitoring(h, r, params, ledger), params, language)}};
  if (r.beyond_policy_years) out["beyond_policy_years"] = true;
  return out;
}

}  // namespace zengshou::core

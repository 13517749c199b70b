#include "result_json.h"

#include <nlohmann/json.hpp>

#include "engine.h"
#include "json_writer.h"
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

// Each writer writes an object's keys in sorted order, as nlohmann's map holds them (JsonWriter).

void write_param(JsonWriter& w, ParamId id, const YearParameters& params, Language language) {
  const ResolvedParam& p = params[id];
  w.begin_object();
  w.key("assumed").boolean(p.assumed());
  w.key("description").string(language == Language::zh ? info(id).description_zh : info(id).description_en);
  w.key("name").string(info(id).name);
  if (p.entry != nullptr && p.assumed()) w.key("note").string(assumption_text(*p.entry, language, params.documents()));
  if (p.file != nullptr) w.key("policy").string(p.file->id);
  w.key("source").string(param_source(p, language, params.documents()));
  w.key("unit").string(unit_names[static_cast<size_t>(info(id).unit)]);
  w.key("value");
  if (p.value)
    w.string(value_text(id, *p.value));
  else
    w.null();
  w.end_object();
}

// A reason's text as a JSON string, rendered through `scratch` (kept between calls to spare allocations).
void write_reason(JsonWriter& w, const Reason& reason, Language language, std::string& scratch) {
  scratch.clear();
  render_to(scratch, reason, language);
  w.string(scratch);
}

void write_money_or_null(JsonWriter& w, std::optional<int64_t> fen) {
  if (fen)
    w.money(Money::fen(*fen));
  else
    w.null();
}

void write_monitoring(JsonWriter& w, const MonitoringAssessment& a, const YearParameters& params, Language language,
                      std::string& scratch) {
  const auto source = [&](const SourceRef& ref) { return reference_text(ref, language, 0, params.documents()); };
  w.begin_object();
  w.key("conditions").begin_array();
  for (const ConditionCheck& c : a.conditions) {
    w.begin_object();
    w.key("id").string(monitoring_condition_names[static_cast<size_t>(c.id)]);
    w.key("met").boolean(c.met);
    if (c.param) {  // the line, margin or threshold it reads, and where that comes from
      w.key("parameter").string(info(*c.param).name);
      w.key("parameter_assumed").boolean(params[*c.param].assumed());
      w.key("parameter_source").string(param_source(params[*c.param], language, params.documents()));
    }
    w.key("reason");
    write_reason(w, c.reason, language, scratch);
    w.key("source").string(source(c.source));
    w.end_object();
  }
  w.end_array();
  w.key("help").begin_array();
  for (const Reason& r : a.help) write_reason(w, r, language, scratch);
  w.end_array();
  w.key("help_source").string(source(a.help_source));
  w.key("kind");
  if (a.kind)
    w.string(category_names[static_cast<size_t>(*a.kind)]);
  else
    w.null();
  w.key("steps").begin_array();
  for (const ExitStepState& s : a.steps) {
    w.begin_object();
    w.key("done");
    if (s.done == 0)
      w.null();
    else
      w.string(iso_date_text(s.done));
    w.key("id").string(exit_step_names[static_cast<size_t>(s.step)]);
    w.key("name");
    write_reason(w, exit_step_name(s.step), language, scratch);
    w.end_object();
  }
  w.end_array();
  w.key("steps_source");
  if (a.steps.empty())
    w.null();
  else
    w.string(source(a.steps_source));
  w.key("summary");
  write_reason(w, a.summary, language, scratch);
  w.key("verdict").string(monitoring_verdict_names[static_cast<size_t>(a.verdict)]);
  w.end_object();
}

void write_programme(JsonWriter& w, const ProgrammeResult& pr, const Result& r, const Household& h,
                     const YearParameters& params, Language language, bool parameters, std::string& scratch) {
  const ProgrammeInfo& pi = info(pr.id);
  const ResolvedParam& availability = params[available_param(pr.id)];
  bool assumed = availability.assumed() || params[counted_param(pr.id)].assumed();
  if (pr.available)
    for (ParamId id : programme_unit(pr.id).params) assumed = assumed || params[id].assumed();
  w.begin_object();
  w.key("amount").money(pr.amount);
  w.key("assumed").boolean(assumed);
  w.key("available").boolean(pr.available);
  w.key("counted").boolean(pr.counted);
  w.key("eligible").boolean(pr.eligible);
  w.key("id").string(pi.id);
  w.key("members").begin_array();
  for (size_t d = pr.detail_begin; d < pr.detail_end; ++d) {
    const ProgrammeDetail& detail = r.details[d];
    w.begin_object();
    w.key("amount").money(detail.amount);
    w.key("member");
    if (detail.member < 0)
      w.null();
    else
      w.integer(detail.member);
    w.key("name");
    if (detail.member < 0)
      w.null();
    else
      w.string(h.members[detail.member].name);
    w.key("reason");
    write_reason(w, detail.reason, language, scratch);
    w.end_object();
  }
  w.end_array();
  w.key("name").string(language == Language::zh ? pi.name_zh : pi.name_en);
  if (parameters) {  // every parameter it read: availability and counting, then its own when it is available
    w.key("parameters").begin_array();
    write_param(w, available_param(pr.id), params, language);
    write_param(w, counted_param(pr.id), params, language);
    if (pr.available)
      for (ParamId id : programme_unit(pr.id).params) write_param(w, id, params, language);
    w.end_array();
  }
  w.key("reason");
  write_reason(w, pr.reason, language, scratch);
  w.key("reason_key").string(reason_key(pr.reason.id));
  w.key("source").string(param_source(availability, language, params.documents()));
  w.key("stream").string(stream_names[static_cast<size_t>(pi.stream)]);
  w.end_object();
}

void write_line(JsonWriter& w, const LineResult& l, const YearParameters& params, Language language,
                std::string& scratch) {
  const ResolvedParam& p = params[l.param];
  const ResolvedParam& groups = params[line_categories_param(l.id)];
  w.begin_object();
  w.key("above_dibao_line")
      .boolean(l.scope.id == ReasonId::line_for_above_dibao || l.scope.id == ReasonId::line_not_for_below_dibao);
  w.key("applies").boolean(l.applies);
  w.key("assumed").boolean(p.assumed());
  w.key("for").begin_array();  // the scope's first argument is the line's categories, whether or not it applies
  for (size_t c = 0; c < category_names.size(); ++c)
    if (contains(static_cast<CategorySet>(l.scope.args[0]), static_cast<Category>(c))) w.string(category_names[c]);
  w.end_array();
  w.key("household_gap").money(l.household_gap);
  w.key("id").string(line_names[static_cast<size_t>(l.id)]);
  w.key("per_capita_gap").money(l.per_capita_gap);
  w.key("scope");
  write_reason(w, l.scope, language, scratch);
  w.key("scope_assumed").boolean(groups.assumed());
  w.key("scope_source").string(param_source(groups, language, params.documents()));
  w.key("source").string(param_source(p, language, params.documents()));
  w.key("value").money(l.value);
  w.end_object();
}

}  // namespace

void write_result_json(std::string& out, const Result& r, const Household& h, const YearParameters& params,
                       Language language, bool parameters, const std::vector<QuarterRecord>& ledger) {
  JsonWriter w(out);
  std::string scratch;
  const Income& in = r.income;
  w.begin_object();
  if (r.beyond_policy_years) w.key("beyond_policy_years").boolean(true);
  w.key("flags").begin_array();
  for (const Flag& f : r.flags) {
    w.begin_object();
    w.key("detail");
    write_reason(w, f.detail, language, scratch);
    w.key("id").string(flag_names[static_cast<size_t>(f.id)]);
    w.end_object();
  }
  w.end_array();
  w.key("growth").begin_object();
  w.key("last_year_per_capita_net");
  write_money_or_null(w, h.last_year_per_capita_net ? std::optional(h.last_year_per_capita_net->fen()) : std::nullopt);
  w.key("percent");
  write_money_or_null(w, r.growth.basis_points);
  w.key("target_percent");
  write_money_or_null(w, r.growth.target_basis_points);
  w.end_object();
  w.key("household").string(r.household);
  w.key("income").begin_object();
  w.key("cash_received").money(in.cash_received);
  w.key("net").money(in.net);
  w.key("per_capita_net").money(in.per_capita_net);
  w.key("production").money(in.production);
  w.key("production_cost").money(in.production_cost);
  w.key("property").money(in.property);
  w.key("transfer").money(in.transfer);
  w.key("wage").money(in.wage);
  w.end_object();
  w.key("lines").begin_array();
  for (const LineResult& l : r.lines) write_line(w, l, params, language, scratch);
  w.end_array();
  w.key("monitoring");
  write_monitoring(w, assess_monitoring(h, r, params, ledger), params, language, scratch);
  w.key("policy").string(r.policy);
  w.key("policy_hash").string(params.policy_hash());
  w.key("programmes").begin_array();
  for (const ProgrammeResult& pr : r.programmes) write_programme(w, pr, r, h, params, language, parameters, scratch);
  w.end_array();
  w.key("schema").string("zengshou.result/1");
  w.key("size").integer(r.size);
  w.key("suggestions").begin_array();
  for (const Suggestion& s : r.suggestions) {
    w.begin_object();
    w.key("adds").money(s.adds);
    w.key("adds_net").money(s.adds_net);
    w.key("closes_gap").boolean(s.closes_gap);
    w.key("kind").string(suggestion_kind_names[static_cast<size_t>(s.kind)]);
    w.key("member");
    if (s.member < 0)
      w.null();
    else
      w.integer(s.member);
    w.key("programme");
    if (s.programme)
      w.string(info(*s.programme).id);
    else
      w.null();
    w.key("step");
    write_reason(w, s.step, language, scratch);
    w.end_object();
  }
  w.end_array();
  w.key("year").integer(r.year);
  w.end_object();
}

json result_to_json(const Result& r, const Household& h, const YearParameters& params, Language language,
                    bool parameters, const std::vector<QuarterRecord>& ledger) {
  std::string text;
  write_result_json(text, r, h, params, language, parameters, ledger);
  return json::parse(text);
}

}  // namespace zengshou::core

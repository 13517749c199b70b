#include "result_json.h"

#include <nlohmann/json.hpp>

#include "engine.h"
#include "json_reading.h"
#include "json_writer.h"
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

// A reason's text as a JSON string, rendered through `scratch` (kept between calls) and written unscanned: its
// templates need no escaping.
void write_reason(JsonWriter& w, const Reason& reason, Language language, std::string& scratch) {
  scratch.clear();
  render_to(scratch, reason, language);
  w.plain(scratch);
}

void write_money_or_null(JsonWriter& w, std::optional<int64_t> fen) {
  if (fen)
    w.money(Money::fen(*fen));
  else
    w.null();
}

// A JSON value as text, written once.
template <typename Write>
const std::string& kept(std::string& slot, Write write) {
  if (slot.empty()) {
    JsonWriter w(slot);
    write(w);
  }
  return slot;
}

}  // namespace

// Our own names, written with JsonWriter::plain: none needs escaping.
template <size_t N>
constexpr bool all_json_plain(const std::array<std::string_view, N>& names) {
  for (std::string_view name : names)
    if (!json_plain(name)) return false;
  return true;
}
constexpr bool programme_names_json_plain() {
  for (const ProgrammeInfo& p : programme_infos)
    if (!json_plain(p.id) || !json_plain(p.name_zh) || !json_plain(p.name_en)) return false;
  return true;
}
constexpr std::array<std::string_view, param_count - 2 * programme_count> parameter_names{
#define ZS_PARAM(id, name, unit, zh, en) name,
#include "parameters.def"
#undef ZS_PARAM
};
static_assert(all_json_plain(monitoring_condition_names) && all_json_plain(category_names) &&
              all_json_plain(exit_step_names) && all_json_plain(monitoring_verdict_names) &&
              all_json_plain(stream_names) && all_json_plain(line_names) && all_json_plain(flag_names) &&
              all_json_plain(suggestion_kind_names) && all_json_plain(parameter_names) && programme_names_json_plain());

// Each part writes an object's keys in sorted order, as nlohmann's map holds them (JsonWriter).

ResultWriter::ResultWriter(const YearParameters& params, Language language, bool parameters)
    : params_(params), language_(language), parameters_(parameters) {}

const std::string& ResultWriter::param_source_json(ParamId id) {
  return kept(param_sources_[static_cast<size_t>(id)],
              [&](JsonWriter& w) { w.string(param_source(params_[id], language_, params_.documents())); });
}

const std::string& ResultWriter::reference_json(const SourceRef& ref) {
  for (const auto& [at, text] : references_)
    if (at == &ref) return text;
  references_.emplace_back(&ref, std::string());
  return kept(references_.back().second,
              [&](JsonWriter& w) { w.string(reference_text(ref, language_, 0, params_.documents())); });
}

const std::string& ResultWriter::param_json(ParamId id) {
  return kept(param_objects_[static_cast<size_t>(id)], [&](JsonWriter& w) {
    const ResolvedParam& p = params_[id];
    w.begin_object();
    w.key("assumed").boolean(p.assumed());
    w.key("description").string(language_ == Language::zh ? info(id).description_zh : info(id).description_en);
    w.key("name").string(info(id).name);
    if (p.entry != nullptr && p.assumed())
      w.key("note").string(assumption_text(*p.entry, language_, params_.documents()));
    if (p.file != nullptr) w.key("policy").string(p.file->id);
    w.key("source").raw(param_source_json(id));
    w.key("unit").string(unit_names[static_cast<size_t>(info(id).unit)]);
    w.key("value");
    if (p.value)
      w.string(value_text(id, *p.value));
    else
      w.null();
    w.end_object();
  });
}

void ResultWriter::write_monitoring(JsonWriter& w, const MonitoringAssessment& a) {
  w.begin_object();
  w.key("conditions").begin_array();
  for (const ConditionCheck& c : a.conditions) {
    w.begin_object();
    w.key("id").plain(monitoring_condition_names[static_cast<size_t>(c.id)]);
    w.key("met").boolean(c.met);
    if (c.param) {  // the line, margin or threshold it reads, and where that comes from
      w.key("parameter").plain(info(*c.param).name);
      w.key("parameter_assumed").boolean(params_[*c.param].assumed());
      w.key("parameter_source").raw(param_source_json(*c.param));
    }
    w.key("reason");
    write_reason(w, c.reason, language_, scratch_);
    w.key("source").raw(reference_json(*c.source));
    w.end_object();
  }
  w.end_array();
  w.key("help").begin_array();
  for (const Reason& r : a.help) write_reason(w, r, language_, scratch_);
  w.end_array();
  w.key("help_source").raw(reference_json(*a.help_source));
  w.key("kind");
  if (a.kind)
    w.plain(category_names[static_cast<size_t>(*a.kind)]);
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
    w.key("id").plain(exit_step_names[static_cast<size_t>(s.step)]);
    w.key("name");
    write_reason(w, exit_step_name(s.step), language_, scratch_);
    w.end_object();
  }
  w.end_array();
  w.key("steps_source");
  if (a.steps.empty())
    w.null();
  else
    w.raw(reference_json(*a.steps_source));
  w.key("summary");
  write_reason(w, a.summary, language_, scratch_);
  w.key("verdict").plain(monitoring_verdict_names[static_cast<size_t>(a.verdict)]);
  w.end_object();
}

void ResultWriter::write_programme(JsonWriter& w, const ProgrammeResult& pr, const Result& r, const Household& h) {
  // Not eligible: no member's details and an amount of 0 (evaluate_programme), so the object is the programme's, its
  // flags' and its reason's alone.
  if (pr.eligible) return write_programme_object(w, pr, r, h);
  UnpaidProgramme& k = unpaid_[static_cast<size_t>(pr.id)];
  if (!k.kept || k.available != pr.available || k.counted != pr.counted || k.reason.id != pr.reason.id ||
      k.reason.args != pr.reason.args) {
    k.json.clear();
    {
      JsonWriter kw(k.json);  // appends when it goes
      write_programme_object(kw, pr, r, h);
    }
    k.kept = true;
    k.available = pr.available;
    k.counted = pr.counted;
    k.reason = pr.reason;
  }
  w.raw(k.json);
}

void ResultWriter::write_programme_object(JsonWriter& w, const ProgrammeResult& pr, const Result& r,
                                          const Household& h) {
  const ProgrammeInfo& pi = info(pr.id);
  bool assumed = params_[available_param(pr.id)].assumed() || params_[counted_param(pr.id)].assumed();
  if (pr.available)
    for (ParamId id : programme_unit(pr.id).params) assumed = assumed || params_[id].assumed();
  w.begin_object();
  w.key("amount").money(pr.amount);
  w.key("assumed").boolean(assumed);
  w.key("available").boolean(pr.available);
  w.key("counted").boolean(pr.counted);
  w.key("eligible").boolean(pr.eligible);
  w.key("id").plain(pi.id);
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
    write_reason(w, detail.reason, language_, scratch_);
    w.end_object();
  }
  w.end_array();
  w.key("name").plain(language_ == Language::zh ? pi.name_zh : pi.name_en);
  if (parameters_) {  // every parameter it read: availability and counting, then its own when it is available
    w.key("parameters").begin_array();
    w.raw(param_json(available_param(pr.id)));
    w.raw(param_json(counted_param(pr.id)));
    if (pr.available)
      for (ParamId id : programme_unit(pr.id).params) w.raw(param_json(id));
    w.end_array();
  }
  w.key("reason");
  write_reason(w, pr.reason, language_, scratch_);
  w.key("reason_key").plain(reason_key(pr.reason.id));
  w.key("source").raw(param_source_json(available_param(pr.id)));
  w.key("stream").plain(stream_names[static_cast<size_t>(pi.stream)]);
  w.end_object();
}

void ResultWriter::write_line(JsonWriter& w, const LineResult& l) {
  w.begin_object();
  w.key("above_dibao_line")
      .boolean(l.scope.id == ReasonId::line_for_above_dibao || l.scope.id == ReasonId::line_not_for_below_dibao);
  w.key("applies").boolean(l.applies);
  w.key("assumed").boolean(params_[l.param].assumed());
  w.key("for").begin_array();  // the scope's first argument is the line's categories, whether or not it applies
  for (size_t c = 0; c < category_names.size(); ++c)
    if (contains(static_cast<CategorySet>(l.scope.args[0]), static_cast<Category>(c))) w.plain(category_names[c]);
  w.end_array();
  w.key("household_gap").money(l.household_gap);
  w.key("id").plain(line_names[static_cast<size_t>(l.id)]);
  w.key("per_capita_gap").money(l.per_capita_gap);
  w.key("scope");
  write_reason(w, l.scope, language_, scratch_);
  w.key("scope_assumed").boolean(params_[line_categories_param(l.id)].assumed());
  w.key("scope_source").raw(param_source_json(line_categories_param(l.id)));
  w.key("source").raw(param_source_json(l.param));
  w.key("value").money(l.value);
  w.end_object();
}

void ResultWriter::write(std::string& out, const Result& r, const Household& h,
                         const std::vector<QuarterRecord>& ledger) {
  JsonWriter w(out, staging_);
  const Income& in = r.income;
  w.begin_object();
  if (r.beyond_policy_years) w.key("beyond_policy_years").boolean(true);
  w.key("flags").begin_array();
  for (const Flag& f : r.flags) {
    w.begin_object();
    w.key("detail");
    write_reason(w, f.detail, language_, scratch_);
    w.key("id").plain(flag_names[static_cast<size_t>(f.id)]);
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
  for (const LineResult& l : r.lines) write_line(w, l);
  w.end_array();
  w.key("monitoring");
  write_monitoring(w, assess_monitoring(h, r, params_, ledger));
  w.key("policy").string(r.policy);
  w.key("policy_hash").string(params_.policy_hash());
  w.key("programmes").begin_array();
  for (const ProgrammeResult& pr : r.programmes) write_programme(w, pr, r, h);
  w.end_array();
  w.key("schema").plain("zengshou.result/1");
  w.key("size").integer(r.size);
  w.key("suggestions").begin_array();
  for (const Suggestion& s : r.suggestions) {
    w.begin_object();
    w.key("adds").money(s.adds);
    w.key("adds_net").money(s.adds_net);
    w.key("closes_gap").boolean(s.closes_gap);
    w.key("kind").plain(suggestion_kind_names[static_cast<size_t>(s.kind)]);
    w.key("member");
    if (s.member < 0)
      w.null();
    else
      w.integer(s.member);
    w.key("programme");
    if (s.programme)
      w.plain(info(*s.programme).id);
    else
      w.null();
    w.key("source").raw(param_source_json(s.basis));
    w.key("step");
    write_reason(w, s.step, language_, scratch_);
    w.end_object();
  }
  w.end_array();
  w.key("year").integer(r.year);
  w.end_object();
}

json result_to_json(const Result& r, const Household& h, const YearParameters& params, Language language,
                    bool parameters, const std::vector<QuarterRecord>& ledger) {
  std::string text;
  ResultWriter(params, language, parameters).write(text, r, h, ledger);
  return json::parse(text);
}

}  // namespace zengshou::core

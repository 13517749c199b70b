#include "report.h"

#include "programmes/registry.h"
#include "result_json.h"

namespace zengshou::core {
namespace {

// The report's own words, Simplified Chinese and English.
enum class W {
  title,
  household,
  policy,
  year,
  people,
  category,
  income,
  wage,
  production,
  production_cost,
  property,
  transfer,
  net,
  per_capita,
  cash,
  of_which_uncounted,
  programmes,
  counted,
  not_counted,
  not_cash,
  not_eligible,
  not_available,
  reason,
  source,
  parameters,
  assumed,
  lines,
  line_monitoring,
  line_policy,
  line_focus,
  gap_person,
  gap_household,
  above,
  flags,
  none,
  suggestions,
  adds,
  adds_net,
  closes_gap,
  yes,
  no,
  yuan,
  beyond_years
};
constexpr const char* words[][2] = {
    {"增收 · 家庭收入测算报告", "Zengshou · household income report"},
    {"户", "Household"},
    {"政策", "Policy"},
    {"年度", "Year"},
    {"人口", "People"},
    {"类别", "Category"},
    {"一、收入", "1. Income"},
    {"工资性收入", "Wage income"},
    {"生产经营性收入", "Production income"},
    {"生产经营性支出", "Production costs"},
    {"财产性收入", "Property income"},
    {"转移性收入", "Transfer income"},
    {"家庭纯收入", "Household net income"},
    {"人均纯收入", "Per-capita net income"},
    {"实际到手现金", "Cash received"},
    {"其中不计入纯收入", "of which not counted"},
    {"二、帮扶项目", "2. Programmes"},
    {"计入纯收入", "counted in net income"},
    {"不计入纯收入", "not counted in net income"},
    {"不是现金", "not cash"},
    {"不符合", "not eligible"},
    {"本政策没有", "not in this policy"},
    {"理由", "Why"},
    {"出处", "Source"},
    {"参数", "Parameters"},
    {"假设", "assumed"},
    {"三、收入线", "3. Lines"},
    {"防止返贫监测线", "Monitoring line"},
    {"本政策收入底线", "The policy's line"},
    {"重点帮扶线", "One-to-one help line"},
    {"每人差", "short per person"},
    {"全户差", "short for the household"},
    {"已达到", "reached"},
    {"四、提示", "4. Flags"},
    {"无", "none"},
    {"五、一户一策建议", "5. Suggestions (一户一策)"},
    {"增加现金", "adds in cash"},
    {"其中计入纯收入", "of which counted"},
    {"能否补上差距", "closes the gap"},
    {"能", "yes"},
    {"不能", "no"},
    {"元", "yuan"},
    {"(超出政策年度,参数沿用最后一年)", "(after the policy's last year: its parameters held)"},
};

struct Writer {
  Language language;
  std::string out;

  const char* w(W id) const { return words[static_cast<size_t>(id)][language == Language::zh ? 0 : 1]; }
  void line(const std::string& text) { out += text + '\n'; }
  std::string money(Money m) const { return m.fixed_text() + " " + w(W::yuan); }
  void amount_row(W label, Money m) {
    std::string l = std::string("  ") + w(label);
    out += l + ": " + money(m) + '\n';
  }
};

}  // namespace

std::string explain(const Result& r, const Household& h, const YearParameters& params, Language language) {
  Writer o{language, {}};
  const bool zh = language == Language::zh;
  const PolicyFile& policy = params.policy();
  o.line(o.w(W::title));
  o.line(std::string(o.w(W::household)) + ": " + h.id + (h.head.empty() ? "" : " " + h.head) +
         (h.village.empty() ? "" : " (" + h.village + ")"));
  o.line(std::string(o.w(W::policy)) + ": " + (zh ? policy.name_zh : policy.name_en) + " (" + policy.id + ")");
  o.line(std::string(o.w(W::year)) + ": " + std::to_string(r.year) +
         (r.beyond_policy_years ? " " + std::string(o.w(W::beyond_years)) : "") + "   " + o.w(W::people) + ": " +
         std::to_string(r.size) + "   " + o.w(W::category) + ": " +
         category_label(static_cast<size_t>(h.category), language));
  o.line("");
  o.line(o.w(W::income));
  const Income& in = r.income;
  o.amount_row(W::wage, in.wage);
  o.amount_row(W::production, in.production);
  o.amount_row(W::production_cost, in.production_cost);
  o.amount_row(W::property, in.property);
  o.amount_row(W::transfer, in.transfer);
  o.amount_row(W::net, in.net);
  o.amount_row(W::per_capita, in.per_capita_net);
  o.line(std::string("  ") + o.w(W::cash) + ": " + o.money(in.cash_received) + " (" + o.w(W::of_which_uncounted) + " " +
         o.money(in.cash_received - in.net) + ")");
  o.line("");
  o.line(o.w(W::programmes));
  for (const ProgrammeResult& pr : r.programmes) {
    const ProgrammeInfo& pi = info(pr.id);
    const char* name = zh ? pi.name_zh : pi.name_en;
    if (!pr.available) {
      o.line(std::string("  [—] ") + name + ": " + o.w(W::not_available) + " (" + o.w(W::source) + ": " +
             param_source(params[available_param(pr.id)]) +
             (params[available_param(pr.id)].assumed() ? ", " + std::string(o.w(W::assumed)) : "") + ")");
      continue;
    }
    if (!pr.eligible) {
      o.line(std::string("  [ ] ") + name + ": " + o.w(W::not_eligible) + " — " + render(pr.reason, language));
      continue;
    }
    const char* how = pi.stream == Stream::none ? o.w(W::not_cash) : pr.counted ? o.w(W::counted) : o.w(W::not_counted);
    o.line(std::string("  [✓] ") + name + ": " + o.money(pr.amount) + " (" + how + ")");
    for (size_t d = pr.detail_begin; d < pr.detail_end; ++d) {
      const ProgrammeDetail& detail = r.details[d];
      const std::string who = detail.member < 0
                                  ? ""
                                  : (h.members[detail.member].name.empty() ? "#" + std::to_string(detail.member + 1)
                                                                           : h.members[detail.member].name) +
                                        ": ";
      o.line("      " + who + render(detail.reason, language));
    }
    o.line(std::string("      ") + o.w(W::source) + ": " + param_source(params[available_param(pr.id)]));
    for (ParamId id : programme_unit(pr.id).params) {
      const ResolvedParam& p = params[id];
      if (!p.value) continue;
      std::string text = std::string("      ") + o.w(W::parameters) + ": " +
                         (zh ? info(id).description_zh : info(id).description_en) + " = " + value_text(id, *p.value);
      text +=
          p.assumed() ? " [" + std::string(o.w(W::assumed)) + ": " + p.entry->note + "]" : " [" + param_source(p) + "]";
      o.line(text);
    }
  }
  o.line("");
  o.line(o.w(W::lines));
  for (const LineResult& l : r.lines) {
    const W label = l.id == LineId::monitoring ? W::line_monitoring
                    : l.id == LineId::policy   ? W::line_policy
                                               : W::line_focus;
    const ResolvedParam& p = params[l.param];
    std::string text = std::string("  ") + o.w(label) + ": " + o.money(l.value) + " — ";
    text += l.per_capita_gap == Money() ? std::string(o.w(W::above))
                                        : std::string(o.w(W::gap_person)) + " " + o.money(l.per_capita_gap) + ", " +
                                              o.w(W::gap_household) + " " + o.money(l.household_gap);
    text +=
        p.assumed() ? " [" + std::string(o.w(W::assumed)) + ": " + p.entry->note + "]" : " [" + param_source(p) + "]";
    o.line(text);
  }
  o.line("");
  o.line(o.w(W::flags));
  if (r.flags.empty()) o.line(std::string("  ") + o.w(W::none));
  for (const Flag& f : r.flags) o.line("  ! " + render(f.detail, language));
  o.line("");
  o.line(o.w(W::suggestions));
  if (r.suggestions.empty()) o.line(std::string("  ") + o.w(W::none));
  for (const Suggestion& s : r.suggestions) {
    const std::string who =
        s.member < 0
            ? ""
            : (h.members[s.member].name.empty() ? "#" + std::to_string(s.member + 1) : h.members[s.member].name) + ": ";
    o.line("  - " + who + render(s.step, language) + " — " + o.w(W::adds) + " " + o.money(s.adds) + ", " +
           o.w(W::adds_net) + " " + o.money(s.adds_net) + ", " + o.w(W::closes_gap) + ": " +
           (s.closes_gap ? o.w(W::yes) : o.w(W::no)));
  }
  return o.out;
}

}  // namespace zengshou::core

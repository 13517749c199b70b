#include "report.h"

#include <cstdio>  // snprintf

#include "json_reading.h"  // iso_date_text
#include "monitoring.h"
#include "programmes/registry.h"
#include "result_json.h"

namespace zengshou::core {
namespace {

// The report's own words, Simplified Chinese and English.
enum class W {
  title,
  household,
  policy,
  policy_hash,
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
  beyond_years,
  card_title,
  card_programme,
  card_amount,
  card_how,
  card_gap,
  card_plan,
  card_footer,
  monitoring,
  monitoring_card,
  help,
  exit_steps,
  not_done,
  card_reform,
  not_computed,
  not_computed_intro,
  not_computed_others,
  why_not_household_aid,
  why_no_standard,
  why_not_collected,
  why_one_off,
};
constexpr const char* words[][2] = {
    {"增收 · 家庭收入测算报告", "Zengshou · household income report"},
    {"户", "Household"},
    {"政策", "Policy"},
    {"校验码", "hash"},
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
    {"家庭收入明白卡", "Household income card"},
    {"帮扶项目", "Programme"},
    {"金额(元)", "Amount (yuan)"},
    {"计入方式与出处", "How it counts, and its source"},
    {"与收入线的差距", "Against the lines"},
    {"增收计划(一户一策)", "The plan (一户一策)"},
    {"本卡由“增收”在本机算出,数据未离开本设备。", "Worked out by Zengshou on this device; the data never left it."},
    {"六、防返贫监测", "6. Monitoring (防返贫监测)"},
    {"防返贫监测", "Monitoring (防返贫监测)"},
    {"帮扶", "Help"},
    {"退出程序", "Exit procedure"},
    {"未办", "not yet"},
    {"按政策模拟测算(不是现行政策):", "Worked out under a simulated change (not the policy in force): "},
    {"七、本工具未计算的政策", "7. Measures this tool does not compute"},
    {"政策文件还提到下面这些措施。本工具没有计算它们,所以上面没有列出,并不是说不符合条件;请向村委会或有关部门咨询。",
     "The policy's document also names these measures. This tool does not compute them, so their absence above does "
     "not mean the household is not eligible; ask the village committee or the office concerned."},
    {"另有 %d 项不是直接给农户的补助(对企业、合作社、村集体、学校或基础设施等),未列出。",
     "%d more are not paid to households (they go to enterprises, cooperatives, villages, schools or "
     "infrastructure), and are not listed."},
    {"不是对农户的补助", "not paid to households"},
    {"文件未给标准", "no amount in the document"},
    {"需要的信息本工具不收集", "needs facts this tool does not collect"},
    {"一次性或临时补助,不计入稳定收入", "one-off or temporary, not counted as stable income"},
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

namespace {

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// Where the household stands against a line: the gap, or above it, and for whom the line is; or, for a line that is
// not for this household, why not.
std::string line_standing(const LineResult& l, const Writer& o, Language language) {
  if (!l.applies) return render(l.scope, language);
  return (l.per_capita_gap == Money() ? std::string(o.w(W::above))
                                      : std::string(o.w(W::gap_person)) + " " + o.money(l.per_capita_gap) + ", " +
                                            o.w(W::gap_household) + " " + o.money(l.household_gap)) +
         " (" + render(l.scope, language) + ")";
}

std::string member_name(const Household& h, int member) {
  if (member < 0) return "";
  return h.members[member].name.empty() ? "#" + std::to_string(member + 1) : h.members[member].name;
}

W why_word(UncomputedWhy why) {
  switch (why) {
    case UncomputedWhy::not_household_aid:
      return W::why_not_household_aid;
    case UncomputedWhy::no_standard:
      return W::why_no_standard;
    case UncomputedWhy::not_collected:
      return W::why_not_collected;
    case UncomputedWhy::one_off:
      break;
  }
  return W::why_one_off;
}

}  // namespace

std::string household_card_html(const Result& r, const Household& h, const YearParameters& params, Language language,
                                const std::string& reform) {
  Writer o{language, {}};
  const bool zh = language == Language::zh;
  const PolicyFile& policy = params.policy();
  const auto e = [](const std::string& text) { return escape_html(text); };
  std::string html =
      std::string("<!doctype html>\n<html lang=\"") + (zh ? "zh-CN" : "en") +
      "\">\n<head>\n<meta charset=\"utf-8\">\n"
      // A phone lays the card out at its own width (without this, at 980 px, too small to read).
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
      o.w(W::card_title) + " " + e(h.id) + " " + e(h.head) +
      "</title>\n<style>\n"
      "@page { size: A4; margin: 12mm; }\n"
      "body { font: 11pt/1.45 \"WenQuanYi Micro Hei\", \"Noto Sans CJK SC\", \"Microsoft YaHei\", "
      "sans-serif; color: #111; max-width: 186mm; margin: 0 auto; }\n"
      "h1 { font-size: 16pt; margin: 0 0 4pt; } h2 { font-size: 12pt; margin: 10pt 0 3pt; }\n"
      "table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #999; padding: "
      "2pt 4pt; text-align: left; vertical-align: top; }\n"
      "td.amount, th.amount { text-align: right; white-space: nowrap; } .muted { color: #555; font-size: "
      "9pt; }\n"
      ".reform { border: 2px solid #b35c00; padding: 3pt 6pt; }\n"
      "@media screen and (max-width: 600px) { body { font-size: 16px; margin: 0 10px; } h1 { font-size: 21px; } "
      "h2 { font-size: 17px; } th, td { padding: 4px; overflow-wrap: anywhere; } .muted { font-size: 13px; } }\n"
      "</style>\n</head>\n<body>\n<h1>" +
      o.w(W::card_title) + "</h1>\n<p>" + o.w(W::household) + ": " + e(h.id) + " " + e(h.head) +
      (h.village.empty() ? "" : " (" + e(h.village) + ")") + " · " + o.w(W::people) + ": " + std::to_string(r.size) +
      " · " + o.w(W::category) + ": " + e(category_label(static_cast<size_t>(h.category), language)) + "<br>" +
      o.w(W::policy) + ": " + e(zh ? policy.name_zh : policy.name_en) + " · " + o.w(W::year) + ": " +
      std::to_string(r.year) + "</p>\n";
  if (!reform.empty()) html += std::string("<p class=\"reform\">") + o.w(W::card_reform) + e(reform) + "</p>\n";
  const auto row = [&](W label, Money m) {
    html += std::string("<tr><th>") + o.w(label) + "</th><td class=\"amount\">" + m.fixed_text() + "</td></tr>\n";
  };
  html += std::string("<h2>") + o.w(W::income) + "</h2>\n<table>\n";
  row(W::wage, r.income.wage);
  row(W::production, r.income.production);
  row(W::production_cost, r.income.production_cost);
  row(W::property, r.income.property);
  row(W::transfer, r.income.transfer);
  row(W::net, r.income.net);
  row(W::per_capita, r.income.per_capita_net);
  row(W::cash, r.income.cash_received);
  html += std::string("</table>\n<h2>") + o.w(W::programmes) + "</h2>\n<table>\n<tr><th>" + o.w(W::card_programme) +
          "</th><th class=\"amount\">" + o.w(W::card_amount) + "</th><th>" + o.w(W::card_how) + "</th></tr>\n";
  for (const ProgrammeResult& pr : r.programmes) {
    if (!pr.eligible) continue;
    const ProgrammeInfo& pi = info(pr.id);
    const char* how = pi.stream == Stream::none ? o.w(W::not_cash) : pr.counted ? o.w(W::counted) : o.w(W::not_counted);
    std::string why;
    for (size_t d = pr.detail_begin; d < pr.detail_end; ++d) {
      const std::string who = member_name(h, r.details[d].member);
      why += "<br><span class=\"muted\">" + e(who.empty() ? "" : who + ": ") +
             e(render(r.details[d].reason, language)) + "</span>";
    }
    const ResolvedParam& source = params[available_param(pr.id)];
    html += std::string("<tr><td>") + (zh ? pi.name_zh : pi.name_en) + why + "</td><td class=\"amount\">" +
            pr.amount.fixed_text() + "</td><td>" + how + "<br><span class=\"muted\">" + o.w(W::source) + ": " +
            e(param_source(source, language, params.documents())) +
            (source.assumed() ? " (" + std::string(o.w(W::assumed)) + ")" : "") + "</span></td></tr>\n";
  }
  html += std::string("</table>\n<h2>") + o.w(W::card_gap) + "</h2>\n<table>\n";
  for (const LineResult& l : r.lines) {
    const W label = l.id == LineId::monitoring ? W::line_monitoring
                    : l.id == LineId::policy   ? W::line_policy
                                               : W::line_focus;
    html += std::string("<tr><th>") + o.w(label) + " " + l.value.fixed_text() + "</th><td>" +
            e(line_standing(l, o, language)) +
            (params[l.param].assumed() ? " (" + std::string(o.w(W::assumed)) + ")" : "") + "</td></tr>\n";
  }
  html += "</table>\n";
  if (!r.flags.empty()) {
    html += std::string("<h2>") + o.w(W::flags) + "</h2>\n<ul>\n";
    for (const Flag& f : r.flags) html += "<li>" + e(render(f.detail, language)) + "</li>\n";
    html += "</ul>\n";
  }
  html += std::string("<h2>") + o.w(W::card_plan) + "</h2>\n<ol>\n";
  if (r.suggestions.empty()) html += std::string("<li>") + o.w(W::none) + "</li>\n";
  for (const Suggestion& sg : r.suggestions) {
    const std::string who = member_name(h, sg.member);
    html += "<li>" + e(who.empty() ? "" : who + ": ") + e(render(sg.step, language)) + " — " + o.w(W::adds) + " " +
            o.money(sg.adds) + ", " + o.w(W::closes_gap) + ": " + (sg.closes_gap ? o.w(W::yes) : o.w(W::no)) +
            "<br><span class=\"muted\">" + o.w(W::source) + ": " +
            e(param_source(params[sg.basis], language, params.documents())) +
            (params[sg.basis].assumed() ? " (" + std::string(o.w(W::assumed)) + ")" : "") + "</span></li>\n";
  }
  html += "</ol>\n";
  const MonitoringAssessment m = assess_monitoring(h, r, params);
  html +=
      std::string("<h2>") + o.w(W::monitoring_card) + "</h2>\n<p>" + e(render(m.summary, language)) + "</p>\n<ul>\n";
  for (const ConditionCheck& c : m.conditions)
    if (c.met != (m.verdict == MonitoringVerdict::not_yet))
      continue;  // what decided it
    else
      html += "<li>" + e(render(c.reason, language)) + "</li>\n";
  for (const Reason& help : m.help) html += "<li>" + e(render(help, language)) + "</li>\n";
  html += "</ul>\n";
  // What the document names and the tool does not work out: for the household, never read as "not eligible".
  std::vector<const UncomputedMeasure*> for_households;
  int others = 0;
  for (const UncomputedMeasure* m : params.not_computed())
    if (m->why == UncomputedWhy::not_household_aid)
      ++others;
    else
      for_households.push_back(m);
  if (!for_households.empty() || others > 0) html += std::string("<h2>") + o.w(W::not_computed) + "</h2>\n";
  if (!for_households.empty()) {
    html += std::string("<p class=\"muted\">") + o.w(W::not_computed_intro) + "</p>\n<ul>\n";
    for (const UncomputedMeasure* m : for_households)
      html += "<li>" + e(zh ? m->name_zh : m->name_en) + " (" + o.w(why_word(m->why)) + ")<br><span class=\"muted\">" +
              e(zh ? m->detail_zh : m->detail_en) + " " + o.w(W::source) + ": " +
              e(reference_text(m->source, language, 0, params.documents())) + "</span></li>\n";
    html += "</ul>\n";
  }
  if (others > 0) {
    char text[256];
    std::snprintf(text, sizeof text, o.w(W::not_computed_others), others);
    html += std::string("<p class=\"muted\">") + text + "</p>\n";
  }
  html += std::string("<p class=\"muted\">") + o.w(W::card_footer) + "</p>\n</body>\n</html>\n";
  return html;
}

std::string explain(const Result& r, const Household& h, const YearParameters& params, Language language) {
  Writer o{language, {}};
  const bool zh = language == Language::zh;
  const PolicyFile& policy = params.policy();
  o.line(o.w(W::title));
  o.line(std::string(o.w(W::household)) + ": " + h.id + (h.head.empty() ? "" : " " + h.head) +
         (h.village.empty() ? "" : " (" + h.village + ")"));
  o.line(std::string(o.w(W::policy)) + ": " + (zh ? policy.name_zh : policy.name_en) + " (" + policy.id + ", " +
         o.w(W::policy_hash) + " " + params.policy_hash() + ")");
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
             param_source(params[available_param(pr.id)], language, params.documents()) +
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
    o.line(std::string("      ") + o.w(W::source) + ": " +
           param_source(params[available_param(pr.id)], language, params.documents()));
    for (ParamId id : programme_unit(pr.id).params) {
      const ResolvedParam& p = params[id];
      if (!p.value) continue;
      std::string text = std::string("      ") + o.w(W::parameters) + ": " +
                         (zh ? info(id).description_zh : info(id).description_en) + " = " + value_text(id, *p.value);
      text += " [" + (p.assumed() ? std::string(o.w(W::assumed)) + ": " : "") +
              param_source(p, language, params.documents()) + "]";
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
    text += line_standing(l, o, language);
    text += " [" + (p.assumed() ? std::string(o.w(W::assumed)) + ": " : "") +
            param_source(p, language, params.documents()) + "]";
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
           (s.closes_gap ? o.w(W::yes) : o.w(W::no)) + " [" +
           param_source(params[s.basis], language, params.documents()) + "]");
  }
  o.line("");
  const MonitoringAssessment m = assess_monitoring(h, r, params);
  const auto source = [&](const SourceRef& ref) { return reference_text(ref, language, 0, params.documents()); };
  o.line(o.w(W::monitoring));
  o.line("  " + render(m.summary, language));
  // Exit conditions are ticked when met; entry triggers are marked when they find a risk.
  const bool exiting = m.verdict == MonitoringVerdict::may_exit || m.verdict == MonitoringVerdict::not_yet;
  for (const ConditionCheck& c : m.conditions)
    o.line(std::string("  ") + (exiting ? (c.met ? "[✓] " : "[✗] ") : (c.met ? "[!] " : "[ ] ")) +
           render(c.reason, language) + " [" + source(*c.source) + "]");
  if (!m.help.empty()) {
    o.line(std::string("  ") + o.w(W::help) + " [" + source(*m.help_source) + "]");
    for (const Reason& help : m.help) o.line("  - " + render(help, language));
  }
  if (!m.steps.empty()) {
    o.line(std::string("  ") + o.w(W::exit_steps) + " [" + source(*m.steps_source) + "]");
    for (const ExitStepState& s : m.steps) {
      o.line("  " + render(exit_step_name(s.step), language) + ": " +
             (s.done ? iso_date_text(s.done) : o.w(W::not_done)));
    }
  }
  return o.out;
}

}  // namespace zengshou::core

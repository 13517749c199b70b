#include "engine.h"

#include <algorithm>  // sort, any_of, count_if, min
#include <optional>   // a line's optional parameter
#include <string>     // where an overflow is
#include <utility>    // pair, move

#include "programmes/registry.h"

namespace zengshou::core {
namespace {

constexpr int adult_age = 18;
// Whom 特困供养 is for (《社会救助暂行办法》第十四条): the elderly (60 and over), the disabled, children under 16.
constexpr int tekun_elderly_age = 60;
constexpr int tekun_child_age = 16;

// Members who can work: labour capacity, of working age, not in school.
bool can_work(const Member& m, const YearParameters& p, int year) {
  const int age = m.age_in(year);
  const bool student = m.school && m.school->level != SchoolLevel::graduate;
  return m.labor != Labor::none && !student && age >= p.count(ParamId::working_age_from) &&
         age <= p.count(ParamId::working_age_to);
}

bool employed(const Member& m) {
  for (const Job& j : m.jobs)
    if (j.months > 0) return true;
  return false;
}

// The fields of a programme's result that follow from the parameters alone: its id, whether the policy has it and
// whether it counts in net; for a programme the policy does not have, all of it.
void write_fixed_fields(ProgrammeResult& pr, ProgrammeId id, const YearParameters& p) {
  pr = ProgrammeResult{};
  pr.id = id;
  pr.available = p.flag(available_param(id));
  pr.counted = p.flag(counted_param(id));
  if (!pr.available) pr.reason = ProgrammeOutput::make(ReasonId::not_available, {});
}

// The rule of a programme the policy has into `pr`, its fixed fields written: inlined into a household's loop over
// the programmes, with the context made once for them all.
inline void run_programme(ProgrammeResult& pr, const ProgrammeContext& c, std::vector<ProgrammeDetail>& details) {
  // Each field set here, not the whole result cleared first: this runs for every programme of every household.
  pr.eligible = false;
  pr.amount = Money();
  pr.detail_begin = pr.detail_end = static_cast<uint16_t>(details.size());
  if (c.household.entered) {  // income entered as totals: what this paid is in them, and there are no members to check
    pr.reason = ProgrammeOutput::make(ReasonId::entered_totals, {});
    return;
  }
  pr.reason = Reason{};
  ProgrammeOutput out(pr.id, details, pr.reason);  // why nobody qualifies, if nobody does, goes into pr.reason
  programme_unit(pr.id).rule(c, out);
  pr.detail_end = static_cast<uint16_t>(details.size());
  pr.eligible = out.count() > 0;
  pr.amount = out.total();
  if (out.count() == 1) pr.reason = details[pr.detail_begin].reason;
  if (out.count() > 1) pr.reason = ProgrammeOutput::make(ReasonId::members_total, {out.count(), out.total().fen()});
}

// Each line's value, and the parameters that say whom it is for (DOMAIN.md §5).
struct LineParams {
  LineId id;
  ParamId value;
  ParamId categories;
  std::optional<ParamId> above_dibao;  // only lines a clause limits to "低保线以上" can have one
};
constexpr LineParams line_params[] = {
    {LineId::monitoring, ParamId::line_monitoring, ParamId::line_monitoring_categories, std::nullopt},
    {LineId::policy, ParamId::line_policy, ParamId::line_policy_categories, ParamId::line_policy_above_dibao},
    {LineId::focus, ParamId::line_focus, ParamId::line_focus_categories, std::nullopt}};

// Every category: a line whose policy names nobody in particular is for all households.
constexpr CategorySet all_categories = (CategorySet{1} << category_names.size()) - 1;

CategorySet line_categories(const LineParams& line, const YearParameters& p) {
  return p.is_set(line.categories) ? p.categories(line.categories) : all_categories;
}

bool above_dibao_only(const LineParams& line, const YearParameters& p) {
  return line.above_dibao && p.is_set(*line.above_dibao) && p.flag(*line.above_dibao);
}

void add_lines(Result& r, const Household& h, const YearParameters& p) {
  const ProgrammeResult& dibao = r.programme(ProgrammeId::dibao);
  const Money net_before_dibao = r.income.net - (counts_in_net(dibao) ? dibao.amount : Money());
  for (const LineParams& line : line_params) {
    if (!p.is_set(line.value)) continue;
    const Money value = p.money(line.value);
    const LineScope scope = line_scope(line.id, h, p, net_before_dibao);
    // A line is a goal for the people its clause names: a household outside them has no gap to it.
    const Money gap = scope.applies ? max(Money(), value - r.income.per_capita_net) : Money();
    r.lines.push_back({line.id, value, gap, gap * r.size, line.value, scope.applies, scope.scope});
  }
}

void add_flags(Result& r, const Household& h, const YearParameters& p) {
  const Money pc = r.income.per_capita_net;
  for (const LineResult& line : r.lines) {
    if (!line.applies || line.per_capita_gap == Money() || line.id == LineId::focus) continue;
    const LineParams& lp = line_params[static_cast<size_t>(line.id)];
    r.flags.push_back({line.id == LineId::monitoring ? FlagId::below_monitoring_line : FlagId::below_policy_line,
                       ProgrammeOutput::make(
                           above_dibao_only(lp, p) ? ReasonId::flag_below_line_above_dibao : ReasonId::flag_below_line,
                           {pc.fen(), line.value.fen(), line.per_capita_gap.fen(), line.household_gap.fen(),
                            static_cast<int64_t>(line_categories(lp, p))})});
  }
  if (h.last_year_per_capita_net) {
    const Money last = *h.last_year_per_capita_net;
    if (pc < last)
      r.flags.push_back({FlagId::income_fell,
                         ProgrammeOutput::make(ReasonId::flag_income_fell, {pc.fen(), last.fen(), (last - pc).fen()})});
    const ParamId target = target_param(target_group(h.category), 0);
    // (pc − last) ÷ last in basis points, rounded as money is: carried in a Money for its checked arithmetic
    const Money growth = last > Money() ? (pc - last).scaled(10000, last.fen()) : Money();
    if (growth.overflowed()) r.overflow = "/growth/percent";  // a figure past the limit, though no amount is
    if (last > Money() && !growth.overflowed()) r.growth.basis_points = growth.fen();
    if (p.is_set(target)) r.growth.target_basis_points = p.raw(target);
    if (last > Money() && p.is_set(target) && grew_less_than(pc, last, p.raw(target))) {
      r.flags.push_back({FlagId::growth_below_target, ProgrammeOutput::make(ReasonId::flag_growth_below_target,
                                                                            {*r.growth.basis_points, p.raw(target)})});
    }
  }
  int workers = 0;
  bool anyone_employed = false;
  for (const Member& m : h.members) {
    workers += can_work(m, p, r.year) ? 1 : 0;
    anyone_employed = anyone_employed || employed(m);
  }
  if (workers > 0 && !anyone_employed) {
    r.flags.push_back({FlagId::zero_employment, ProgrammeOutput::make(ReasonId::flag_zero_employment, {workers})});
    if (h.relocated)
      r.flags.push_back(
          {FlagId::relocated_without_job, ProgrammeOutput::make(ReasonId::flag_relocated_without_job, {workers})});
  }
}

// What a programme pays if the household took a step: availability, eligibility by category, counted switch.
struct Gain {
  Money cash;
  Money counted;
  void add(const YearParameters& p, ProgrammeId id, Money amount) {
    if (!p.flag(available_param(id))) return;
    cash += amount;
    if (p.flag(counted_param(id))) counted += amount;
  }
};

void add_suggestions(Result& r, const Household& h, const YearParameters& p) {
  const Money net_before_dibao =
      r.income.net - (r.programme(ProgrammeId::dibao).counted ? r.programme(ProgrammeId::dibao).amount : Money());
  const bool dibao_applies = h.dibao && p.flag(available_param(ProgrammeId::dibao));
  // The line a plan closes: the higher of the policy and monitoring lines that are for this household (from 2024 the
  // monitoring line, 8050, passes Changning's policy line of 7000).
  const LineResult* gap_line = nullptr;
  for (const LineResult& l : r.lines)
    if (l.applies && (l.id == LineId::policy || l.id == LineId::monitoring) &&
        (gap_line == nullptr || l.value > gap_line->value))
      gap_line = &l;
  // The line a step is measured against: its value and source back the steps that close the gap.
  const ParamId line_basis = line_params[static_cast<size_t>(gap_line ? gap_line->id : LineId::monitoring)].value;

  // On dibao, counted income beyond the standard is offset by a smaller allowance.
  const auto net_gain_of = [&](Money counted) {
    if (!dibao_applies || !r.programme(ProgrammeId::dibao).counted) return counted;
    return counted - (dibao_allowance(h, p, net_before_dibao) - dibao_allowance(h, p, net_before_dibao + counted));
  };
  // The counted income more that brings the household to the gap line: the gap, and on dibao the allowance it loses
  // (which falls to nothing once income before it passes the standard: two rounds settle it).
  Money income_needed;
  if (gap_line != nullptr && gap_line->per_capita_gap > Money()) {
    const Money target = gap_line->value * h.size();
    income_needed = target - r.income.net;
    for (int round = 0; round < 3 && r.income.net + net_gain_of(income_needed) < target; ++round)
      income_needed += target - (r.income.net + net_gain_of(income_needed));
  }

  auto suggest = [&](SuggestionKind kind, std::optional<ProgrammeId> programme, int member, Gain gain, Reason step,
                     ParamId basis) {
    if (gain.cash == Money()) return;
    const Money net_gain = net_gain_of(gain.counted);
    const Money cash_gain = gain.cash - (gain.counted - net_gain);
    const bool closes = gap_line == nullptr || (r.income.net + net_gain).divided_by(h.size()) >= gap_line->value;
    r.suggestions.push_back({kind, programme, member, cash_gain, net_gain, closes, step, basis});
  };

  const Money post_floor = p.money(ParamId::post_monthly_floor);
  const Money export_wage = p.money(ParamId::export_monthly_wage);
  const int export_months = p.count(ParamId::export_months);
  const bool low_income_household = job_seeking_covers(h, p);
  for (int i = 0; i < h.member_count(); ++i) {
    const Member& m = h.members[i];
    const int age = m.age_in(r.year);
    // Jobs are suggested to adults; a school-age 16- or 17-year-old (两后生) is pointed to vocational school.
    if (can_work(m, p, r.year) && !employed(m) && age >= adult_age) {
      if (p.is_set(ParamId::post_monthly_floor)) {
        Gain g;
        g.add(p, ProgrammeId::public_welfare_post, post_floor * 12);
        suggest(SuggestionKind::take_post, ProgrammeId::public_welfare_post, i, g,
                ProgrammeOutput::make(ReasonId::step_take_post, {post_floor.fen(), 12}), ParamId::post_monthly_floor);
      }
      // 生态护林员, a post of the province's standard, for the households its selection names
      if (p.is_set(ParamId::forest_ranger_yearly) &&
          contains(p.categories(ParamId::forest_ranger_categories), h.category)) {
        const Money standard = p.money(ParamId::forest_ranger_yearly);
        Gain g;
        g.add(p, ProgrammeId::forest_ranger_post, standard);
        suggest(SuggestionKind::take_forest_ranger_post, ProgrammeId::forest_ranger_post, i, g,
                ProgrammeOutput::make(ReasonId::step_forest_ranger, {standard.fen()}), ParamId::forest_ranger_yearly);
      }
      if (m.labor == Labor::full && export_months > 0) {
        Gain g;
        g.cash = g.counted = export_wage * export_months;  // wages: always counted
        std::optional<ProgrammeId> opens;
        if (contains(p.categories(ParamId::transport_categories), h.category) &&
            p.flag(available_param(ProgrammeId::cross_province_transport))) {
          g.add(p, ProgrammeId::cross_province_transport, p.money(ParamId::transport_amount));
          opens = ProgrammeId::cross_province_transport;
        }
        if (low_income_household && p.flag(available_param(ProgrammeId::job_seeking_subsidy))) {
          g.add(p, ProgrammeId::job_seeking_subsidy, p.money(ParamId::job_seeking_out_of_province));
          opens = ProgrammeId::job_seeking_subsidy;
        }
        suggest(SuggestionKind::organized_export, opens, i, g,
                ProgrammeOutput::make(ReasonId::step_organized_export, {export_wage.fen(), export_months}),
                ParamId::export_monthly_wage);
      }
    }
    // Someone already working part of the year: the months more, at the job's wage, that close the gap.
    if (income_needed > Money() && can_work(m, p, r.year)) {
      int months = 0;
      const Job* best = nullptr;
      for (const Job& j : m.jobs) {
        months += j.months;
        // a post's pay is set, and an internship is a stage: neither is worked longer
        if (!paid_by_programme(j.kind) && j.kind != JobKind::internship &&
            (best == nullptr || j.monthly_wage > best->monthly_wage))
          best = &j;
      }
      if (best != nullptr && best->monthly_wage > Money() && months < 12) {
        // The months that bring in the income needed, the dibao allowance it costs included.
        const int64_t needed = (income_needed.fen() + best->monthly_wage.fen() - 1) / best->monthly_wage.fen();
        const int more = static_cast<int>(std::min<int64_t>(12 - months, needed));
        Gain g;
        g.cash = g.counted = best->monthly_wage * more;  // wages: always counted
        suggest(SuggestionKind::more_work_months, std::nullopt, i, g,
                ProgrammeOutput::make(ReasonId::step_more_work_months, {more, best->monthly_wage.fen()}), line_basis);
      }
    }
    const bool out_of_school = !m.school || m.school->level == SchoolLevel::compulsory;
    if (age >= 15 && age <= 17 && out_of_school && contains(p.categories(ParamId::rain_dew_categories), h.category)) {
      Gain g;
      g.add(p, ProgrammeId::rain_dew, p.money(ParamId::rain_dew_amount));
      suggest(SuggestionKind::enrol_vocational, ProgrammeId::rain_dew, i, g,
              ProgrammeOutput::make(ReasonId::step_enrol_vocational, {}), ParamId::rain_dew_amount);
    }
    if (age >= p.count(ParamId::pension_age) && !m.pension.enrolled) {
      Gain g;
      g.add(p, ProgrammeId::pension_basic, pension_monthly(p) * 12);
      suggest(SuggestionKind::claim_pension, ProgrammeId::pension_basic, i, g,
              ProgrammeOutput::make(ReasonId::step_claim_pension, {}),
              p.money(ParamId::pension_monthly) >= p.money(ParamId::pension_national_minimum)
                  ? ParamId::pension_monthly
                  : ParamId::pension_national_minimum);  // the one that sets the amount
    }
  }
  if (!h.dibao) {
    const Money allowance = dibao_allowance(h, p, r.income.net);
    const ParamId standard = dibao_standard_param(h);
    Gain g;
    g.add(p, ProgrammeId::dibao, allowance);
    suggest(SuggestionKind::apply_dibao, ProgrammeId::dibao, -1, g,
            ProgrammeOutput::make(ReasonId::step_apply_dibao, {r.income.per_capita_net.fen(), p.raw(standard)}),
            standard);
  }
  // 兜底 (000 三(三)25 "符合条件的及时纳入最低生活保障或特困供养"): where nobody can work, 特困供养 for the members
  // the national rule names (the elderly, the disabled, children under 16), its other conditions for the cadre to
  // check.
  const bool nobody_can_work =
      std::none_of(h.members.begin(), h.members.end(), [&](const Member& m) { return can_work(m, p, r.year); });
  const bool tekun =
      h.tekun || std::any_of(h.members.begin(), h.members.end(), [](const Member& m) { return m.tekun; });
  if (nobody_can_work && !tekun && p.is_set(ParamId::tekun_standard)) {
    const auto named = std::count_if(h.members.begin(), h.members.end(), [&](const Member& m) {
      const int age = m.age_in(r.year);
      return age >= tekun_elderly_age || age < tekun_child_age || m.disability_grade > 0;
    });
    Gain g;
    g.add(p, ProgrammeId::tekun_support, p.money(ParamId::tekun_standard) * named);
    suggest(SuggestionKind::apply_tekun, ProgrammeId::tekun_support, -1, g,
            ProgrammeOutput::make(ReasonId::step_apply_tekun, {named, p.raw(ParamId::tekun_standard)}),
            ParamId::tekun_standard);
  }
  // Most added first, ties in the order made: a stable insertion sort, as std::stable_sort would order them, without
  // the buffer it allocates on every evaluation for a handful of steps.
  const auto before = [](const Suggestion& a, const Suggestion& b) {
    return a.adds != b.adds ? a.adds > b.adds : a.adds_net > b.adds_net;
  };
  for (size_t i = 1; i < r.suggestions.size(); ++i) {
    if (!before(r.suggestions[i], r.suggestions[i - 1])) continue;  // in place already: nothing moved
    Suggestion s = std::move(r.suggestions[i]);
    size_t j = i;
    for (; j > 0 && before(s, r.suggestions[j - 1]); --j) r.suggestions[j] = std::move(r.suggestions[j - 1]);
    r.suggestions[j] = std::move(s);
  }
  if (income_needed == Money()) return;
  // Below the line: what closing it takes, last, whatever the steps above can do — the yuan the household's counted
  // income must grow by, from work, production or property.
  Gain g;
  g.cash = g.counted = income_needed;
  suggest(SuggestionKind::close_gap, std::nullopt, -1, g,
          ProgrammeOutput::make(ReasonId::step_close_gap,
                                {income_needed.fen(), income_needed.divided_by(h.size()).fen(), gap_line->value.fen()}),
          line_basis);
}

// Income from the members' jobs, the activities, property and transfers, and what each programme pays. Whether a
// programme's amount went past the limit (only then does first_overflow look through the programmes).
bool add_computed_income(Result& r, const Household& h, const YearParameters& p) {
  Income& in = r.income;
  for (const Member& m : h.members)
    for (const Job& j : m.jobs)
      if (!paid_by_programme(j.kind)) in.wage += j.monthly_wage * j.months;
  for (const ProductionActivity& a : h.production) {
    in.production += a.revenue;
    in.production_cost += a.cost;
  }
  in.property = h.property.land_rent + h.property.dividends + h.property.house_rent + h.property.other;
  in.transfer = h.transfers.eco_compensation + h.transfers.family_support + h.transfers.other;
  Money uncounted_cash;
  const auto net_of = [&in] { return in.wage + in.production - in.production_cost + in.property + in.transfer; };
  // The net before each programme is worked out again only when one adds to a stream: a few in 27.
  ProgrammeContext context(h, p, r.year, net_of());
  bool programme_overflowed = false;
  for (ProgrammeResult& pr : r.programmes) {
    if (!pr.available) continue;  // all of its result written already (write_fixed_fields)
    run_programme(pr, context, r.details);
    programme_overflowed |= pr.amount.overflowed();
    const Stream stream = info(pr.id).stream;
    if (!pr.eligible || stream == Stream::none) continue;
    if (!pr.counted) {
      uncounted_cash += pr.amount;
    } else if (stream == Stream::wage) {
      in.wage += pr.amount;
    } else if (stream == Stream::production) {
      // interest returned (贴息): it lowers the production cost the interest was part of, never below nothing
      const Money lowered = min(pr.amount, in.production_cost);
      in.production_cost -= lowered;
      in.production += pr.amount - lowered;
    } else if (stream == Stream::property) {
      in.property += pr.amount;
    } else {
      in.transfer += pr.amount;
    }
    if (pr.counted) context.net_before = net_of();
  }
  in.net = context.net_before;
  in.per_capita_net = in.net.divided_by(r.size);
  in.cash_received = in.net + uncounted_cash;
  return programme_overflowed;
}

// Income entered as totals (EnteredIncome): taken as given, what the programmes paid being in it; each programme the
// policy has is listed as not checked, for want of members.
void add_entered_income(Result& r, const Household& h, const YearParameters& p) {
  const EnteredIncome& e = *h.entered;
  Income& in = r.income;
  in.wage = e.wage;
  in.production = e.production;
  in.production_cost = e.production_cost;
  in.property = e.property;
  in.transfer = e.transfer;
  const ProgrammeContext context(h, p, r.year, Money());
  for (ProgrammeResult& pr : r.programmes)  // each not checked (run_programme says why), none added
    if (pr.available) run_programme(pr, context, r.details);
  in.net = in.wage + in.production - in.production_cost + in.property + in.transfer;
  in.per_capita_net = in.net.divided_by(r.size);
  in.cash_received = in.net;
}

// Where the first amount past the limit is, as a JSON pointer into the result: a programme (when one's is) before
// the sums it went into; empty when there is none.
std::string first_overflow(const Result& r, bool programme_overflowed) {
  if (programme_overflowed)
    for (const ProgrammeResult& p : r.programmes)
      if (p.amount.overflowed()) return "/programmes/" + std::string(info(p.id).id) + "/amount";
  const Income& in = r.income;
  const std::pair<const char*, Money> income[] = {{"wage", in.wage},
                                                  {"production", in.production},
                                                  {"production_cost", in.production_cost},
                                                  {"property", in.property},
                                                  {"transfer", in.transfer},
                                                  {"net", in.net},
                                                  {"per_capita_net", in.per_capita_net},
                                                  {"cash_received", in.cash_received}};
  for (const auto& [name, amount] : income)
    if (amount.overflowed()) return "/income/" + std::string(name);
  for (const LineResult& l : r.lines)
    if (l.per_capita_gap.overflowed() || l.household_gap.overflowed())
      return "/lines/" + std::string(line_names[static_cast<size_t>(l.id)]);
  for (const Suggestion& s : r.suggestions)
    if (s.adds.overflowed() || s.adds_net.overflowed()) return "/suggestions";
  return {};
}

}  // namespace

bool paid_by_programme(JobKind kind) { return kind == JobKind::public_welfare_post || kind == JobKind::forest_ranger; }

LineScope line_scope(LineId id, const Household& h, const YearParameters& p, Money net_before_dibao) {
  const LineParams& line = line_params[static_cast<size_t>(id)];
  const auto groups = static_cast<int64_t>(line_categories(line, p));
  if (!contains(line_categories(line, p), h.category))
    return {false, ProgrammeOutput::make(ReasonId::line_not_for, {groups, 0, static_cast<int64_t>(h.category)})};
  if (!above_dibao_only(line, p)) return {true, ProgrammeOutput::make(ReasonId::line_for, {groups})};
  const Money standard = p.money(dibao_standard_param(h));
  const Money before = h.size() > 0 ? net_before_dibao.divided_by(h.size()) : Money();
  if (before < standard)
    return {false,
            ProgrammeOutput::make(ReasonId::line_not_for_below_dibao, {groups, standard.fen(), 0, before.fen()})};
  return {true, ProgrammeOutput::make(ReasonId::line_for_above_dibao, {groups, standard.fen()})};
}

ParamId line_categories_param(LineId id) { return line_params[static_cast<size_t>(id)].categories; }

TargetGroup target_group(Category category) {
  if (category == Category::urban) return TargetGroup::urban;
  if (category == Category::general) return TargetGroup::rural;
  return TargetGroup::tuopin;
}

ParamId target_param(TargetGroup group, int stream) {
  const ParamId first = group == TargetGroup::tuopin  ? ParamId::target_tuopin_total
                        : group == TargetGroup::rural ? ParamId::target_rural_total
                                                      : ParamId::target_urban_total;
  return static_cast<ParamId>(static_cast<unsigned>(first) + static_cast<unsigned>(stream));
}

void evaluate_programme(ProgrammeResult& pr, ProgrammeId id, const Household& h, const YearParameters& p,
                        Money net_before, std::vector<ProgrammeDetail>& details) {
  write_fixed_fields(pr, id, p);
  if (pr.available) run_programme(pr, ProgrammeContext(h, p, p.year(), net_before), details);
}

bool counts_in_net(const ProgrammeResult& pr) {
  return pr.eligible && pr.counted && info(pr.id).stream != Stream::none;
}

Result evaluate(const Household& h, const YearParameters& p, EvaluationOptions options) {
  Result r;
  r.details.reserve(16);
  r.lines.reserve(3);
  evaluate_into(r, h, p, options);
  return r;
}

void evaluate_into(Result& r, const Household& h, const YearParameters& p, EvaluationOptions options) {
  r.household = h.id;
  r.policy = p.policy().id;
  r.year = p.year();
  r.size = h.size();
  r.beyond_policy_years = p.year() > p.policy().last_year;
  r.income = Income{};
  r.details.clear();
  r.lines.clear();
  r.growth = Growth{};
  r.flags.clear();
  r.suggestions.clear();
  r.overflow.clear();
  if (r.programmes_fixed_for != p.serial()) {
    for (size_t i = 0; i < programme_count; ++i) write_fixed_fields(r.programmes[i], static_cast<ProgrammeId>(i), p);
    r.programmes_fixed_for = p.serial();
  }

  bool programme_overflowed = false;  // entered totals have no programme amounts
  if (h.entered)
    add_entered_income(r, h, p);
  else
    programme_overflowed = add_computed_income(r, h, p);

  add_lines(r, h, p);
  add_flags(r, h, p);
  if (options.suggestions) add_suggestions(r, h, p);
  if (std::string where = first_overflow(r, programme_overflowed); !where.empty()) r.overflow = std::move(where);
}

}  // namespace zengshou::core

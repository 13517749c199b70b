#include "registry.h"

#include <array>  // the table

namespace zengshou::core {
namespace {

using P = ParamId;
constexpr P public_welfare_post_params[] = {P::post_monthly_floor};
constexpr P forest_ranger_post_params[] = {P::forest_ranger_yearly, P::forest_ranger_categories};
constexpr P village_doctor_subsidy_params[] = {P::village_doctor_monthly};
constexpr P internship_allowance_params[] = {P::internship_minimum_wage};
constexpr P probation_certificate_subsidy_params[] = {P::probation_monthly, P::probation_max_months,
                                                      P::probation_categories};
constexpr P risk_area_work_subsidy_params[] = {P::risk_area_amount, P::risk_area_min_months, P::risk_area_categories};
constexpr P cross_province_transport_params[] = {P::transport_amount, P::transport_amount_low_income,
                                                 P::transport_low_income_below, P::transport_categories};
constexpr P job_seeking_subsidy_params[] = {P::job_seeking_in_province, P::job_seeking_out_of_province,
                                            P::job_seeking_categories};
constexpr P training_allowance_params[] = {P::training_daily, P::training_categories};
constexpr P certificate_subsidy_params[] = {P::certificate_primary, P::certificate_intermediate,
                                            P::certificate_advanced};
constexpr P rain_dew_params[] = {P::rain_dew_amount, P::rain_dew_east_west_amount, P::rain_dew_categories};
constexpr P graduate_exam_fee_params[] = {P::exam_fee_max_years, P::exam_fee_categories};
constexpr P pension_basic_params[] = {P::pension_monthly, P::pension_national_minimum, P::pension_age};
constexpr P pension_contribution_subsidy_params[] = {P::pension_subsidy_minimum, P::pension_subsidy_rate,
                                                     P::pension_age};
constexpr P pension_contribution_paid_params[] = {P::pension_paid_tier, P::working_age_from, P::pension_age};
constexpr P disability_two_subsidies_params[] = {P::disability_living_monthly, P::disability_care_monthly};
constexpr P farmland_subsidy_params[] = {P::farmland_per_mu};
constexpr P grain_subsidy_params[] = {P::grain_per_mu};
constexpr P returned_farmland_subsidy_params[] = {P::returned_farmland_per_mu};
constexpr P microcredit_interest_subsidy_params[] = {P::microcredit_share, P::microcredit_max_principal,
                                                     P::microcredit_categories};
constexpr P guaranteed_dividend_params[] = {P::dividend_weight_full, P::dividend_weight_weak, P::dividend_weight_none,
                                            P::dividend_categories};
constexpr P urban_startup_subsidy_params[] = {P::urban_startup_amount, P::urban_startup_graduate_max_years};
constexpr P urban_graduate_job_seeking_params[] = {P::urban_graduate_amount, P::urban_graduate_max_years};
constexpr P temporary_price_subsidy_params[] = {P::price_subsidy_monthly, P::price_subsidy_months};
constexpr std::span<const P> temporary_assistance_params{};  // reads no parameter: the amount is entered
constexpr P tekun_support_params[] = {P::tekun_standard};
constexpr P dibao_params[] = {P::dibao_standard, P::dibao_urban_standard, P::dibao_taper_months};

}  // namespace

// In programmes.def order: a rule and its parameters are found by the programme's name.
const std::array<ProgrammeUnit, programme_count> programme_units{{
#define ZS_PROGRAMME(id, stream, counted, zh, en) {id##_rule, id##_params},
#include "core/programmes.def"
#undef ZS_PROGRAMME
}};

bool pays_nothing_whatever_the_parameters(ReasonId reason) {
  switch (reason) {
    case ReasonId::no_post:                // no job of its kind with months: public_welfare_post
    case ReasonId::no_ranger:              // forest_ranger_post
    case ReasonId::no_village_doctor:      // village_doctor_subsidy
    case ReasonId::no_internship:          // internship_allowance
    case ReasonId::no_training:            // no member with training days: training_allowance
    case ReasonId::no_vocational_student:  // no member at a vocational school: rain_dew
    case ReasonId::no_disabled_member:     // disability_two_subsidies
    case ReasonId::no_farmland:            // no area entered: farmland, grain and returned farmland (pay_per_mu)
    case ReasonId::no_grain:
    case ReasonId::no_returned_farmland:
    case ReasonId::no_microcredit:  // no loan with principal and months: microcredit_interest_subsidy
    case ReasonId::not_dibao:       // the household is not on the dibao: dibao
    case ReasonId::not_tekun:       // nobody 特困 and not a 特困 household: tekun_support
      return true;
    default:
      return false;
  }
}

}  // namespace zengshou::core

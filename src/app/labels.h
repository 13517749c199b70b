// String-table labels for the core's enums, in the core's order, shared by the form and the guided mode.
#pragma once

#include <iterator>  // size

#include "core/household.h"
#include "strings.h"

namespace zengshou::app {

inline constexpr Str category_labels[] = {Str::category_tuopin,           Str::category_monitor_unstable,
                                          Str::category_monitor_marginal, Str::category_monitor_sudden,
                                          Str::category_general,          Str::category_urban};
// roster_model.h's Worklist, in its order.
inline constexpr Str work_labels[] = {Str::work_enter, Str::work_may_exit, Str::work_visit, Str::work_normal};
inline constexpr Str labor_labels[] = {Str::labor_full, Str::labor_weak, Str::labor_none};
inline constexpr Str disability_labels[] = {Str::disability_0, Str::disability_1, Str::disability_2, Str::disability_3,
                                            Str::disability_4};
// "not in school", then the school levels in core order
inline constexpr Str school_labels[] = {Str::school_none,
                                        Str::school_compulsory,
                                        Str::school_senior_high,
                                        Str::school_secondary_vocational,
                                        Str::school_higher_vocational,
                                        Str::school_technical,
                                        Str::school_undergraduate,
                                        Str::school_graduate};
inline constexpr Str job_labels[] = {
    Str::job_local,       Str::job_in_province,   Str::job_out_of_province, Str::job_public_welfare_post,
    Str::job_work_relief, Str::job_forest_ranger, Str::job_village_doctor,  Str::job_internship};
static_assert(std::size(job_labels) == core::job_kind_names.size());
inline constexpr Str certificate_labels[] = {Str::certificate_none, Str::certificate_primary,
                                             Str::certificate_intermediate, Str::certificate_advanced};
static_assert(std::size(certificate_labels) == core::certificate_level_names.size());
inline constexpr Str activity_labels[] = {Str::activity_crop, Str::activity_livestock, Str::activity_tourism,
                                          Str::activity_processing, Str::activity_other};

}  // namespace zengshou::app

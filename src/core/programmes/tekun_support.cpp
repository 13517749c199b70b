// 特困供养金: each 特困 member gets the basic living standard for the year (000 三(三)25 "纳入最低生活保障或特困
// 供养"; the standard is a parameter per province). A 特困 household where nobody is marked is supported whole: the
// household flag is all that files before member flags carry, and such a household is most often one person.
#include <algorithm>  // none_of, count_if

#include "programme_unit.h"

namespace zengshou::core {

bool tekun_whole_household(const Household& h) {
  return h.tekun && std::none_of(h.members.begin(), h.members.end(), [](const Member& m) { return m.tekun; });
}

int tekun_people(const Household& h) {
  if (tekun_whole_household(h)) return h.member_count();
  return static_cast<int>(std::count_if(h.members.begin(), h.members.end(), [](const Member& m) { return m.tekun; }));
}

void tekun_support_rule(const ProgrammeContext& c, ProgrammeOutput& out) {
  const Household& h = c.household;
  const bool whole = tekun_whole_household(h);  // once, not per member
  if (!whole && std::none_of(h.members.begin(), h.members.end(), [](const Member& m) { return m.tekun; }))
    return out.not_eligible(ReasonId::not_tekun);
  if (!c.params.is_set(ParamId::tekun_standard)) return out.not_eligible(ReasonId::no_standard);
  const Money standard = c.params.money(ParamId::tekun_standard);
  for (int i = 0; i < c.member_count; ++i)
    if (whole || h.members[i].tekun)
      out.add(i, standard, ProgrammeOutput::make(ReasonId::tekun_support, {standard.fen()}));
}

}  // namespace zengshou::core

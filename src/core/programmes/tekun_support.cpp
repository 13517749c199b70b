// 特困供养金: each 特困 member gets the basic living standard for the year (000 三(三)25 "纳入最低生活保障或特困
// 供养"; the standard is a parameter per province). A 特困 household where nobody is marked is supported whole: the
// household flag is all that files before member flags carry, and such a household is most often one person.
#include "programme_unit.h"

namespace zengshou::core {

void tekun_support_rule(const ProgrammeContext& c, ProgrammeOutput& out) {
  const Household& h = c.household;
  bool anyone_marked = false;
  for (const Member& m : h.members) anyone_marked = anyone_marked || m.tekun;
  if (!anyone_marked && !h.tekun) return out.not_eligible(ReasonId::not_tekun);
  if (!c.params.is_set(ParamId::tekun_standard)) return out.not_eligible(ReasonId::no_standard);
  const Money standard = c.params.money(ParamId::tekun_standard);
  for (int i = 0; i < h.member_count(); ++i)
    if (h.members[i].tekun || !anyone_marked)
      out.add(i, standard, ProgrammeOutput::make(ReasonId::tekun_support, {standard.fen()}));
}

}  // namespace zengshou::core

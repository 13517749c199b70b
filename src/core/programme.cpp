#include "programme.h"

#include <string>  // built names of the per-programme parameters

namespace zengshou::core {
namespace {

struct ParamTable {
  std::array<std::string, programme_count * 2> generated_names;
  std::array<ParamInfo, param_count> infos;

  ParamTable() {
    size_t i = 0;
    for (const ProgrammeInfo& p : programme_infos) {
      generated_names[i] = std::string(p.id) + ".available";
      infos[i] = {generated_names[i], Unit::flag, "本政策是否有此项目", "Whether the policy has this programme"};
      ++i;
      generated_names[i] = std::string(p.id) + ".counts_in_net_income";
      infos[i] = {generated_names[i], Unit::flag, "是否计入家庭纯收入", "Whether it counts in net income"};
      ++i;
    }
#define ZS_PARAM(id, name, unit, zh, en) infos[i++] = {name, Unit::unit, zh, en};
#include "parameters.def"
#undef ZS_PARAM
  }
};

const ParamTable& table() {
  static const ParamTable t;
  return t;
}

}  // namespace

const ParamInfo& info(ParamId p) { return table().infos[static_cast<size_t>(p)]; }

std::optional<ParamId> param_from_name(std::string_view name) {
  const auto& infos = table().infos;
  for (size_t i = 0; i < infos.size(); ++i)
    if (infos[i].name == name) return static_cast<ParamId>(i);
  return std::nullopt;
}

std::optional<ProgrammeId> programme_from_name(std::string_view name) {
  for (size_t i = 0; i < programme_infos.size(); ++i)
    if (programme_infos[i].id == name) return static_cast<ProgrammeId>(i);
  return std::nullopt;
}

}  // namespace zengshou::core

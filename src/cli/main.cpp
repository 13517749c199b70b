// zengshou: the core on the command line (../shared/spec/CONTRACT.md).
#include <cstdio>    // printing
#include <iostream>  // stdout, stderr
#include <string>    // arguments

#include <nlohmann/json.hpp>

#include "core/policy_catalogue.h"
#include "core/version.h"

namespace {

constexpr int exit_ok = 0;
constexpr int exit_bad_input = 2;

int print_policies() {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& p : zengshou::core::policy_summaries()) {
    list.push_back({{"id", p.id},
                    {"name", p.name_zh},
                    {"province", p.province.empty() ? nlohmann::json(nullptr) : nlohmann::json(p.province)},
                    {"years", {p.first_year, p.last_year}}});
  }
  std::cout << list.dump(2) << '\n';
  return exit_ok;
}

int usage_error(const std::string& message) {
  std::cerr << "error: " << message << '\n' << "usage: zengshou --version | policies\n";
  return exit_bad_input;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return usage_error("a command is expected");
  const std::string command = argv[1];
  if (command == "--version") {
    std::cout << "zengshou " << zengshou::core::version() << '\n';
    return exit_ok;
  }
  if (command == "policies") return print_policies();
  return usage_error("unknown command \"" + command + "\"");
}

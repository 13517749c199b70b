// The bad-input corpus (tests/bad-input/expected.txt): every file through the real command line, which must print
// exactly the listed error lines and exit 2, or accept the file and exit 0.
#include <doctest/doctest.h>

#include <algorithm>   // count_if
#include <filesystem>  // the corpus folder
#include <fstream>     // expected.txt
#include <set>         // files listed
#include <string>
#include <vector>

#include "cli_run.h"

namespace {

struct Case {
  std::string file;
  std::string command;  // with FILE standing for the file
  std::vector<std::string> errors;
};

std::vector<Case> corpus_cases() {
  std::vector<Case> cases;
  std::ifstream in(ZENGSHOU_BAD_INPUT "/expected.txt");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (line.starts_with("  error: ")) {
      cases.back().errors.push_back(line.substr(2));
    } else {
      const size_t gap = line.find("  ");
      cases.push_back({line.substr(0, gap), line.substr(gap + 2), {}});
    }
  }
  return cases;
}

}  // namespace

TEST_CASE("the bad-input corpus: each file gets exactly its error lines and exit 2, or is accepted") {
  const std::vector<Case> cases = corpus_cases();
  REQUIRE_GE(cases.size(), 40);
  CHECK_GE(
      std::count_if(cases.begin(), cases.end(), [](const Case& c) { return c.command.starts_with("policy check"); }),
      25);
  std::set<std::string> listed;
  for (const Case& c : cases) {
    CAPTURE(c.file);
    listed.insert(c.file);
    std::string args = c.command;
    args.replace(args.find("FILE"), 4, c.file);
    const zengshou::test::Run r = zengshou::test::run_cli(args, "", ZENGSHOU_BAD_INPUT);
    std::string expected;
    for (const std::string& e : c.errors) expected += e + "\n";
    CHECK_EQ(r.err, expected);
    if (c.errors.empty()) {
      CHECK_EQ(r.status, 0);
      CHECK_FALSE(r.out.empty());
    } else {
      CHECK_EQ(r.status, 2);
      CHECK(r.out.empty());
    }
  }
  // Every file in the folder has its expectation.
  for (const auto& entry : std::filesystem::directory_iterator(ZENGSHOU_BAD_INPUT)) {
    const std::string name = entry.path().filename().string();
    if (name != "expected.txt") CHECK_MESSAGE(listed.contains(name), "not in expected.txt: " << name);
  }
}

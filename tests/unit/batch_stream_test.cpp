// The batch as a province would run it (issue 19): a roster streamed a household at a time, in memory of one
// household, its full (JSON Lines) and compact (--format csv) results agreeing with eval to the fen; a household's
// problems stopping nothing with --keep-going, and everything without it (the contract: no partial result).
#include <doctest/doctest.h>
#include <sys/resource.h>  // the child's peak memory
#include <sys/wait.h>      // wait4
#include <unistd.h>        // fork, exec

#include <fcntl.h>  // open
#include <cstdlib>  // system
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli_run.h"

using nlohmann::json;
using zengshou::test::run_cli;

namespace {

const std::string tmp = ZENGSHOU_TEST_TMP;

// The CLI run on `args`, its output thrown away: its exit status and its peak resident memory in MB.
std::pair<int, double> peak_mb(const std::vector<std::string>& args) {
  const pid_t pid = fork();
  if (pid == 0) {
    const int null = open("/dev/null", O_WRONLY);
    dup2(null, 1);
    dup2(null, 2);
    if (chdir(ZENGSHOU_ASSETS) != 0) _exit(127);
    std::vector<char*> argv{const_cast<char*>(ZENGSHOU_CLI)};
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(ZENGSHOU_CLI, argv.data());
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, usage.ru_maxrss / 1024.0};
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::vector<std::string> cells_of(const std::string& row) {
  std::vector<std::string> out(1);
  for (const char c : row)
    if (c == ',')
      out.emplace_back();
    else if (c != '\r')
      out.back() += c;
  return out;
}

std::string yuan(const json& v) {  // a JSON amount as the compact CSV writes it
  std::ostringstream s;
  s << v.dump();
  return s.str();
}

}  // namespace

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ZENGSHOU_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(ZENGSHOU_ASAN)
constexpr bool sanitized = true;  // slower, and its shadow memory is not the program's: a smaller roster, unmeasured
#else
constexpr bool sanitized = false;
#endif

TEST_CASE("batch on 100 000 households streams: both outputs in under 100 MB, as many results as households") {
  const int households = sanitized ? 2000 : 100000;
  const std::string roster = tmp + "/roster-stream.csv";
  REQUIRE_EQ(
      std::system(
          (std::string(ZENGSHOU_BENCH) + " --roster-csv " + std::to_string(households) + " > " + roster).c_str()),
      0);
  if (!sanitized)
    for (const char* format : {"csv", "jsonl"}) {
      const auto run = peak_mb({"batch", "--format", format, roster});
      const int status = run.first;  // not a structured binding: clang's INFO cannot capture one
      const double mb = run.second;
      INFO(format, ": ", mb, " MB");
      CHECK_EQ(status, 0);
      CHECK_LT(mb, 100.0);
      CHECK_GT(mb, 1.0);  // measured at all
    }
  const auto compact = run_cli("batch --format csv " + roster);
  REQUIRE_EQ(compact.status, 0);
  CHECK_EQ(lines_of(compact.out).size(), static_cast<size_t>(households) + 1);  // the header, then a row a household
  // On three threads: the same bytes, in the same order.
  const auto threaded = run_cli("batch --jobs 3 --format csv " + roster);
  CHECK_EQ(threaded.status, 0);
  CHECK_MESSAGE(threaded.out == compact.out, "--jobs 3 wrote other rows than one thread");
}

TEST_CASE("full and compact batch results are eval's, to the fen, household by household") {
  REQUIRE_EQ(std::system((std::string(ZENGSHOU_BENCH) + " --roster 40 > " + tmp + "/roster-40.json").c_str()), 0);
  std::ifstream in(tmp + "/roster-40.json");
  const json households = json::parse(in);
  const auto full = run_cli("batch " + tmp + "/roster-40.json");
  const auto compact = run_cli("batch --format csv " + tmp + "/roster-40.json");
  REQUIRE_EQ(full.status, 0);
  REQUIRE_EQ(compact.status, 0);
  const auto full_lines = lines_of(full.out);
  const auto rows = lines_of(compact.out);
  REQUIRE_EQ(full_lines.size(), 40u);
  REQUIRE_EQ(rows.size(), 41u);
  const std::vector<std::string> header = cells_of(rows[0]);
  const auto column = [&](const std::string& name) {
    const auto at = std::find(header.begin(), header.end(), name);
    REQUIRE(at != header.end());
    return static_cast<size_t>(at - header.begin());
  };
  for (size_t i = 0; i < households.size(); ++i) {
    CAPTURE(i);
    std::ofstream(tmp + "/one.json") << households[i].dump();
    const auto one = run_cli("eval " + tmp + "/one.json");
    REQUIRE_EQ(one.status, 0);
    json expected = json::parse(one.out);
    for (json& p : expected["programmes"]) p.erase("parameters");  // eval lists each programme's parameters, batch not
    CHECK_MESSAGE(json::parse(full_lines[i]) == expected, "line ", i + 1, " is not eval's result");
    const std::vector<std::string> row = cells_of(rows[i + 1]);
    CHECK_EQ(row[column("household")], expected["household"].get<std::string>());
    for (const char* stream : {"wage", "production", "property", "transfer", "net", "per_capita_net"})
      CHECK_EQ(row[column(stream)], yuan(expected["income"][stream]));
    for (const json& p : expected["programmes"])
      CHECK_EQ(row[column(p["id"].get<std::string>())], p["available"].get<bool>() ? yuan(p["amount"]) : "");
    CHECK_EQ(row[column("monitoring")], expected["monitoring"]["verdict"].get<std::string>());
  }
}

TEST_CASE("a household's problem: no result at all by default; with --keep-going the others, and exit 2") {
  const std::string csv =
      "household_id,year,category,name,birth_year,job_kind,months,monthly_wage\n"
      "A,2022,tuopin,张三,1975,local,10,3000\n"
      "B,2022,tuopin,李四,1975,local,13,3000\n"
      "C,2022,tuopin,王五,1980,local,6,2000\n"
      "A,2022,tuopin,张小三,2000,,,\n";  // A again, after B and C: its rows are apart
  std::ofstream(tmp + "/problem.csv") << csv;
  const auto strict = run_cli("batch --policy yunnan/changning " + tmp + "/problem.csv");
  CHECK_EQ(strict.status, 2);
  CHECK_EQ(strict.out, "");
  CHECK_EQ(strict.err,
           "error: line 3, column \"months\": expected a whole number from 0 to 12, got 13\n"
           "error: line 5: expected the rows of household \"A\" together: it has rows above another household's (sort "
           "the file by 户编号)\n");
  const auto going =
      run_cli("batch --keep-going --jobs 2 --format csv --policy yunnan/changning " + tmp + "/problem.csv");
  CHECK_EQ(going.status, 2);
  CHECK_EQ(going.err, strict.err);
  const auto rows = lines_of(going.out);
  REQUIRE_EQ(rows.size(), 3u);                                     // the header, A and C
  CHECK(rows[1].starts_with("A,yunnan/changning,2022,1,30000,"));  // 10 × 3000, by hand
  CHECK(rows[2].starts_with("C,yunnan/changning,2022,1,12000,"));  // 6 × 2000
  // --bom for Excel: the compact CSV starts with the UTF-8 byte-order mark.
  CHECK(run_cli("batch --keep-going --format csv --bom --policy yunnan/changning " + tmp + "/problem.csv")
            .out.starts_with("\xEF\xBB\xBFhousehold,"));
}

TEST_CASE("batch into a file (> or >>) writes in one pass and, on a problem, leaves the file as it was") {
  const std::string good =
      "household_id,year,category,name,birth_year,job_kind,months,monthly_wage\n"
      "A,2022,tuopin,张三,1975,local,10,3000\n"
      "C,2022,tuopin,王五,1980,local,6,2000\n";
  std::ofstream(tmp + "/good.csv") << good;
  std::ofstream(tmp + "/bad.csv") << good << "D,2022,tuopin,赵六,1980,local,13,2000\n";
  const auto read = [](const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  };
  const std::string cli = std::string(ZENGSHOU_CLI) + " batch --policy yunnan/changning --format csv ";
  const auto status = [](const std::string& command) {
    const int raw = std::system(command.c_str());
    return WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  };
  // Into a new file: what the pipe gets.
  CHECK_EQ(status(cli + tmp + "/good.csv > " + tmp + "/out.csv"), 0);
  CHECK_EQ(read(tmp + "/out.csv"), run_cli("batch --policy yunnan/changning --format csv " + tmp + "/good.csv").out);
  // A problem: the file is empty again (A's and C's rows were written before D's problem was met).
  CHECK_EQ(status(cli + tmp + "/bad.csv > " + tmp + "/out.csv 2> /dev/null"), 2);
  CHECK_EQ(read(tmp + "/out.csv"), "");
  // Appended to what a file held: a problem leaves what it held; results follow it.
  std::ofstream(tmp + "/out.csv") << "earlier results\n";
  CHECK_EQ(status(cli + tmp + "/bad.csv >> " + tmp + "/out.csv 2> /dev/null"), 2);
  CHECK_EQ(read(tmp + "/out.csv"), "earlier results\n");
  CHECK_EQ(status(cli + tmp + "/good.csv >> " + tmp + "/out.csv"), 0);
  CHECK(read(tmp + "/out.csv").starts_with("earlier results\nhousehold,policy,"));
  CHECK_EQ(lines_of(read(tmp + "/out.csv")).size(), 4u);
}

TEST_CASE("JSON Lines on standard input, as a map step pipes them: the same results as the file") {
  REQUIRE_EQ(std::system((std::string(ZENGSHOU_BENCH) + " --roster 5 > " + tmp + "/roster-5.json").c_str()), 0);
  std::ifstream in(tmp + "/roster-5.json");
  std::string lines;
  for (const json& h : json::parse(in)) lines += h.dump() + "\n";
  std::ofstream(tmp + "/roster-5.jsonl") << lines;
  const auto piped = run_cli("batch --format csv -", lines);
  const auto file = run_cli("batch --format csv " + tmp + "/roster-5.jsonl");
  CHECK_EQ(piped.status, 0);
  CHECK_EQ(piped.err, "");
  CHECK_EQ(lines_of(piped.out).size(), 6u);
  CHECK_EQ(piped.out, file.out);
  // A household's problem on a line: named by its line.
  const auto bad = run_cli("batch -", lines + "{\"schema\":\"zengshou.household/1\",\"year\":\"x\"}\n");
  CHECK_EQ(bad.status, 2);
  CHECK(bad.err.starts_with("error: line 6"));
}

// Runs the real command-line program, as the CLI and bad-input tests do: its stdout, stderr and exit status.
#pragma once

#include <sys/wait.h>  // WEXITSTATUS

#include <array>    // read buffer
#include <cstdio>   // popen
#include <fstream>  // stdin and stderr files
#include <string>

namespace zengshou::test {

struct Run {
  int status;
  std::string out;
  std::string err;
};

// Runs `zengshou ARGS` (from the build) in `dir` (the assets folder unless told), with `input` on stdin.
inline Run run_cli(const std::string& args, const std::string& input = "", const std::string& dir = ZENGSHOU_ASSETS) {
  const std::string tmp = ZENGSHOU_TEST_TMP;
  std::ofstream(tmp + "/stdin.txt", std::ios::binary) << input;
  const std::string command =
      "cd " + dir + " && " ZENGSHOU_CLI " " + args + " < " + tmp + "/stdin.txt 2> " + tmp + "/stderr.txt";
  Run run{0, {}, {}};
  FILE* pipe = popen(command.c_str(), "r");
  std::array<char, 4096> buffer;
  size_t n = 0;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) run.out.append(buffer.data(), n);
  const int status = pclose(pipe);
  run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream err(tmp + "/stderr.txt");
  run.err.assign(std::istreambuf_iterator<char>(err), std::istreambuf_iterator<char>());
  return run;
}

}  // namespace zengshou::test

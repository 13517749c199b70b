// Text assets compiled into the program (assets/policies, assets/documents, assets/examples and assets/reforms), so
// every build carries the same files.
#pragma once

#include <string_view>  // names and contents
#include <vector>       // the list

namespace zengshou::core {

struct EmbeddedAsset {
  std::string_view name;  // path under its folder without ".json", e.g. "yunnan/changning"
  std::string_view text;  // the file's contents
};

const std::vector<EmbeddedAsset>& embedded_policy_files();
const std::vector<EmbeddedAsset>& embedded_document_files();  // the documents policies cite, e.g. "guofa-2014-8"
const std::vector<EmbeddedAsset>& embedded_example_files();   // example households, e.g. "changning-tuopin"
const std::vector<EmbeddedAsset>& embedded_reform_files();    // prepared scenarios, e.g. "1-post-1000"

}  // namespace zengshou::core

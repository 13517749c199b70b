// The program's version, from the top-level CMake project.
#pragma once

namespace zengshou::core {

const char* version();

}  // namespace zengshou::core

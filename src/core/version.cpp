#include "version.h"

namespace zengshou::core {

const char* version() { return ZENGSHOU_VERSION; }

}  // namespace zengshou::core

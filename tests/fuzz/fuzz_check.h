// What the fuzz targets share: a property that must hold whatever the input, checked in every build type.
#pragma once

#include <cstdio>   // fprintf
#include <cstdlib>  // abort

// libFuzzer reports an abort as a crash and keeps the input that caused it.
#define FUZZ_CHECK(condition)                                                         \
  do {                                                                                \
    if (!(condition)) {                                                               \
      std::fprintf(stderr, "%s:%d: fuzz property failed: %s\n", __FILE__, __LINE__, #condition); \
      std::abort();                                                                   \
    }                                                                                 \
  } while (0)

# The spreadsheet libraries (issue 18), from the Debian source packages scripts/setup unpacks under
# build/third_party, built the same way natively and for WebAssembly:
#   zlib (inflate, deflate) and its minizip (zip and unzip), expat (a streaming XML parser, for .xlsx) and
#   libxlsxwriter (writing .xlsx). An .xls is read by our own src/formats/xls_read.cpp.
# Included by CMakeLists.txt; defines the static library zengshou_spreadsheet_libraries.
set(ZLIB_DIR "${ZENGSHOU_THIRD_PARTY}/zlib")
set(EXPAT_DIR "${ZENGSHOU_THIRD_PARTY}/expat/expat")
set(XLSXWRITER_DIR "${ZENGSHOU_THIRD_PARTY}/libxlsxwriter")
foreach(dir ZLIB_DIR EXPAT_DIR XLSXWRITER_DIR)
  if(NOT EXISTS "${${dir}}")
    message(FATAL_ERROR "${${dir}} is missing: run scripts/setup")
  endif()
endforeach()

# Configuration headers the upstream builds would generate, and "minizip/…" as libxlsxwriter includes it.
set(SPREADSHEET_CONFIG "${CMAKE_BINARY_DIR}/spreadsheet-config")
file(MAKE_DIRECTORY "${SPREADSHEET_CONFIG}")
if(EMSCRIPTEN)
  set(EXPAT_ENTROPY "#define XML_POOR_ENTROPY 1")  # the hash salt: no getrandom in the browser's libc
else()
  set(EXPAT_ENTROPY "#define HAVE_GETRANDOM 1")
endif()
file(WRITE "${SPREADSHEET_CONFIG}/expat_config.h.in"
  "#define BYTEORDER 1234\n#define XML_NS 1\n#define XML_CONTEXT_BYTES 1024\n#define HAVE_MEMMOVE 1\n${EXPAT_ENTROPY}\n")
configure_file("${SPREADSHEET_CONFIG}/expat_config.h.in" "${SPREADSHEET_CONFIG}/expat_config.h" COPYONLY)
file(CREATE_LINK "${ZLIB_DIR}/contrib/minizip" "${SPREADSHEET_CONFIG}/minizip" SYMBOLIC)

set(SPREADSHEET_SOURCES "")
foreach(f adler32 compress crc32 deflate infback inffast inflate inftrees trees uncompr zutil)
  list(APPEND SPREADSHEET_SOURCES "${ZLIB_DIR}/${f}.c")
endforeach()
list(APPEND SPREADSHEET_SOURCES "${ZLIB_DIR}/contrib/minizip/ioapi.c" "${ZLIB_DIR}/contrib/minizip/zip.c"
     "${ZLIB_DIR}/contrib/minizip/unzip.c")
foreach(f xmlparse xmlrole xmltok)
  list(APPEND SPREADSHEET_SOURCES "${EXPAT_DIR}/lib/${f}.c")
endforeach()
file(GLOB XLSXWRITER_SOURCES "${XLSXWRITER_DIR}/src/*.c")
list(APPEND SPREADSHEET_SOURCES ${XLSXWRITER_SOURCES})

add_library(zengshou_spreadsheet_libraries STATIC ${SPREADSHEET_SOURCES})
target_include_directories(zengshou_spreadsheet_libraries SYSTEM PUBLIC
  "${SPREADSHEET_CONFIG}" "${ZLIB_DIR}" "${ZLIB_DIR}/contrib/minizip" "${EXPAT_DIR}/lib"
  "${XLSXWRITER_DIR}/include")
target_compile_definitions(zengshou_spreadsheet_libraries PUBLIC
  HAVE_EXPAT_CONFIG_H XML_STATIC USE_SYSTEM_MINIZIP USE_STANDARD_TMPFILE USE_NO_MD5 NOCRYPT NOUNCRYPT
  USE_FILE32API _LARGEFILE64_SOURCE)
set_target_properties(zengshou_spreadsheet_libraries PROPERTIES C_STANDARD 99 POSITION_INDEPENDENT_CODE ON)
# Their own code, warnings and all, is not ours to fix.
target_compile_options(zengshou_spreadsheet_libraries PRIVATE -w)

# Stamps the web build: a build id from every file's SHA-256, written into the loader (the files' sizes too, for
# the progress it shows) and into the service worker (each file's hash, checked before a build is used offline).
# Run by the build after the web files are made:  cmake -DWEB_DIR=… -DSOURCE_DIR=… -P stamp_web.cmake
set(files index.html zengshou.js zengshou.wasm zengshou-ui-font.ttf zengshou-font.ttf manifest.webmanifest
    icon-192.png icon-512.png zengshou-store.js zengshou-files.js zengshou-files.wasm)
set(all "")
set(sizes "")
foreach(f ${files})
  file(SHA256 "${WEB_DIR}/${f}" hash)
  file(SIZE "${WEB_DIR}/${f}" size)
  string(APPEND all "${f}:${hash};")
  string(APPEND sizes "\"${f}\": ${size}, ")
endforeach()
file(SHA256 "${SOURCE_DIR}/web/zengshou-loader.js" loader_source)
file(SHA256 "${SOURCE_DIR}/web/sw.js" sw_source)
string(SHA256 build "${all}${loader_source}${sw_source}")
string(SUBSTRING "${build}" 0 12 build)

# Writes only what changed, so an unchanged build keeps its files' dates.
function(write_if_changed path content)
  if(EXISTS "${path}")
    file(READ "${path}" old)
    if(old STREQUAL content)
      return()
    endif()
  endif()
  file(WRITE "${path}" "${content}")
endfunction()

file(READ "${SOURCE_DIR}/web/zengshou-loader.js" loader)
string(REPLACE "@BUILD@" "${build}" loader "${loader}")
string(REGEX REPLACE ", $" "" sizes "${sizes}")
string(REPLACE "@SIZES@" "{ ${sizes} }" loader "${loader}")
write_if_changed("${WEB_DIR}/zengshou-loader.js" "${loader}")

set(hashes "")
foreach(f ${files} zengshou-loader.js)
  file(SHA256 "${WEB_DIR}/${f}" hash)
  string(APPEND hashes "\n  '${f}': '${hash}',")
endforeach()
file(READ "${SOURCE_DIR}/web/sw.js" sw)
string(REPLACE "@BUILD@" "${build}" sw "${sw}")
string(REPLACE "@FILES@" "{${hashes}\n}" sw "${sw}")
write_if_changed("${WEB_DIR}/sw.js" "${sw}")

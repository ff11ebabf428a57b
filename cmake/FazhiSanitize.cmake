# With FAZHI_SANITIZE every target is built and linked with ASan and UBSan, and
# UBSan findings abort so that ctest sees them as failures. LeakSanitizer comes
# with ASan and stays on.
#
# FAZHI_SANITIZE_LINK_FLAGS: how a program linking the sanitized libfazhi.so
# is linked (also the install_consumer test's programs). With Clang, a C
# program needs more: Clang's C driver links the C parts of the sanitizer
# runtime only, while libfazhi.so's C++ checks (vptr, function) call into its
# C++ parts, which in turn need libstdc++ named on the command line.
if(FAZHI_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=undefined
                      -fno-omit-frame-pointer)
  set(FAZHI_SANITIZE_LINK_FLAGS -fsanitize=address,undefined)
  if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    list(APPEND FAZHI_SANITIZE_LINK_FLAGS -fsanitize-link-c++-runtime -lstdc++)
  endif()
  add_link_options(${FAZHI_SANITIZE_LINK_FLAGS})
endif()

# fazhi_sanitizer_preload(<var>): for a test that loads the sanitized
# libfazhi.so into an interpreter built without sanitizers (python3, mono),
# sets <var> to the environment it needs: the sanitizer runtimes preloaded
# (they must come first in the process), and ASan told to leave the
# interpreter's own leaks and signal handlers alone. Empty without
# FAZHI_SANITIZE, or when the compiler cannot name its runtimes (the caller
# then skips such tests).
#
# GCC's runtimes are libasan.so and libubsan.so. Clang's are its own (its
# instrumentation must meet the runtime of the same release, and
# `clang++ -print-file-name=libasan.so` would name GCC's): one shared ASan
# runtime, libclang_rt.asan-<arch>.so, which holds the UBSan handlers too.
function(fazhi_sanitizer_preload out_var)
  set(${out_var} "" PARENT_SCOPE)
  if(NOT FAZHI_SANITIZE)
    return()
  endif()
  if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    set(_runtimes "libclang_rt.asan-${CMAKE_SYSTEM_PROCESSOR}.so")
  else()
    set(_runtimes libasan.so libubsan.so)
  endif()
  set(_paths "")
  foreach(_runtime ${_runtimes})
    execute_process(COMMAND ${CMAKE_CXX_COMPILER} -print-file-name=${_runtime}
                    OUTPUT_VARIABLE _path OUTPUT_STRIP_TRAILING_WHITESPACE)
    if(NOT IS_ABSOLUTE "${_path}" OR NOT EXISTS "${_path}")
      return()
    endif()
    list(APPEND _paths "${_path}")
  endforeach()
  string(REPLACE ";" ":" _preload "${_paths}")
  set(${out_var}
    "LD_PRELOAD=${_preload}"
    "ASAN_OPTIONS=detect_leaks=0:handle_segv=0:handle_sigbus=0:handle_sigill=0:allow_user_segv_handler=1:use_sigaltstack=0"
    PARENT_SCOPE)
endfunction()

# With FAZHI_SANITIZE every target is built and linked with ASan and UBSan, and
# UBSan findings abort so that ctest sees them as failures.
if(FAZHI_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=undefined
                      -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()

# fazhi_sanitizer_preload(<var>): for a test that loads the sanitized
# libfazhi.so into an interpreter built without sanitizers (python3, mono),
# sets <var> to the environment it needs: the ASan and UBSan runtimes
# preloaded (they must come first in the process), and ASan told to leave the
# interpreter's own leaks and signal handlers alone. Empty without
# FAZHI_SANITIZE, or when the compiler cannot name its runtimes (the caller
# then skips such tests).
function(fazhi_sanitizer_preload out_var)
  set(${out_var} "" PARENT_SCOPE)
  if(NOT FAZHI_SANITIZE)
    return()
  endif()
  execute_process(COMMAND ${CMAKE_CXX_COMPILER} -print-file-name=libasan.so
                  OUTPUT_VARIABLE _asan OUTPUT_STRIP_TRAILING_WHITESPACE)
  execute_process(COMMAND ${CMAKE_CXX_COMPILER} -print-file-name=libubsan.so
                  OUTPUT_VARIABLE _ubsan OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(NOT IS_ABSOLUTE "${_asan}" OR NOT EXISTS "${_asan}" OR
     NOT IS_ABSOLUTE "${_ubsan}" OR NOT EXISTS "${_ubsan}")
    return()
  endif()
  set(${out_var}
    "LD_PRELOAD=${_asan}:${_ubsan}"
    "ASAN_OPTIONS=detect_leaks=0:handle_segv=0:handle_sigbus=0:handle_sigill=0:allow_user_segv_handler=1:use_sigaltstack=0"
    PARENT_SCOPE)
endfunction()

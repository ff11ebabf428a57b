# With FAZHI_FUZZ the libFuzzer harnesses of tests/fuzz are built and
# registered with ctest (label fuzz). libFuzzer is Clang's, so the option
# needs Clang; it is meant to go with FAZHI_SANITIZE, so that a harness stops
# at the first memory error or undefined behaviour as well as at a broken
# invariant (CI builds both in one build: .ci/run).
#
# The library is compiled with -fsanitize=fuzzer-no-link: coverage counters
# and comparison hooks that guide the fuzzer, without libFuzzer's main. Only
# the library, not the other tests: in a program not linked with libFuzzer
# the hooks are the sanitizer runtime's empty defaults, a cost the other
# tests of the same build pay only inside the library.
#
# FAZHI_FUZZ_SECONDS: how long ctest runs each harness (a short fixed time in
# CI; set it to hours for a long run, or use tests/fuzz/run_fuzzer.sh).
if(FAZHI_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang" OR NOT CMAKE_C_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "FAZHI_FUZZ needs Clang (libFuzzer): "
                        "CC=clang CXX=clang++ cmake ... -DFAZHI_FUZZ=ON")
  endif()
  if(NOT FAZHI_BUILD_TESTS)
    message(FATAL_ERROR "FAZHI_FUZZ needs FAZHI_BUILD_TESTS (the harnesses are tests)")
  endif()
  set(FAZHI_FUZZ_SECONDS 60 CACHE STRING
      "Seconds ctest runs each fuzz harness (FAZHI_FUZZ)")
endif()

# fazhi_fuzz_coverage(target): compiles `target` with libFuzzer's coverage.
function(fazhi_fuzz_coverage target)
  target_compile_options(${target} PRIVATE -fsanitize=fuzzer-no-link)
endfunction()

# With FAZHI_SANITIZE every target is built and linked with ASan and UBSan, and
# UBSan findings abort so that ctest sees them as failures.
if(FAZHI_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=undefined
                      -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()

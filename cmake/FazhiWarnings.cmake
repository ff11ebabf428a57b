# fazhi_warnings(target): the project's warning set, errors when FAZHI_WERROR.
function(fazhi_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
  if(FAZHI_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

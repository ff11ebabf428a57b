# Install rules: what `cmake --install` puts under the prefix, so that both
# `find_package(fazhi CONFIG)` and `pkg-config fazhi` work afterwards.
#
#   lib/libfazhi.so.X.Y.Z, libfazhi.so.X -> ..., libfazhi.so -> ...  (fazhi::fazhi)
#   lib/libfazhi-core.a                                               (fazhi::core)
#   include/fazhi/fazhi.h                                             the C ABI
#   include/fazhi/*.hpp                                               the C++ API
#   lib/cmake/fazhi/fazhi{Config,ConfigVersion,Targets*}.cmake
#   lib/pkgconfig/fazhi.pc                                            the C ABI only
#   bin/fazhi                                                         when built
#
# ("lib" is CMAKE_INSTALL_LIBDIR: lib/x86_64-linux-gnu for a /usr prefix on
# Debian.) Components: fazhi_runtime (the shared library's real file and its
# SONAME link, the command) and fazhi_development (everything else);
# a plain `cmake --install` installs both.
#
# Included from the top-level CMakeLists.txt after src/, capi/ and src/cli/.

include(CMakePackageConfigHelpers)

set(FAZHI_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/fazhi"
    CACHE STRING "Where fazhiConfig.cmake is installed, relative to the prefix")
mark_as_advanced(FAZHI_INSTALL_CMAKEDIR)

# fazhi::core's headers use C++17 (std::optional, std::string_view): say so in
# its usage requirements, so that an installed consumer gets -std=c++17 too.
# (It belongs next to add_library(fazhi_core) in src/CMakeLists.txt; it lives
# here because it is a promise of the installed package.)

# --- Libraries ---------------------------------------------------------------
# Two export sets, so that a C program needs none of the C++ packages:
#   fazhiTargets      fazhi::fazhi, libfazhi.so: the C ABI. Its C++
#                     dependencies are inside it (fazhi_core, SQLiteCpp) or
#                     in its DT_NEEDED (libspdlog, libsqlite3, libcrypto,
#                     libzip, libpugixml), so its link interface is empty.
#   fazhiCoreTargets  fazhi::core, libfazhi-core.a: the C++ API. It is static:
#                     its PRIVATE link dependencies appear in its exported
#                     INTERFACE_LINK_LIBRARIES as $<LINK_ONLY:...>: SQLiteCpp,
#                     SQLite::SQLite3, spdlog::spdlog, OpenSSL::Crypto,
#                     Threads::Threads, PkgConfig::LIBZIP and pugixml::pugixml,
#                     imported targets of other packages
#                     that fazhiConfig.cmake finds before it loads this set.
install(TARGETS fazhi
  EXPORT fazhiTargets
  LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}"
          COMPONENT fazhi_runtime
          NAMELINK_COMPONENT fazhi_development
  RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}"
          COMPONENT fazhi_runtime)
install(TARGETS fazhi_core
  EXPORT fazhiCoreTargets
  ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}"
          COMPONENT fazhi_development)
# (No INCLUDES DESTINATION: both targets already name their installed include
# directory with $<INSTALL_INTERFACE:...>.)

# --- Headers -----------------------------------------------------------------
install(FILES "${PROJECT_SOURCE_DIR}/capi/fazhi/fazhi.h"
  DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/fazhi"
  COMPONENT fazhi_development)
install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/fazhi/"
  DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/fazhi"
  COMPONENT fazhi_development
  FILES_MATCHING PATTERN "*.hpp")

# --- CMake package -----------------------------------------------------------
install(EXPORT fazhiTargets
  NAMESPACE fazhi::
  FILE fazhiTargets.cmake
  DESTINATION "${FAZHI_INSTALL_CMAKEDIR}"
  COMPONENT fazhi_development)
install(EXPORT fazhiCoreTargets
  NAMESPACE fazhi::
  FILE fazhiCoreTargets.cmake
  DESTINATION "${FAZHI_INSTALL_CMAKEDIR}"
  COMPONENT fazhi_development)

# The versions the package was built against; fazhiConfig.cmake asks for the
# same minimums (what the top-level CMakeLists.txt requires).
set(FAZHI_BOOST_MIN_VERSION 1.74)
set(FAZHI_NLOHMANN_JSON_MIN_VERSION 3.10)
configure_package_config_file(
  "${CMAKE_CURRENT_LIST_DIR}/fazhiConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/fazhiConfig.cmake"
  INSTALL_DESTINATION "${FAZHI_INSTALL_CMAKEDIR}")
write_basic_package_version_file(
  "${PROJECT_BINARY_DIR}/fazhiConfigVersion.cmake"
  VERSION "${PROJECT_VERSION}"
  COMPATIBILITY SameMajorVersion)
install(FILES
  "${PROJECT_BINARY_DIR}/fazhiConfig.cmake"
  "${PROJECT_BINARY_DIR}/fazhiConfigVersion.cmake"
  DESTINATION "${FAZHI_INSTALL_CMAKEDIR}"
  COMPONENT fazhi_development)

# --- pkg-config --------------------------------------------------------------
# fazhi.pc is written at install time, not configure time: `cmake --install
# build --prefix P` must give a fazhi.pc that points into P, not into the
# CMAKE_INSTALL_PREFIX of the configure step. (DESTDIR is honoured by
# file(INSTALL); the paths written into the file stay those of the prefix.)
set(_fazhi_pc_in "${CMAKE_CURRENT_LIST_DIR}/fazhi.pc.in")
set(_fazhi_pc_out "${PROJECT_BINARY_DIR}/pkgconfig/fazhi.pc")
install(CODE "
  set(PROJECT_NAME [[${PROJECT_NAME}]])
  set(PROJECT_VERSION [[${PROJECT_VERSION}]])
  set(PROJECT_DESCRIPTION [[${PROJECT_DESCRIPTION}]])
  set(FAZHI_PC_PREFIX \"\${CMAKE_INSTALL_PREFIX}\")
  if(IS_ABSOLUTE [[${CMAKE_INSTALL_LIBDIR}]])
    set(FAZHI_PC_LIBDIR [[${CMAKE_INSTALL_LIBDIR}]])
  else()
    set(FAZHI_PC_LIBDIR [[\${prefix}/${CMAKE_INSTALL_LIBDIR}]])
  endif()
  if(IS_ABSOLUTE [[${CMAKE_INSTALL_INCLUDEDIR}]])
    set(FAZHI_PC_INCLUDEDIR [[${CMAKE_INSTALL_INCLUDEDIR}]])
  else()
    set(FAZHI_PC_INCLUDEDIR [[\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}]])
  endif()
  configure_file([[${_fazhi_pc_in}]] [[${_fazhi_pc_out}]] @ONLY)
  file(INSTALL DESTINATION \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_LIBDIR}/pkgconfig\"
       TYPE FILE FILES [[${_fazhi_pc_out}]])
" COMPONENT fazhi_development)
unset(_fazhi_pc_in)
unset(_fazhi_pc_out)

# --- The fazhi command -------------------------------------------------------
# src/cli is added before this file is included, so the target exists when
# FAZHI_BUILD_CLI is on. It links libfazhi.so from the lib directory next to
# bin, so the installed command finds it wherever the prefix is.
if(TARGET fazhi_cli)
  get_target_property(_fazhi_cli_rpath fazhi_cli INSTALL_RPATH)
  if(NOT _fazhi_cli_rpath AND NOT IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
    file(RELATIVE_PATH _fazhi_bin_to_lib
      "/prefix/${CMAKE_INSTALL_BINDIR}" "/prefix/${CMAKE_INSTALL_LIBDIR}")
    set_target_properties(fazhi_cli PROPERTIES
      INSTALL_RPATH "$ORIGIN/${_fazhi_bin_to_lib}")
    unset(_fazhi_bin_to_lib)
  endif()
  unset(_fazhi_cli_rpath)
  install(TARGETS fazhi_cli
    RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}"
    COMPONENT fazhi_runtime)
endif()

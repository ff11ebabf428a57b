#!/usr/bin/env bash
# install_consumer: installs a built fazhi into a temporary prefix and builds
# programs against the installed tree only, the two ways a host project does:
#
#   1. CMake: find_package(fazhi CONFIG REQUIRED) with CMAKE_PREFIX_PATH=<prefix>,
#      a C program on fazhi::fazhi and a C++ program on fazhi::core;
#   2. pkg-config: cc $(pkg-config --cflags --libs fazhi) for the C program;
#   3. a C-only CMake project (consumer_c/: project(... C)) with every C++
#      package fazhi::core needs made unfindable, on fazhi::fazhi; and a C++
#      project asking for COMPONENTS core without spdlog, which must fail
#      naming it (consumer_core/);
#
# then runs all three with LD_LIBRARY_PATH=<prefix>/<libdir>. It also checks the
# installed layout (library name links, headers, package files), that no
# installed package file points back into the source or build tree, and, when
# the fazhi command was built, that the installed one runs without
# LD_LIBRARY_PATH.
#
# Usage: install_consumer.sh BUILD_DIR CONSUMER_SOURCE_DIR [name=value...]
#   cmake=PATH  cc=PATH  cxx=PATH  generator=NAME  version=X.Y.Z
#   libdir=lib  includedir=include  source_dir=PATH  flags="-fsanitize=..."
#   link_flags="-fsanitize=..." (for linking only; default: flags)
# (tests/package/CMakeLists.txt passes all of them.) The temporary prefix is
# removed on success and kept, with its path printed, on failure.
set -euo pipefail

if [[ $# -lt 2 ]]; then
  echo "usage: $0 BUILD_DIR CONSUMER_SOURCE_DIR [name=value...]" >&2
  exit 2
fi
build=$(cd "$1" && pwd)
consumer=$(cd "$2" && pwd)
shift 2
cmake=cmake cc=cc cxx=c++ generator="" version="" libdir=lib includedir=include
source_dir="" flags="" link_flags=unset
for arg in "$@"; do
  case $arg in
    cmake=*|cc=*|cxx=*|generator=*|version=*|libdir=*|includedir=*|source_dir=*|flags=*|link_flags=*)
      declare "${arg%%=*}=${arg#*=}" ;;
    *) echo "$0: unknown argument $arg" >&2; exit 2 ;;
  esac
done

work=$(mktemp -d "${TMPDIR:-/tmp}/fazhi-install-consumer.XXXXXX")
finish() {
  local rc=$?
  if [[ $rc -eq 0 ]]; then rm -rf "$work"; else echo "install_consumer: FAILED; files kept in $work" >&2; fi
}
trap finish EXIT

prefix=$work/prefix
lib=$prefix/$libdir
step() { echo; echo "== $*"; }
die() { echo "install_consumer: $*" >&2; exit 1; }

step "cmake --install $build --prefix $prefix"
"$cmake" --install "$build" --prefix "$prefix" > "$work/install.log" \
  || { cat "$work/install.log"; die "cmake --install failed"; }
(cd "$prefix" && find . \( -type f -o -type l \) | sort)

step "installed layout"
[[ -n $version ]] || die "version= not given"
major=${version%%.*}
[[ -f $lib/libfazhi.so.$version && ! -L $lib/libfazhi.so.$version ]] \
  || die "missing $lib/libfazhi.so.$version"
[[ $(readlink "$lib/libfazhi.so.$major") == "libfazhi.so.$version" ]] \
  || die "libfazhi.so.$major is not a link to libfazhi.so.$version"
[[ $(readlink "$lib/libfazhi.so") == "libfazhi.so.$major" ]] \
  || die "libfazhi.so (namelink) is not a link to libfazhi.so.$major"
for f in "$lib/libfazhi-core.a" \
         "$prefix/$includedir/fazhi/fazhi.h" \
         "$prefix/$includedir/fazhi/database.hpp" \
         "$prefix/$includedir/fazhi/fazhi.hpp" \
         "$lib/cmake/fazhi/fazhiConfig.cmake" \
         "$lib/cmake/fazhi/fazhiConfigVersion.cmake" \
         "$lib/cmake/fazhi/fazhiTargets.cmake" \
         "$lib/pkgconfig/fazhi.pc"; do
  [[ -f $f ]] || die "missing $f"
done
# An installed package must not depend on the trees it was built from.
for tree in "$build" ${source_dir:+"$source_dir"}; do
  if grep -rlF -- "$tree" "$lib/cmake/fazhi" "$lib/pkgconfig"; then
    die "the files above refer to $tree"
  fi
done
echo "ok"

# Sanitizer builds: the consumer must be built and linked the same way.
[[ $link_flags == unset ]] && link_flags=$flags
read -r -a extra_flags <<< "$flags"
read -r -a extra_link_flags <<< "$link_flags"

step "CMake consumer: find_package(fazhi CONFIG REQUIRED)"
gen_args=()
[[ -n $generator ]] && gen_args=(-G "$generator")
"$cmake" -S "$consumer" -B "$work/cmake-build" "${gen_args[@]}" \
  -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF \
  -DCMAKE_C_COMPILER="$cc" -DCMAKE_CXX_COMPILER="$cxx" \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_FLAGS="$flags" -DCMAKE_CXX_FLAGS="$flags" \
  -DCMAKE_EXE_LINKER_FLAGS="$link_flags"
found=$(sed -n 's/^fazhi_DIR:PATH=//p' "$work/cmake-build/CMakeCache.txt")
[[ $found == "$lib/cmake/fazhi" ]] || die "found fazhi in '$found', not in $lib/cmake/fazhi"
"$cmake" --build "$work/cmake-build"

step "run the CMake-built programs"
out=$(LD_LIBRARY_PATH="$lib" "$work/cmake-build/c_consumer")
echo "$out"
[[ $out == "c_consumer ok $version" ]] || die "c_consumer printed '$out'"
out=$(LD_LIBRARY_PATH="$lib" "$work/cmake-build/cpp_consumer")
echo "$out"
[[ $out == "cpp_consumer ok "* ]] || die "cpp_consumer printed '$out'"

step "C-only CMake consumer: project(... C), find_package(fazhi), fazhi::fazhi"
# Every C++ package fazhi::core needs is made unfindable: a C project must
# not look for them (and could not use Boost's package files without C++).
disabled=()
for p in Boost nlohmann_json SQLite3 SQLiteCpp spdlog OpenSSL Threads; do
  disabled+=("-DCMAKE_DISABLE_FIND_PACKAGE_$p=ON")
done
"$cmake" -S "$(dirname "$consumer")/consumer_c" -B "$work/c-only-build" "${gen_args[@]}" \
  -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF \
  -DCMAKE_C_COMPILER="$cc" \
  -DCMAKE_C_FLAGS="$flags" \
  -DCMAKE_EXE_LINKER_FLAGS="$link_flags" \
  "${disabled[@]}"
"$cmake" --build "$work/c-only-build"
out=$(LD_LIBRARY_PATH="$lib" "$work/c-only-build/c_only_consumer")
echo "$out"
[[ $out == "c_consumer ok $version" ]] || die "c_only_consumer printed '$out'"

step "COMPONENTS core with spdlog unfindable: configuring fails naming spdlog"
if "$cmake" -S "$(dirname "$consumer")/consumer_core" -B "$work/core-build" "${gen_args[@]}" \
     -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF \
     -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_DISABLE_FIND_PACKAGE_spdlog=ON \
     > "$work/core-build.log" 2>&1; then
  cat "$work/core-build.log"
  die "find_package(fazhi COMPONENTS core) succeeded without spdlog"
fi
grep -q "spdlog" "$work/core-build.log" || { cat "$work/core-build.log"; die "the failure does not name spdlog"; }
echo "refused, naming spdlog"

step "pkg-config consumer: cc \$(pkg-config --cflags --libs fazhi)"
export PKG_CONFIG_PATH="$lib/pkgconfig"
pc_version=$(pkg-config --modversion fazhi)
[[ $pc_version == "$version" ]] || die "pkg-config says version $pc_version"
pc_flags=$(pkg-config --cflags --libs fazhi)
echo "pkg-config --cflags --libs fazhi: $pc_flags"
read -r -a pc_args <<< "$pc_flags"
"$cc" -std=c99 -pedantic -Wall -Wextra -Werror "${extra_flags[@]}" \
  -o "$work/c_consumer_pc" "$consumer/c_consumer.c" "${pc_args[@]}" "${extra_link_flags[@]}"
# The dynamic loader must pick the installed library, not one of the build.
LD_LIBRARY_PATH="$lib" ldd "$work/c_consumer_pc" | grep -F "libfazhi.so.$major => $lib/" \
  || die "c_consumer_pc does not load $lib/libfazhi.so.$major"
out=$(LD_LIBRARY_PATH="$lib" "$work/c_consumer_pc")
echo "$out"
[[ $out == "c_consumer ok $version" ]] || die "c_consumer (pkg-config) printed '$out'"

# The fazhi command, when it was built: it must find the installed library by
# itself (its RUNPATH is $ORIGIN/../<libdir>), without LD_LIBRARY_PATH.
if [[ -e $prefix/bin/fazhi ]]; then
  step "installed command: $prefix/bin/fazhi --version"
  loaded=$(env -u LD_LIBRARY_PATH ldd "$prefix/bin/fazhi" \
           | sed -n "s|^[[:space:]]*libfazhi\.so\.$major => \([^ ]*\) .*|\1|p")
  echo "libfazhi.so.$major => $loaded"
  [[ -n $loaded && $(readlink -f "$loaded") == $(readlink -f "$lib/libfazhi.so.$major") ]] \
    || die "bin/fazhi does not load $lib/libfazhi.so.$major"
  out=$(env -u LD_LIBRARY_PATH "$prefix/bin/fazhi" --version)
  echo "$out"
  [[ $out == *"$version"* ]] || die "fazhi --version printed '$out'"
fi

echo
echo "install_consumer: ok"

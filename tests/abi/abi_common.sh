# Sourced by check_abi.sh and refresh_baseline.sh: how an ABI description of
# libfazhi.so is made, so the baseline and the check always agree.
#
# fazhi_abidw ABIDW LIBRARY HEADERS_DIR SOURCE_DIR BUILD_DIR OUT
#   Writes OUT: the ABI of LIBRARY restricted to what the public C header
#   declares, with nothing that changes between machines or checkouts:
#     --exported-interfaces-only  only the exported fz_* functions and the
#                             types they use; libfazhi.so also carries the
#                             debug information of all of fazhi::core, whose
#                             C++ internals are no part of the ABI
#     --headers-dir           types not defined in capi/fazhi/ are private ...
#     --drop-private-types    ... and left out (e.g. struct fz_db's members, the
#                             C++ types of fazhi::core linked into the library)
#     --drop-undefined-syms   libstdc++/SQLite imports are not our ABI
#     --no-elf-needed         DT_NEEDED changes with Debian's library versions
#     --no-corpus-path --no-comp-dir-path --no-show-locs, and the source and
#     build directories stripped from compilation-unit paths: no absolute paths
#     --type-id-style hash    ids that do not renumber when a type is added
fazhi_abidw() {
  local abidw=$1 library=$2 headers=$3 source_dir=$4 build_dir=$5 out=$6
  "$abidw" --no-corpus-path --no-comp-dir-path --no-show-locs --no-elf-needed \
    --exported-interfaces-only --type-id-style hash \
    --drop-private-types --drop-undefined-syms \
    --headers-dir "$headers" "$library" > "$out.tmp" || return
  sed -e "s|path='$source_dir/|path='|g" -e "s|path='$build_dir/|path='|g" \
    "$out.tmp" > "$out" && rm -f "$out.tmp"
}

# fazhi_abi_check_names FILE
#   Fails (and lists them) when FILE declares an exported function, variable or
#   symbol that is not fz_*: libfazhi.so exports the C ABI and nothing else.
fazhi_abi_check_names() {
  local bad
  bad=$(grep -oE "<(elf-symbol|function-decl|var-decl) name='[^']*'[^>]*(elf-symbol-id|is-defined)" "$1" \
        | grep -oE "name='[^']*'" | grep -v "name='fz_" || true)
  if [[ -n $bad ]]; then
    echo "exported names that are not fz_*:" >&2
    echo "$bad" >&2
    return 1
  fi
}

# fazhi_abi_count_functions FILE: number of functions described with types.
fazhi_abi_count_functions() {
  grep -c "<function-decl " "$1" || true
}

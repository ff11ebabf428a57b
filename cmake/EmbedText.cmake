# Script mode: cmake -DINPUT=file -DOUTPUT=file.cpp -DSYMBOL=name -P EmbedText.cmake
# Writes a C++ source that defines `extern const std::string_view
# fazhi::data::SYMBOL` holding the bytes of INPUT, so data files are compiled
# into the library instead of read at run time from wherever the build was.
file(READ "${INPUT}" hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n" bytes "${bytes}")
file(WRITE "${OUTPUT}" "// Generated from ${INPUT_NAME} by cmake/EmbedText.cmake; do not edit.\n#include <cstddef>\n#include <string_view>\nnamespace fazhi::data {\nnamespace {\nconst unsigned char bytes[] = {\n${bytes}0x00};\n}  // namespace\nextern const std::string_view ${SYMBOL};\nconst std::string_view ${SYMBOL}(reinterpret_cast<const char*>(bytes), sizeof(bytes) - 1);\n}  // namespace fazhi::data\n")

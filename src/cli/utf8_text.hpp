// UTF-8 text as a terminal shows it.
//
// Column width, for aligning tables that mix Chinese and ASCII: a Han
// character takes two columns, std::setw counts bytes (three per Han
// character), and wcwidth() depends on a UTF-8 locale being set, which
// containers often lack, so the command measures itself.
//
// Validity, to recognise the commonest Chinese-desktop mistake: a file saved
// as GBK ("ANSI" in Windows Notepad) instead of UTF-8.
#ifndef FAZHI_CLI_UTF8_TEXT_HPP
#define FAZHI_CLI_UTF8_TEXT_HPP

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace fazhi::cli {

// Columns the text occupies: 2 for East Asian wide and fullwidth characters,
// 0 for combining marks and controls, 1 otherwise (including invalid bytes).
std::size_t display_width(std::string_view utf8);

// The text followed by spaces up to `columns` display columns.
std::string pad_right(std::string_view utf8, std::size_t columns);

// Rows laid out in columns, each padded to its widest cell's display width
// plus two spaces, one line per row, no trailing spaces.
std::string columns(const std::vector<std::vector<std::string>>& rows);

// True when text is well-formed UTF-8 (no stray bytes, no truncated sequence).
bool is_valid_utf8(std::string_view text);

}  // namespace fazhi::cli

#endif  // FAZHI_CLI_UTF8_TEXT_HPP

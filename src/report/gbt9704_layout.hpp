// gbt9704_layout.hpp — the page of a 公文 as GB/T 9704-2012 (党政机关公文格式)
// fixes it, in the units Word documents use: twips (1/20 point, 1/1440 inch)
// for the page, half-points for font sizes, EMU (1/914400 inch) for drawings.
//
// From the standard:
//   5.2.1 paper A4, 210 mm x 297 mm;
//   5.2.2 天头 (top margin) 37 mm, 订口 (left margin) 28 mm, 版心 (text
//         block) 156 mm x 225 mm — so the bottom margin is 297-37-225 = 35 mm
//         and the right one 210-28-156 = 26 mm;
//   5.2.3 22 lines of 28 characters a page, filling the 版心;
//   6.3   text in 3号 仿宋 unless said otherwise (3号 = 16 pt);
//   7.2   the title in 2号 小标宋 (22 pt), centred;
//   7.3.3 headings of the first level ("一、") in 黑体, the second ("（一）")
//         in 楷体, the third and fourth in 仿宋; every paragraph indented two
//         characters;
//   7.5   page numbers in 4号 (14 pt) 宋体 Arabic numerals with a 一字线 on
//         each side ("— 1 —"), the dash line 7 mm below the 版心; odd pages'
//         number one character from the right, even pages' one from the left;
//   7.3.5 the issuer two characters from the right, a line left blank after
//         the text, the date under it starting two characters to the right of
//         the issuer (阿拉伯数字, "2023年1月15日").
#pragma once

namespace fazhi::report::gbt9704 {

inline constexpr double kTwipsPerMm = 1440.0 / 25.4;
inline constexpr int mm_to_twips(double mm) { return static_cast<int>(mm * kTwipsPerMm + 0.5); }
inline constexpr long long mm_to_emu(double mm) { return static_cast<long long>(mm * 36000 + 0.5); }

inline constexpr int kPageWidth = mm_to_twips(210);   // 11906
inline constexpr int kPageHeight = mm_to_twips(297);  // 16838
inline constexpr int kMarginTop = mm_to_twips(37);    // 2098
inline constexpr int kMarginBottom = mm_to_twips(35); // 1984
inline constexpr int kMarginLeft = mm_to_twips(28);   // 1587
inline constexpr int kMarginRight = mm_to_twips(26);  // 1474
inline constexpr int kTextWidth = kPageWidth - kMarginLeft - kMarginRight;    // 8845: 156 mm
inline constexpr int kTextHeight = kPageHeight - kMarginTop - kMarginBottom;  // 12756: 225 mm
inline constexpr double kTextWidthMm = 156;

// 22 lines in the 225 mm 版心: a fixed line pitch of 12756 / 22 = 579.8
// twips, taken down to 579 (28.95 pt) so that 22 lines (12738) fit.
inline constexpr int kLines = 22;
inline constexpr int kLinePitch = kTextHeight / kLines;  // 579

// 28 characters in the 156 mm line: at most 8845 / 28 = 315.9 twips
// (15.79 pt) a character, a little less than the 3号 font's 16 pt. Word's
// character grid (w:docGrid "linesAndChars") would squeeze them, but
// LibreOffice gives each character whole grid cells and so sets 18 a line.
// The characters are condensed instead, by whole twentieths of a point
// (w:spacing of the run): 16 - 0.25 = 15.75 pt, 28 x 15.75 = 441 pt within
// the 442.25 pt line, where 29 would need 15.25 — in Word, WPS and
// LibreOffice alike. The grid keeps its lines only ("lines").
inline constexpr int kCharsPerLine = 28;
inline constexpr double kCharPitch = static_cast<double>(kTextWidth) / kCharsPerLine;  // twips
// (315.9 - 320) / 1 twip = -4.1 twentieths, rounded away from zero: -5.
inline constexpr int kCharSpacing = static_cast<int>(kCharPitch - 320) - 1;  // -5
static_assert(kCharsPerLine * (320 + kCharSpacing) <= kTextWidth &&
                  (kCharsPerLine + 1) * (320 + kCharSpacing) > kTextWidth,
              "28 condensed characters fill the line, 29 do not fit");

// Font sizes in half-points (w:sz).
inline constexpr int k2hao = 44;  // 2号 22 pt: the title
inline constexpr int k3hao = 32;  // 3号 16 pt: the text and headings
inline constexpr int k4hao = 28;  // 4号 14 pt: page numbers
inline constexpr int kXiaosi = 24;  // 小四 12 pt: tables and chart labels

// The page number's line: 4号 on an exact 14 pt line whose top lies 7 mm
// below the 版心, so its foot is 35 - 7 - 4.94 = 23.06 mm above the page's
// bottom edge (w:footer, the distance from that edge to the footer's foot).
inline constexpr int kFooterLine = 280;  // 14 pt
inline constexpr int kFooterDistance = kMarginBottom - mm_to_twips(7) - kFooterLine;  // 1307

// The fonts, by the names Chinese offices' computers have them under (Word
// and WPS substitute a similar font where one is missing, LibreOffice too).
inline constexpr const char* kTitleFont = "方正小标宋简体";
inline constexpr const char* kBodyFont = "仿宋_GB2312";
inline constexpr const char* kHeading1Font = "黑体";
inline constexpr const char* kHeading2Font = "楷体_GB2312";
inline constexpr const char* kPageNumberFont = "宋体";

}  // namespace fazhi::report::gbt9704

// likely_names.hpp — finds what looks like a person's name in report text
// that no record holds: a name pasted into a narrative from last year's
// report ("成功化解了胡开堂信访积案") is not among the names fazhi masks, so a
// reviewer must be told before the report goes out.
//
// A name is recognised only where a report would name a person: a common
// surname (single, or compound such as 欧阳) and one or two more characters,
// right after a word that introduces a person (信访人, 当事人, 申请人, 群众,
// 帮助, 慰问, …) or right before a word that follows one (同志, 信访, 上访,
// 一案, 等人, …). Surname characters that mostly begin ordinary words in
// administrative Chinese (文, 安, 明, 全, 关, 解, 申, …) are left out of the
// list, so that 群众安全感 or 当事人申请执行 is not taken for a name; a
// candidate that runs into a place or body (阳新县, 张家湾村) is not a name.
// The check is a reviewer's aid, not a proof: it warns, and never masks.
//
// Simplified characters only, as the documents fazhi writes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace fazhi::report {

struct LikelyName {
  std::string name;     // e.g. "邢宏权"
  std::size_t offset;   // its byte offset in the text
  std::string context;  // up to 8 characters either side, with … where cut
};

// The likely personal names of `text` (valid UTF-8), in order, each
// position once. Names already masked (containing 某) are not reported.
// At most `limit` are returned. Linear in the text's length.
std::vector<LikelyName> likely_personal_names(std::string_view text, std::size_t limit = 100);

}  // namespace fazhi::report

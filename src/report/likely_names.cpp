#include "report/likely_names.hpp"

#include "utf8.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace fazhi::report {
namespace {

// Common single-character surnames (the two hundred or so most frequent),
// without those that mostly begin ordinary words in reports: 文 安 明 全 关
// 解 申 和 时 成 常 向 管 路 司 商 应 单 党 农 华 连 项 车 简 古 吉 米 宗
// 沙 查 麻 池 师 边 卫 宫 景 席 冷 费 卜 代 满 利 化 干 开 万 于 高 方 金 石
// 包 谷 曲 尚 符 苗 盛 甘 左 易 齐 康 武 温 洪 龙 白 江 田 段. A name with
// one of these surnames is missed; "高度重视" is not taken for one.
constexpr std::string_view kSurnames =
    "王李张刘陈杨黄赵吴周徐孙马胡朱郭何罗林郑梁谢宋唐许邓冯韩曹曾彭萧肖蔡潘"
    "董袁余叶蒋杜苏魏程吕丁沈任姚卢傅钟姜崔谭廖范汪陆戴贾韦夏邱侯邹熊孟秦"
    "阎薛尹雷史陶贺顾毛郝龚邵钱严赖覃莫孔汤施牛樊葛邢乔伍庞颜倪庄聂章鲁岳"
    "翟殷詹欧耿兰焦俞柳祝宁舒阮柯纪梅童凌毕季裴霍涂苑冉骆蓝辛靳柴蒙鲍喻祁"
    "蒲滕屈饶牟艾尤穆卓缪褚娄窦戚岑晏柏瞿桂佟臧闵苟邬卞姬仇栾隋刁荣巫寇"
    "桑郎甄丛仲虞敖巩佘迟邝黎";

constexpr std::array<std::string_view, 24> kCompoundSurnames = {
    "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙",
    "慕容", "令狐", "长孙", "宇文", "司徒", "夏侯", "轩辕", "端木",
    "独孤", "南宫", "西门", "百里", "呼延", "闻人", "申屠", "澹台"};

// Words after which a report names a person.
constexpr std::array<std::string_view, 22> kBefore = {
    "信访人", "信访群众", "上访人", "当事人", "申请人", "被申请人", "申诉人", "被执行人",
    "原告",   "被告",     "第三人", "群众",   "村民",   "居民",     "帮助",   "协助",
    "帮扶",   "走访",     "慰问",   "看望",   "来访人", "求助人"};

// Words that follow a person's name.
constexpr std::array<std::string_view, 9> kAfter = {"同志", "信访", "上访", "一案", "等人",
                                                    "夫妇", "家属", "老人", "来访"};

// Characters that are not part of a given name here: particles, measure
// words and words of quantity that follow a surname-like character.
constexpr std::string_view kNotInName =
    "的了和与及等在是为对向把被将从由于并也都就又多次已曾均所其该此各每年月日号件起人某"
    "们个名位等共约近余";

// Characters that, read forward after a surname and one more character,
// begin what the person did rather than a name: 张三反映, 李四称, 王五提出.
constexpr std::string_view kAfterName = "反称说表提要来到因经不请诉认希达推签领获交拒找递与同向";

// Characters that end the name of a place or a body (阳新县, 张家湾村).
// Not 办, 所, 会, 组 or 司: they as often begin what follows a name (办理,
// 所说, 会同, 组织, 司法).
constexpr std::string_view kPlaceEnd = "县市区镇乡村街委局厅院站队社省州旗厂矿校";

bool contains_char(std::string_view set, std::string_view ch) {
  for (std::size_t i = 0; i < set.size(); i += utf8_char_length(set, i))
    if (set.compare(i, utf8_char_length(set, i), ch) == 0) return true;
  return false;
}

// A character of CJK Unified Ideographs (U+4E00–U+9FFF): three bytes E4–E9.
bool is_han(std::string_view ch) {
  return ch.size() == 3 && static_cast<unsigned char>(ch[0]) >= 0xE4 &&
         static_cast<unsigned char>(ch[0]) <= 0xE9;
}

class Scan {
 public:
  explicit Scan(std::string_view text) : text_(text) {
    for (std::size_t i = 0; i < text.size(); i += utf8_char_length(text, i)) at_.push_back(i);
    at_.push_back(text.size());
  }

  std::size_t size() const { return at_.size() - 1; }
  std::string_view ch(std::size_t k) const { return text_.substr(at_[k], at_[k + 1] - at_[k]); }
  std::string_view span(std::size_t from, std::size_t to) const {
    return text_.substr(at_[from], at_[to] - at_[from]);
  }
  std::size_t offset(std::size_t k) const { return at_[k]; }
  // Whether `word` starts at character k; its length in characters if so.
  std::size_t word_at(std::size_t k, std::string_view word) const {
    if (text_.compare(at_[k], word.size(), word) != 0) return 0;
    return utf8_length(word);
  }

  // Characters of the surname starting at k (2 for 欧阳, 1 for 王), or 0.
  std::size_t surname_at(std::size_t k) const {
    for (std::string_view s : kCompoundSurnames)
      if (std::size_t n = word_at(k, s)) return n;
    return k < size() && contains_char(kSurnames, ch(k)) ? 1 : 0;
  }
  bool name_char(std::size_t k) const {
    return k < size() && is_han(ch(k)) && !contains_char(kNotInName, ch(k));
  }
  bool place_end(std::size_t k) const { return k < size() && contains_char(kPlaceEnd, ch(k)); }

  // A name starting at k, read forward: surname and one or two more
  // characters. Returns its end, or k when there is none.
  std::size_t name_from(std::size_t k) const {
    const std::size_t s = surname_at(k);
    if (s == 0) return k;
    std::size_t end = k + s;
    while (end < k + s + 2 && name_char(end) && !(end > k + s && contains_char(kAfterName, ch(end))))
      ++end;
    if (end == k + s || place_end(end - 1) || place_end(end)) return k;
    return end;
  }

  // A name ending at e (exclusive), read backward: the longest of surname
  // plus two, then plus one, characters. Returns its start, or e.
  std::size_t name_before(std::size_t e) const {
    for (std::size_t given = 2; given >= 1; --given) {
      for (std::size_t s = 2; s >= 1; --s) {
        if (e < given + s) continue;
        const std::size_t k = e - given - s;
        if (surname_at(k) != s) continue;
        bool ok = true;
        for (std::size_t j = k + s; j < e; ++j) ok = ok && name_char(j);
        if (ok && !place_end(e - 1)) return k;
      }
    }
    return e;
  }

  std::string context(std::size_t from, std::size_t to) const {
    const std::size_t a = from >= 8 ? from - 8 : 0, b = std::min(size(), to + 8);
    return std::string(a > 0 ? "…" : "") + std::string(span(a, b)) + (b < size() ? "…" : "");
  }

 private:
  std::string_view text_;
  std::vector<std::size_t> at_;  // byte offset of each character, then the end
};

}  // namespace

std::vector<LikelyName> likely_personal_names(std::string_view text, std::size_t limit) {
  std::vector<LikelyName> out;
  if (!is_valid_utf8(text)) return out;
  const Scan scan(text);
  std::size_t last_end = 0;  // names do not overlap: each position once
  auto add = [&](std::size_t from, std::size_t to) {
    if (from < last_end || out.size() >= limit) return;
    out.push_back({std::string(scan.span(from, to)), scan.offset(from), scan.context(from, to)});
    last_end = to;
  };
  for (std::size_t k = 0; k < scan.size() && out.size() < limit; ++k) {
    for (std::string_view w : kAfter)
      if (scan.word_at(k, w)) {
        const std::size_t from = scan.name_before(k);
        if (from < k) add(from, k);
        break;
      }
    for (std::string_view w : kBefore)
      if (const std::size_t n = scan.word_at(k, w)) {
        const std::size_t to = scan.name_from(k + n);
        if (to > k + n) add(k + n, to);
        break;
      }
  }
  return out;
}

}  // namespace fazhi::report

// normative_cleanup — 行政规范性文件清理: a campaign that reviews a body of
// normative documents and decides what becomes of each — kept (保留),
// amended (修改), repealed (废止) or declared invalid (宣布失效). A
// comprehensive cleanup (全面清理) covers every document in force; a special
// one (专项清理) those touching one subject (the Civil Code, the business
// environment, ...); reports quote the campaigns and the four totals.
//
// The record holds the campaign's totals as its result notice gives them.
// The four dispositions may together fall short of the documents reviewed
// (documents whose fate is still being decided, or a notice that gives some
// figures only) but never exceed them: kept + amended + repealed +
// declared_invalid <= reviewed, an absent count being 0.
#include "domain/kind.hpp"

#include <fazhi/error.hpp>

namespace fazhi::domain {
namespace {

constexpr const char* kDispositions[] = {"kept", "amended", "repealed", "declared_invalid"};

std::int64_t count(const json& v, const char* field) { return v.value(field, std::int64_t{0}); }

void validate(Context&, const json& v, std::optional<std::int64_t>) {
  if (count(v, "reviewed") < 0) throw Error(Status::argument, "reviewed", "must not be negative");
  std::string sum;
  for (const char* field : kDispositions) {
    if (count(v, field) < 0) throw Error(Status::argument, field, "must not be negative");
    sum += (sum.empty() ? "" : " + ") + std::to_string(count(v, field));
  }
  // Subtracted from what is left rather than summed: four counts near 2^63
  // would overflow a sum.
  std::int64_t left = count(v, "reviewed");
  for (const char* field : kDispositions) {
    if (count(v, field) > left)
      throw Error(Status::argument, "reviewed",
                  "is " + std::to_string(count(v, "reviewed")) +
                      ", fewer than the documents kept, amended, repealed and declared invalid (" + sum + ")");
    left -= count(v, field);
  }
}

Kind declare() {
  Kind k("normative_cleanup", "行政规范性文件清理");
  k.event_date_column = "date";
  k.fields = {
      ref("unit", "清理机关", "org_unit").req(),
      date("date", "清理完成日期").req(),
      code("scope", "清理类型", {{"comprehensive", "全面清理"}, {"special", "专项清理"}}).req(),
      text("title", "清理事项").req(),
      integer("reviewed", "清理文件数").req(),
      integer("kept", "保留"),
      integer("amended", "修改"),
      integer("repealed", "废止"),
      integer("declared_invalid", "宣布失效"),
  };
  k.validate = validate;
  const Dating dated = by_date("date");
  k.measures = {
      count_of("normative.cleanups", "规范性文件清理", dated),
      sum_of("normative.cleanup_reviewed", "清理的规范性文件", dated, "t.reviewed", "count"),
      sum_of("normative.cleanup_kept", "清理后保留的规范性文件", dated, "t.kept", "count"),
      sum_of("normative.cleanup_amended", "清理后修改的规范性文件", dated, "t.amended", "count"),
      sum_of("normative.cleanup_repealed", "清理后废止的规范性文件", dated, "t.repealed", "count"),
      sum_of("normative.cleanup_declared_invalid", "清理后宣布失效的规范性文件", dated, "t.declared_invalid",
             "count"),
  };
  k.indicators = {
      figure("normative.cleanups", "规范性文件清理次数", "normative.cleanups")
          .by("t.scope", "normative_cleanup.scope"),
      figure("normative.cleanup_reviewed", "清理规范性文件数", "normative.cleanup_reviewed"),
      figure("normative.cleanup_kept", "清理后保留文件数", "normative.cleanup_kept"),
      figure("normative.cleanup_amended", "清理后修改文件数", "normative.cleanup_amended"),
      figure("normative.cleanup_repealed", "清理后废止文件数", "normative.cleanup_repealed"),
      figure("normative.cleanup_declared_invalid", "清理后宣布失效文件数", "normative.cleanup_declared_invalid"),
  };
  return k;
}

}  // namespace

namespace kinds {
Kind normative_cleanup() { return declare(); }
}  // namespace kinds

}  // namespace fazhi::domain

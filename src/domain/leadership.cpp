// leadership_activity — 党政主要负责人履行推进法治建设第一责任人职责, and
// narrative — the report text the records cannot give.
#include "domain/kind.hpp"

#include <fazhi/error.hpp>

namespace fazhi::domain {
namespace {

Kind declare_activity() {
  Kind k("leadership_activity", "第一责任人履职");
  k.event_date_column = "date";
  k.fields = {
      ref("unit", "单位", "org_unit").req(),
      date("date", "日期").req(),
      code("kind", "履职方式",
           {{"leading_group_meeting", "法治建设领导小组会议"},
            {"study_session", "集体学法"},
            {"lecture_by_leader", "上法治课（党课）"},
            {"report_heard", "听取法治建设汇报"},
            {"inspection", "督办"},
            {"other", "其他"}})
          .req(),
      text("leader", "负责人职务"),
      text("topic", "主题"),
  };
  k.measures = {count_of("leadership.activities", "第一责任人履职活动", by_date("date"))};
  k.indicators = {figure("leadership.activities", "第一责任人履职活动数", "leadership.activities")
                      .by("t.kind", "leadership_activity.kind")};
  return k;
}

Kind declare_narrative() {
  Kind k("narrative", "报告文字");
  k.order_by = "unit_id, year, section, sort_order, id";
  k.fields = {
      ref("unit", "单位", "org_unit").req(),
      integer("year", "年度").req(),
      code("section", "章节",
           {{"preamble", "导语"},
            {"measures", "主要举措和成效"},
            {"shortcomings", "存在的不足和原因"},
            {"leadership", "第一责任人履职"},
            {"plans", "下一年度主要安排"},
            {"other", "其他需要报告的情况"}})
          .req(),
      text("heading", "标题"),
      text("body", "正文").req(),
      integer("order", "顺序").def(0).stored_as("sort_order"),
  };
  k.validate = [](Context&, const json& v, std::optional<std::int64_t>) {
    std::int64_t year = v["year"].get<std::int64_t>();
    if (year < 1949 || year > 9999) throw Error(Status::argument, "year", "must be a year, 1949-9999");
  };
  return k;
}

}  // namespace

namespace kinds {
Kind leadership_activity() { return declare_activity(); }
Kind narrative() { return declare_narrative(); }
}  // namespace kinds

}  // namespace fazhi::domain

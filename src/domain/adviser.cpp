// adviser — 法律顾问, adviser_engagement — 聘任, adviser_service — 服务记录
// (一村（社区）一法律顾问; 党政机关法律顾问制度).
#include "domain/kind.hpp"
#include "domain/record_store.hpp"

#include <fazhi/error.hpp>

namespace fazhi::domain {
namespace {

Kind declare_adviser() {
  Kind k("adviser", "法律顾问");
  k.unit_column.clear();  // an adviser serves units through engagements
  k.fields = {
      text("name", "姓名").req().personal(),
      text("firm", "执业机构").organisational(),
      text("license_number", "执业证号"),
      code("type", "类型",
           {{"lawyer", "律师"}, {"public_lawyer", "公职律师"}, {"legal_expert", "法学专家"}, {"other", "其他"}}),
  };
  return k;
}

Kind declare_engagement() {
  Kind k("adviser_engagement", "法律顾问聘任");
  k.event_date_column = "start";
  k.period_end_column = "end";
  k.fields = {
      ref("adviser", "法律顾问", "adviser").req(),
      ref("unit", "聘任单位", "org_unit").req(),
      date("start", "聘期开始").req(),
      date("end", "聘期结束"),
      money("fee_yuan", "顾问费"),
  };
  k.validate = [](Context&, const json& v, std::optional<std::int64_t>) {
    if (v.contains("end") && str(v, "end") < str(v, "start"))
      throw Error(Status::argument, "end", "is before start (" + str(v, "start") + ")");
    if (v.contains("fee_yuan") && v["fee_yuan"].get<std::int64_t>() < 0)
      throw Error(Status::argument, "fee_yuan", "must not be negative");
  };
  // The end of an engagement, listed a month (22 working days) ahead so that
  // the unit can engage again in time; it leaves the list once it has passed.
  k.deadlines = {
      {"adviser_engagement.end", "法律顾问聘期", "聘期至{date}届满",
       "中共中央办公厅、国务院办公厅《关于推行法律顾问制度和公职律师公司律师制度的意见》", Counting::fixed_date, "",
       true, 22,
       [](Context&, const json& v) -> std::optional<OpenDeadline> {
         if (!v.contains("end")) return {};
         return OpenDeadline{str(v, "end"), str(v, "start")};
       }},
  };
  // Coverage: units that must have an adviser, and those with an engagement
  // overlapping the period; engagements overlapping the period.
  k.measures = {
      count_of("adviser.units_required", "应聘法律顾问的单位", units_in_existence(), "t.requires_adviser = 1")
          .rows_of("org_unit"),
      count_of("adviser.units_covered", "已聘法律顾问的单位", units_in_existence(),
               "t.requires_adviser = 1 AND EXISTS (SELECT 1 FROM adviser_engagement e WHERE "
               "e.unit_id = t.id AND e.start <= :to AND (e.end IS NULL OR e.end >= :from))")
          .rows_of("org_unit"),
      count_of("adviser.engagements", "法律顾问聘任", overlapping("start", "end")),
  };
  k.indicators = {
      rate("adviser.coverage", "法律顾问覆盖率", "adviser.units_covered", "adviser.units_required").full(),
      figure("adviser.engagements", "法律顾问聘任数", "adviser.engagements"),
  };
  return k;
}

// A service names its engagement, or the adviser and the unit; either way it
// must fall inside an engagement of that adviser with that unit.
void complete_service(Context& ctx, json& v) {
  if (v.contains("engagement")) {
    auto q = ctx.conn.statement("SELECT adviser_id, unit_id FROM adviser_engagement WHERE id = ?");
    q->bind(1, static_cast<int64_t>(v["engagement"].get<std::int64_t>()));
    q->executeStep();
    std::int64_t adviser = q->getColumn(0).getInt64(), unit = q->getColumn(1).getInt64();
    q->reset();
    if (v.contains("adviser") && v["adviser"].get<std::int64_t>() != adviser)
      throw Error(Status::argument, "adviser", "differs from the adviser of the engagement");
    if (v.contains("unit") && v["unit"].get<std::int64_t>() != unit)
      throw Error(Status::argument, "unit", "differs from the unit of the engagement");
    v["adviser"] = adviser;
    v["unit"] = unit;
    return;
  }
  if (!v.contains("adviser") || !v.contains("unit"))
    throw Error(Status::argument, "engagement", "is required (or give adviser and unit)");
  if (!v.contains("date")) return;  // reported as a missing required field
  auto q = ctx.conn.statement(
      "SELECT id FROM adviser_engagement WHERE adviser_id = ? AND unit_id = ? AND start <= ? "
      "AND (end IS NULL OR end >= ?) ORDER BY start DESC LIMIT 1");
  q->bind(1, static_cast<int64_t>(v["adviser"].get<std::int64_t>()));
  q->bind(2, static_cast<int64_t>(v["unit"].get<std::int64_t>()));
  q->bind(3, str(v, "date"));
  q->bind(4, str(v, "date"));
  if (!q->executeStep()) {
    q->reset();
    throw Error(Status::argument, "date",
                str(v, "date") + " is outside every engagement of this adviser with this unit");
  }
  v["engagement"] = q->getColumn(0).getInt64();
}

void validate_service(Context& ctx, const json& v, std::optional<std::int64_t>) {
  double hours = v.at("hours").get<double>();
  if (!(hours > 0 && hours <= 24))
    throw Error(Status::argument, "hours", "must be more than 0 and at most 24");
  if (v.contains("participants") && v["participants"].get<std::int64_t>() < 0)
    throw Error(Status::argument, "participants", "must not be negative");
  auto q = ctx.conn.statement("SELECT start, end FROM adviser_engagement WHERE id = ?");
  q->bind(1, static_cast<int64_t>(v["engagement"].get<std::int64_t>()));
  q->executeStep();
  std::string start = q->getColumn(0).getString();
  std::string end = q->getColumn(1).isNull() ? "" : q->getColumn(1).getString();
  std::string d = str(v, "date");
  if (d < start || (!end.empty() && d > end))
    throw Error(Status::argument, "date",
                d + " is outside the engagement (" + start + " to " + (end.empty() ? "open" : end) + ")");
}

Kind declare_service() {
  Kind k("adviser_service", "法律顾问服务");
  k.event_date_column = "date";
  k.fields = {
      ref("engagement", "聘任", "adviser_engagement"),
      ref("adviser", "法律顾问", "adviser"),
      ref("unit", "服务单位", "org_unit"),
      date("date", "服务日期").req(),
      code("kind", "服务类型",
           {{"consultation", "法律咨询"},
            {"lecture", "法治讲座"},
            {"document_review", "文件审查"},
            {"contract_review", "合同审查"},
            {"decision_review", "决策审查"},
            {"litigation", "参与诉讼"},
            {"petition_support", "参与信访"},
            {"mediation_support", "参与调解"},
            {"risk_assessment", "风险评估"},
            {"on_duty", "坐班值守"},
            {"other", "其他"}})
          .req(),
      number("hours", "服务时长（小时）").req(),
      integer("participants", "参与人数"),
      boolean("on_site", "进社区/进机关"),
      text("topic", "主题"),
  };
  k.complete = complete_service;
  k.validate = validate_service;
  const Dating dated = by_date("date");
  k.measures = {
      sum_of("adviser.service_hours", "法律顾问服务时长", dated, "t.hours", "hours"),
      count_of("adviser.service_events", "法律顾问服务", dated),
  };
  k.indicators = {
      figure("adviser.service_hours", "法律顾问服务时长", "adviser.service_hours", "hours"),
      figure("adviser.service_events", "法律顾问服务次数", "adviser.service_events").by("t.kind", "adviser_service.kind"),
  };
  return k;
}

}  // namespace

namespace kinds {
Kind adviser() { return declare_adviser(); }
Kind adviser_engagement() { return declare_engagement(); }
Kind adviser_service() { return declare_service(); }
}  // namespace kinds

}  // namespace fazhi::domain

// training_campaign — 学法用法与普法活动, legal_literate — 法律明白人.
#include "domain/kind.hpp"
#include "domain/record_store.hpp"

#include <fazhi/error.hpp>

namespace fazhi::domain {
namespace {

std::int64_t integer_of(const json& v, const char* name) {
  return v.contains(name) ? v[name].get<std::int64_t>() : -1;
}

void validate_campaign(Context&, const json& v, std::optional<std::int64_t>) {
  for (const char* f : {"expected", "attended", "exam_taken", "exam_passed", "exam_excellent",
                        "materials_distributed"})
    if (v.contains(f) && v[f].get<std::int64_t>() < 0)
      throw Error(Status::argument, f, "must not be negative");
  if (v.contains("end") && str(v, "end") < str(v, "start"))
    throw Error(Status::argument, "end", "is before start (" + str(v, "start") + ")");
  auto more = [&](const char* a, const char* b) {
    std::int64_t x = integer_of(v, a), y = integer_of(v, b);
    if (x >= 0 && y >= 0 && x > y)
      throw Error(Status::argument, a,
                  std::to_string(x) + " is more than " + b + " (" + std::to_string(y) + ")");
  };
  more("attended", "expected");
  more("exam_taken", "expected");
  more("exam_passed", "exam_taken");
  more("exam_excellent", "exam_passed");
  if (v.contains("exam_passed") && !v.contains("exam_taken"))
    throw Error(Status::argument, "exam_taken", "is required when exam_passed is given");
}

Kind declare_campaign() {
  Kind k;
  k.name = "training_campaign";
  k.label = "学法用法与普法活动";
  k.table = "training_campaign";
  k.unit_column = "unit_id";
  k.event_date_column = "start";
  k.fields = {
      ref("unit", "组织单位", "org_unit").req(),
      text("title", "名称").req(),
      code("kind", "活动类型",
           {{"online_learning", "无纸化学法"},
            {"exam", "学法考试"},
            {"lecture", "法治讲座"},
            {"study_session", "中心组学法"},
            {"theme_event", "主题宣传"},
            {"materials_distribution", "发放普法资料"},
            {"school_program", "法治进校园"},
            {"legal_literate_training", "法律明白人培训"},
            {"other", "其他"}})
          .req(),
      text("theme", "主题"),
      text_list("laws", "学习宣传的法律"),
      code("audience", "对象",
           {{"officials", "国家工作人员"},
            {"public", "群众"},
            {"students", "青少年学生"},
            {"enterprises", "企业"},
            {"village_cadres", "村（社区）干部"},
            {"legal_literates", "法律明白人"}}),
      date("start", "开始日期").req(),
      date("end", "结束日期"),
      integer("expected", "应参加人数"),
      integer("attended", "实际参加人数"),
      integer("exam_taken", "参考人数"),
      integer("exam_passed", "合格人数"),
      integer("exam_excellent", "优秀人数"),
      integer("materials_distributed", "发放资料份数"),
  };
  k.validate = validate_campaign;
  return k;
}

void validate_literate(Context& ctx, const json& v, std::optional<std::int64_t>) {
  auto& q = ctx.conn.prepared("SELECT kind FROM org_unit WHERE id = ?");
  q.bind(1, static_cast<int64_t>(v["unit"].get<std::int64_t>()));
  q.executeStep();
  std::string kind = q.getColumn(0).getString();
  q.reset();
  if (kind != "village" && kind != "community")
    throw Error(Status::argument, "unit", "法律明白人 belong to a village or community, not a " + kind);
}

Kind declare_literate() {
  Kind k;
  k.name = "legal_literate";
  k.label = "法律明白人";
  k.table = "legal_literate";
  k.unit_column = "unit_id";
  k.event_date_column = "trained";
  k.fields = {
      ref("unit", "所在村（社区）", "org_unit").req(),
      text("name", "姓名").req(),
      date("trained", "培训日期"),
      boolean("certified", "已认定").def(false),
  };
  k.validate = validate_literate;
  return k;
}

}  // namespace

const Kind& training_campaign_kind() {
  static const Kind kind = declare_campaign();
  return kind;
}

const Kind& legal_literate_kind() {
  static const Kind kind = declare_literate();
  return kind;
}

}  // namespace fazhi::domain

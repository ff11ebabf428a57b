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
  Kind k("training_campaign", "学法用法与普法活动");
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
  // Campaigns are counted by their start. Officials' participation is read
  // off online learning, their exam participation off exams.
  const Dating started = by_date("start");
  const char* online = "t.kind = 'online_learning' AND t.audience = 'officials' AND t.expected IS NOT NULL";
  const char* exam = "t.kind = 'exam' AND t.audience = 'officials' AND t.expected IS NOT NULL";
  k.measures = {
      count_of("training.campaigns", "学法普法活动", started),
      sum_of("training.officials_attended", "参学人数", started, "coalesce(t.attended, 0)", "count", online),
      sum_of("training.officials_expected", "应参学人数", started, "t.expected", "count", online),
      sum_of("training.officials_exam_taken", "参考人数", started, "coalesce(t.exam_taken, 0)", "count", exam),
      sum_of("training.officials_exam_expected", "应参考人数", started, "t.expected", "count", exam),
      sum_of("training.exam_taken", "参考人数（全部考试）", started, "t.exam_taken", "count",
             "t.exam_taken IS NOT NULL"),
      sum_of("training.exam_passed", "合格人数", started, "coalesce(t.exam_passed, 0)", "count",
             "t.exam_taken IS NOT NULL"),
      sum_of("training.exam_excellent", "优秀人数", started, "coalesce(t.exam_excellent, 0)", "count",
             "t.exam_taken IS NOT NULL"),
      sum_of("training.public_reach", "普法覆盖群众", started, "t.attended", "count",
             "t.audience IS NOT NULL AND t.audience <> 'officials'"),
      sum_of("training.materials_distributed", "发放普法资料", started, "t.materials_distributed", "count"),
  };
  k.indicators = {
      figure("training.campaigns", "学法普法活动数", "training.campaigns").by("t.kind", "training_campaign.kind"),
      rate("training.participation_rate", "参学率", "training.officials_attended", "training.officials_expected"),
      rate("training.exam_participation_rate", "参考率", "training.officials_exam_taken",
           "training.officials_exam_expected"),
      rate("training.exam_pass_rate", "考试合格率", "training.exam_passed", "training.exam_taken"),
      rate("training.exam_excellent_rate", "优秀率", "training.exam_excellent", "training.exam_taken"),
      figure("training.public_reach", "普法覆盖人次", "training.public_reach"),
      figure("training.materials_distributed", "发放普法资料份数", "training.materials_distributed"),
  };
  return k;
}

void validate_literate(Context& ctx, const json& v, std::optional<std::int64_t>) {
  auto q = ctx.conn.statement("SELECT kind FROM org_unit WHERE id = ?");
  q->bind(1, static_cast<int64_t>(v["unit"].get<std::int64_t>()));
  q->executeStep();
  std::string kind = q->getColumn(0).getString();
  if (kind != "village" && kind != "community")
    throw Error(Status::argument, "unit", "法律明白人 belong to a village or community, not a " + kind);
}

Kind declare_literate() {
  Kind k("legal_literate", "法律明白人");
  k.event_date_column = "trained";
  k.fields = {
      ref("unit", "所在村（社区）", "org_unit").req(),
      text("name", "姓名").req().personal(),
      date("trained", "培训日期"),
      boolean("certified", "已认定").def(false),
  };
  k.validate = validate_literate;
  // 法律明白人 trained in the period, and the villages and communities that
  // have at least min_per_village of them (the 2025 national target: 3).
  k.measures = {
      count_of("training.legal_literates", "培养法律明白人", by_date("trained")),
      count_of("training.villages", "村（社区）", units_in_existence(), "t.kind IN ('village', 'community')")
          .rows_of("org_unit"),
      count_of("training.villages_with_legal_literates", "法律明白人达标的村（社区）", units_in_existence(),
               "t.kind IN ('village', 'community') AND (SELECT count(*) FROM legal_literate l WHERE "
               "l.unit_id = t.id AND (l.trained IS NULL OR l.trained <= :to)) >= :min_per_village")
          .rows_of("org_unit")
          .with({"min_per_village", ":min_per_village", "integer", 3}),
  };
  k.indicators = {
      figure("training.legal_literates", "培养法律明白人数", "training.legal_literates"),
      rate("training.legal_literate_coverage", "法律明白人村（社区）达标率", "training.villages_with_legal_literates",
           "training.villages")
          .full(),
  };
  return k;
}

}  // namespace

namespace kinds {
Kind training_campaign() { return declare_campaign(); }
Kind legal_literate() { return declare_literate(); }
}  // namespace kinds

}  // namespace fazhi::domain

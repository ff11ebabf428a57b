// legality_review — 合法性审查 of the documents other than major decisions and
// normative documents (which keep their own review): contracts, administrative
// agreements (行政协议), replies to requests for comments, enforcement
// decisions, emergency measures. Reports quote how many were reviewed, by
// whom, how many opinions were given, the problems found and corrected, and
// the contract amount reviewed.
#include "domain/kind.hpp"

#include <fazhi/error.hpp>

namespace fazhi::domain {
namespace {

void validate(Context&, const json& v, std::optional<std::int64_t>) {
  const std::string submitted = str(v, "submitted"), completed = str(v, "completed");
  if (!submitted.empty() && !completed.empty() && completed < submitted)
    throw Error(Status::argument, "completed",
                completed + " is before the document was submitted (" + submitted + ")");
  for (const char* count : {"opinions", "issues_found", "issues_corrected"})
    if (v.contains(count) && v[count].get<std::int64_t>() < 0)
      throw Error(Status::argument, count, "must not be negative");
  if (v.contains("issues_corrected")) {
    const std::int64_t found = v.value("issues_found", std::int64_t{0});
    if (v["issues_corrected"].get<std::int64_t>() > found)
      throw Error(Status::argument, "issues_corrected",
                  "more problems corrected (" + std::to_string(v["issues_corrected"].get<std::int64_t>()) +
                      ") than found (" + std::to_string(found) + ")");
  }
}

Kind declare() {
  Kind k("legality_review", "合法性审查");
  k.event_date_column = "completed";
  k.fields = {
      ref("unit", "送审单位", "org_unit").req(),
      ref("reviewer_unit", "审查单位", "org_unit"),
      code("reviewer_kind", "审查主体",
           {{"justice_bureau", "司法局"},
            {"justice_office", "司法所"},
            {"adviser", "法律顾问"},
            {"public_lawyer", "公职律师"},
            {"legal_department", "法制机构"},
            {"other", "其他"}})
          .req(),
      ref("adviser", "法律顾问", "adviser"),
      code("document_kind", "文件类别",
           {{"contract", "合同"},
            {"administrative_agreement", "行政协议"},
            {"comment_reply", "征求意见回复"},
            {"enforcement_decision", "执法决定"},
            {"emergency_measure", "应急措施"},
            {"other", "其他"}})
          .req(),
      text("title", "名称"),
      date("submitted", "送审日期"),
      date("completed", "审查完成日期"),
      code("conclusion", "审查结论",
           {{"lawful", "合法"}, {"lawful_with_revisions", "修改后合法"}, {"unlawful", "不合法"}}),
      integer("opinions", "提出意见建议数"),
      integer("issues_found", "发现问题数"),
      integer("issues_corrected", "纠正问题数"),
      money("amount_yuan", "涉及金额"),
  };
  k.validate = validate;
  // Dated by the completion of the review.
  const Dating completed = by_date("completed");
  k.measures = {
      count_of("legality_review.reviewed", "审查的文件", completed),
      sum_of("legality_review.opinions", "提出的意见建议", completed, "t.opinions", "count"),
      sum_of("legality_review.issues_found", "审查发现的问题", completed, "t.issues_found", "count"),
      sum_of("legality_review.issues_corrected", "纠正的问题", completed, "t.issues_corrected", "count"),
      sum_of("legality_review.contract_amount_yuan", "审查的合同金额", completed, "t.amount_fen", "yuan",
             "t.document_kind IN ('contract', 'administrative_agreement')"),
  };
  k.indicators = {
      figure("legality_review.reviewed", "合法性审查文件数", "legality_review.reviewed")
          .by("t.document_kind", "legality_review.document_kind"),
      figure("legality_review.by_reviewer", "按审查主体的合法性审查文件数", "legality_review.reviewed")
          .by("t.reviewer_kind", "legality_review.reviewer_kind"),
      figure("legality_review.opinions", "提出意见建议数", "legality_review.opinions"),
      figure("legality_review.issues_found", "审查发现问题数", "legality_review.issues_found"),
      rate("legality_review.correction_rate", "审查发现问题纠正率", "legality_review.issues_corrected",
           "legality_review.issues_found"),
      figure("legality_review.contract_amount_yuan", "审查合同涉及金额", "legality_review.contract_amount_yuan",
             "yuan"),
  };
  return k;
}

}  // namespace

namespace kinds {
Kind legality_review() { return declare(); }
}  // namespace kinds

}  // namespace fazhi::domain

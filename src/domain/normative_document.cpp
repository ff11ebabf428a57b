// normative_document — 行政规范性文件: lawful review before publication, filing
// (备案) within 30 days of publication, validity period.
#include "domain/deadline.hpp"
#include "domain/kind.hpp"
#include "domain/review.hpp"
#include "store/journal.hpp"

#include <fazhi/error.hpp>

namespace fazhi::domain {
namespace {

constexpr const char* kReviewSource = "国务院办公厅关于全面推行行政规范性文件合法性审核机制的指导意见（国办发〔2018〕115号）";
constexpr const char* kFilingSource = "国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知（国办发〔2018〕37号）";

bool provisional(const std::string& title) {
  return title.find("暂行") != std::string::npos || title.find("试行") != std::string::npos;
}

void complete(Context& ctx, json& v) {
  flatten_review(v, "legality_review");
  std::string published = str(v, "published");
  if (published.empty()) {
    v.erase("filing_deadline");
    return;
  }
  // Valid five years, two for 暂行 / 试行 documents, unless the host says.
  if (!v.contains("expires")) {
    int years = provisional(str(v, "title")) ? 2 : 5;
    v["expires"] = format_date(parse_date(published) + boost::gregorian::years(years) -
                               boost::gregorian::days(1));
  }
  // "30日": calendar days, a last day on a rest day moving to the next working day.
  v["filing_deadline"] = format_date(days_deadline(ctx, "filing_deadline", parse_date(published), 30));
}

void validate(Context&, const json& v, std::optional<std::int64_t>) {
  auto order = [&](const char* earlier, const char* later) {
    if (v.contains(earlier) && v.contains(later) && str(v, later) < str(v, earlier))
      throw Error(Status::argument, later, "is before " + std::string(earlier) + " (" + str(v, earlier) + ")");
  };
  order("adopted", "published");
  order("published", "filed");
  order("published", "expires");
}

std::vector<Finding> rules(Context&, const json& v) {
  std::vector<Finding> out;
  std::string published = str(v, "published");
  if (published.empty()) return out;
  if (!review_passed_by(v, published))
    out.push_back({"normative_document.publication_without_review", "error",
                   "规范性文件未经合法性审核或者经审核不合法即予公布（" + published + "）", kReviewSource, published});
  std::string deadline = str(v, "filing_deadline"), filed = str(v, "filed");
  if (!filed.empty() && filed > deadline)
    out.push_back({"normative_document.filing_30_days", "warning",
                   "未在公布之日起30日内报送备案（期限届满日 " + deadline + "，报送日 " + filed + "）", kFilingSource,
                   filed, "filing_deadline"});
  // Not filed at all once the deadline is past (as of the day the record is
  // written; the timely-filing indicator judges by the period instead).
  if (filed.empty() && deadline < store::utc_now().substr(0, 10))
    out.push_back({"normative_document.not_filed", "warning",
                   "公布后逾期未报送备案（期限届满日 " + deadline + "）", kFilingSource, deadline,
                   "filing_deadline"});
  return out;
}

Kind declare() {
  Kind k("normative_document", "行政规范性文件");
  k.event_date_column = "published";
  k.fields = {
      ref("unit", "制定机关", "org_unit").req(),
      text("doc_number", "文号"),
      text("title", "标题").req(),
      object("legality_review", "合法性审核"),
      date("adopted", "通过日期"),
      date("published", "公布日期"),
      date("filed", "备案报送日期"),
      text("filed_with", "备案机关").organisational(),
      date("expires", "有效期至"),
      code("status", "效力状态",
           {{"in_force", "有效"}, {"expired", "失效"}, {"repealed", "废止"}, {"amended", "已修改"}})
          .def("in_force"),
  };
  for (Field& f : review_fields()) k.fields.push_back(std::move(f));
  k.fields.push_back(date("filing_deadline", "备案期限").computed());
  k.complete = complete;
  k.validate = validate;
  k.rules = rules;
  // Indicators, dated by publication.
  const Dating published = by_date("published");
  k.measures = {
      count_of("normative.published", "公布的规范性文件", published),
      count_of("normative.reviewed", "经合法性审核的规范性文件", published,
               "t.review_result IN ('lawful', 'lawful_with_revisions') AND t.review_completed <= t.published"),
      count_of("normative.filed_timely", "按时报送备案的规范性文件", published,
               "t.filed IS NOT NULL AND t.filed <= t.filing_deadline"),
  };
  k.indicators = {
      figure("normative.published", "规范性文件数", "normative.published"),
      rate("normative.review_rate", "规范性文件合法性审核率", "normative.reviewed", "normative.published").full(),
      rate("normative.timely_filing_rate", "规范性文件按时报备率", "normative.filed_timely", "normative.published")
          .full(),
  };
  return k;
}

}  // namespace

namespace kinds {
Kind normative_document() { return declare(); }
}  // namespace kinds

}  // namespace fazhi::domain

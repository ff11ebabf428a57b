// normative_document — 行政规范性文件: lawful review before publication, filing
// (备案) within 30 days of publication, validity period, the filing
// authority's review (备案审查) and the correction it may call for.
//
// `filed` stays a field the host gives (records and files from before the
// review was recorded give it so); the review of the filed document is the
// action `filing_review` (date, verdict conforming | nonconforming, opinion),
// and a document found nonconforming is corrected by the action `correct`
// (date, how: amended | repealed | revoked). A review needs a filed document,
// a correction a nonconforming verdict; the dates run filed <= reviewed <=
// corrected. Records written before schema 13 have no verdict and count in
// none of the review's figures.
//
// Indicators. What concerns publication — filed, the filing rate (filed /
// published), timely filing — is dated by publication, so both parts of each
// rate are the documents published in the period, however late they were
// filed. Verdicts are counted when given (the conformity rate: conforming /
// reviewed) and corrections when made.
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
  order("filed", "filing_reviewed");
  order("filing_reviewed", "corrected");
  // A patch may not take away what the review stands on.
  if (v.contains("filing_reviewed") && !v.contains("filed"))
    throw Error(Status::argument, "filed",
                "is required: the filing was reviewed on " + str(v, "filing_reviewed"));
}

void review_filing(Context&, const json& a, json& v) {
  if (!v.contains("filed"))
    throw Error(Status::conflict, "the document has not been filed (备案审查 reviews a filed document; give filed first)");
  if (str(a, "date") < str(v, "filed"))
    throw Error(Status::argument, "date", "is before the document was filed (" + str(v, "filed") + ")");
  record_action_once(v, "filing_reviewed",
                     {{"filing_reviewed", a["date"]},
                      {"filing_verdict", a["verdict"]},
                      {"filing_opinion", a.value("opinion", json())}},
                     "the filing was already reviewed on " + str(v, "filing_reviewed") + " (" +
                         str(v, "filing_verdict") + ")");
}

void correct(Context&, const json& a, json& v) {
  if (str(v, "filing_verdict") != "nonconforming")
    throw Error(Status::conflict, v.contains("filing_verdict")
                                      ? "the filing review found the document conforming: there is nothing to correct"
                                      : "only a document the filing review found nonconforming is corrected");
  if (str(a, "date") < str(v, "filing_reviewed"))
    throw Error(Status::argument, "date", "is before the filing review (" + str(v, "filing_reviewed") + ")");
  record_action_once(v, "corrected", {{"corrected", a["date"]}, {"correction", a.value("how", json())}},
                     "the document was already corrected on " + str(v, "corrected"));
}

const std::vector<Code>& verdicts() {
  static const std::vector<Code> c = {{"conforming", "符合规定"}, {"nonconforming", "不符合规定"}};
  return c;
}

const std::vector<Code>& corrections() {
  static const std::vector<Code> c = {{"amended", "制定机关修改"}, {"repealed", "制定机关废止"}, {"revoked", "备案审查机关撤销"}};
  return c;
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
  // 有错必纠: a document the review found nonconforming stays a finding
  // until it is corrected.
  if (str(v, "filing_verdict") == "nonconforming" && !v.contains("corrected"))
    out.push_back({"normative_document.nonconforming_not_corrected", "warning",
                   "经备案审查不符合规定，尚未纠正（审查日 " + str(v, "filing_reviewed") + "）", kFilingSource,
                   str(v, "filing_reviewed")});
  return out;
}

Kind declare() {
  Kind k("normative_document", "行政规范性文件");
  k.event_date_column = "published";
  k.fields = {
      ref("unit", "制定机关", "org_unit").req(),
      text("doc_number", "文号"),
      text("title", "标题").req(),
      object("legality_review", "合法性审核").with_members(review_members()),
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
  k.fields.push_back(date("filing_reviewed", "备案审查日期").set_by("filing_review"));
  k.fields.push_back(code("filing_verdict", "备案审查结论", verdicts()).set_by("filing_review"));
  k.fields.push_back(text("filing_opinion", "备案审查意见").set_by("filing_review"));
  k.fields.push_back(date("corrected", "纠正日期").set_by("correct"));
  k.fields.push_back(code("correction", "纠正方式", corrections()).set_by("correct"));
  k.complete = complete;
  k.validate = validate;
  k.rules = rules;
  k.deadlines = {
      {"normative_document.filing_30_days", "规范性文件备案报送期限", "应于{date}前报送备案", kFilingSource,
       Counting::calendar_days, "filing_deadline", false, 3,
       [](Context&, const json& v) -> std::optional<OpenDeadline> {
         if (!v.contains("filing_deadline")) return {};
         OpenDeadline d{str(v, "filing_deadline"), str(v, "published")};
         d.met = str(v, "filed");
         return d;
       }},
  };
  k.actions = {
      {"filing_review", "备案审查",
       {date("date", "审查日期").req(), code("verdict", "审查结论", verdicts()).req(), text("opinion", "审查意见")},
       review_filing},
      {"correct", "纠正", {date("date", "纠正日期").req(), code("how", "纠正方式", corrections())}, correct},
  };
  // Indicators, dated by publication.
  const Dating published = by_date("published");
  k.measures = {
      count_of("normative.published", "公布的规范性文件", published),
      count_of("normative.reviewed", "经合法性审核的规范性文件", published,
               "t.review_result IN ('lawful', 'lawful_with_revisions') AND t.review_completed <= t.published"),
      count_of("normative.filed_timely", "按时报送备案的规范性文件", published,
               "t.filed IS NOT NULL AND t.filed <= t.filing_deadline"),
      count_of("normative.filed", "报送备案的规范性文件", published, "t.filed IS NOT NULL"),
      count_of("normative.filing_reviewed", "经备案审查的规范性文件", by_date("filing_reviewed")),
      count_of("normative.conforming", "经备案审查符合规定的规范性文件", by_date("filing_reviewed"),
               "t.filing_verdict = 'conforming'"),
      count_of("normative.corrected", "备案审查后纠正的规范性文件", by_date("corrected")),
  };
  k.indicators = {
      figure("normative.published", "规范性文件数", "normative.published"),
      rate("normative.review_rate", "规范性文件合法性审核率", "normative.reviewed", "normative.published").full(),
      figure("normative.filed", "报备规范性文件数", "normative.filed"),
      rate("normative.filing_rate", "规范性文件报备率", "normative.filed", "normative.published").full(),
      rate("normative.timely_filing_rate", "规范性文件按时报备率", "normative.filed_timely", "normative.published")
          .full(),
      figure("normative.filing_reviewed", "备案审查规范性文件数", "normative.filing_reviewed")
          .by("t.filing_verdict", "normative_document.filing_verdict"),
      rate("normative.conformity_rate", "备案审查合格率", "normative.conforming", "normative.filing_reviewed"),
      figure("normative.corrected", "备案审查后纠正文件数", "normative.corrected")
          .by("t.correction", "normative_document.correction"),
  };
  return k;
}

}  // namespace

namespace kinds {
Kind normative_document() { return declare(); }
}  // namespace kinds

}  // namespace fazhi::domain

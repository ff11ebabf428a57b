#include "report/annual_report.hpp"

#include "indicators/catalogue.hpp"
#include "report/chinese_format.hpp"
#include "domain/name_mask.hpp"
#include "report/name_review.hpp"

#include <algorithm>
#include <cmath>
#include <ctime>
#include <initializer_list>
#include <map>
#include <utility>

namespace fazhi::report {

using json = nlohmann::json;

namespace {

std::string count_text(double v) { return plain_number(v, 2); }

// The non-empty parts joined with `separator` ("、", "，", "；").
std::string joined(const std::vector<std::string>& parts, const char* separator) {
  std::string s;
  for (const std::string& p : parts) {
    if (p.empty()) continue;
    if (!s.empty()) s += separator;
    s += p;
  }
  return s;
}

// Clauses joined into one sentence ending in "。"; nothing when all are empty.
std::string sentence(const std::vector<std::string>& clauses, const char* separator = "，") {
  std::string s = joined(clauses, separator);
  return s.empty() ? s : s + "。";
}

// Builds the model's sentences from the data; one function per report item.
class Writer {
 public:
  Writer(const ReportData& d, const SignOff& sign_off)
      : d_(d), sign_off_(sign_off), mask_(d.personal_names, d.organisation_names) {}

  json model();

 private:
  const IndicatorValue& v(const std::string& code) {
    cited_.push_back(code);
    return d_.value(code);
  }
  double n(const std::string& code) { return v(code).value; }
  std::string num(const std::string& code) { return count_text(v(code).numerator); }
  std::string den(const std::string& code) { return count_text(v(code).denominator); }
  std::string pct(const std::string& code) { return percent(v(code)); }
  bool has_data(const std::string& code) { return !v(code).no_data; }

  // "法律咨询24次、合同审查14次" — a breakdown, largest first, then by code.
  std::string breakdown(const std::string& code, const std::string& unit_word,
                        std::size_t at_most = 0);

  json item(std::string heading, std::vector<std::string> paragraphs,
            std::vector<std::string> list = {});
  json narrative_items(const std::string& section, bool with_headings);

  json decisions();
  json advisers();
  json enforcement();
  json disputes();
  json education();
  json litigation();
  std::vector<std::string> data_gaps();
  json notes();
  json leadership();

  const ReportData& d_;
  const SignOff& sign_off_;
  domain::NameMask mask_;
  std::vector<std::string> cited_;  // codes cited by the item being written
};

std::string Writer::breakdown(const std::string& code, const std::string& unit_word,
                              std::size_t at_most) {
  const IndicatorValue& iv = v(code);
  std::vector<std::pair<std::string, double>> parts(iv.breakdown.begin(), iv.breakdown.end());
  std::stable_sort(parts.begin(), parts.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  const json labels = d_.breakdown_labels.value(iv.breakdown_labels, json::object());
  std::vector<std::string> out;
  for (const auto& [c, count] : parts) {
    if (count <= 0) continue;
    if (at_most && out.size() == at_most) break;
    out.push_back(labels.value(c, c) + count_text(count) + unit_word);
  }
  return joined(out, "、");
}

json Writer::item(std::string heading, std::vector<std::string> paragraphs,
                  std::vector<std::string> list) {
  json codes = json::array();
  std::sort(cited_.begin(), cited_.end());
  cited_.erase(std::unique(cited_.begin(), cited_.end()), cited_.end());
  for (const std::string& c : cited_) codes.push_back(c);
  cited_.clear();
  json paras = json::array(), items = json::array();
  for (const std::string& p : paragraphs)
    if (!p.empty()) paras.push_back(mask_.apply(p));
  for (const std::string& l : list) items.push_back(mask_.apply(l));
  return {{"heading", heading.empty() ? json(nullptr) : json(mask_.apply(heading))},
          {"paragraphs", paras},
          {"list", items},
          {"codes", codes},
          {"charts", json::array()}};
}

json Writer::narrative_items(const std::string& section, bool with_headings) {
  json out = json::array();
  for (const json& n : d_.narratives) {
    if (n.value("section", "") != section) continue;
    std::string heading = with_headings ? n.value("heading", "") : "";
    std::vector<std::string> paragraphs;
    if (!with_headings && n.contains("heading") && n["heading"].is_string())
      paragraphs.push_back(n["heading"].get<std::string>());
    paragraphs.push_back(n.value("body", ""));
    cited_.clear();  // the unit's own text cites no indicator
    out.push_back(item(heading, paragraphs));
  }
  return out;
}

json Writer::decisions() {
  std::vector<std::string> paragraphs;
  if (n("decision.adopted") > 0) {
    std::vector<std::string> c = {
        "全年经集体讨论决定重大行政决策" + count_text(n("decision.adopted")) + "项",
        "经合法性审查后提交讨论" + num("decision.legality_review_rate") + "项，合法性审查率" +
            pct("decision.legality_review_rate")};
    if (has_data("decision.public_participation_rate"))
      c.push_back("需公众参与的" + den("decision.public_participation_rate") + "项中开展公众参与" +
                  num("decision.public_participation_rate") + "项，公众参与率" +
                  pct("decision.public_participation_rate"));
    c.push_back("程序合规" + num("decision.procedure_compliance_rate") + "项，程序合规率" +
                pct("decision.procedure_compliance_rate"));
    c.push_back("决策全过程记录材料完整归档" + num("decision.archive_rate") + "项，归档率" +
                pct("decision.archive_rate"));
    paragraphs.push_back(sentence(c, "；"));
  } else {
    paragraphs.push_back("全年未作出重大行政决策。");
  }
  if (n("normative.published") > 0) {
    paragraphs.push_back(sentence(
        {"制定发布规范性文件" + count_text(n("normative.published")) + "件",
         "经合法性审核" + num("normative.review_rate") + "件，审核率" + pct("normative.review_rate"),
         "报送备案" + num("normative.filing_rate") + "件，报备率" + pct("normative.filing_rate") + "，其中按时报送备案" +
             num("normative.timely_filing_rate") + "件，按时备案率" + pct("normative.timely_filing_rate")},
        "；"));
  } else {
    paragraphs.push_back("全年未制定规范性文件。");
  }
  // The filing authority's verdicts and the corrections they called for,
  // counted when given (so possibly on documents of an earlier year).
  if (has_data("normative.conformity_rate")) {
    std::vector<std::string> c = {"规范性文件经备案审查" + den("normative.conformity_rate") + "件，符合规定" +
                                  num("normative.conformity_rate") + "件，合格率" +
                                  pct("normative.conformity_rate")};
    if (n("normative.corrected") > 0)
      c.push_back("经备案审查后纠正" + count_text(n("normative.corrected")) + "件");
    paragraphs.push_back(sentence(c));
  }
  // Clean-up campaigns and what became of the documents they reviewed.
  if (n("normative.cleanups") > 0) {
    std::vector<std::string> dispositions;
    for (const auto& [code, word] : std::initializer_list<std::pair<const char*, const char*>>{
             {"normative.cleanup_kept", "保留"},
             {"normative.cleanup_amended", "修改"},
             {"normative.cleanup_repealed", "废止"},
             {"normative.cleanup_declared_invalid", "宣布失效"}})
      if (n(code) > 0) dispositions.push_back(std::string(word) + count_text(n(code)) + "件");
    std::string s = "开展规范性文件清理" + count_text(n("normative.cleanups")) + "次，清理文件" +
                    count_text(n("normative.cleanup_reviewed")) + "件";
    if (!dispositions.empty()) s += "，其中" + joined(dispositions, "、");
    paragraphs.push_back(s + "。");
  }
  // Legality review of the other documents: contracts, agreements, ...
  if (n("legality_review.reviewed") > 0) {
    std::string s = "对合同、协议等其他文件开展合法性审查" + count_text(n("legality_review.reviewed")) + "件";
    const std::string parts = breakdown("legality_review.reviewed", "件");
    if (!parts.empty()) s += "（" + parts + "）";
    std::vector<std::string> c = {s};
    if (n("legality_review.opinions") > 0)
      c.push_back("提出意见建议" + count_text(n("legality_review.opinions")) + "条");
    if (has_data("legality_review.correction_rate"))
      c.push_back("发现问题" + den("legality_review.correction_rate") + "个，已纠正" +
                  num("legality_review.correction_rate") + "个，纠正率" + pct("legality_review.correction_rate"));
    if (n("legality_review.contract_amount_yuan") > 0)
      c.push_back("审查合同涉及金额" + yuan(n("legality_review.contract_amount_yuan")));
    paragraphs.push_back(sentence(c, "；"));
  }
  return item("依法决策", paragraphs);
}

json Writer::advisers() {
  std::vector<std::string> paragraphs;
  if (has_data("adviser.coverage")) {
    std::string s = "需配备法律顾问的" + den("adviser.coverage") + "个单位中，" +
                    num("adviser.coverage") + "个已聘请法律顾问，覆盖率" + pct("adviser.coverage");
    if (d_.units_without_adviser.empty()) {
      s += "，实现法律顾问全覆盖";
    } else {
      s += "；尚未聘请法律顾问的单位：" + joined(d_.units_without_adviser, "、");
    }
    paragraphs.push_back(s + "。");
  }
  if (n("adviser.service_events") > 0 || n("adviser.service_hours") > 0) {
    std::string s = "全年法律顾问服务" + plain_number(n("adviser.service_hours"), 1) +
                    "小时，提供法律服务" + count_text(n("adviser.service_events")) + "次";
    std::string parts = breakdown("adviser.service_events", "次");
    if (!parts.empty()) s += "，其中" + parts;
    paragraphs.push_back(s + "。");
  }
  if (paragraphs.empty()) paragraphs.push_back("本年度无法律顾问工作的记录。");
  return item("法律顾问", paragraphs);
}

json Writer::enforcement() {
  std::vector<std::string> paragraphs;
  if (n("enforcement.actions") > 0) {
    std::string first = "全年作出行政执法决定" + count_text(n("enforcement.actions")) + "件";
    const std::string domains = breakdown("enforcement.by_domain", "件");
    if (!domains.empty()) first += "（按执法领域：" + domains + "）";
    std::vector<std::string> c = {first};
    if (has_data("enforcement.timely_publicity_rate"))
      c.push_back("应公示的" + den("enforcement.timely_publicity_rate") + "件中按时公示" +
                  num("enforcement.timely_publicity_rate") + "件，按时公示率" +
                  pct("enforcement.timely_publicity_rate"));
    c.push_back("执法全过程记录" + num("enforcement.recording_rate") + "件，记录率" +
                pct("enforcement.recording_rate"));
    if (has_data("enforcement.major_review_rate"))
      c.push_back("重大执法决定" + den("enforcement.major_review_rate") + "件，经法制审核" +
                  num("enforcement.major_review_rate") + "件，法制审核率" +
                  pct("enforcement.major_review_rate"));
    paragraphs.push_back(sentence(c, "；"));
  }
  if (n("enforcement.licenses") > 0) {
    std::string s = "办理行政许可" + count_text(n("enforcement.licenses")) + "件";
    if (n("enforcement.notify_commit_licenses") > 0)
      s += "，其中实行告知承诺制" + count_text(n("enforcement.notify_commit_licenses")) + "件";
    std::vector<std::string> c = {s};
    if (has_data("enforcement.license_average_days"))
      c.push_back("平均办理" + plain_number(n("enforcement.license_average_days"), 1) + "个工作日");
    if (has_data("enforcement.license_on_time_rate"))
      c.push_back("有承诺办结时限的" + den("enforcement.license_on_time_rate") + "件中按时办结" +
                  num("enforcement.license_on_time_rate") + "件，按时办结率" + pct("enforcement.license_on_time_rate"));
    paragraphs.push_back(sentence(c, "；"));
  }
  if (n("enforcement.non_coercive") > 0) {
    std::string s = "运用提示函告诫、约谈、首违不罚轻微免罚等柔性执法措施" + count_text(n("enforcement.non_coercive")) + "件";
    const std::string parts = breakdown("enforcement.non_coercive", "件");
    if (!parts.empty()) s += "（" + parts + "）";
    paragraphs.push_back(s + "。");
  }
  if (has_data("enforcement.certified_officer_rate")) {
    std::string s = "在岗执法人员" + den("enforcement.certified_officer_rate") + "名，持有效执法证件" +
                    num("enforcement.certified_officer_rate") + "名，持证率" +
                    pct("enforcement.certified_officer_rate");
    if (n("enforcement.certificates_expiring") > 0)
      s += "；" + count_text(n("enforcement.certificates_expiring")) +
           "张执法证件将在年末后90日内到期，须及时换发";
    paragraphs.push_back(s + "。");
  }
  if (n("enforcement.supervision_events") > 0) {
    std::string s = "开展执法监督" + count_text(n("enforcement.supervision_events")) + "次";
    std::string parts = breakdown("enforcement.supervision_events", "次");
    if (!parts.empty()) s += "（" + parts + "）";
    if (has_data("enforcement.problems_corrected_rate"))
      s += "，发现问题" + den("enforcement.problems_corrected_rate") + "个，已整改" +
           num("enforcement.problems_corrected_rate") + "个，整改率" +
           pct("enforcement.problems_corrected_rate");
    paragraphs.push_back(s + "。");
  }
  if (paragraphs.empty()) paragraphs.push_back("本年度无行政执法工作的记录。");
  return item("行政执法", paragraphs);
}

json Writer::disputes() {
  std::vector<std::string> paragraphs;
  if (n("mediation.committees") > 0) {
    std::string s = "建立人民调解委员会" + count_text(n("mediation.committees")) + "个";
    if (has_data("mediation.committee_coverage"))
      s += "，村（社区）人民调解委员会覆盖率" + pct("mediation.committee_coverage");
    paragraphs.push_back(s + "。");
  }
  if (n("mediation.received") > 0 || n("mediation.concluded") > 0) {
    std::string s = "全年受理矛盾纠纷" + count_text(n("mediation.received")) + "起，调结" +
                    count_text(n("mediation.concluded")) + "起，其中调解成功" +
                    count_text(n("mediation.succeeded")) + "起，调解成功率" +
                    pct("mediation.success_rate");
    std::string parts = breakdown("mediation.by_category", "起", 3);
    if (!parts.empty()) s += "；受理的纠纷以" + parts + "居多";
    paragraphs.push_back(s + "。");
    // What the received cases included, what mediation prevented, what the
    // agreements were worth: three clauses, each only when it has something.
    std::vector<std::string> included, prevented, c;
    const IndicatorValue& large = v("mediation.large_amount");
    const double min_yuan =
        large.params.is_object() ? large.params.value("min_yuan", 500000.0) : 500000.0;
    if (n("mediation.unnatural_death") > 0)
      included.push_back("非正常死亡纠纷" + count_text(n("mediation.unnatural_death")) + "起");
    if (large.value > 0)
      included.push_back("涉案金额" + yuan(min_yuan) + "以上纠纷" + count_text(large.value) + "起");
    if (n("mediation.mass_incidents_prevented") > 0)
      prevented.push_back("群体性事件" + count_text(n("mediation.mass_incidents_prevented")) + "起");
    if (n("mediation.criminal_cases_prevented") > 0)
      prevented.push_back("民转刑案件" + count_text(n("mediation.criminal_cases_prevented")) + "起");
    if (!included.empty()) c.push_back("受理的纠纷中有" + joined(included, "、"));
    if (!prevented.empty()) c.push_back("通过调解防止" + joined(prevented, "、"));
    if (n("mediation.amount_yuan") > 0) c.push_back("调解协议涉及金额" + yuan(n("mediation.amount_yuan")));
    if (!c.empty()) paragraphs.push_back(sentence(c, "；"));
  }
  // The mediation charts illustrate the paragraphs above (the committees,
  // the cases, what they included): they go right after them, before the
  // petitions.
  const std::size_t mediation_paragraphs = paragraphs.size();
  if (n("petition.received") > 0 || n("petition.resolved") > 0) {
    std::vector<std::string> c = {"受理信访事项" + count_text(n("petition.received")) + "件"};
    if (has_data("petition.timely_acceptance_rate"))
      c.back() += "，按期受理率" + pct("petition.timely_acceptance_rate");
    if (has_data("petition.timely_conclusion_rate"))
      c.push_back("办结" + den("petition.timely_conclusion_rate") + "件，按期办结率" +
                  pct("petition.timely_conclusion_rate"));
    std::string r = "化解信访问题" + count_text(n("petition.resolved")) + "件";
    if (n("petition.backlog_resolved") > 0)
      r += "，其中化解信访积案" + count_text(n("petition.backlog_resolved")) + "件";
    c.push_back(r);
    if (n("petition.funds_secured_yuan") > 0)
      c.push_back("落实司法救助和执行款" + yuan(n("petition.funds_secured_yuan")));
    if (n("petition.leader_receptions") > 0)
      c.push_back("领导接访下访" + count_text(n("petition.leader_receptions")) + "次");
    paragraphs.push_back(sentence(c, "；"));
  }
  if (paragraphs.empty()) paragraphs.push_back("本年度无矛盾纠纷化解和信访工作的记录。");
  // Every paragraph here is non-empty, so item() keeps them all and the
  // index holds. Without a mediation paragraph the charts (saying 无数据)
  // close the item.
  const std::size_t after = (mediation_paragraphs > 0 ? mediation_paragraphs : paragraphs.size()) - 1;
  json it = item("矛盾纠纷化解", paragraphs);
  for (const char* chart : {"mediation_by_category", "mediation_by_month"})
    it["charts"].push_back({{"chart", chart}, {"after_paragraph", after}});
  return it;
}

json Writer::education() {
  std::vector<std::string> paragraphs;
  if (n("training.campaigns") > 0) {
    std::string s = "全年开展学法普法活动" + count_text(n("training.campaigns")) + "次";
    std::string parts = breakdown("training.campaigns", "次");
    if (!parts.empty()) s += "，其中" + parts;
    paragraphs.push_back(s + "。");
  }
  std::vector<std::string> rates;
  if (has_data("training.participation_rate"))
    rates.push_back("应参学" + den("training.participation_rate") + "人次，参学" +
                    num("training.participation_rate") + "人次，参学率" +
                    pct("training.participation_rate"));
  if (has_data("training.exam_participation_rate"))
    rates.push_back("参考率" + pct("training.exam_participation_rate"));
  if (has_data("training.exam_pass_rate"))
    rates.push_back("考试合格率" + pct("training.exam_pass_rate"));
  if (has_data("training.exam_excellent_rate"))
    rates.push_back("优秀率" + pct("training.exam_excellent_rate"));
  if (!rates.empty()) paragraphs.push_back("干部学法用法：" + sentence(rates, "，"));
  std::vector<std::string> c;
  if (n("training.public_reach") > 0)
    c.push_back("面向群众开展普法宣传覆盖" + count_text(n("training.public_reach")) + "人次");
  if (n("training.materials_distributed") > 0)
    c.push_back("发放普法资料" + count_text(n("training.materials_distributed")) + "份");
  if (n("training.legal_literates") > 0) {
    std::string s = "培养法律明白人" + count_text(n("training.legal_literates")) + "名";
    if (has_data("training.legal_literate_coverage"))
      s += "，村（社区）法律明白人达标率" + pct("training.legal_literate_coverage");
    c.push_back(s);
  }
  if (!c.empty()) paragraphs.push_back(sentence(c, "，"));
  if (paragraphs.empty()) paragraphs.push_back("本年度无学法用法和普法工作的记录。");
  return item("学法用法与普法", paragraphs);
}

json Writer::litigation() {
  std::vector<std::string> paragraphs;
  // Reconsideration cases are counted where their 复议机关 is (the record's
  // unit), no longer as lawsuits (schema 9); the first sentence keeps its
  // words.
  const double cases = n("litigation.cases"), reconsiderations = n("reconsideration.received");
  if (cases == 0 && reconsiderations == 0) {
    paragraphs.push_back("全年未发生行政诉讼和行政复议案件。");
  } else {
    std::vector<std::string> c = {"全年发生行政诉讼案件" + count_text(cases) + "件、行政复议案件" +
                                  count_text(reconsiderations) + "件"};
    if (has_data("litigation.loss_rate"))
      c.push_back("审结的行政诉讼案件" + den("litigation.loss_rate") + "件，胜诉" +
                  count_text(n("litigation.won")) + "件，败诉" + num("litigation.loss_rate") + "件，败诉率" +
                  pct("litigation.loss_rate"));
    if (has_data("litigation.head_appearance_rate"))
      c.push_back("行政机关负责人出庭应诉率" + pct("litigation.head_appearance_rate"));
    paragraphs.push_back(sentence(c, "；"));
  }
  // What the reviewing organs did with the cases: acceptance, conclusion,
  // decisions by outcome and the three rates, each only when it has data.
  if (n("reconsideration.accepted") > 0 || n("reconsideration.concluded") > 0) {
    std::vector<std::string> c = {"受理行政复议案件" + count_text(n("reconsideration.accepted")) + "件，审结" +
                                  count_text(n("reconsideration.concluded")) + "件"};
    if (has_data("reconsideration.correction_rate")) {
      std::string s = "作出行政复议决定" + den("reconsideration.correction_rate") + "件";
      const std::string parts = breakdown("reconsideration.by_outcome", "件");
      if (!parts.empty()) s += "（" + parts + "）";
      s += "，纠错" + num("reconsideration.correction_rate") + "件，纠错率" + pct("reconsideration.correction_rate");
      c.push_back(s);
    }
    if (has_data("reconsideration.settlement_rate"))
      c.push_back("通过调解、和解及被申请人自行纠正后撤回申请化解" + num("reconsideration.settlement_rate") +
                  "件，调解和解率" + pct("reconsideration.settlement_rate"));
    if (has_data("reconsideration.timely_decision_rate"))
      c.push_back("按期作出行政复议决定率" + pct("reconsideration.timely_decision_rate"));
    paragraphs.push_back(sentence(c, "；"));
  }
  // Disputes coordinated before or beside litigation (诉源治理): cases taken
  // on and how those concluded ended, then the meetings and the agencies.
  if (n("coordination.received") > 0 || n("coordination.handled") > 0 || n("coordination.meetings") > 0) {
    std::vector<std::string> c;
    if (n("coordination.received") > 0 || n("coordination.handled") > 0) {
      std::string s = "受理行政争议协调化解案件" + count_text(n("coordination.received")) + "件，办结" +
                      count_text(n("coordination.handled")) + "件";
      if (has_data("coordination.resolution_rate"))
        s += "，实质化解或补救后胜诉" + num("coordination.resolution_rate") + "件，化解率" +
             pct("coordination.resolution_rate");
      c.push_back(s);
    }
    if (n("coordination.meetings") > 0)
      c.push_back("召开行政争议协调化解会议" + count_text(n("coordination.meetings")) + "次");
    if (n("coordination.agencies") > 0)
      c.push_back(count_text(n("coordination.agencies")) + "个单位参与协调化解");
    paragraphs.push_back(sentence(c, "；"));
  }
  return item("行政复议与诉讼", paragraphs);
}

// Rates that the law or the assessment expects at 100%, and the other gaps
// the data shows: the deadlines overdue at the year's end by kind, overdue
// labour cases and the error findings of the year.
std::vector<std::string> Writer::data_gaps() {
  std::vector<std::string> gaps;
  // The rates the kinds declare should be 100% (IndicatorDecl::full), in
  // catalogue order.
  for (const indicators::IndicatorDef& def : indicators::catalogue()) {
    if (!def.should_be_full) continue;
    const std::string& code = def.code;
    const IndicatorValue& iv = v(code);
    if (iv.no_data || iv.value >= 100) continue;
    std::string s = iv.label + "为" + percent(iv) + "（" + count_text(iv.numerator) + "/" +
                    count_text(iv.denominator) + "），未达到100%";
    if (code == "adviser.coverage" && !d_.units_without_adviser.empty())
      s += "，尚未聘请法律顾问的单位：" + joined(d_.units_without_adviser, "、");
    gaps.push_back(s + "。");
  }
  // Deadlines overdue on 31 December, by kind: counts and kinds' names only,
  // never a record's key (a public text).
  if (n("alerts.overdue") > 0)
    gaps.push_back("截至" + std::to_string(d_.year) + "年12月31日，已超过法定期限尚未办理的事项" +
                   count_text(n("alerts.overdue")) + "项：" + breakdown("alerts.overdue", "项") + "。");
  if (n("mediation.labour_overdue") > 0)
    gaps.push_back("劳动争议纠纷超过15日未调结" + count_text(n("mediation.labour_overdue")) +
                   "起（劳动争议调解仲裁法 第十四条）。");
  // Error findings, one line per rule: how many, an example, the source.
  std::map<std::string, std::pair<int, json>> by_rule;
  for (const json& f : d_.error_findings) {
    auto& entry = by_rule[f.at("rule").get<std::string>()];
    if (entry.first++ == 0) entry.second = f;
  }
  for (const auto& [rule, entry] : by_rule) {
    const json& f = entry.second;
    std::string s = "违反法定程序的问题" + std::to_string(entry.first) + "个：" +
                    f.at("message").get<std::string>();
    if (entry.first > 1) s += "等";
    s += "（" + f.at("source").get<std::string>() + "）";
    if (f.value("provisional", false)) s += "（期限按暂定节假日安排推算，待复核）";
    gaps.push_back(s + "。");
  }
  return gaps;
}

// What the reader must know about the figures: deadlines that reach into a
// year whose holiday schedule was not yet published were computed by the
// provisional rule, so figures that judge timeliness may still change.
json Writer::notes() {
  json out = json::array();
  for (const auto& [year, records] : d_.provisional_records)
    out.push_back("说明：" + std::to_string(records) + "条记录的办理期限涉及" + std::to_string(year) +
                  "年，该年节假日安排尚未公布，期限按《全国年节及纪念日放假办法》暂定推算，"
                  "相关期限和指标待安排公布后复核。");
  return out;
}

json Writer::leadership() {
  json items = json::array();
  std::vector<std::string> paragraphs, list;
  if (n("leadership.activities") > 0) {
    std::string s = "全年党政主要负责人履行推进法治建设第一责任人职责活动" +
                    count_text(n("leadership.activities")) + "次";
    std::string parts = breakdown("leadership.activities", "次");
    if (!parts.empty()) s += "，其中" + parts;
    paragraphs.push_back(s + "。");
    for (const json& a : d_.activities) {
      std::string kind = a.value("kind", "");
      std::string line = chinese_date(a.value("date", "")) + "，" + d_.activity_labels.value(kind, kind);
      if (a.contains("leader") && a["leader"].is_string()) line += "（" + a["leader"].get<std::string>() + "）";
      if (a.contains("topic") && a["topic"].is_string()) line += "：" + a["topic"].get<std::string>();
      list.push_back(line + "。");
    }
  }
  const bool narrated = std::any_of(d_.narratives.begin(), d_.narratives.end(), [](const json& n) {
    return n.value("section", "") == "leadership";
  });
  if (paragraphs.empty() && !narrated) paragraphs.push_back("本年度无第一责任人履职活动的记录。");
  if (!paragraphs.empty()) items.push_back(item("", paragraphs, list));
  for (json& n : narrative_items("leadership", true)) items.push_back(std::move(n));
  return items;
}

json Writer::model() {
  json m;
  m["title"] = d_.unit_name + std::to_string(d_.year) + "年法治政府建设年度报告";
  m["unit"] = d_.unit;
  m["unit_name"] = d_.unit_name;
  m["year"] = d_.year;

  json preamble = json::array();
  for (const json& n : narrative_items("preamble", false))
    for (const json& p : n.at("paragraphs")) preamble.push_back(p);
  if (preamble.empty())
    preamble.push_back("现将" + d_.unit_name + std::to_string(d_.year) +
                       "年法治政府建设情况报告如下。");
  m["preamble"] = preamble;

  json sections = json::array();
  json measures = json::array({decisions(), advisers(), enforcement(), disputes(), education(),
                               litigation()});
  for (json& n : narrative_items("measures", true)) measures.push_back(std::move(n));
  sections.push_back({{"number", "一"}, {"heading", "推进法治政府建设的主要举措和成效"}, {"items", measures}});

  json shortcomings = narrative_items("shortcomings", true);
  std::vector<std::string> gaps = data_gaps();
  if (!gaps.empty()) shortcomings.push_back(item("数据反映的问题", {}, gaps));
  if (shortcomings.empty()) shortcomings.push_back(item("", {"本年度未记录不足和问题。"}));
  sections.push_back({{"number", "二"}, {"heading", "推进法治政府建设中存在的不足和原因"}, {"items", shortcomings}});

  sections.push_back({{"number", "三"},
                      {"heading", "党政主要负责人履行推进法治建设第一责任人职责情况"},
                      {"items", leadership()}});

  json plans = narrative_items("plans", true);
  if (plans.empty()) plans.push_back(item("", {"暂无下一年度工作安排的记录。"}));
  sections.push_back({{"number", "四"},
                      {"heading", "下一年度推进法治政府建设的主要安排"},
                      {"items", plans}});

  json other = narrative_items("other", true);
  if (!other.empty())
    sections.push_back({{"number", "五"}, {"heading", "其他需要报告的情况"}, {"items", other}});
  for (std::size_t i = 0; i < sections.size(); ++i) sections[i]["number"] = chinese_numeral(static_cast<int>(i) + 1);
  m["sections"] = sections;

  json table = json::array();
  for (const IndicatorValue& iv : d_.indicators)
    table.push_back({{"code", iv.code},
                     {"label", iv.label},
                     {"measure", iv.measure},
                     {"numerator", iv.numerator},
                     {"denominator", iv.measure == "ratio" ? json(iv.denominator) : json(nullptr)},
                     {"value", iv.no_data ? json(nullptr) : json(iv.value)},
                     {"status", iv.no_data ? "no_data" : "ok"},
                     {"text", indicator_value(iv)}});
  m["indicators"] = table;
  m["notes"] = notes();
  if (d_.journal_head.is_object()) m["journal_head"] = d_.journal_head;
  const bool dated = !sign_off_.date.empty();
  m["sign_off"] = {{"issuer", mask_.apply(sign_off_.issuer.empty() ? d_.unit_name : sign_off_.issuer)},
                   {"date", dated ? json(sign_off_.date) : json(nullptr)},
                   {"date_text", dated ? json(chinese_date(sign_off_.date)) : json(nullptr)}};
  m["review_warnings"] = name_review(d_);

  json charts;
  {
    const IndicatorValue& by_category = d_.value("mediation.by_category");
    const json labels = d_.breakdown_labels.value(by_category.breakdown_labels, json::object());
    std::vector<std::pair<std::string, double>> parts(by_category.breakdown.begin(),
                                                      by_category.breakdown.end());
    std::stable_sort(parts.begin(), parts.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    json cats = json::array();
    for (const auto& [code, count] : parts)
      if (count > 0) cats.push_back({{"code", code}, {"label", labels.value(code, code)}, {"value", count}});
    charts["mediation_by_category"] = cats;
  }
  charts["mediation_by_month"] = d_.mediation_received_by_month;
  json rates = json::array();
  for (const char* code :
       {"decision.legality_review_rate", "normative.review_rate", "enforcement.certified_officer_rate",
        "adviser.coverage", "mediation.success_rate", "petition.timely_conclusion_rate",
        "training.participation_rate", "training.exam_excellent_rate"}) {
    const IndicatorValue& iv = d_.value(code);
    if (!iv.no_data)
      rates.push_back({{"code", iv.code},
                       {"label", iv.label},
                       {"numerator", iv.numerator},
                       {"denominator", iv.denominator},
                       {"value", iv.value},
                       {"text", percent(iv)}});
  }
  charts["rates"] = rates;
  m["charts"] = charts;
  return m;
}

}  // namespace

json annual_report_model(const ReportData& data, const SignOff& sign_off) {
  return Writer(data, sign_off).model();
}

std::vector<std::string> sign_off_lines(const json& model) {
  const json& s = model.at("sign_off");
  std::vector<std::string> lines = {s.at("issuer").get<std::string>()};
  if (s.at("date_text").is_string()) lines.push_back(s.at("date_text").get<std::string>());
  return lines;
}

int current_year_in_beijing() {
  const std::time_t beijing = std::time(nullptr) + 8 * 3600;
  std::tm parts{};
  gmtime_r(&beijing, &parts);
  return parts.tm_year + 1900;
}

std::string journal_head_text(const json& head) {
  const std::string seq = std::to_string(head.at("seq").get<std::int64_t>());
  return "全过程记录校验码：" + seq + ":" + head.at("hash").get<std::string>() +
         "（本报告依据的记录，其全过程记录截至第" + seq +
         "条；以此校验码可核验全过程记录此后未被改写或截断。）";
}

}  // namespace fazhi::report

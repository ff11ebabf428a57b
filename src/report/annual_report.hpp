// annual_report.hpp — the annual report on rule-of-law government construction
// (法治政府建设年度报告) of one unit for one year, in the statutory structure:
// 一 measures and results (six computed items, then the unit's own measures),
// 二 shortcomings (the unit's text, then the gaps the data shows), 三 the first
// responsible persons' duties, 四 next year's plans, 五 other matters, and the
// table of every indicator.
//
// The report is built once as a JSON model, which is also the "json" format;
// the Markdown and HTML renderers only lay the model out. Every sentence is
// computed from the data or taken from narrative records; a section without
// data says so in one line; no_data is written 无数据, never 0%; personal names
// held in the database are masked wherever text could carry them.
#pragma once

#include "report/report_data.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace fazhi::report {

// The model:
// {"title", "unit", "unit_name", "year",
//  "preamble": [paragraph...],
//  "sections": [{"number": "一", "heading": "...",
//                "items": [{"heading": "..." | null, "paragraphs": [...], "list": [...],
//                           "codes": [indicator codes the item cites],
//                           "charts": [{"chart": a name of "charts" below,
//                                       "after_paragraph": the index of the
//                                       paragraph it illustrates}]}]}],
//  "indicators": [{"code", "label", "measure", "numerator", "denominator",
//                  "value" (null for no_data), "status", "text"}],
//  "charts": {"mediation_by_category": [{"code", "label", "value"}],
//             "mediation_by_month": [12 counts],
//             "rates": [{"code", "label", "value"}]}
//             (the mediation charts are placed by the item (四) 矛盾纠纷化解
//             that cites them; the rates chart goes with the indicator table),
//  "review_warnings": [{"name", "context", "kind", "key", "field", "message"}]
//                  (report/name_review.hpp: what looks like a personal name
//                  in the records' text that no record holds and the host
//                  did not ask to mask; for the reviewer, never printed in
//                  the Markdown or HTML),
//  "journal_head": {"seq", "hash"} (only when asked for: the journal's head
//                  as the report was drafted, printed as 全过程记录校验码),
//  "sign_off": {"issuer": the issuing body (the option, else the unit's name),
//               "date": "YYYY-MM-DD" or null, "date_text": "2023年1月15日"
//               or null} (公文 end with the issuer and the date, right-aligned;
//               without a date there is no date line)}
//
// The journal head is the one figure that is not the records': the same
// records imported at other times have another journal. So it is printed
// only when asked for, and the same records give the same bytes otherwise.
//
// journal_head_text: the appendix line of that head.
// The sign-off the host asks for (report options "issuer" and "date"): an
// empty issuer means the unit's name, an empty date means no date line.
struct SignOff {
  std::string issuer;
  std::string date;  // "YYYY-MM-DD", checked by the caller
};

nlohmann::json annual_report_model(const ReportData& data, const SignOff& sign_off = {});

// "全过程记录校验码：<seq>:<hash>（…）": the appendix line of a journal head.
std::string journal_head_text(const nlohmann::json& head);

std::string annual_report_markdown(const nlohmann::json& model);

// The current year in Beijing time (UTC+8), where the reports' years are
// counted: a report for a later year needs asking for (Database::report).
int current_year_in_beijing();

// The Word document (report_docx.cpp): the bytes of an Office Open XML
// package laid out per GB/T 9704-2012, the same bytes for the same model.
std::string annual_report_docx(const nlohmann::json& model);

// Self-contained, print-friendly HTML with SVG charts of mediation cases by
// category and by month and of the main rates.
std::string annual_report_html(const nlohmann::json& model);

// The sign-off's lines as the renderers print them: the issuer, then the
// date when there is one.
std::vector<std::string> sign_off_lines(const nlohmann::json& model);

}  // namespace fazhi::report

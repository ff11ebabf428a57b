// docx_chart.hpp — a horizontal bar chart as a native Word chart: a
// DrawingML chart part (word/charts/chartN.xml) holding the figures in its
// caches, so that Word, WPS and LibreOffice draw it without anything else,
// and the workbook it was "made from" embedded beside it
// (word/embeddings/*.xlsx, one sheet: categories in column A, values in B),
// so that Word's 编辑数据 and LibreOffice's data table open the figures for
// editing.
#pragma once

#include <string>
#include <vector>

namespace fazhi::report {

struct BarChart {
  std::string title;   // drawn above the chart: "矛盾纠纷按类别（受理数）"
  std::string series;  // the values' name, the workbook's B1: "受理数"
  std::vector<std::string> labels;
  std::vector<double> values;  // one per label
  // Excel number format of the values and their labels: "General", or
  // "General\"%\"" for percentages stored as 98.5.
  std::string number_format = "General";
  double max = 0;  // the value axis' maximum; 0: the chart program chooses
};

struct ChartParts {
  std::string chart;     // the chart part
  std::string rels;      // its relationships: the embedded workbook
  std::string workbook;  // the embedded workbook's bytes
};

// The parts of `chart`, whose relationships point at `workbook_target`
// (relative to word/charts/, e.g. "../embeddings/chart1.xlsx"). The same
// chart gives the same bytes.
ChartParts bar_chart_parts(const BarChart& chart, const std::string& workbook_target);

}  // namespace fazhi::report

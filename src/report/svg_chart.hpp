// svg_chart.hpp — horizontal bar charts as inline SVG, for the HTML report:
// no script, no external file, printable, and the same bytes for the same data.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace fazhi::report {

// Text made safe for XML and HTML content and attribute values.
std::string xml_escape(const std::string& text);

struct Bar {
  std::string label;  // e.g. "邻里纠纷"
  double value = 0;
  std::string text;   // what is printed beside the bar, e.g. "25起" or "98.5%"
};

// One bar per entry, scaled to `max_value` (the largest value when 0), with
// `title` above. An empty `bars` gives a chart that says 无数据.
std::string svg_bar_chart(const std::string& title, const std::vector<Bar>& bars,
                          double max_value = 0);

}  // namespace fazhi::report

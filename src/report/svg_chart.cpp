#include "report/svg_chart.hpp"

#include "utf8.hpp"

#include <algorithm>
#include <cstdio>

namespace fazhi::report {

std::string xml_escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

namespace {

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

}  // namespace

std::string svg_bar_chart(const std::string& title, const std::vector<Bar>& bars, double max_value) {
  // Layout in user units: labels on the left, as wide as the longest needs
  // (a CJK character is about one 12px em), bars in the middle, the figure on
  // the right.
  std::size_t longest = 0;
  for (const Bar& b : bars) longest = std::max(longest, utf8_length(b.label));
  const double label_width = std::max(60.0, 13.0 * static_cast<double>(longest) + 10);
  constexpr double kBarWidth = 330, kTextWidth = 80, kRow = 22, kTop = 30;
  if (max_value <= 0)
    for (const Bar& b : bars) max_value = std::max(max_value, b.value);
  const double height = kTop + kRow * static_cast<double>(std::max<std::size_t>(bars.size(), 1)) + 10;
  const double width = label_width + kBarWidth + kTextWidth;
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 " +
                    number(width) + " " + number(height) + "\" width=\"" + number(width) +
                    "\" height=\"" + number(height) + "\" aria-label=\"" + xml_escape(title) + "\">\n";
  svg += "<title>" + xml_escape(title) + "</title>\n";
  svg += "<text x=\"0\" y=\"18\" class=\"chart-title\">" + xml_escape(title) + "</text>\n";
  if (bars.empty()) {
    svg += "<text x=\"" + number(label_width) + "\" y=\"" + number(kTop + 15) + "\">无数据</text>\n";
  }
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const Bar& b = bars[i];
    const double y = kTop + kRow * static_cast<double>(i);
    const double w = max_value > 0 ? kBarWidth * std::clamp(b.value / max_value, 0.0, 1.0) : 0;
    svg += "<text x=\"" + number(label_width - 6) + "\" y=\"" + number(y + 15) +
           "\" text-anchor=\"end\">" + xml_escape(b.label) + "</text>";
    svg += "<rect x=\"" + number(label_width) + "\" y=\"" + number(y + 3) + "\" width=\"" + number(w) +
           "\" height=\"" + number(kRow - 6) + "\" class=\"bar\"/>";
    svg += "<text x=\"" + number(label_width + w + 4) + "\" y=\"" + number(y + 15) + "\">" +
           xml_escape(b.text) + "</text>\n";
  }
  svg += "</svg>\n";
  return svg;
}

}  // namespace fazhi::report

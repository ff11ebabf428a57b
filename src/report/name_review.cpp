#include "report/name_review.hpp"

#include "domain/name_mask.hpp"
#include "report/likely_names.hpp"

#include <string>

namespace fazhi::report {

using json = nlohmann::json;

namespace {

// The free texts of one record the report prints, by field.
template <typename Visit>
void each_text(const json& records, const char* kind, std::initializer_list<const char*> fields,
               Visit&& visit) {
  for (const json& r : records)
    for (const char* f : fields)
      if (r.contains(f) && r[f].is_string()) visit(kind, r.value("key", ""), f, r[f].get<std::string>());
}

}  // namespace

json name_review(const ReportData& d) {
  const domain::NameMask mask(d.personal_names, d.organisation_names);
  json warnings = json::array();
  std::size_t unchecked = 0;
  auto check = [&](const char* kind, const std::string& key, const char* field, const std::string& text) {
    if (warnings.size() >= kMaxNameWarnings) {
      ++unchecked;
      return;
    }
    for (LikelyName& n : likely_personal_names(mask.apply(text), kMaxNameWarnings - warnings.size()))
      warnings.push_back({{"name", n.name},
                          {"context", n.context},
                          {"kind", kind},
                          {"key", key},
                          {"field", field},
                          {"message", "疑似未遮蔽的人名“" + n.name + "”（" + kind + " " + key + " " + field +
                                          "：" + n.context +
                                          "）：如为人名，请改写，或列入遮蔽名单（mask_names 或 masked_name 记录）"}});
  };
  each_text(d.narratives, "narrative", {"heading", "body"}, check);
  each_text(d.activities, "leadership_activity", {"leader", "topic"}, check);
  if (unchecked > 0)
    warnings.push_back({{"name", nullptr},
                        {"context", nullptr},
                        {"kind", nullptr},
                        {"key", nullptr},
                        {"field", nullptr},
                        {"message", "已列出 " + std::to_string(kMaxNameWarnings) + " 处疑似人名，另有 " +
                                        std::to_string(unchecked) + " 段文字未检查"}});
  return warnings;
}

}  // namespace fazhi::report

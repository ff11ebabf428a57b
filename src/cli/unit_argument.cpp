#include "unit_argument.hpp"

#include "library.hpp"
#include "nearest.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <tuple>
#include <vector>

namespace fazhi::cli {
namespace {

using json = nlohmann::json;

json list_units(fz_db* db, const json& query) {
  FzText out;
  check(fz_list(db, "org_unit", query.dump().c_str(), out.out()), "查找单位");
  return out.json("查找单位");
}

// Up to three units whose key or name is nearest `given` (by at most half
// its length), as "key（name）".
std::string suggestions(fz_db* db, const std::string& given) {
  // Bounded: a typo is looked for among the first 10 000 units.
  const json units = list_units(db, {{"limit", 10000}});
  const std::vector<std::string_view> typed = fazhi::characters(given);
  const std::size_t limit = std::max<std::size_t>(1, typed.size() / 2);
  std::vector<std::tuple<std::size_t, std::string, std::string>> near;
  for (const json& u : units["items"]) {
    const std::string key = u.value("code", u.value("key", std::string()));
    const std::string name = u.value("name", std::string());
    const std::size_t d = std::min(edit_distance(typed, characters(key)), edit_distance(typed, characters(name)));
    if (d <= limit) near.emplace_back(d, key, name);
  }
  std::sort(near.begin(), near.end());
  std::string out;
  for (std::size_t i = 0; i < near.size() && i < 3; ++i)
    out += (i ? "、" : "") + std::get<1>(near[i]) + "（" + std::get<2>(near[i]) + "）";
  return out;
}

}  // namespace

std::string unit_key(fz_db* db, const std::string& given) {
  {
    FzText record;
    if (fz_get(db, "org_unit", given.c_str(), record.out()) == FZ_OK) return given;
  }
  const json by_name = list_units(db, {{"where", {{"name", given}}}, {"limit", 10}});
  const auto& items = by_name["items"];
  if (items.size() == 1) return items[0].value("code", items[0].value("key", given));
  if (items.size() > 1) {
    std::string keys;
    for (const json& u : items) keys += (keys.empty() ? "" : "、") + u.value("code", u.value("key", std::string()));
    throw CliError(kExitData, "单位名称“" + given + "”不唯一（" + keys + "），请用单位编码");
  }
  std::string message = "没有编码或名称为“" + given + "”的单位";
  if (const std::string near = suggestions(db, given); !near.empty()) message += "；您是否要找：" + near;
  throw CliError(kExitData, message);
}

}  // namespace fazhi::cli

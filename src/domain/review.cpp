#include "domain/review.hpp"

#include <fazhi/error.hpp>

namespace fazhi::domain {

const std::vector<Code>& review_result_codes() {
  static const std::vector<Code> c = {
      {"lawful", "合法"}, {"lawful_with_revisions", "修改后合法"}, {"unlawful", "不合法"}};
  return c;
}

void flatten_review(json& v, const std::string& object_field) {
  v.erase("review_completed");
  v.erase("review_result");
  if (!v.contains(object_field)) return;
  const json& r = v[object_field];
  for (auto it = r.begin(); it != r.end(); ++it) {
    const std::string name = object_field + "." + it.key();
    if (it.key() == "completed") {
      if (!it->is_string()) throw Error(Status::argument, name, "expected a date YYYY-MM-DD");
      v["review_completed"] = format_date(parse_date(it->get<std::string>(), name));
    } else if (it.key() == "result") {
      std::string code = it->is_string() ? it->get<std::string>() : "";
      bool known = false;
      for (const Code& c : review_result_codes()) known = known || c.code == code;
      if (!known) throw Error(Status::argument, name, "expected lawful|lawful_with_revisions|unlawful");
      v["review_result"] = code;
    } else {
      throw Error(Status::argument, name, "unknown field of a review (completed, result)");
    }
  }
  if (!v.contains("review_result"))
    throw Error(Status::argument, object_field + ".result", "is required");
}

bool review_passed_by(const json& v, const std::string& day) {
  std::string result = str(v, "review_result"), completed = str(v, "review_completed");
  return (result == "lawful" || result == "lawful_with_revisions") && !completed.empty() &&
         completed <= day;
}

std::vector<Field> review_members() {
  return {date("completed", "审核完成日期"), code("result", "审核结论", review_result_codes())};
}

std::vector<Field> review_fields() {
  return {date("review_completed", "审核完成日期").computed(),
          code("review_result", "审核结论", review_result_codes()).computed()};
}

}  // namespace fazhi::domain

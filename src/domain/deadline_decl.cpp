#include "domain/deadline_decl.hpp"

namespace fazhi::domain {

const char* counting_code(Counting c) {
  switch (c) {
    case Counting::calendar_days:
      return "calendar_days";
    case Counting::working_days:
      return "working_days";
    case Counting::fixed_date:
      return "fixed_date";
  }
  return "";
}

const char* counting_label(Counting c) {
  switch (c) {
    case Counting::calendar_days:
      return "自然日（期限届满日为法定休假日的，顺延至休假日结束的次日）";
    case Counting::working_days:
      return "工作日";
    case Counting::fixed_date:
      return "到期日";
  }
  return "";
}

}  // namespace fazhi::domain

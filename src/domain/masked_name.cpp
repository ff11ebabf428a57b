// masked_name — a name the host stores once so that every document fazhi
// writes for readers outside the office masks it (胡开堂 -> 胡某某), though
// no other record holds it: a petitioner named in last year's report, a
// party known only from a paper file. Database-wide, like the names held in
// records: a report of any unit masks it.
#include "domain/kind.hpp"

namespace fazhi::domain {

namespace kinds {
Kind masked_name() {
  Kind k("masked_name", "遮蔽人名");
  k.unit_column.clear();  // masked in every unit's documents
  k.fields = {
      text("name", "姓名").req().personal(),
      text("note", "说明"),
  };
  return k;
}
}  // namespace kinds

}  // namespace fazhi::domain

#include "report/history_document.hpp"

#include "domain/kind.hpp"
#include "store/journal.hpp"

#include <optional>
#include <sstream>

namespace fazhi::report {
namespace {

using json = nlohmann::json;
using domain::Field;
using domain::FieldType;
using domain::Kind;

// Markdown table cells must not break the table.
std::string cell(std::string s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += "\\|";
    else if (c == '\n' || c == '\r') out += ' ';
    else out += c;
  }
  return out;
}

std::string op_label(const Kind& kind, const std::string& op) {
  if (op == "create") return "登记";
  if (op == "update") return "更新";
  if (op == "patch") return "修改";
  if (op == "recompute") return "按节假日安排重算期限";
  if (op == store::kMoveOp) return "转入（数据库升级）";
  if (op == store::kSealOp) return "封存记录状态（数据库升级）";
  if (const domain::Action* a = kind.find_action(op)) return a->label;
  return op;
}

// {"accept_deadline": [2027]} -> "accept_deadline（2027年安排未公布）" with field
// labels: which deadlines the provisional holiday rule computed.
std::string provisional_text(const Kind& kind, const json& marks) {
  std::string out;
  for (auto it = marks.begin(); it != marks.end(); ++it) {
    const Field* f = kind.find_field(it.key());
    std::string years;
    for (const json& y : *it) years += (years.empty() ? "" : "、") + y.dump() + "年";
    out += (out.empty() ? "" : "；") + (f ? f->label : it.key()) + "（" + years + "节假日安排未公布，暂定）";
  }
  return out;
}

// One value of `f` in Chinese: a code by its label, a reference by the
// referenced record's name and key, an object by its members' labels.
std::string describe_value(const Field* f, const json& v, const RecordName& name_of);

// "阳新经济开发区管委会（yx-kfq）", or the key alone when the record has no name.
std::string describe_ref(const Field& f, const json& v, const RecordName& name_of) {
  if (!v.is_string()) return v.dump();
  const std::string key = v.get<std::string>();
  const std::string name = name_of(f.ref_kind, key);
  return name.empty() || name == key ? key : name + "（" + key + "）";
}

// An object's members "审核完成日期：2022-03-01，审核结论：合法", in declaration
// order; a member the declaration lacks keeps its name.
std::string describe_object(const Field& f, const json& v, const RecordName& name_of) {
  std::string out;
  for (const Field& m : f.members)
    if (auto it = v.find(m.name); it != v.end())
      out += (out.empty() ? "" : "，") + m.label + "：" + describe_value(&m, *it, name_of);
  for (auto it = v.begin(); it != v.end(); ++it)
    if (!f.find_member(it.key()))
      out += (out.empty() ? "" : "，") + it.key() + "：" + describe_value(nullptr, *it, name_of);
  return out;
}

// An item of an object list (a mediation party) "林某乙（申请人，自然人）": its
// first member as it is, the others by their labels in brackets.
std::string describe_item(const Field& f, const json& item, const RecordName& name_of) {
  if (f.members.empty()) return item.dump();
  std::string first, rest;
  for (const Field& m : f.members) {
    auto it = item.find(m.name);
    if (it == item.end()) continue;
    const std::string value = describe_value(&m, *it, name_of);
    if (&m == &f.members.front()) first = value;
    else rest += (rest.empty() ? "" : "，") + value;
  }
  for (auto it = item.begin(); it != item.end(); ++it)
    if (!f.find_member(it.key()))
      rest += (rest.empty() ? "" : "，") + it.key() + "：" + describe_value(nullptr, *it, name_of);
  return rest.empty() ? first : first + "（" + rest + "）";
}

std::string describe_value(const Field* f, const json& v, const RecordName& name_of) {
  if (v.is_null()) return "（清除）";
  if (v.is_boolean()) return v.get<bool>() ? "是" : "否";
  if (f && f->type == FieldType::ref) return describe_ref(*f, v, name_of);
  if (f && f->type == FieldType::object && v.is_object() && !f->members.empty())
    return describe_object(*f, v, name_of);
  if (v.is_string()) {
    std::string s = v.get<std::string>();
    if (f && f->type == FieldType::code)
      if (const domain::Code* c = f->find_code(s)) return c->label;
    return s;
  }
  if (v.is_array()) {
    std::string s;
    for (const json& item : v) {
      std::string one;
      if (f && f->type == FieldType::ref_list) one = describe_ref(*f, item, name_of);
      else if (f && item.is_object()) one = describe_item(*f, item, name_of);
      else if (item.is_string()) one = item.get<std::string>();
      else one = item.dump();
      s += (s.empty() ? "" : "、") + one;
    }
    return s;
  }
  return v.dump();
}

// "标签：值；标签：值" for the fields of a change, in declaration order.
std::string describe_change(const Kind& kind, const std::string& op, const json& change,
                            const RecordName& name_of) {
  std::vector<const Field*> order;
  if (const domain::Action* a = kind.find_action(op)) {
    for (const Field& f : a->args) order.push_back(&f);
  } else {
    for (const Field& f : kind.fields) order.push_back(&f);
    order.push_back(&domain::ext_field());
  }
  order.push_back(&domain::provisional_field());
  std::string out;
  // A moved record's first entry of its kind names where it was.
  if (auto from = change.find("from"); op == store::kMoveOp && from != change.end() && from->is_object()) {
    const std::string from_kind = from->value("kind", std::string());
    const domain::Kind* was = nullptr;
    for (const Kind* k : domain::all_kinds())
      if (k->name == from_kind) was = k;
    out = "原记录：" + (was ? was->label + "（" + from_kind + "）" : from_kind) + " " +
          from->value("id", json()).dump() + " 号";
  }
  for (const Field* f : order) {
    auto it = change.find(f->name);
    if (it == change.end()) continue;
    std::string value = f == &domain::provisional_field() && it->is_object()
                            ? provisional_text(kind, *it)
                            : describe_value(f, *it, name_of);
    if (f->type == FieldType::money && it->is_string()) value += " 元";
    out += (out.empty() ? "" : "；") + (f->label.empty() ? f->name : f->label) + "：" + value;
  }
  // A seal changes nothing: it states the record as it was at the upgrade.
  if (op == store::kSealOp) return "记录当时的状态由本条的状态校验值证明";
  // A recompute lists the record's findings when they changed.
  if (auto it = change.find("findings"); it != change.end() && it->is_array()) {
    std::string found;
    for (const json& f : *it)
      found += (found.empty() ? "" : "、") + f.value("message", std::string()) +
               (f.value("provisional", false) ? "（暂定）" : "");
    out += (out.empty() ? "" : "；") + std::string("发现问题：") + (found.empty() ? "无" : found);
  }
  return out;
}

}  // namespace

std::string beijing_time(const std::string& utc) {
  const std::optional<std::int64_t> ms = store::parse_utc_ms(utc);
  if (!ms) return utc;
  // China keeps UTC+8 all year (no summer time since 1991).
  const std::string t = store::format_utc_ms(*ms + 8 * 3600 * 1000);
  return t.substr(0, 10) + " " + t.substr(11, 8);
}

std::string history_markdown(const json& h, const RecordName& name_of) {
  const Kind& kind = domain::kind_named(h.at("kind").get<std::string>());
  const json& record = h.at("record");
  std::string title = record.value("title", record.value("name", h.at("key").get<std::string>()));
  std::ostringstream md;
  md << "# 全过程记录：" << kind.label << "「" << title << "」\n\n";
  md << "- 记录类型：" << kind.label << "（" << kind.name << "）\n";
  md << "- 编号：" << h.at("key").get<std::string>() << "\n";
  if (record.contains("status")) {
    const Field* f = kind.find_field("status");
    md << "- 当前状态：" << describe_value(f, record["status"], name_of) << "\n";
  }
  if (record.contains("provisional_deadlines"))
    md << "- 暂定期限：" << provisional_text(kind, record["provisional_deadlines"]) << "\n";
  const json& v = h.at("verification");
  md << "- 日志链校验：";
  if (v.value("ok", false))
    md << "完整，全库共 " << v.value("entries", 0) << " 条日志，哈希链逐条核验一致\n";
  else
    md << "**异常**：自第 " << v.value("first_bad", json(0)).dump() << " 条起不一致（"
       << v.value("message", "") << "）\n";
  md << "\n## 办理经过\n\n";
  if (!h.at("entries").empty()) md << "时间为北京时间（UTC+8）。\n\n";
  const json& entries = h.at("entries");
  if (entries.empty()) {
    md << "无记录。\n";
  } else {
    md << "| 序号 | 时间 | 经办 | 环节 | 内容 |\n|---:|---|---|---|---|\n";
    for (const json& e : entries) {
      std::string op = e.at("op").get<std::string>();
      // An entry journaled under another kind (a moved record's earlier
      // history) reads with that kind's fields and actions.
      const Kind* entry_kind = &kind;
      for (const Kind* k : domain::all_kinds())
        if (k->name == e.value("kind", std::string())) entry_kind = k;
      md << "| " << e.at("seq").get<std::int64_t>() << " | " << beijing_time(e.at("at").get<std::string>()) << " | "
         << cell(e.at("actor").get<std::string>()) << " | " << cell(op_label(*entry_kind, op)) << " | "
         << cell(describe_change(*entry_kind, op, e.at("change"), name_of)) << " |\n";
    }
  }
  md << "\n## 日志哈希\n\n";
  for (const json& e : entries)
    md << "- 第 " << e.at("seq").get<std::int64_t>() << " 条：`" << e.at("hash").get<std::string>() << "`\n";
  return md.str();
}

}  // namespace fazhi::report

// fazhi verify DB: recomputes the journal's hash chain (全过程记录), proves
// every record by it (fz_journal_verify_with), checks a head recorded
// earlier and, with the key in FAZHI_JOURNAL_KEY, the keyed checkpoints.
// Prints what it found and the head to record; anything that does not match
// is a data error (exit 1).
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "commands.hpp"
#include "console.hpp"
#include "library.hpp"
#include "unit_argument.hpp"
#include "validators.hpp"

namespace fazhi::cli {

namespace {

struct VerifyArgs {
  std::string db;
  std::string kind;
  std::string unit;
  std::string head;  // "SEQ:HASH" as verify prints it
  bool chain_only = false;
  std::string format = "text";
};

// "SEQ:HASH" -> {"seq", "hash"}; a malformed head is a usage error.
nlohmann::json parse_head(const std::string& text) {
  const std::size_t colon = text.find(':');
  bool digits = colon != std::string::npos && colon > 0 && colon < 19;
  for (std::size_t i = 0; digits && i < colon; ++i) digits = text[i] >= '0' && text[i] <= '9';
  if (!digits)
    throw CliError(kExitUsage, "--head: 应为 序号:哈希 (fazhi verify 打印的日志头), 而不是 '" + text + "'");
  return {{"seq", std::stoll(text.substr(0, colon))}, {"hash", text.substr(colon + 1)}};
}

const char* problem_label(const std::string& problem) {
  if (problem == "changed") return "与日志不符";
  if (problem == "unjournaled") return "无日志记载";
  return "记录已不存在";
}

void print_text(const nlohmann::json& r, const std::string& path) {
  const std::int64_t entries = r.value("entries", std::int64_t{0});
  std::string first_failure;
  const bool chain_ok = !r["first_bad"].is_number_integer();
  if (chain_ok) {
    console::out("日志 " + std::to_string(entries) + " 条: 完好\n");
  } else {
    const std::string where = "第 " + std::to_string(r["first_bad"].get<std::int64_t>()) + " 条";
    console::out("日志 " + std::to_string(entries) + " 条: 从" + where + "起不符\n");
    first_failure = where + "不符: " + r.value("message", std::string());
  }
  if (const auto rec = r.find("records"); rec != r.end()) {
    const std::int64_t problems = (*rec)["changed"].get<std::int64_t>() +
                                  (*rec)["unjournaled"].get<std::int64_t>() +
                                  (*rec)["missing"].get<std::int64_t>();
    const std::string head = "记录 " + std::to_string((*rec)["checked"].get<std::int64_t>()) + " 条: ";
    if (problems == 0) {
      console::out(head + "与日志相符\n");
    } else {
      console::out(head + std::to_string(problems) + " 处与日志不符\n");
      for (const nlohmann::json& p : (*rec)["problems"]) {
        std::string line = "  " + std::string(problem_label(p["problem"].get<std::string>())) + "  " +
                           p["kind"].get<std::string>() + "  " + p["key"].get<std::string>();
        if (p["seq"].is_number_integer()) line += "  (日志第 " + std::to_string(p["seq"].get<std::int64_t>()) + " 条)";
        console::out(line + "\n");
      }
      if ((*rec)["listed"].get<std::int64_t>() < problems)
        console::out("  …… 另有 " + std::to_string(problems - (*rec)["listed"].get<std::int64_t>()) + " 处\n");
      if (first_failure.empty()) first_failure = r.value("message", std::string());
    }
  }
  if (const auto a = r.find("anchor"); a != r.end()) {
    const std::string anchor = std::to_string((*a)["seq"].get<std::int64_t>()) + ":" + (*a)["hash"].get<std::string>();
    if ((*a)["ok"].get<bool>()) {
      console::out("日志头 " + anchor + ": 仍在链上\n");
    } else {
      console::out("日志头 " + anchor + ": 不在链上\n");
      if (first_failure.empty()) first_failure = (*a)["message"].get<std::string>();
    }
  }
  const nlohmann::json& c = r["checkpoints"];
  if (c["checked"].get<bool>()) {
    if (c["ok"].get<bool>()) {
      console::out("密钥校验点 " + std::to_string(c["count"].get<std::int64_t>()) + " 个: 完好\n");
    } else {
      console::out("密钥校验点 " + std::to_string(c["count"].get<std::int64_t>()) + " 个: 不符\n");
      if (first_failure.empty()) first_failure = c["message"].get<std::string>();
    }
  } else if (c["count"].get<std::int64_t>() > 0) {
    console::out("密钥校验点 " + std::to_string(c["count"].get<std::int64_t>()) + " 个: 未校验 (未设 " +
                 kJournalKeyVariable + ")\n");
  }
  const nlohmann::json& head = r["head"];
  console::out("日志头: " + std::to_string(head["seq"].get<std::int64_t>()) + ":" +
               head["hash"].get<std::string>() + "\n");
  if (!r.value("ok", false))
    throw CliError(kExitData, "校验日志 " + path + ": " +
                                  (first_failure.empty() ? r.value("message", std::string()) : first_failure));
}

void run_verify(const VerifyArgs& args) {
  nlohmann::json options = nlohmann::json::object();
  if (args.chain_only) options["records"] = false;
  if (!args.kind.empty()) options["kind"] = args.kind;
  if (!args.head.empty()) options["head"] = parse_head(args.head);
  Database db(args.db, {{"create", false}});
  if (!args.unit.empty()) options["unit"] = unit_key(db.get(), args.unit);
  FzText result;
  check_user_input(fz_journal_verify_with(db.get(), options.dump().c_str(), result.out()), "校验日志");
  const nlohmann::json r = result.json("校验日志");
  db.close();
  if (args.format == "json") {
    console::out(r.dump(2) + "\n");
    if (!r.value("ok", false))
      throw CliError(kExitData, "校验日志 " + args.db + ": " + r.value("message", std::string()));
    return;
  }
  print_text(r, args.db);
}

}  // namespace

void add_verify_command(CLI::App& app) {
  auto args = std::make_shared<VerifyArgs>();
  CLI::App* cmd = app.add_subcommand(
      "verify", "校验日志哈希链, 并以日志证明每条记录; 有不符时退出码为 1");
  cmd->add_option("DB", args->db, "数据库文件")->required()->check(existing_database());
  cmd->add_option("--kind", args->kind, "只证明这一类记录, 如 mediation_case");
  cmd->add_option("--unit", args->unit, "只证明这个单位及其下级单位的记录 (单位代码)");
  cmd->add_option("--head", args->head,
                  "此前记下的日志头 序号:哈希 (本命令最后一行打印的), 校验它仍在链上");
  cmd->add_flag("--chain-only", args->chain_only, "只校验哈希链, 不证明记录");
  cmd->add_option("--format", args->format, "输出格式")->check(CLI::IsMember({"text", "json"}));
  cmd->footer("密钥校验点的密钥取自环境变量 FAZHI_JOURNAL_KEY (至少 16 字节), 不从命令行读取。");
  cmd->callback([args] { run_verify(*args); });
}

}  // namespace fazhi::cli

// fazhi report DB --unit U --year Y [--format markdown|html|json|docx]
// [--output FILE] [--issuer NAME] [--date YYYY-MM-DD] [--min-yuan N]
// [--journal-head] [--future-year] [--mask-name NAME...]: drafts the annual
// report (法治政府建设年度报告) of a unit. docx (a Word document in the 公文
// layout) is binary and needs --output; the library writes it
// (fz_report_file). What looks like a personal name that the report would
// print unmasked (fz_report_review) is listed on stderr for the reviewer,
// whatever the format.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "console.hpp"
#include "library.hpp"
#include "unit_argument.hpp"
#include "store/file_target.hpp"
#include "validators.hpp"

namespace fazhi::cli {
namespace {

struct Options {
  std::string path, unit, format = "markdown", output, issuer, date;
  int year = 0;
  std::optional<double> min_yuan;
  bool journal_head = false;
  bool future_year = false;
  std::vector<std::string> mask_names;
};

// The review's warnings, one line each on stderr: the report itself is
// written as it is, the reviewer decides.
void print_review(Database& db, const std::string& unit, int year, const nlohmann::json& options) {
  FzText review;
  const std::string doing = "检查 " + unit + " " + std::to_string(year) + " 年度报告中的人名";
  check_user_input(fz_report_review(db.get(), unit.c_str(), year, options.dump().c_str(), review.out()),
                   doing);
  // Held in a local: a range-for over a member of a temporary would read
  // the temporary after it is destroyed.
  const nlohmann::json answer = review.json(doing);
  for (const nlohmann::json& w : answer.at("warnings"))
    console::err("fazhi: 审查提示: " + w.at("message").get<std::string>() + "\n");
}

void run_report(const Options& o) {
  Database db(o.path, {{"create", false}, {"read_only", true}});
  nlohmann::json options = nlohmann::json::object();
  if (o.min_yuan) options["params"] = {{"min_yuan", *o.min_yuan}};
  if (o.journal_head) options["journal_head"] = true;
  if (o.future_year) options["future_year"] = true;
  nlohmann::json review_options = nlohmann::json::object();
  if (!o.mask_names.empty()) options["mask_names"] = review_options["mask_names"] = o.mask_names;
  if (!o.issuer.empty()) options["issuer"] = o.issuer;
  if (!o.date.empty()) options["date"] = o.date;
  FzText text;
  const std::string unit = unit_key(db.get(), o.unit);
  if (o.format == "docx") {
    // Binary: the library writes the file, by the same rules as below.
    if (o.output.empty())
      throw CliError(kExitUsage, "--format docx 是二进制文件，须用 --output 指定写入的文件");
    check_user_input(fz_report_file(db.get(), unit.c_str(), o.year, "docx", options.dump().c_str(),
                                    o.output.c_str()),
                     "写入 " + o.output);
    print_review(db, unit, o.year, review_options);
    console::out("已写入 " + o.output + "\n");
    return;
  }
  check_user_input(fz_report(db.get(), unit.c_str(), o.year, o.format.c_str(),
                             options.dump().c_str(), text.out()),
                   "起草 " + unit + " " + std::to_string(o.year) + " 年度报告");
  print_review(db, unit, o.year, review_options);
  if (o.output.empty()) {
    console::out(std::string(text.view()) + (o.format == "json" ? "\n" : ""));
    return;
  }
  // The file gets the UTF-8 bytes as the library wrote them, whatever the
  // terminal's encoding, by the rules of every file fazhi writes: never over
  // the database or its -wal/-shm/-journal, never over anything but a regular
  // file, through a temporary file beside it that replaces it at the end.
  try {
    store::FileTarget file(o.output, store::database_files(o.path));
    file.write(text.view());
    file.commit();
  } catch (const store::FileTargetError& e) {
    throw CliError(e.reason() == store::FileTargetError::Reason::refused ? kExitUsage : kExitData,
                   "写入 " + o.output + ": " + e.what());
  }
  console::out("已写入 " + o.output + "\n");
}

}  // namespace

void add_report_command(CLI::App& app) {
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("report", "起草法治政府建设年度报告");
  cmd->add_option("DB", o->path, "数据库文件")->required()->check(existing_database());
  cmd->add_option("--unit", o->unit, "单位编号（含下级单位）")->required();
  cmd->add_option("--year", o->year, "报告年度, 如 2022")->required()->check(CLI::Range(1900, 9999));
  cmd->add_option("--format", o->format, "输出格式")
      ->check(CLI::IsMember({"markdown", "html", "json", "docx"}));
  cmd->add_option("--output", o->output, "写入文件（默认输出到终端）");
  cmd->add_option("--issuer", o->issuer, "落款的发文机关署名（默认单位名称）");
  cmd->add_option("--date", o->date, "落款的成文日期, 如 2023-01-15（默认不写日期）");
  cmd->add_option("--min-yuan", o->min_yuan, "“涉案金额较大”的起点（元），默认 500000");
  cmd->add_flag("--journal-head", o->journal_head,
                "附录中打印全过程记录校验码（日志头: 序号:哈希），供日后 fazhi verify --head 核验");
  cmd->add_option("--mask-name", o->mask_names,
                  "另需遮蔽的人名（可多次给出），如往年报告中的信访人；数据库中记录的人名总会遮蔽");
  cmd->add_flag("--future-year", o->future_year, "允许起草尚未开始的年度的报告（默认拒绝）");
  cmd->callback([o] { run_report(*o); });
}

}  // namespace fazhi::cli

// print_success_rate — fazhi's C++ API (fazhi::core) in one page: open a
// database, import the Yangxin 2022 sample data, print one indicator.
//
//   print_success_rate examples/yangxin-2022
//   调解成功率 98.5% (132/134)
//
// The directory's import_order.txt names the NDJSON files to import, one per
// line, in order (parents before the records that name them); names that do
// not exist (yet) are skipped. Failures are thrown as fazhi::Error.
#include <fazhi/database.hpp>

#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

namespace {

void import_sample(fazhi::Database& db, const std::filesystem::path& dir) {
  std::ifstream order(dir / "import_order.txt");
  if (!order) {
    throw fazhi::Error(fazhi::Status::io, (dir / "import_order.txt").string() +
                                              ": cannot be read");
  }
  std::string name;
  while (std::getline(order, name)) {
    while (!name.empty() && std::isspace(static_cast<unsigned char>(name.back()))) {
      name.pop_back();
    }
    if (name.empty() || name[0] == '#') continue;
    const auto path = dir / name;
    if (!std::filesystem::exists(path)) continue;  // not part of the sample yet

    const fazhi::ImportSummary summary = db.import_file(path.string(), {});
    std::cerr << name << ": " << summary.to_json().dump() << '\n';
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: " << argv[0] << " SAMPLE_DIR\n";
    return 2;
  }
  try {
    auto db = fazhi::Database::open(":memory:");
    import_sample(*db, argv[1]);

    // The zone and every unit below it, calendar year 2022.
    const fazhi::IndicatorValue rate =
        db->indicator("mediation.success_rate", "yx-kfq", "2022");
    if (rate.no_data) {
      std::cout << rate.label << " 无数据 (0/0)\n";  // no concluded case: no rate
      return 0;
    }
    char percent[32];
    std::snprintf(percent, sizeof percent, "%.1f%%", rate.value);
    std::cout << rate.label << ' ' << percent << " (" << rate.numerator << '/'
              << rate.denominator << ")\n";
    return 0;
  } catch (const fazhi::Error& e) {
    std::cerr << "print_success_rate: " << fazhi::status_name(e.status()) << ": "
              << e.what() << '\n';
    return 1;
  }
}

// cpp_consumer — a C++ host of the installed libfazhi-core.a (fazhi::core):
// stores one unit and one mediation committee and reads an indicator back.
// Prints "cpp_consumer ok" and exits 0 on success.
#include <fazhi/fazhi.hpp>

#include <iostream>

int main() {
  try {
    auto db = fazhi::Database::open(":memory:");
    db->put("org_unit", {{"code", "cpp-unit"},
                         {"name", "测试单位"},
                         {"kind", "department"},
                         {"active_from", "2022-01-01"}});
    const auto unit = db->get("org_unit", "cpp-unit");
    const auto value = db->indicator("mediation.received", "cpp-unit", "2022");
    std::cout << "cpp_consumer ok " << unit.at("name").get<std::string>() << ' '
              << value.label << ' ' << value.value << '\n';
    return 0;
  } catch (const fazhi::Error& e) {
    std::cerr << "cpp_consumer: " << fazhi::status_name(e.status()) << ": " << e.what()
              << '\n';
    return 1;
  }
}

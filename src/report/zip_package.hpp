// zip_package.hpp — a zip archive built in memory with libzip, the container
// of Office Open XML packages (DOCX, and the workbook a Word chart embeds).
//
// The bytes depend on the entries alone: entries are written in the order
// they were added, deflated, and every entry's modification time is the zip
// format's first representable moment, 1980-01-01 00:00 (what reproducible
// builds use), so that the same content gives the same bytes on every run.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace fazhi::report {

class ZipPackage {
 public:
  // Adds an entry named `name` ("word/document.xml") holding `bytes`. A name
  // given twice is Error(internal): a package's part names are unique.
  void add(std::string name, std::string bytes);

  // The archive's bytes. Throws Error(internal) when libzip fails (it only
  // can for lack of memory: nothing touches the file system).
  std::string bytes() const;

 private:
  std::vector<std::pair<std::string, std::string>> entries_;
};

}  // namespace fazhi::report

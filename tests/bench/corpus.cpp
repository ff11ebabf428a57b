#include "corpus.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <stdexcept>

#include "case_sequence.hpp"
#include "dates.hpp"
#include "ndjson_lines.hpp"
#include "working_days.hpp"

namespace bench {
namespace {

class OutFile {
 public:
  explicit OutFile(const std::string& path) : path_(path), f_(std::fopen(path.c_str(), "wb")) {
    if (!f_) throw std::runtime_error("cannot write " + path + ": " + std::strerror(errno));
  }
  ~OutFile() {
    if (f_) std::fclose(f_);
  }
  OutFile(const OutFile&) = delete;
  OutFile& operator=(const OutFile&) = delete;

  void write(const std::string& text) {
    if (std::fwrite(text.data(), 1, text.size(), f_) != text.size())
      throw std::runtime_error("cannot write " + path_ + ": " + std::strerror(errno));
    bytes_ += text.size();
  }
  void close() {
    std::FILE* f = f_;
    f_ = nullptr;
    if (std::fclose(f) != 0) throw std::runtime_error("cannot write " + path_ + ": " + std::strerror(errno));
  }
  std::uint64_t bytes() const { return bytes_; }

 private:
  std::string path_;
  std::FILE* f_;
  std::uint64_t bytes_ = 0;
};

}  // namespace

Corpus write_corpus(const Dataset& d, const WorkingDays& calendar, const std::string& reference_path,
                    const std::string& cases_path, const std::string& calendar_path) {
  Corpus corpus;
  corpus.reference_path = reference_path;
  corpus.cases_path = cases_path;
  corpus.calendar_path = calendar_path;

  std::string text;
  {
    OutFile out(reference_path);
    for (const Unit& u : d.units) append_unit_line(text, d, u);
    for (const Committee& c : d.committees) append_committee_line(text, d, c);
    out.write(text);
    out.close();
    corpus.reference_lines = d.units.size() + d.committees.size();
  }
  {
    OutFile out(cases_path);
    CaseSequence lines(d, calendar);
    Case c;
    bool close = false;
    text.clear();
    while (lines.next(c, close)) {
      if (close)
        append_close_line(text, c);
      else
        append_case_line(text, d, c);
      if (text.size() >= (1u << 20)) {
        out.write(text);
        text.clear();
      }
    }
    out.write(text);
    out.close();
    corpus.lines = lines.lines();
    corpus.closed = lines.closes();
    corpus.cases = corpus.lines - corpus.closed;
    corpus.bytes = out.bytes();
  }
  {
    OutFile out(calendar_path);
    text.clear();
    for (int day = calendar.first(); day <= calendar.last(); ++day) {
      text += day_text(day);
      text += calendar.is_working(day) ? " 1\n" : " 0\n";
    }
    out.write(text);
    out.close();
  }
  return corpus;
}

}  // namespace bench

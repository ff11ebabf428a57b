#include "report/zip_package.hpp"

#include <fazhi/error.hpp>

#include <zip.h>

#include <cstdio>
#include <ctime>
#include <memory>

namespace fazhi::report {

namespace {

[[noreturn]] void zip_failed(const char* doing, zip_error_t* error) {
  throw Error(Status::internal, std::string("zip package: ") + doing + ": " + zip_error_strerror(error));
}

// libzip (1.9) turns a time_t into the DOS date and time of the entry
// through localtime(); the time_t that localtime() gives back as
// 1980-01-01 00:00 is mktime() of those fields, so the stored fields are the
// same in every time zone.
std::time_t dos_epoch() {
  std::tm t{};
  t.tm_year = 80;
  t.tm_mon = 0;
  t.tm_mday = 1;
  t.tm_isdst = -1;
  return std::mktime(&t);
}

struct SourceFree {
  void operator()(zip_source_t* s) const { zip_source_free(s); }
};

}  // namespace

void ZipPackage::add(std::string name, std::string bytes) {
  for (const auto& e : entries_)
    if (e.first == name) throw Error(Status::internal, "zip package: part " + name + " added twice");
  entries_.emplace_back(std::move(name), std::move(bytes));
}

std::string ZipPackage::bytes() const {
  zip_error_t error;
  zip_error_init(&error);
  std::unique_ptr<zip_source_t, SourceFree> buffer(zip_source_buffer_create(nullptr, 0, 0, &error));
  if (!buffer) zip_failed("creating the buffer", &error);
  zip_t* archive = zip_open_from_source(buffer.get(), ZIP_TRUNCATE, &error);
  if (!archive) zip_failed("opening the buffer", &error);
  // The archive owns the source from here; keep it for reading afterwards.
  zip_source_keep(buffer.get());
  const std::time_t mtime = dos_epoch();
  for (const auto& [name, data] : entries_) {
    // The entry reads `data` at zip_close, while entries_ still holds it.
    zip_source_t* source = zip_source_buffer(archive, data.data(), data.size(), 0);
    const zip_int64_t index = source ? zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8) : -1;
    if (index < 0) {
      if (source) zip_source_free(source);
      zip_error_t* e = zip_get_error(archive);
      std::string message = zip_error_strerror(e);
      zip_discard(archive);
      throw Error(Status::internal, "zip package: adding " + name + ": " + message);
    }
    const auto i = static_cast<zip_uint64_t>(index);
    if (zip_set_file_compression(archive, i, ZIP_CM_DEFLATE, 9) != 0 ||
        zip_file_set_mtime(archive, i, mtime, 0) != 0) {
      std::string message = zip_error_strerror(zip_get_error(archive));
      zip_discard(archive);
      throw Error(Status::internal, "zip package: setting up " + name + ": " + message);
    }
  }
  if (zip_close(archive) != 0) {
    std::string message = zip_error_strerror(zip_get_error(archive));
    zip_discard(archive);
    throw Error(Status::internal, "zip package: writing: " + message);
  }
  zip_source_t* s = buffer.get();
  if (zip_source_open(s) != 0) zip_failed("reading back", zip_source_error(s));
  std::string out;
  if (zip_source_seek(s, 0, SEEK_END) == 0) {
    const zip_int64_t size = zip_source_tell(s);
    if (size > 0 && zip_source_seek(s, 0, SEEK_SET) == 0) {
      out.resize(static_cast<std::size_t>(size));
      if (zip_source_read(s, out.data(), static_cast<zip_uint64_t>(size)) != size) out.clear();
    }
  }
  zip_source_close(s);
  if (out.empty()) throw Error(Status::internal, "zip package: reading the archive back failed");
  return out;
}

}  // namespace fazhi::report

// ndjson_import.hpp — applying NDJSON lines to the database: each line a
// record (put) or an action, in batches of `batch` lines, each batch one
// transaction, a rejected line changing nothing and being listed by number.
//
// The database hands the import its context and a way to open a batch's
// transaction (begin_batch); the import does the rest: batching, the savepoint
// replay of a batch whose rejected line had already written, the summary.
#pragma once

#include "domain/kind.hpp"

#include <fazhi/database.hpp>

#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace fazhi::exchange {

// One batch's transaction: commit() makes it durable; destroyed without it,
// it rolls back.
class BatchScope {
 public:
  virtual ~BatchScope() = default;
  virtual void commit() = 0;
};
using BeginBatch = std::function<std::unique_ptr<BatchScope>()>;

// Imports NDJSON text, or a file read as it goes (never whole). Throws
// Error(argument) for a bad option, and Error for a batch that fails as a
// whole (naming its first line; earlier batches stay committed).
ImportSummary import_text(domain::Context& ctx, std::string_view text, const ImportOptions& options,
                          const BeginBatch& begin_batch);
ImportSummary import_file(domain::Context& ctx, const std::string& path, const ImportOptions& options,
                          const BeginBatch& begin_batch);

}  // namespace fazhi::exchange

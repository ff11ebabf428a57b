// expression.hpp — custom indicator expressions: numbers, indicator or
// measure codes, prev(code) (the same code over the previous period of the
// same length), + - * / and parentheses, e.g.
//   mediation.succeeded / mediation.received * 100
//   petition.received / prev(petition.received) - 1
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>

namespace fazhi::indicators {

// A reference to a code inside an expression.
struct CodeRef {
  std::string code;
  bool previous = false;  // prev(code)
  bool operator<(const CodeRef& o) const {
    return code < o.code || (code == o.code && previous < o.previous);
  }
};

class Expression {
 public:
  // Parses and validates. `known(code)` tells whether a code may be used.
  // Throws Error(argument, "expression", "position N: ...") for a syntax
  // error, an unknown code, or a division by a literal zero.
  static Expression parse(const std::string& text,
                          const std::function<bool(const std::string&)>& known);

  const std::set<CodeRef>& references() const { return refs_; }

  // Evaluates with the values of the references; nullopt (no data) when a
  // reference has none or a divisor is zero.
  std::optional<double> evaluate(
      const std::function<std::optional<double>(const CodeRef&)>& value) const;

  struct Node;

 private:
  std::shared_ptr<const Node> root_;
  std::set<CodeRef> refs_;
};

}  // namespace fazhi::indicators

// expression.hpp — custom indicator expressions: numbers, indicator or
// measure codes, prev(code) (the same code over the previous period of the
// same length), + - * / and parentheses, e.g.
//   mediation.succeeded / mediation.received * 100
//   petition.received / prev(petition.received) - 1
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>

namespace fazhi::indicators {

// The longest expression text accepted, in bytes (FZ_MAX_EXPRESSION_BYTES in
// fazhi.h): 64 KiB. The longest sensible expression names each of the 99
// indicator and measure codes and its prev() once, about 6 KB; the bound
// leaves ten times that and keeps what one definition costs to parse and
// hold small (the text is parsed again each time a handle first evaluates it).
inline constexpr std::size_t kMaxExpressionBytes = 64u * 1024u;

// The deepest nesting accepted (FZ_MAX_EXPRESSION_DEPTH): at most 64
// parentheses and unary minus signs open at any point. The parser recurses
// once per level (and the tree is as deep), so the bound, checked before each
// level is entered, is what keeps the stack a definition needs small whatever
// its text: a flat chain "a + b + ... + z" is one level however long, being
// held as one node with a list of operands rather than a left-deep tree.
inline constexpr std::size_t kMaxExpressionDepth = 64;

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
  // Throws Error(argument, "expression", ...) for a text longer than
  // kMaxExpressionBytes or nested deeper than kMaxExpressionDepth (naming the
  // limit and its value), and "position N: ..." for a syntax error, an
  // unknown code, a number beyond a double's range, or a division by a
  // literal zero.
  static Expression parse(const std::string& text,
                          const std::function<bool(const std::string&)>& known);

  const std::set<CodeRef>& references() const { return refs_; }

  // Evaluates with the values of the references; nullopt (no data) when a
  // reference has none, a divisor is zero or a result is beyond a double's
  // range.
  std::optional<double> evaluate(
      const std::function<std::optional<double>(const CodeRef&)>& value) const;

  struct Node;

 private:
  std::shared_ptr<const Node> root_;
  std::set<CodeRef> refs_;
};

}  // namespace fazhi::indicators

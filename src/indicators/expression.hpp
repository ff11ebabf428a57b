// expression.hpp — custom indicator expressions: numbers, indicator or
// measure codes, breakdown members code[member] (what the indicator's
// breakdown lists for that member), prev(code) (the same code over the
// previous period of the same length), + - * / and parentheses, e.g.
//   mediation.succeeded / mediation.received * 100
//   petition.received / prev(petition.received) - 1
//   enforcement.actions[penalty] + enforcement.actions[license]
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
  std::string code;       // "enforcement.actions" or, for a member, "enforcement.actions[penalty]"
  bool previous = false;  // prev(code)
  bool operator<(const CodeRef& o) const {
    return code < o.code || (code == o.code && previous < o.previous);
  }
};

class Expression {
 public:
  // Says why a code may not be used ("unknown indicator code 'x'"), or ""
  // when it may. Codes come as written, a member as "code[member]".
  using WhyUnknown = std::function<std::string(const std::string&)>;

  // Parses and validates. Throws Error(argument, "expression", ...) for a
  // text longer than kMaxExpressionBytes or nested deeper than
  // kMaxExpressionDepth (naming the limit and its value), and
  // "position N: ..." for a syntax error, a code `why_unknown` refuses (with
  // its reason), a number beyond a double's range, or a division by a
  // literal zero.
  static Expression parse(const std::string& text, const WhyUnknown& why_unknown);

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

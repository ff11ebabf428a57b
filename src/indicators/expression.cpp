#include "indicators/expression.hpp"

#include "quote.hpp"
#include "utf8.hpp"

#include <fazhi/error.hpp>

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

namespace fazhi::indicators {

// A number, a code, a negation (operands[0]), or a chain of operands of one
// precedence level applied left to right, ops[i] joining operands[i] to what
// precedes it ("a - b + c": ops "+-+"). A chain is one node however long, so
// the tree is only as deep as the nesting (kMaxExpressionDepth), and so is the
// recursion that evaluates and destroys it.
struct Expression::Node {
  enum class Type { number, ref, negate, chain } type = Type::number;
  double number = 0;
  CodeRef ref;
  std::vector<Node> operands;
  std::string ops;
};

namespace {

using Node = Expression::Node;

// Recursive descent over:
//   expr   := term (('+' | '-') term)*
//   term   := factor (('*' | '/') factor)*
//   factor := number | operand | 'prev' '(' operand ')' | '(' expr ')' | '-' factor
//   operand := code | code '[' member ']'
// It recurses only into '(' and '-', each a level counted against
// kMaxExpressionDepth before the recursion.
class Parser {
 public:
  Parser(const std::string& text, const Expression::WhyUnknown& why_unknown, std::set<CodeRef>& refs)
      : s_(text), why_unknown_(why_unknown), refs_(refs) {}

  Node parse() {
    Node e = expr();
    skip();
    if (i_ < s_.size()) fail("unexpected " + quote(s_.substr(i_, utf8_char_length(s_, i_))));
    return e;
  }

 private:
  [[noreturn]] void fail(const std::string& what, std::size_t at = std::string::npos) const {
    std::size_t pos = (at == std::string::npos ? i_ : at) + 1;
    throw Error(Status::argument, "expression", "position " + std::to_string(pos) + ": " + what);
  }
  // One more level of nesting, for the length of a scope; refused past the bound.
  class Level {
   public:
    explicit Level(Parser& p) : p_(p) {
      if (++p_.depth_ > kMaxExpressionDepth)
        p_.fail("nested deeper than the nesting limit of " + std::to_string(kMaxExpressionDepth) +
                " levels (parentheses and unary minus signs)");
    }
    ~Level() { --p_.depth_; }
    Level(const Level&) = delete;
    Level& operator=(const Level&) = delete;

   private:
    Parser& p_;
  };
  void skip() {
    while (i_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[i_]))) ++i_;
  }
  bool eat(char c) {
    skip();
    if (i_ < s_.size() && s_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }
  // Starts a chain of this level with `n` as its first operand (`n` may be a
  // chain itself, from inside parentheses: it stays one operand).
  static void wrap(Node& n) {
    Node first = std::move(n);
    n = Node();
    n.type = Node::Type::chain;
    n.operands.push_back(std::move(first));
    n.ops.push_back('+');
  }
  static void extend(Node& chain, char op, Node operand) {
    chain.operands.push_back(std::move(operand));
    chain.ops.push_back(op);
  }
  Node expr() {
    Node n = term();
    bool chained = false;  // n is this level's chain (not a chain from inside parentheses)
    for (;;) {
      char op = 0;
      if (eat('+')) op = '+';
      else if (eat('-')) op = '-';
      else return n;
      Node t = term();
      if (!chained) wrap(n);
      chained = true;
      extend(n, op, std::move(t));
    }
  }
  Node term() {
    Node n = factor();
    bool chained = false;
    for (;;) {
      char op = 0;
      if (eat('*')) op = '*';
      else if (eat('/')) op = '/';
      else return n;
      skip();
      const std::size_t at = i_;
      Node f = factor();
      if (op == '/' && f.type == Node::Type::number && f.number == 0) fail("division by zero", at);
      if (!chained) wrap(n);
      chained = true;
      extend(n, op, std::move(f));
    }
  }
  std::string word() {
    std::size_t start = i_;
    while (i_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[i_])) || s_[i_] == '_' || s_[i_] == '.'))
      ++i_;
    return s_.substr(start, i_ - start);
  }
  Node code_ref(bool previous) {
    skip();
    std::size_t at = i_;
    if (i_ >= s_.size() || !std::islower(static_cast<unsigned char>(s_[i_]))) fail("expected an indicator code");
    std::string code = word();
    if (eat('[')) {
      skip();
      const std::size_t member_at = i_;
      const std::string member = word();
      if (member.empty()) fail("expected a breakdown member");
      if (member.find('.') != std::string::npos) fail("malformed breakdown member " + quote(member), member_at);
      if (!eat(']')) fail("expected ']'");
      code += "[" + member + "]";
    }
    if (const std::string why = why_unknown_(code); !why.empty()) fail(why, at);
    Node n;
    n.type = Node::Type::ref;
    n.ref = {code, previous};
    refs_.insert(n.ref);
    return n;
  }
  Node factor() {
    skip();
    if (i_ >= s_.size()) fail("unexpected end of expression");
    char c = s_[i_];
    if (c == '(') {
      Level level(*this);
      ++i_;
      Node n = expr();
      if (!eat(')')) fail("expected ')'");
      return n;
    }
    if (c == '-') {
      Level level(*this);
      ++i_;
      Node n;
      n.type = Node::Type::negate;
      n.operands.push_back(factor());
      return n;
    }
    if (std::isdigit(static_cast<unsigned char>(c)) || c == '.') {
      std::size_t start = i_;
      while (i_ < s_.size() && (std::isdigit(static_cast<unsigned char>(s_[i_])) || s_[i_] == '.')) ++i_;
      std::string num = s_.substr(start, i_ - start);
      char* end = nullptr;
      double v = std::strtod(num.c_str(), &end);
      if (end != num.c_str() + num.size()) fail("malformed number " + quote(num), start);
      if (!std::isfinite(v)) fail("number beyond a double's range " + quote(num), start);
      Node n;
      n.number = v;
      return n;
    }
    if (std::islower(static_cast<unsigned char>(c))) {
      std::size_t save = i_;
      std::string w = word();
      if (w == "prev" && eat('(')) {
        Node n = code_ref(true);
        if (!eat(')')) fail("expected ')'");
        return n;
      }
      i_ = save;
      return code_ref(false);
    }
    fail("unexpected " + quote(s_.substr(i_, utf8_char_length(s_, i_))));
  }

  const std::string& s_;
  const Expression::WhyUnknown& why_unknown_;
  std::set<CodeRef>& refs_;
  std::size_t i_ = 0;
  std::size_t depth_ = 0;
};

// A result beyond a double's range is no figure, as a division by zero is
// not: no data, never an infinity that fz_value would carry as a figure with
// status ok, and that JSON cannot write (fz_indicators gave null for it).
std::optional<double> apply(char op, double l, double r) {
  double v = 0;
  switch (op) {
    case '+': v = l + r; break;
    case '-': v = l - r; break;
    case '*': v = l * r; break;
    default:
      if (r == 0) return std::nullopt;
      v = l / r;
  }
  return std::isfinite(v) ? std::optional<double>(v) : std::nullopt;
}

// Recurses as deep as the tree, which the parser bounded.
std::optional<double> eval(const Node& n,
                           const std::function<std::optional<double>(const CodeRef&)>& value) {
  switch (n.type) {
    case Node::Type::number:
      return n.number;
    case Node::Type::ref:
      return value(n.ref);
    case Node::Type::negate: {
      auto v = eval(n.operands.front(), value);
      return v ? std::optional<double>(-*v) : std::nullopt;
    }
    case Node::Type::chain: {
      // Every operand is evaluated, as a left-deep tree would: no data
      // anywhere is no data, whatever a division by zero did before it.
      std::optional<double> acc = eval(n.operands.front(), value);
      bool no_data = !acc;
      for (std::size_t i = 1; i < n.operands.size(); ++i) {
        auto r = eval(n.operands[i], value);
        if (!r || no_data) {
          no_data = true;
          continue;
        }
        acc = apply(n.ops[i], *acc, *r);
        no_data = !acc;
      }
      return no_data ? std::nullopt : acc;
    }
  }
  return std::nullopt;
}

}  // namespace

Expression Expression::parse(const std::string& text, const WhyUnknown& why_unknown) {
  if (text.size() > kMaxExpressionBytes)
    throw Error(Status::argument, "expression",
                std::to_string(text.size()) + " bytes, over the length limit of " +
                    std::to_string(kMaxExpressionBytes) + " bytes (64 KiB)");
  Expression e;
  Parser p(text, why_unknown, e.refs_);
  e.root_ = std::make_shared<const Node>(p.parse());
  return e;
}

std::optional<double> Expression::evaluate(
    const std::function<std::optional<double>(const CodeRef&)>& value) const {
  return eval(*root_, value);
}

}  // namespace fazhi::indicators

#include "indicators/expression.hpp"

#include "quote.hpp"
#include "utf8.hpp"

#include <fazhi/error.hpp>

#include <cctype>
#include <cstdlib>
#include <vector>

namespace fazhi::indicators {

struct Expression::Node {
  enum class Type { number, ref, negate, binary } type = Type::number;
  double number = 0;
  CodeRef ref;
  char op = 0;
  std::shared_ptr<const Node> left, right;
};

namespace {

using Node = Expression::Node;
using NodePtr = std::shared_ptr<const Node>;

// Recursive descent over:
//   expr   := term (('+' | '-') term)*
//   term   := factor (('*' | '/') factor)*
//   factor := number | code | 'prev' '(' code ')' | '(' expr ')' | '-' factor
class Parser {
 public:
  Parser(const std::string& text, const std::function<bool(const std::string&)>& known,
         std::set<CodeRef>& refs)
      : s_(text), known_(known), refs_(refs) {}

  NodePtr parse() {
    NodePtr e = expr();
    skip();
    if (i_ < s_.size()) fail("unexpected " + quote(s_.substr(i_, utf8_char_length(s_, i_))));
    return e;
  }

 private:
  [[noreturn]] void fail(const std::string& what, std::size_t at = std::string::npos) const {
    std::size_t pos = (at == std::string::npos ? i_ : at) + 1;
    throw Error(Status::argument, "expression", "position " + std::to_string(pos) + ": " + what);
  }
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
  static NodePtr binary(char op, NodePtr l, NodePtr r) {
    auto n = std::make_shared<Node>();
    n->type = Node::Type::binary;
    n->op = op;
    n->left = std::move(l);
    n->right = std::move(r);
    return n;
  }
  NodePtr expr() {
    NodePtr n = term();
    for (;;) {
      if (eat('+')) n = binary('+', n, term());
      else if (eat('-')) n = binary('-', n, term());
      else return n;
    }
  }
  NodePtr term() {
    NodePtr n = factor();
    for (;;) {
      if (eat('*')) {
        n = binary('*', n, factor());
      } else if (eat('/')) {
        skip();
        std::size_t at = i_;
        NodePtr d = factor();
        if (d->type == Node::Type::number && d->number == 0) fail("division by zero", at);
        n = binary('/', n, d);
      } else {
        return n;
      }
    }
  }
  std::string word() {
    std::size_t start = i_;
    while (i_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[i_])) || s_[i_] == '_' || s_[i_] == '.'))
      ++i_;
    return s_.substr(start, i_ - start);
  }
  NodePtr code_ref(bool previous) {
    skip();
    std::size_t at = i_;
    if (i_ >= s_.size() || !std::islower(static_cast<unsigned char>(s_[i_]))) fail("expected an indicator code");
    std::string code = word();
    if (!known_(code)) fail("unknown indicator code " + quote(code), at);
    auto n = std::make_shared<Node>();
    n->type = Node::Type::ref;
    n->ref = {code, previous};
    refs_.insert(n->ref);
    return n;
  }
  NodePtr factor() {
    skip();
    if (i_ >= s_.size()) fail("unexpected end of expression");
    char c = s_[i_];
    if (c == '(') {
      ++i_;
      NodePtr n = expr();
      if (!eat(')')) fail("expected ')'");
      return n;
    }
    if (c == '-') {
      ++i_;
      auto n = std::make_shared<Node>();
      n->type = Node::Type::negate;
      n->left = factor();
      return n;
    }
    if (std::isdigit(static_cast<unsigned char>(c)) || c == '.') {
      std::size_t start = i_;
      while (i_ < s_.size() && (std::isdigit(static_cast<unsigned char>(s_[i_])) || s_[i_] == '.')) ++i_;
      std::string num = s_.substr(start, i_ - start);
      char* end = nullptr;
      double v = std::strtod(num.c_str(), &end);
      if (end != num.c_str() + num.size()) fail("malformed number " + quote(num), start);
      auto n = std::make_shared<Node>();
      n->number = v;
      return n;
    }
    if (std::islower(static_cast<unsigned char>(c))) {
      std::size_t save = i_;
      std::string w = word();
      if (w == "prev" && eat('(')) {
        NodePtr n = code_ref(true);
        if (!eat(')')) fail("expected ')'");
        return n;
      }
      i_ = save;
      return code_ref(false);
    }
    fail("unexpected " + quote(s_.substr(i_, utf8_char_length(s_, i_))));
  }

  const std::string& s_;
  const std::function<bool(const std::string&)>& known_;
  std::set<CodeRef>& refs_;
  std::size_t i_ = 0;
};

std::optional<double> eval(const Node& n,
                           const std::function<std::optional<double>(const CodeRef&)>& value) {
  switch (n.type) {
    case Node::Type::number:
      return n.number;
    case Node::Type::ref:
      return value(n.ref);
    case Node::Type::negate: {
      auto v = eval(*n.left, value);
      return v ? std::optional<double>(-*v) : std::nullopt;
    }
    case Node::Type::binary: {
      auto l = eval(*n.left, value), r = eval(*n.right, value);
      if (!l || !r) return std::nullopt;
      switch (n.op) {
        case '+': return *l + *r;
        case '-': return *l - *r;
        case '*': return *l * *r;
        default: return *r == 0 ? std::nullopt : std::optional<double>(*l / *r);
      }
    }
  }
  return std::nullopt;
}

}  // namespace

Expression Expression::parse(const std::string& text,
                             const std::function<bool(const std::string&)>& known) {
  Expression e;
  Parser p(text, known, e.refs_);
  e.root_ = p.parse();
  return e;
}

std::optional<double> Expression::evaluate(
    const std::function<std::optional<double>(const CodeRef&)>& value) const {
  return eval(*root_, value);
}

}  // namespace fazhi::indicators

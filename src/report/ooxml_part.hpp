// ooxml_part.hpp — one XML part of an Office Open XML package, built with
// pugixml: a declaration as Office writes it (UTF-8, standalone), the root
// element with its namespaces, and the part serialised without indentation
// (whitespace between Word's elements would be text to some readers).
#pragma once

#include <pugixml.hpp>

#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

namespace fazhi::report {

// The namespaces the parts use, by their usual prefixes.
namespace ns {
inline constexpr const char* w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
inline constexpr const char* r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
inline constexpr const char* wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
inline constexpr const char* a = "http://schemas.openxmlformats.org/drawingml/2006/main";
inline constexpr const char* c = "http://schemas.openxmlformats.org/drawingml/2006/chart";
inline constexpr const char* rel = "http://schemas.openxmlformats.org/package/2006/relationships";
inline constexpr const char* ct = "http://schemas.openxmlformats.org/package/2006/content-types";
inline constexpr const char* sml = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
// Relationship types.
inline constexpr const char* rel_type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
}  // namespace ns

class XmlPart {
 public:
  // A part whose root element is `root` ("w:document") declaring
  // `namespaces` as {prefix, uri} ("" for the default namespace).
  XmlPart(const char* root, std::initializer_list<std::pair<const char*, const char*>> namespaces);

  pugi::xml_node root() const { return root_; }
  // The part's bytes.
  std::string bytes() const;

 private:
  pugi::xml_document doc_;
  pugi::xml_node root_;
};

// Appends <name a1="v1" .../> to `parent` and returns it.
pugi::xml_node element(pugi::xml_node parent, const char* name,
                       std::initializer_list<std::pair<const char*, std::string>> attributes = {});

// A relationships part (_rels/*.rels) of {id, type suffix of ns::rel_type
// or a whole URI, target}.
struct Relationship {
  std::string id, type, target;
};
std::string relationships_part(const std::vector<Relationship>& relationships);

}  // namespace fazhi::report

#include "report/ooxml_part.hpp"

namespace fazhi::report {

namespace {

struct StringWriter : pugi::xml_writer {
  std::string out;
  void write(const void* data, size_t size) override { out.append(static_cast<const char*>(data), size); }
};

}  // namespace

XmlPart::XmlPart(const char* root, std::initializer_list<std::pair<const char*, const char*>> namespaces) {
  pugi::xml_node declaration = doc_.append_child(pugi::node_declaration);
  declaration.append_attribute("version") = "1.0";
  declaration.append_attribute("encoding") = "UTF-8";
  declaration.append_attribute("standalone") = "yes";
  root_ = doc_.append_child(root);
  for (const auto& [prefix, uri] : namespaces)
    root_.append_attribute((*prefix ? std::string("xmlns:") + prefix : std::string("xmlns")).c_str()) = uri;
}

std::string XmlPart::bytes() const {
  StringWriter writer;
  doc_.save(writer, "", pugi::format_raw, pugi::encoding_utf8);
  return std::move(writer.out);
}

pugi::xml_node element(pugi::xml_node parent, const char* name,
                       std::initializer_list<std::pair<const char*, std::string>> attributes) {
  pugi::xml_node node = parent.append_child(name);
  for (const auto& [key, value] : attributes) node.append_attribute(key) = value.c_str();
  return node;
}

std::string relationships_part(const std::vector<Relationship>& relationships) {
  XmlPart part("Relationships", {{"", ns::rel}});
  for (const Relationship& r : relationships)
    element(part.root(), "Relationship",
            {{"Id", r.id},
             {"Type", r.type.find("://") == std::string::npos ? ns::rel_type + r.type : r.type},
             {"Target", r.target}});
  return part.bytes();
}

}  // namespace fazhi::report

#include "stackexchange/xml_row_reader.h"

#include <expat.h>

#include <cstring>
#include <memory>
#include <string>
#include <vector>

namespace hallway::stackexchange {

std::optional<std::string_view> RowAttributes::Find(std::string_view name) const {
  for (const char* const* p = pairs_; p != nullptr && *p != nullptr; p += 2) {
    if (name == *p) return std::string_view(p[1]);
  }
  return std::nullopt;
}

namespace {

constexpr std::size_t kChunkBytes = 64 * 1024;

struct ParseState {
  XML_Parser parser = nullptr;
  std::string_view name;
  std::string_view root_element;
  const RowCallback* on_row = nullptr;
  int depth = 0;
  std::optional<core::Error> error;  // set when we stopped the parser ourselves

  std::string Where() const {
    return "stackexchange: " + std::string(name) + ":" +
           std::to_string(XML_GetCurrentLineNumber(parser));
  }
  void Fail(core::Error e) {
    error = std::move(e);
    XML_StopParser(parser, XML_FALSE);
  }
};

void XMLCALL OnStart(void* user, const XML_Char* element, const XML_Char** atts) {
  auto* s = static_cast<ParseState*>(user);
  if (s->error) return;
  ++s->depth;
  if (s->depth == 1) {
    if (s->root_element != element) {
      s->Fail(core::Error::InvalidArgument(s->Where() + ": root element <" + element +
                                           ">, expected <" + std::string(s->root_element) + ">"));
    }
    return;
  }
  if (s->depth != 2 || std::strcmp(element, "row") != 0) return;
  const auto line = static_cast<std::int64_t>(XML_GetCurrentLineNumber(s->parser));
  core::Status st = (*s->on_row)(RowAttributes(atts), line);
  if (!st) s->Fail(st.error().WithContext(s->Where()));
}

void XMLCALL OnEnd(void* user, const XML_Char* /*element*/) {
  --static_cast<ParseState*>(user)->depth;
}

void XMLCALL OnDoctype(void* user, const XML_Char* /*name*/, const XML_Char* /*sysid*/,
                       const XML_Char* /*pubid*/, int /*has_internal_subset*/) {
  auto* s = static_cast<ParseState*>(user);
  s->Fail(core::Error::InvalidArgument(s->Where() + ": DOCTYPE is not allowed in a dump file"));
}

struct ParserDeleter {
  void operator()(XML_ParserStruct* p) const { XML_ParserFree(p); }
};

}  // namespace

core::Status ForEachRow(std::istream& in, std::string_view name, std::string_view root_element,
                        const RowCallback& on_row, const BytesCallback& on_bytes) {
  std::unique_ptr<XML_ParserStruct, ParserDeleter> parser(XML_ParserCreate(nullptr));
  if (!parser) return core::Error::Internal("stackexchange: cannot create an XML parser");
  ParseState state;
  state.parser = parser.get();
  state.name = name;
  state.root_element = root_element;
  state.on_row = &on_row;
  XML_SetUserData(parser.get(), &state);
  XML_SetElementHandler(parser.get(), OnStart, OnEnd);
  XML_SetStartDoctypeDeclHandler(parser.get(), OnDoctype);

  std::vector<char> buf(kChunkBytes);
  std::uint64_t total = 0;
  for (;;) {
    in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    const auto got = static_cast<std::size_t>(in.gcount());
    if (in.bad()) {
      return core::Error::Unavailable("stackexchange: " + std::string(name) + ": read failed");
    }
    const bool last = in.eof() || got == 0;
    total += got;
    if (XML_Parse(parser.get(), buf.data(), static_cast<int>(got), last ? XML_TRUE : XML_FALSE) ==
        XML_STATUS_ERROR) {
      if (state.error) return *state.error;
      return core::Error::InvalidArgument(state.Where() + ": " +
                                          XML_ErrorString(XML_GetErrorCode(parser.get())));
    }
    if (state.error) return *state.error;
    if (on_bytes) on_bytes(total);
    if (last) break;
  }
  return core::Ok();
}

}  // namespace hallway::stackexchange

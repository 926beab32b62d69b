// ForEachRow: the streaming core of the dump readers. It feeds an XML stream
// to expat in 64 KiB chunks and calls back once per <row> child of the root
// element with a view of the row's attributes, so memory stays flat however
// large the file is. A UTF-8 byte-order mark is accepted; a DOCTYPE is
// refused (dumps never have one, and it is the door to entity tricks).
//
// Thread-safety: ForEachRow is reentrant; each call has its own parser.
#pragma once

#include <cstdint>
#include <functional>
#include <istream>
#include <optional>
#include <string_view>

#include "core/result.h"

namespace hallway::stackexchange {

// The attributes of one <row>, entity references already decoded. A view:
// valid only during the callback that received it.
class RowAttributes {
 public:
  // `pairs` is expat's null-terminated name, value, name, value, ... array.
  explicit RowAttributes(const char* const* pairs) : pairs_(pairs) {}
  // Returns the value of attribute `name` (case-sensitive), or nullopt.
  std::optional<std::string_view> Find(std::string_view name) const;

 private:
  const char* const* pairs_;
};

// Called per row with its attributes and the 1-based line of its start tag.
// A non-OK Status stops the read; ForEachRow returns it prefixed with
// "<name>:<line>".
using RowCallback = std::function<core::Status(const RowAttributes& row, std::int64_t line)>;
// Called after each chunk with the bytes consumed from `in` so far.
using BytesCallback = std::function<void(std::uint64_t bytes_read)>;

// Reads `in` to its end, calling `on_row` for each <row> directly under the
// root element (other elements and text are ignored). `name` labels errors,
// usually the file name. `root_element` ("posts") must match the document's
// root, so a mislabelled file fails early. `on_bytes` may be empty.
// Returns OK at the end of a well-formed document. Errors:
//   kInvalidArgument  "stackexchange: Posts.xml:17: not well-formed ..." for
//                     malformed or truncated XML (expat's message, with the
//                     line where it was detected), a DOCTYPE, or the wrong root;
//   kUnavailable      the stream failed to read;
//   anything `on_row` returned, with the file and line as context.
core::Status ForEachRow(std::istream& in, std::string_view name, std::string_view root_element,
                        const RowCallback& on_row, const BytesCallback& on_bytes = {});

}  // namespace hallway::stackexchange

#include "search/stored_fields.h"

#include <cstdint>
#include <cstring>
#include <optional>

namespace hallway::search {
namespace {

constexpr std::string_view kMagic = "HSD1";

void PutVarint(std::string& out, std::uint64_t v) {
  while (v >= 0x80) {
    out += static_cast<char>((v & 0x7f) | 0x80);
    v >>= 7;
  }
  out += static_cast<char>(v);
}

void PutString(std::string& out, std::string_view s) {
  PutVarint(out, s.size());
  out.append(s);
}

void PutList(std::string& out, const std::vector<std::string>& items) {
  PutVarint(out, items.size());
  for (const auto& s : items) PutString(out, s);
}

// A cursor over encoded bytes; every getter returns nullopt on a short read.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : rest_(bytes) {}
  bool empty() const { return rest_.empty(); }

  std::optional<std::uint64_t> Varint() {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (rest_.empty()) return std::nullopt;
      const auto b = static_cast<unsigned char>(rest_.front());
      rest_.remove_prefix(1);
      v |= static_cast<std::uint64_t>(b & 0x7f) << shift;
      if ((b & 0x80) == 0) return v;
    }
    return std::nullopt;
  }
  std::optional<std::string> String() {
    auto n = Varint();
    if (!n || *n > rest_.size()) return std::nullopt;
    std::string s(rest_.substr(0, *n));
    rest_.remove_prefix(*n);
    return s;
  }
  std::optional<std::vector<std::string>> List() {
    auto n = Varint();
    if (!n || *n > rest_.size()) return std::nullopt;  // each item takes >= 1 byte
    std::vector<std::string> items;
    items.reserve(*n);
    for (std::uint64_t i = 0; i < *n; ++i) {
      auto s = String();
      if (!s) return std::nullopt;
      items.push_back(std::move(*s));
    }
    return items;
  }

 private:
  std::string_view rest_;
};

std::uint64_t ZigZag(std::int64_t v) {
  return (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63);
}
std::int64_t UnZigZag(std::uint64_t v) {
  return static_cast<std::int64_t>(v >> 1) ^ -static_cast<std::int64_t>(v & 1);
}

}  // namespace

std::string EncodeStoredDocument(const SearchDocument& doc) {
  std::string out(kMagic);
  for (const std::string* s : {&doc.id, &doc.kind, &doc.title, &doc.body, &doc.author, &doc.group,
                               &doc.language, &doc.level}) {
    PutString(out, *s);
  }
  PutList(out, doc.tags);
  PutList(out, doc.skills);
  PutList(out, doc.categories);
  PutList(out, doc.visibility);
  PutVarint(out, ZigZag(doc.date));
  std::uint64_t rating_bits = 0;
  static_assert(sizeof(double) == sizeof(rating_bits));
  std::memcpy(&rating_bits, &doc.rating, sizeof(rating_bits));
  PutVarint(out, rating_bits);
  PutVarint(out, ZigZag(doc.quality.helpful_votes));
  PutVarint(out, doc.quality.accepted_answer ? 1 : 0);
  PutVarint(out, ZigZag(doc.quality.rating_count));
  return out;
}

core::Result<SearchDocument> DecodeStoredDocument(std::string_view bytes) {
  const auto corrupt = [] { return core::Error::Internal("search: stored document is malformed"); };
  if (bytes.substr(0, kMagic.size()) != kMagic) return corrupt();
  Reader r(bytes.substr(kMagic.size()));
  SearchDocument doc;
  for (std::string* s : {&doc.id, &doc.kind, &doc.title, &doc.body, &doc.author, &doc.group,
                         &doc.language, &doc.level}) {
    auto v = r.String();
    if (!v) return corrupt();
    *s = std::move(*v);
  }
  for (auto* list : {&doc.tags, &doc.skills, &doc.categories, &doc.visibility}) {
    auto v = r.List();
    if (!v) return corrupt();
    *list = std::move(*v);
  }
  auto date = r.Varint();
  auto rating = r.Varint();
  auto votes = r.Varint();
  auto accepted = r.Varint();
  auto count = r.Varint();
  if (!date || !rating || !votes || !accepted || !count || !r.empty()) return corrupt();
  doc.date = UnZigZag(*date);
  std::uint64_t bits = *rating;
  std::memcpy(&doc.rating, &bits, sizeof(bits));
  doc.quality.helpful_votes = static_cast<int>(UnZigZag(*votes));
  doc.quality.accepted_answer = *accepted != 0;
  doc.quality.rating_count = static_cast<int>(UnZigZag(*count));
  return doc;
}

std::string EncodeStringList(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) PutString(out, s);
  return out;
}

std::vector<std::string> DecodeStringList(std::string_view bytes) {
  Reader r(bytes);
  std::vector<std::string> items;
  while (!r.empty()) {
    auto s = r.String();
    if (!s) break;
    items.push_back(std::move(*s));
  }
  return items;
}

}  // namespace hallway::search

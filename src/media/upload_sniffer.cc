#include "media/upload_sniffer.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace hallway::media {
namespace {

bool StartsAt(std::string_view b, std::string_view magic, std::size_t at = 0) {
  return b.size() >= at + magic.size() && b.substr(at, magic.size()) == magic;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The extension of `filename`, lower-case, without the dot ("" if none).
std::string ExtensionOf(std::string_view filename) {
  const auto dot = filename.rfind('.');
  if (dot == std::string_view::npos || dot + 1 >= filename.size()) return "";
  return Lower(filename.substr(dot + 1));
}

bool IsMp4(std::string_view b) {
  // ISO base media: [size:4]["ftyp"][major brand:4]. QuickTime ("qt  ") and
  // HEIF/AVIF images share the box layout, so the brand must be an MP4 one.
  if (!StartsAt(b, "ftyp", 4) || b.size() < 12) return false;
  static constexpr std::array<std::string_view, 10> kBrands = {
      "isom", "iso2", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "dash", "M4V "};
  const std::string_view brand = b.substr(8, 4);
  return std::find(kBrands.begin(), kBrands.end(), brand) != kBrands.end();
}

bool IsWebm(std::string_view b) {
  // EBML header whose DocType is "webm" (Matroska proper is refused).
  if (!StartsAt(b, "\x1a\x45\xdf\xa3")) return false;
  const std::string_view header = b.substr(0, std::min<std::size_t>(b.size(), 64));
  return header.find("webm") != std::string_view::npos;
}

bool IsCleanText(std::string_view b) {
  std::size_t i = 0;
  while (i < b.size()) {
    const auto c = static_cast<unsigned char>(b[i]);
    if (c == 0) return false;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') return false;
    int extra = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xe ? 2 : (c >> 3) == 0x1e ? 3 : -1;
    if (extra < 0) return false;
    // A multi-byte sequence cut off by the end of the sniffed head is fine.
    for (int k = 1; k <= extra && i + k < b.size(); ++k) {
      if ((static_cast<unsigned char>(b[i + k]) >> 6) != 0x2) return false;
    }
    i += 1 + extra;
  }
  return true;
}

core::Error Refused(const std::string& why) {
  return core::Error::UnsupportedMedia(
      "media: " + why +
      "; accepted are photos (JPEG, PNG, GIF, WebP), videos (MP4, WebM) and files (PDF, office "
      "documents, ZIP, plain text)");
}

}  // namespace

const char* UploadKindName(UploadKind kind) {
  switch (kind) {
    case UploadKind::kImage: return "image";
    case UploadKind::kVideo: return "video";
    case UploadKind::kFile: return "file";
  }
  return "file";
}

bool LooksLikeMarkupOrScript(std::string_view head) {
  std::string_view b = head;
  if (StartsAt(b, "\xef\xbb\xbf")) b.remove_prefix(3);
  while (!b.empty() && std::isspace(static_cast<unsigned char>(b.front()))) b.remove_prefix(1);
  if (StartsAt(b, "<") || StartsAt(b, "#!")) return true;
  // Browsers sniff the first 512 bytes for these; look a little further.
  const std::string lower = Lower(head.substr(0, std::min<std::size_t>(head.size(), 1024)));
  for (std::string_view tag : {"<script", "<html", "<svg", "<iframe", "<body", "<!doctype", "<?xml"}) {
    if (lower.find(tag) != std::string::npos) return true;
  }
  return false;
}

core::Result<SniffedType> SniffUpload(std::string_view head, std::string_view filename,
                                      std::string_view declared_type) {
  const std::string declared = Lower(declared_type.substr(0, declared_type.find(';')));
  if (declared.find("html") != std::string::npos || declared.find("svg") != std::string::npos ||
      declared.find("xml") != std::string::npos || declared.find("javascript") != std::string::npos) {
    return Refused("HTML, SVG, XML and scripts are not accepted");
  }
  if (head.empty()) return Refused("the file is empty");
  const std::string ext = ExtensionOf(filename);

  if (StartsAt(head, "\x89PNG\r\n\x1a\n")) return SniffedType{UploadKind::kImage, "image/png", "png"};
  if (StartsAt(head, "\xff\xd8\xff")) return SniffedType{UploadKind::kImage, "image/jpeg", "jpg"};
  if (StartsAt(head, "GIF87a") || StartsAt(head, "GIF89a")) {
    return SniffedType{UploadKind::kImage, "image/gif", "gif"};
  }
  if (StartsAt(head, "RIFF") && StartsAt(head, "WEBP", 8)) {
    return SniffedType{UploadKind::kImage, "image/webp", "webp"};
  }
  if (IsMp4(head)) return SniffedType{UploadKind::kVideo, "video/mp4", "mp4"};
  if (IsWebm(head)) return SniffedType{UploadKind::kVideo, "video/webm", "webm"};
  if (StartsAt(head, "%PDF-")) return SniffedType{UploadKind::kFile, "application/pdf", "pdf"};
  if (StartsAt(head, "PK\x03\x04")) {
    static const std::array<std::pair<std::string_view, std::string_view>, 6> kZipFormats = {{
        {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
        {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
        {"pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"},
        {"odt", "application/vnd.oasis.opendocument.text"},
        {"ods", "application/vnd.oasis.opendocument.spreadsheet"},
        {"odp", "application/vnd.oasis.opendocument.presentation"},
    }};
    for (const auto& [e, mime] : kZipFormats) {
      if (ext == e) return SniffedType{UploadKind::kFile, std::string(mime), std::string(e)};
    }
    return SniffedType{UploadKind::kFile, "application/zip", "zip"};
  }
  if (StartsAt(head, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")) {
    if (ext == "doc") return SniffedType{UploadKind::kFile, "application/msword", "doc"};
    if (ext == "xls") return SniffedType{UploadKind::kFile, "application/vnd.ms-excel", "xls"};
    if (ext == "ppt") return SniffedType{UploadKind::kFile, "application/vnd.ms-powerpoint", "ppt"};
    return Refused("this kind of file is not accepted");
  }
  if (IsCleanText(head)) {
    if (LooksLikeMarkupOrScript(head)) return Refused("HTML, SVG, XML and scripts are not accepted");
    // Source code and the like would be downloaded under its own name and
    // extension; accept only what is plainly text.
    if (ext != "" && ext != "txt" && ext != "md" && ext != "csv" && ext != "log") {
      return Refused("text files must be .txt, .md, .csv or .log");
    }
    if (ext == "csv") return SniffedType{UploadKind::kFile, "text/csv; charset=utf-8", "csv"};
    if (ext == "md") return SniffedType{UploadKind::kFile, "text/markdown; charset=utf-8", "md"};
    return SniffedType{UploadKind::kFile, "text/plain; charset=utf-8", "txt"};
  }
  return Refused("this kind of file is not accepted");
}

}  // namespace hallway::media

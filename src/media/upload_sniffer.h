// Upload type sniffing: decides what an uploaded file really is from its
// first bytes (never from the declared Content-Type alone), and refuses
// anything a browser could be tricked into running: HTML, SVG, XML and
// scripts, whatever they claim to be. The file name only chooses between
// formats that share a container (a .docx and a .zip are both ZIP files).
// Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/result.h"

namespace hallway::media {

enum class UploadKind { kImage, kVideo, kFile };

// Returns "image", "video" or "file".
const char* UploadKindName(UploadKind kind);

struct SniffedType {
  UploadKind kind = UploadKind::kFile;
  std::string mime;       // what we will serve it as, e.g. "application/pdf"
  std::string extension;  // canonical, without a dot: "pdf", "mp4", "docx"
};

// How many leading bytes SniffUpload needs to see (fewer is fine for a
// smaller file).
inline constexpr std::size_t kSniffBytes = 4096;

// Returns the type of a file whose first bytes are `head` (the whole file
// if shorter than kSniffBytes), named `filename` by the uploader, declared
// as `declared_type` (may be empty).
//   images: PNG, JPEG, GIF, WebP (by magic bytes);
//   video:  MP4 (ISO BMFF "ftyp" with an MP4 brand), WebM (EBML, "webm");
//   files:  PDF; ZIP and the office formats built on it (docx, xlsx, pptx,
//           odt, ods, odp, chosen by the name's extension, else zip); the
//           legacy OLE office formats (doc, xls, ppt; by extension only);
//           plain text (.txt, .md, .csv, .log or no extension: clean UTF-8,
//           no NUL bytes, and not markup or a script).
// Errors: kUnsupportedMedia (with a message fit for the user) for anything
// else, for HTML/SVG/XML or a script in any disguise, for an empty file, or
// when `declared_type` itself is a markup or script type.
core::Result<SniffedType> SniffUpload(std::string_view head, std::string_view filename,
                                      std::string_view declared_type);

// Returns true if `head` looks like markup or a script a browser might
// render or run: it starts (after a BOM and white space) with '<' or "#!",
// or mentions <script, <html, <svg, <iframe or <body in its first bytes.
bool LooksLikeMarkupOrScript(std::string_view head);

}  // namespace hallway::media

#include "media/upload_sniffer.h"

#include <gtest/gtest.h>

namespace hallway::media {
namespace {

struct Case {
  std::string head;
  std::string name;
  std::string declared;
  bool ok;
  UploadKind kind;
  std::string mime;
};

TEST(UploadSnifferTest, DecidesByMagicBytes) {
  const std::string mp4 = std::string("\0\0\0\x18" "ftypisom\0\0\x02\0isomiso2", 24);
  const std::string mov = std::string("\0\0\0\x14" "ftypqt  \0\0\0\0qt  ", 20);
  const std::string webm = "\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\xf7\x81\x01\x42\x82\x84webm";
  const std::string mkv = "\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\xf7\x81\x01\x42\x82\x88matroska";
  const std::string ole("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0", 10);
  const std::vector<Case> cases = {
      {"\x89PNG\r\n\x1a\nrest", "a.png", "image/png", true, UploadKind::kImage, "image/png"},
      {"\xff\xd8\xff\xe0rest", "a.txt", "text/plain", true, UploadKind::kImage, "image/jpeg"},
      {"GIF89a...", "", "", true, UploadKind::kImage, "image/gif"},
      {std::string("RIFF\x10\0\0\0WEBPVP8 ", 16), "a.webp", "", true, UploadKind::kImage, "image/webp"},
      {mp4, "clip.mp4", "video/mp4", true, UploadKind::kVideo, "video/mp4"},
      {mov, "clip.mov", "video/quicktime", false, UploadKind::kFile, ""},
      {webm, "clip.webm", "video/webm", true, UploadKind::kVideo, "video/webm"},
      {mkv, "clip.mkv", "", false, UploadKind::kFile, ""},
      {"%PDF-1.7\n", "r.pdf", "application/pdf", true, UploadKind::kFile, "application/pdf"},
      {"PK\x03\x04....", "plan.docx", "", true, UploadKind::kFile,
       "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
      {"PK\x03\x04....", "plan.ods", "", true, UploadKind::kFile, "application/vnd.oasis.opendocument.spreadsheet"},
      {"PK\x03\x04....", "bundle", "", true, UploadKind::kFile, "application/zip"},
      {ole, "old.doc", "", true, UploadKind::kFile, "application/msword"},
      {ole, "old.msi", "", false, UploadKind::kFile, ""},
      {"Meeting notes\nline two\n", "notes.txt", "text/plain", true, UploadKind::kFile,
       "text/plain; charset=utf-8"},
      {"a,b\n1,2\n", "t.csv", "text/csv", true, UploadKind::kFile, "text/csv; charset=utf-8"},
      {"Grüße\n", "", "", true, UploadKind::kFile, "text/plain; charset=utf-8"},
      {"console.log(1)\n", "app.js", "", false, UploadKind::kFile, ""},
      {"", "empty.txt", "", false, UploadKind::kFile, ""},
      {std::string("\x7f" "ELF\x02\x01\x01\0", 8), "a.bin", "", false, UploadKind::kFile, ""},
  };
  for (const auto& c : cases) {
    auto r = SniffUpload(c.head, c.name, c.declared);
    EXPECT_EQ(r.has_value(), c.ok) << c.name << " " << (r ? r->mime : r.error().message());
    if (r && c.ok) {
      EXPECT_EQ(r->kind, c.kind) << c.name;
      EXPECT_EQ(r->mime, c.mime) << c.name;
    } else if (!r) {
      EXPECT_EQ(r.error().code(), core::ErrorCode::kUnsupportedMedia);
    }
  }
}

TEST(UploadSnifferTest, RefusesMarkupAndScriptsInAnyDisguise) {
  const std::vector<std::pair<std::string, std::string>> disguised = {
      {"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>", "cat.png"},
      {"\xef\xbb\xbf  <html><script>alert(1)</script></html>", "photo.jpg"},
      {"<?xml version='1.0'?><svg/>", "notes.txt"},
      {"#!/bin/sh\nrm -rf /\n", "notes.txt"},
      {"hello\n<script>alert(1)</script>", "notes.txt"},
      {"Hi <iframe src=x>", "notes.md"},
  };
  for (const auto& [body, name] : disguised) {
    auto r = SniffUpload(body, name, "image/png");
    ASSERT_FALSE(r.has_value()) << name;
    EXPECT_EQ(r.error().code(), core::ErrorCode::kUnsupportedMedia);
  }
  // A declared markup type is refused even with innocent bytes.
  EXPECT_FALSE(SniffUpload("\x89PNG\r\n\x1a\n", "a.png", "image/svg+xml").has_value());
  EXPECT_FALSE(SniffUpload("plain words", "a.txt", "text/html; charset=utf-8").has_value());
}

TEST(UploadSnifferTest, NamesKinds) {
  EXPECT_STREQ(UploadKindName(UploadKind::kImage), "image");
  EXPECT_STREQ(UploadKindName(UploadKind::kVideo), "video");
  EXPECT_STREQ(UploadKindName(UploadKind::kFile), "file");
}

}  // namespace
}  // namespace hallway::media

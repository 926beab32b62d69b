// Uploads through the API: every accepted kind, disguised markup refused,
// per-kind limits, and files served with the right headers and HTTP Range.
#include <filesystem>
#include <fstream>
#include <iterator>

#include "tests/http/http_fixture.h"
#include "tests/http/media_samples.h"
#include "tests/support/video_maker.h"

namespace hallway::testing {
namespace {

class UploadHttpTest : public HttpTest {
 protected:
  static void SetUpTestSuite() { ASSERT_EQ(VIPS_INIT("hallway-test"), 0); }

  // Returns the number of stored files under the uploads directory
  // (excluding the spool).
  std::size_t StoredFiles() const {
    std::size_t n = 0;
    std::error_code ec;
    const auto dir = std::filesystem::path(server_->data_dir()) / "uploads";
    for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_regular_file() && it->path().parent_path().filename() != "incoming") ++n;
    }
    return n;
  }
};

TEST_P(UploadHttpTest, AcceptsEachKindAndServesItBack) {
  HttpClient ana = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  struct Sample {
    std::string body, name, declared, kind, mime, download_name, disposition;
  };
  const std::vector<Sample> samples = {
      {MakeImage(800, 600, ".png"), "holiday.png", "image/png", "image", "image/jpeg", "holiday.jpg", "inline"},
      {MakeImage(64, 64, ".jpg"), "tiny.jpeg", "image/jpeg", "image", "image/jpeg", "tiny.jpg", "inline"},
      {MakeImage(64, 64, ".gif"), "anim.gif", "image/gif", "image", "image/jpeg", "anim.jpg", "inline"},
      {MakeImage(64, 64, ".webp"), "w.webp", "image/webp", "image", "image/jpeg", "w.jpg", "inline"},
      {MakeMp4(5000), "clip.mp4", "video/mp4", "video", "video/mp4", "clip.mp4", "inline"},
      {MakeWebm(), "clip.webm", "video/webm", "video", "video/webm", "clip.webm", "inline"},
      {"%PDF-1.4\n%fake but well-formed enough\n", "Report Q1.pdf", "application/pdf", "file", "application/pdf",
       "Report Q1.pdf", "attachment"},
      {"PK\x03\x04 zip body", "plan.docx", "application/octet-stream", "file",
       "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "plan.docx", "attachment"},
      {"Agenda\n1. Budget\n", "agenda.txt", "text/plain", "file", "text/plain; charset=utf-8", "agenda.txt",
       "attachment"},
  };
  for (const auto& s : samples) {
    auto up = UploadAs(ana, s.body, s.name, s.declared);
    ASSERT_EQ(up.status, 201) << s.name << ": " << up.body;
    auto j = up.Json();
    EXPECT_EQ(j["kind"], s.kind) << s.name;
    EXPECT_EQ(j["mime"], s.mime) << s.name;
    EXPECT_EQ(j["name"], s.download_name) << s.name;
    EXPECT_EQ(j["attached"], false);
    const std::string url = j["url"];
    auto file = GetAs(ana, url);
    ASSERT_EQ(file.status, 200) << s.name;
    EXPECT_EQ(file.Header("content-type"), s.mime) << s.name;
    EXPECT_EQ(file.Header("x-content-type-options"), "nosniff");
    EXPECT_EQ(file.Header("cache-control").rfind("private", 0), 0u);
    EXPECT_FALSE(file.Header("etag").empty());
    EXPECT_EQ(file.Header("accept-ranges"), "bytes");
    EXPECT_EQ(file.Header("content-disposition").rfind(s.disposition + ";", 0), 0u)
        << file.Header("content-disposition");
    EXPECT_EQ(static_cast<std::int64_t>(file.body.size()), j["size"].get<std::int64_t>());
    if (s.kind == "image") {
      // Re-encoded, not the uploaded bytes; bounded; with a thumbnail.
      EXPECT_EQ(file.body.substr(0, 3), "\xff\xd8\xff");
      EXPECT_LE(j["width"].get<int>(), 2560);
      ASSERT_TRUE(j["thumbnail_url"].is_string());
      auto thumb = GetAs(ana, j["thumbnail_url"]);
      EXPECT_EQ(thumb.status, 200);
      EXPECT_EQ(thumb.Header("content-type"), "image/jpeg");
      EXPECT_LT(thumb.body.size(), file.body.size() + 1);
    } else {
      EXPECT_EQ(file.body, s.body) << s.name;  // videos and files are kept byte for byte
      EXPECT_TRUE(j["thumbnail_url"].is_null());
      EXPECT_EQ(GetAs(ana, url + "/thumbnail").status, 404);
    }
    // Revalidation answers 304 without a body.
    auto again = GetAs(ana, url, {{"If-None-Match", file.Header("etag")}});
    EXPECT_EQ(again.status, 304);
    EXPECT_TRUE(again.body.empty());
  }
  EXPECT_EQ(ana.Get("/api/v1/uploads/" + UploadAs(ana, "notes", "n.txt", "text/plain").Json()["id"].get<std::string>())
                .Json()["kind"],
            "file");
}

// The mean of each band of a JPEG: the poster's colour.
std::vector<double> BandMeans(const std::string& jpeg) {
  VipsImage* img = vips_image_new_from_buffer(jpeg.data(), jpeg.size(), "", nullptr);
  std::vector<double> means;
  if (!img) return means;
  for (int b = 0; b < vips_image_get_bands(img); ++b) {
    VipsImage* band = nullptr;
    double mean = 0;
    if (vips_extract_band(img, &band, b, nullptr) == 0 && vips_avg(band, &mean, nullptr) == 0) means.push_back(mean);
    if (band) g_object_unref(band);
  }
  g_object_unref(img);
  return means;
}

TEST_P(UploadHttpTest, RealVideosGetAPosterFromPastTheirFirstFrame) {
  HttpClient ana = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  for (const std::string container : {"mp4", "webm"}) {
    // 3 s at 10 fps: a black first frame (a fade-in), then red.
    const auto path = std::filesystem::path(server_->data_dir()) / ("sample." + container);
    ASSERT_TRUE(WriteTestVideo(path.string(), {.container = container}));
    std::ifstream in(path, std::ios::binary);
    const std::string video((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto up = UploadAs(ana, video, "standup." + container, "video/" + container);
    ASSERT_EQ(up.status, 201) << container << ": " << up.body;
    auto j = up.Json();
    EXPECT_EQ(j["kind"], "video");
    EXPECT_EQ(j["width"], 160) << container;
    EXPECT_EQ(j["height"], 90) << container;
    ASSERT_TRUE(j["thumbnail_url"].is_string()) << container << ": " << up.body;
    EXPECT_EQ(GetAs(ana, j["url"]).body, video) << container;  // the video itself is kept byte for byte
    auto poster = GetAs(ana, j["thumbnail_url"]);
    ASSERT_EQ(poster.status, 200) << container;
    EXPECT_EQ(poster.Header("content-type"), "image/jpeg");
    const std::vector<double> rgb = BandMeans(poster.body);
    ASSERT_EQ(rgb.size(), 3u) << container;
    EXPECT_GT(rgb[0], 180) << container;  // red, not the black first frame
    EXPECT_LT(rgb[1], 60) << container;
    EXPECT_LT(rgb[2], 60) << container;
  }
}

TEST_P(UploadHttpTest, RefusesDisguisedMarkupAndUnknownTypesAndStoresNothing) {
  HttpClient ana = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  const std::vector<std::tuple<std::string, std::string, std::string>> refused = {
      {"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>", "cat.png", "image/png"},
      {"<!DOCTYPE html><html><script>alert(1)</script></html>", "photo.jpg", "image/jpeg"},
      {"  <html><body>hi</body></html>", "notes.txt", "text/plain"},
      {"<?xml version='1.0'?><svg/>", "drawing.svg", "image/svg+xml"},
      {"harmless words", "page.html", "text/html"},
      {"#!/bin/sh\necho pwned\n", "run.txt", "text/plain"},
      {"alert(document.cookie)", "app.js", "text/javascript"},
      {std::string("\x7f" "ELF\x02\x01\x01\0\0\0", 10), "tool", "application/octet-stream"},
      {"\x89PNG\r\n\x1a\nnot actually an image", "broken.png", "image/png"},
      {"", "empty.txt", "text/plain"},
  };
  for (const auto& [body, name, type] : refused) {
    auto r = UploadAs(ana, body, name, type);
    EXPECT_EQ(r.status, 415) << name << ": " << r.body;
    EXPECT_EQ(r.Header("content-type"), "application/problem+json");
  }
  EXPECT_EQ(StoredFiles(), 0u);
}

TEST_P(UploadHttpTest, EnforcesPerKindLimits) {
  Start({"--max-image-mb", "1", "--max-video-mb", "2", "--max-file-mb", "1"});
  HttpClient ana = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  const std::string big_pdf = "%PDF-1.4\n" + std::string(1024 * 1024 + 10, 'x');
  auto pdf = UploadAs(ana, big_pdf, "big.pdf", "application/pdf");
  EXPECT_EQ(pdf.status, 413) << pdf.body;
  EXPECT_NE(pdf.Json()["detail"].get<std::string>().find("1 MB"), std::string::npos);
  // A video of the same size is within its own, larger limit.
  EXPECT_EQ(UploadAs(ana, MakeMp4(1024 * 1024 + 10), "ok.mp4", "video/mp4").status, 201);
  // Over the largest limit of any kind: refused from the Content-Length
  // alone, before the body is read.
  const std::string huge = RawExchange(server_->port(),
                                      "POST /api/v1/uploads?name=huge.mp4 HTTP/1.1\r\nHost: x\r\n"
                                      "Content-Type: video/mp4\r\nCookie: hallway_session=" +
                                          ana.cookie() + "\r\nX-CSRF-Token: " + ana.csrf() +
                                          "\r\nContent-Length: " + std::to_string(3 * 1024 * 1024) +
                                          "\r\n\r\n");
  EXPECT_EQ(huge.rfind("HTTP/1.1 413", 0), 0u) << huge;
  EXPECT_EQ(StoredFiles(), 1u);
}

TEST_P(UploadHttpTest, ServesByteRanges) {
  HttpClient ana = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  const std::string video = MakeMp4(300000);
  auto up = UploadAs(ana, video, "clip.mp4", "video/mp4");
  ASSERT_EQ(up.status, 201) << up.body;
  const std::string url = up.Json()["url"];
  const std::string size = std::to_string(video.size());

  auto head = GetAs(ana, url, {{"Range", "bytes=0-99"}});
  ASSERT_EQ(head.status, 206);
  EXPECT_EQ(head.body, video.substr(0, 100));
  EXPECT_EQ(head.Header("content-range"), "bytes 0-99/" + size);
  EXPECT_EQ(head.Header("content-length"), "100");

  auto middle = GetAs(ana, url, {{"Range", "bytes=123456-200000"}});
  ASSERT_EQ(middle.status, 206);
  EXPECT_EQ(middle.body, video.substr(123456, 200000 - 123456 + 1));

  auto open_ended = GetAs(ana, url, {{"Range", "bytes=299990-"}});
  ASSERT_EQ(open_ended.status, 206);
  EXPECT_EQ(open_ended.body, video.substr(299990));

  auto suffix = GetAs(ana, url, {{"Range", "bytes=-10"}});
  ASSERT_EQ(suffix.status, 206);
  EXPECT_EQ(suffix.body, video.substr(video.size() - 10));

  auto beyond = GetAs(ana, url, {{"Range", "bytes=" + size + "-"}});
  EXPECT_EQ(beyond.status, 416);
  EXPECT_EQ(beyond.Header("content-range"), "bytes */" + size);

  // A stale If-Range gets the whole, current file.
  auto stale = GetAs(ana, url, {{"Range", "bytes=0-9"}, {"If-Range", "\"not-the-etag\""}});
  EXPECT_EQ(stale.status, 200);
  EXPECT_EQ(stale.body, video);

  // HEAD: the headers of the whole file, no body.
  std::map<std::string, std::string> cookie = {{"Cookie", "hallway_session=" + ana.cookie()}};
  auto head_only = ana.Send("HEAD", url, "", cookie);
  EXPECT_EQ(head_only.status, 200);
  EXPECT_EQ(head_only.Header("content-length"), size);
  EXPECT_TRUE(head_only.body.empty());

  // Several ranges are answered with the whole file (allowed by RFC 9110).
  auto several = GetAs(ana, url, {{"Range", "bytes=0-1,5-6"}});
  EXPECT_EQ(several.status, 200);
  EXPECT_EQ(several.body.size(), video.size());
}

TEST_P(UploadHttpTest, OnlyTheOwnerSeesAnUnattachedUploadAndMayRemoveIt) {
  HttpClient ana = Client(), ben = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  ASSERT_EQ(ben.SignUp("ben").status, 201);
  auto up = UploadAs(ana, MakeImage(100, 100, ".png"), "me.png", "image/png");
  ASSERT_EQ(up.status, 201);
  const std::string key = up.Json()["id"], url = up.Json()["url"];
  EXPECT_EQ(GetAs(ben, url).status, 404);
  EXPECT_EQ(GetAs(ben, url + "/thumbnail").status, 404);
  EXPECT_EQ(ben.Get("/api/v1/uploads/" + key).status, 404);
  EXPECT_EQ(ben.Json("DELETE", "/api/v1/uploads/" + key).status, 404);
  EXPECT_EQ(Client().Send("GET", url).status, 401);  // signed out
  EXPECT_EQ(ana.Json("DELETE", "/api/v1/uploads/" + key).status, 204);
  EXPECT_EQ(GetAs(ana, url).status, 404);
  EXPECT_EQ(StoredFiles(), 0u);
}

INSTANTIATE_TEST_SUITE_P(Backends, UploadHttpTest, ::testing::ValuesIn(AllBackends()), HttpBackendName);

}  // namespace
}  // namespace hallway::testing

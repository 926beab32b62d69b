// The server's side of media processing against the real hallway-media
// program: answers, errors that cross the process boundary, and workers
// that are missing, fail or crash.
#include "media/media_worker.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "media/codecs/image_normalizer.h"
#include "media/codecs/test_images.h"

namespace hallway::media {
namespace {

class MediaWorkerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { ASSERT_TRUE(InitMedia("hallway-test")); }
  void SetUp() override { UseWorker(HALLWAY_MEDIA_WORKER_BIN); }
  void TearDown() override { unsetenv("HALLWAY_MEDIA_WORKER"); }
  static void UseWorker(const std::string& path) { setenv("HALLWAY_MEDIA_WORKER", path.c_str(), 1); }

  // A file holding `bytes`, removed after the test: a photo as the server
  // spools an upload.
  std::string File(const std::string& bytes) {
    const std::string name =
        "hallway-worker-" + std::to_string(getpid()) + "-" + std::to_string(made_.size());
    const auto path = std::filesystem::temp_directory_path() / name;
    std::ofstream(path, std::ios::binary) << bytes;
    made_.push_back(path);
    return path.string();
  }
  std::string Png(int w, int h) { return File(testing::MakeImage(w, h, ".png")); }

  // A stand-in worker: a shell script with `body`.
  std::string Script(const std::string& body) {
    const std::string path = File("#!/bin/sh\n" + body + "\n");
    chmod(path.c_str(), 0700);
    return path;
  }
  ~MediaWorkerTest() override {
    for (const auto& p : made_) std::filesystem::remove(p);
  }

 private:
  std::vector<std::filesystem::path> made_;
};

TEST_F(MediaWorkerTest, APhotoComesBackAsJpegWithItsSizeAndThumbnail) {
  PhotoLimits limits;
  limits.max_edge = 100;
  limits.thumbnail_edge = 20;
  auto photo = worker::NormalizePhoto(Png(300, 150), limits);
  ASSERT_TRUE(photo) << photo.error().message();
  EXPECT_EQ(photo->width, 100);
  EXPECT_EQ(photo->height, 50);
  EXPECT_EQ(photo->content_type, "image/jpeg");
  EXPECT_EQ(SniffImageType(photo->jpeg), "image/jpeg");
  EXPECT_EQ(SniffImageType(photo->thumbnail_jpeg), "image/jpeg");
  EXPECT_LT(photo->thumbnail_jpeg.size(), photo->jpeg.size());
}

TEST_F(MediaWorkerTest, AnAvatarComesBackSquare) {
  auto image = worker::NormalizeSquare(testing::MakeImage(64, 32, ".png"), 16, 1 << 20);
  ASSERT_TRUE(image) << image.error().message();
  EXPECT_EQ(SniffImageType(image->bytes), "image/jpeg");
}

TEST_F(MediaWorkerTest, TheWorkersErrorsKeepTheirKind) {
  auto html = worker::NormalizePhoto(File("<html><script>alert(1)</script></html>"), PhotoLimits{});
  ASSERT_FALSE(html);
  EXPECT_EQ(html.error().code(), core::ErrorCode::kUnsupportedMedia);
  PhotoLimits tiny;
  tiny.max_bytes = 10;
  auto big = worker::NormalizePhoto(Png(8, 8), tiny);
  ASSERT_FALSE(big);
  EXPECT_EQ(big.error().code(), core::ErrorCode::kPayloadTooLarge);
  auto video = worker::MakeVideoPoster("/dev/null", "mp4", 64);
  ASSERT_FALSE(video);
  EXPECT_EQ(video.error().code(), core::ErrorCode::kUnsupportedMedia);
}

TEST_F(MediaWorkerTest, AWorkerThatCrashesOrFailsRefusesTheFile) {
  UseWorker(Script("kill -SEGV $$"));
  auto crashed = worker::NormalizePhoto(Png(8, 8), PhotoLimits{});
  ASSERT_FALSE(crashed);
  EXPECT_EQ(crashed.error().code(), core::ErrorCode::kUnsupportedMedia);
  EXPECT_NE(crashed.error().message().find("signal 11"), std::string::npos) << crashed.error().message();

  UseWorker(Script("exit 3"));
  auto failed = worker::NormalizePhoto(Png(8, 8), PhotoLimits{});
  ASSERT_FALSE(failed);
  EXPECT_NE(failed.error().message().find("status 3"), std::string::npos) << failed.error().message();

  UseWorker(Script("echo not json"));
  auto nonsense = worker::NormalizePhoto(Png(8, 8), PhotoLimits{});
  ASSERT_FALSE(nonsense);
  EXPECT_EQ(nonsense.error().code(), core::ErrorCode::kInternal);
}

TEST_F(MediaWorkerTest, AMissingWorkerIsAClearInternalError) {
  UseWorker("/nonexistent/hallway-media");
  auto photo = worker::NormalizePhoto(Png(8, 8), PhotoLimits{});
  ASSERT_FALSE(photo);
  EXPECT_EQ(photo.error().code(), core::ErrorCode::kInternal);
  EXPECT_NE(photo.error().message().find("/nonexistent/hallway-media"), std::string::npos);
}

}  // namespace
}  // namespace hallway::media

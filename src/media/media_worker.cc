#include "media/media_worker.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <vector>

#include "core/file_io.h"

extern char** environ;

namespace hallway::media::worker {
namespace {

namespace fs = std::filesystem;

// A private directory for one call's files, removed with it.
class ScratchDir {
 public:
  static core::Result<ScratchDir> Create() {
    std::error_code ec;
    std::string pattern = (fs::temp_directory_path(ec) / "hallway-media-XXXXXX").string();
    if (ec || mkdtemp(pattern.data()) == nullptr) {
      return core::Error::Unavailable("media: cannot create a scratch directory: " + std::string(std::strerror(errno)));
    }
    return ScratchDir(pattern);
  }
  ScratchDir(ScratchDir&& o) noexcept : path_(std::move(o.path_)) { o.path_.clear(); }
  ScratchDir(const ScratchDir&) = delete;
  ~ScratchDir() {
    std::error_code ec;
    if (!path_.empty()) fs::remove_all(path_, ec);
  }
  std::string File(const char* name) const { return (fs::path(path_) / name).string(); }

 private:
  explicit ScratchDir(std::string path) : path_(std::move(path)) {}
  std::string path_;
};

// Runs the worker with `args` and returns its {"ok":true,...} answer, or
// the error it reported. A worker that crashes, is killed (it stops itself
// after a time limit) or answers nonsense refuses the file as undecodable.
core::Result<nlohmann::json> Run(const std::vector<std::string>& args) {
  const std::string program = Program();
  int out[2];
  if (pipe2(out, O_CLOEXEC) != 0) {
    return core::Error::Unavailable("media: pipe: " + std::string(std::strerror(errno)));
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out[1], 1);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(program.c_str()));
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(out[1]);
  if (spawned != 0) {
    close(out[0]);
    return core::Error::Internal("media: cannot start the media worker " + program + ": " + std::strerror(spawned));
  }
  std::string reply;
  char buffer[4096];
  for (;;) {
    const ssize_t n = read(out[0], buffer, sizeof buffer);
    if (n > 0) {
      reply.append(buffer, static_cast<std::size_t>(n));
    } else if (n == 0 || errno != EINTR) {
      break;
    }
  }
  close(out[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    const std::string how = WIFSIGNALED(status) ? "was stopped by signal " + std::to_string(WTERMSIG(status))
                                                : "exited with status " + std::to_string(WEXITSTATUS(status));
    return core::Error::UnsupportedMedia("upload: the file could not be decoded (the media worker " + how + ")");
  }
  nlohmann::json j = nlohmann::json::parse(reply, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("ok")) {
    return core::Error::Internal("media: the media worker answered: " + reply.substr(0, 200));
  }
  if (!j.value("ok", false)) {
    return core::Error(core::ErrorCodeFromName(j.value("code", "")),
                       j.value("message", "media: failed"));
  }
  return j;
}

}  // namespace

std::string Program() {
  if (const char* env = std::getenv("HALLWAY_MEDIA_WORKER"); env != nullptr && *env != '\0') return env;
  std::error_code ec;
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  return ((ec ? fs::current_path() : self.parent_path()) / "hallway-media").string();
}

core::Result<NormalizedImage> NormalizeSquare(std::string_view bytes, int size, std::size_t max_bytes) {
  HALLWAY_TRY_ASSIGN(ScratchDir dir, ScratchDir::Create());
  HALLWAY_TRY(core::WriteFile(dir.File("in"), bytes));
  HALLWAY_TRY_ASSIGN(nlohmann::json j, Run({"square", std::to_string(size), std::to_string(max_bytes), dir.File("in"),
                                            dir.File("out.jpg")}));
  NormalizedImage image;
  HALLWAY_TRY_ASSIGN(image.bytes, core::ReadFile(dir.File("out.jpg")));
  image.content_type = j.value("content_type", "image/jpeg");
  return image;
}

core::Result<NormalizedPhoto> NormalizePhoto(const std::string& path, const PhotoLimits& limits) {
  HALLWAY_TRY_ASSIGN(ScratchDir dir, ScratchDir::Create());
  HALLWAY_TRY_ASSIGN(nlohmann::json j,
                     Run({"photo", std::to_string(limits.max_edge), std::to_string(limits.thumbnail_edge),
                          std::to_string(limits.max_bytes), path, dir.File("out.jpg"),
                          dir.File("thumb.jpg")}));
  NormalizedPhoto photo;
  HALLWAY_TRY_ASSIGN(photo.jpeg, core::ReadFile(dir.File("out.jpg")));
  HALLWAY_TRY_ASSIGN(photo.thumbnail_jpeg, core::ReadFile(dir.File("thumb.jpg")));
  photo.width = j.value("width", 0);
  photo.height = j.value("height", 0);
  photo.content_type = j.value("content_type", "image/jpeg");
  return photo;
}

core::Result<VideoPoster> MakeVideoPoster(const std::string& path, const std::string& container, int edge) {
  HALLWAY_TRY_ASSIGN(ScratchDir dir, ScratchDir::Create());
  HALLWAY_TRY_ASSIGN(nlohmann::json j,
                     Run({"poster", container, std::to_string(edge), path, dir.File("poster.jpg")}));
  VideoPoster poster;
  HALLWAY_TRY_ASSIGN(poster.jpeg, core::ReadFile(dir.File("poster.jpg")));
  poster.video_width = j.value("video_width", 0);
  poster.video_height = j.value("video_height", 0);
  return poster;
}

}  // namespace hallway::media::worker

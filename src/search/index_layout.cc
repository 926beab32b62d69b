#include "search/index_layout.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <system_error>

namespace hallway::search {
namespace {

namespace fs = std::filesystem;

constexpr const char* kCurrentFile = "CURRENT";
constexpr const char* kGenPrefix = "gen-";

// Returns the number of a "gen-NNNNNN" name, or 0 when it is not one.
std::uint64_t GenerationNumber(const std::string& name) {
  if (name.rfind(kGenPrefix, 0) != 0 || name.size() <= 4) return 0;
  std::uint64_t n = 0;
  for (std::size_t i = 4; i < name.size(); ++i) {
    if (name[i] < '0' || name[i] > '9') return 0;
    n = n * 10 + static_cast<std::uint64_t>(name[i] - '0');
  }
  return n;
}

std::string GenerationName(std::uint64_t n) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "gen-%06llu", static_cast<unsigned long long>(n));
  return buf;
}

core::Error IoError(const std::string& what, const std::error_code& ec) {
  return core::Error::Unavailable("search: " + what + ": " + ec.message());
}

bool SyncPath(const fs::path& p, bool directory) {
  const int fd = ::open(p.c_str(), directory ? (O_RDONLY | O_DIRECTORY) : O_RDONLY);
  if (fd < 0) return false;
  const bool ok = ::fsync(fd) == 0;
  ::close(fd);
  return ok;
}

}  // namespace

core::Result<std::string> IndexLayout::CurrentDir(const std::string& root) {
  std::ifstream in(fs::path(root) / kCurrentFile);
  if (!in) return core::Error::NotFound("search: no published index under " + root);
  std::string name;
  std::getline(in, name);
  if (GenerationNumber(name) == 0) {
    return core::Error::Internal("search: " + root + "/CURRENT is malformed");
  }
  return (fs::path(root) / name).string();
}

core::Result<std::uint64_t> IndexLayout::CurrentGeneration(const std::string& root) {
  HALLWAY_TRY_ASSIGN(std::string dir, CurrentDir(root));
  return GenerationNumber(fs::path(dir).filename().string());
}

core::Result<std::string> IndexLayout::CreateNextDir(const std::string& root) {
  std::error_code ec;
  fs::create_directories(root, ec);
  if (ec) return IoError("create " + root, ec);
  std::uint64_t max_gen = 0;
  for (const auto& entry : fs::directory_iterator(root, ec)) {
    max_gen = std::max(max_gen, GenerationNumber(entry.path().filename().string()));
  }
  if (ec) return IoError("list " + root, ec);
  // mkdir is atomic: of two writers that listed the same numbers (a rebuild
  // and a fresh index), one gets the next number after the other's.
  for (std::uint64_t n = max_gen + 1; n < max_gen + 100; ++n) {
    const fs::path dir = fs::path(root) / GenerationName(n);
    if (fs::create_directory(dir, ec)) return dir.string();
    if (ec) return IoError("create " + dir.string(), ec);
  }
  return IoError("create a generation under " + root,
                 std::make_error_code(std::errc::file_exists));
}

core::Status IndexLayout::Publish(const std::string& root, const std::string& dir) {
  const std::string name = fs::path(dir).filename().string();
  const std::uint64_t gen = GenerationNumber(name);
  if (gen == 0 || fs::path(dir).parent_path() != fs::path(root)) {
    return core::Error::InvalidArgument("search: " + dir + " is not a generation of " + root);
  }
  std::uint64_t previous = 0;
  if (auto cur = CurrentGeneration(root)) previous = *cur;

  const fs::path tmp = fs::path(root) / "CURRENT.tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << name << '\n';
    if (!out.flush()) return core::Error::Unavailable("search: write " + tmp.string());
  }
  if (!SyncPath(tmp, false)) return core::Error::Unavailable("search: fsync " + tmp.string());
  std::error_code ec;
  fs::rename(tmp, fs::path(root) / kCurrentFile, ec);
  if (ec) return IoError("publish " + name, ec);
  SyncPath(root, true);  // best effort: the rename is already atomic

  // Keep the generation just replaced; older ones have had a whole
  // generation's lifetime for their readers to reopen.
  for (const auto& entry : fs::directory_iterator(root, ec)) {
    const std::uint64_t n = GenerationNumber(entry.path().filename().string());
    if (n != 0 && n < gen && n < previous) fs::remove_all(entry.path(), ec);
  }
  return core::Ok();
}

}  // namespace hallway::search

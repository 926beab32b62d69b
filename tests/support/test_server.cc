#include "tests/support/test_server.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <regex>
#include <sstream>
#include <filesystem>
#include <thread>

#include "tests/support/test_env.h"

extern char** environ;

namespace hallway::testing {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

pid_t Spawn(const std::vector<std::string>& args, const std::string& out_file,
            const std::vector<std::string>& extra_env) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, out_file.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  std::vector<std::string> env_store;
  for (char** e = environ; *e; ++e) env_store.emplace_back(*e);
  for (const auto& e : extra_env) env_store.push_back(e);
  std::vector<char*> envp;
  for (auto& e : env_store) envp.push_back(e.data());
  envp.push_back(nullptr);
  pid_t pid = -1;
  const int rc = posix_spawn(&pid, args[0].c_str(), &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  EXPECT_EQ(rc, 0) << "cannot start " << args[0];
  return rc == 0 ? pid : -1;
}

}  // namespace

std::string HallwayBinary() { return HALLWAY_BIN; }

TestServer::TestServer(const std::string& database_url, const std::vector<std::string>& extra_args) {
  dir_ = MakeTempDir();
  data_dir_ = dir_ + "/data";
  std::vector<std::string> args = {HallwayBinary(), "serve", "--database", database_url,
                                   "--listen", "127.0.0.1:0", "--data-dir", data_dir_,
                                   "--access-log", dir_ + "/access.log", "--web-dir", dir_ + "/no-web",
                                   "--fast-password-hashing", "--db-pool", "4"};
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  pid_ = Spawn(args, dir_ + "/server.log", {});
  const std::regex listening("\"listening\",\"url\":\"http://127\\.0\\.0\\.1:([0-9]+)\"");
  // Up to 30 s: a demo seed on PostgreSQL under ASan on a busy 2-core
  // machine takes several seconds before the server listens.
  for (int i = 0; i < 1500 && pid_ > 0; ++i) {
    std::smatch m;
    const std::string log = Log();
    if (std::regex_search(log, m, listening)) {
      port_ = std::stoi(m[1]);
      return;
    }
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ADD_FAILURE() << "hallway serve did not start:\n" << Log();
}

TestServer::~TestServer() {
  if (pid_ > 0 && Terminate() == -1) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
}

int TestServer::Terminate(int timeout_ms) {
  if (pid_ <= 0) return -1;
  kill(pid_, SIGTERM);
  for (int waited = 0; waited < timeout_ms; waited += 10) {
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return status;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return -1;
}

void TestServer::Kill() {
  if (pid_ <= 0) return;
  kill(pid_, SIGKILL);
  waitpid(pid_, nullptr, 0);
  pid_ = -1;
}

std::string TestServer::Log() const { return ReadFile(dir_ + "/server.log"); }
std::string TestServer::AccessLog() const { return ReadFile(dir_ + "/access.log"); }

int RunHallway(const std::vector<std::string>& args, std::string* output,
               const std::vector<std::string>& env) {
  const std::string dir = MakeTempDir();
  std::vector<std::string> full = {HallwayBinary()};
  full.insert(full.end(), args.begin(), args.end());
  pid_t pid = Spawn(full, dir + "/out.log", env);
  int status = 0;
  if (pid > 0) waitpid(pid, &status, 0);
  if (output) *output = ReadFile(dir + "/out.log");
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace hallway::testing

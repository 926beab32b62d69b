// TestServer: the real `hallway serve` binary, started on a free loopback
// port against a given database, stopped (SIGTERM) when the object dies.
// Its stderr is kept in a file for assertions and failure messages.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace hallway::testing {

class TestServer {
 public:
  // Starts the server and waits until it listens. `extra_args` are appended
  // to the command line. Fails the test (and leaves port()==0) on error.
  TestServer(const std::string& database_url, const std::vector<std::string>& extra_args = {});
  ~TestServer();
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  int port() const { return port_; }
  const std::string& data_dir() const { return data_dir_; }
  // Sends SIGTERM and returns the exit status (as from waitpid), waiting up
  // to `timeout_ms`; -1 if it did not exit in time.
  int Terminate(int timeout_ms = 10000);
  // Kills the server with SIGKILL (a crash) and waits for it.
  void Kill();
  // Returns everything the server wrote to stderr so far.
  std::string Log() const;
  std::string AccessLog() const;

 private:
  pid_t pid_ = -1;
  int port_ = 0;
  std::string dir_;
  std::string data_dir_;
};

// Runs the hallway binary with `args` (and extra environment `env`,
// "NAME=value"), returns its exit code and fills `output` with stdout+stderr.
int RunHallway(const std::vector<std::string>& args, std::string* output,
               const std::vector<std::string>& env = {});

// The path of the binary under test (HALLWAY_BIN at build time).
std::string HallwayBinary();

}  // namespace hallway::testing

#include "tests/support/maildir.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

#include "tests/support/test_env.h"

namespace hallway::testing {

std::string SmtpSinkAddress() {
  const std::string port = Env("HALLWAY_TEST_SMTP_PORT");
  if (port.empty() || Env("HALLWAY_TEST_MAILDIR").empty()) {
    ADD_FAILURE() << "HALLWAY_TEST_SMTP_PORT/HALLWAY_TEST_MAILDIR are not set: run through `make test`, "
                     "which starts a local SMTP sink";
  }
  return "127.0.0.1:" + port;
}

namespace {

// Returns the text of every message to `to` in the sink.
std::vector<std::string> MessagesTo(const std::string& to) {
  std::vector<std::string> out;
  const std::string dir = Env("HALLWAY_TEST_MAILDIR");
  for (const char* sub : {"new", "cur"}) {
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(dir + "/" + sub, ec)) {
      std::ifstream in(e.path());
      std::ostringstream s;
      s << in.rdbuf();
      const std::string text = s.str();
      if (text.find("To: " + to + "\n") != std::string::npos ||
          text.find("To: " + to + "\r\n") != std::string::npos) {
        out.push_back(text);
      }
    }
  }
  return out;
}

}  // namespace

std::string WaitForMailTo(const std::string& to, int timeout_ms) {
  for (int waited = 0; waited < timeout_ms; waited += 100) {
    auto found = MessagesTo(to);
    if (!found.empty()) return found.front();
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return "";
}

int CountMailTo(const std::string& to) { return static_cast<int>(MessagesTo(to).size()); }

}  // namespace hallway::testing

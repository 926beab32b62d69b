// The `hallway` program: parses the command line and runs a subcommand.
#include <cstdio>

#include "app/commands.h"
#include "app/config.h"
#include "crypto/password_hasher.h"

int main(int argc, char** argv) {
  using namespace hallway;
  auto parsed = app::ParseCommandLine(argc, argv);
  if (!parsed) {
    std::fprintf(stderr, "hallway: %s\n", parsed.error().message().c_str());
    return 2;
  }
  const auto& cmd = *parsed;
  const std::string command = cmd.words.empty() ? "" : cmd.words[0];
  if (cmd.help || command.empty()) {
    std::fputs((command.empty() ? app::HelpText() : app::SubcommandHelp(command)).c_str(), stdout);
    return cmd.help ? 0 : 2;
  }
  if (auto s = crypto::InitCrypto(); !s) {
    std::fprintf(stderr, "hallway: %s\n", s.error().message().c_str());
    return 1;
  }
  if (command == "serve") return app::RunServe(cmd);
  if (command == "migrate") return app::RunMigrate(cmd);
  if (command == "seed-demo") return app::RunSeedDemo(cmd);
  if (command == "user") return app::RunUser(cmd);
  if (command == "backup") return app::RunBackup(cmd);
  if (command == "import") return app::RunImport(cmd);
  if (command == "reindex") return app::RunReindex(cmd);
  if (command == "send-digests") return app::RunSendDigests(cmd);
  if (command == "recommend") return app::RunRecommend(cmd);
  std::fprintf(stderr, "hallway: unknown command '%s' (see hallway --help)\n", command.c_str());
  return 2;
}

// The `hallway` subcommands. Each returns the process exit code and prints
// what it does (to stdout) and what went wrong (to stderr).
#pragma once

#include "app/config.h"

namespace hallway::app {

int RunServe(const ParsedCommand& cmd);
int RunMigrate(const ParsedCommand& cmd);
int RunSeedDemo(const ParsedCommand& cmd);
int RunUser(const ParsedCommand& cmd);
int RunBackup(const ParsedCommand& cmd);
int RunImport(const ParsedCommand& cmd);
int RunReindex(const ParsedCommand& cmd);
int RunSendDigests(const ParsedCommand& cmd);
int RunRecommend(const ParsedCommand& cmd);

}  // namespace hallway::app

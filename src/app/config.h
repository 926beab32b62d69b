// Config: everything the `hallway` program can be told, from flags and from
// HALLWAY_* environment variables (a flag wins over the environment).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/result.h"

namespace hallway::app {

struct Config {
  std::string database = "sqlite:var/hallway.db";
  std::string listen = "127.0.0.1:8080";
  std::string data_dir = "var/data";
  std::string node;     // this node's name when several serve one database; empty: the only one
  std::string web_dir;  // default: the build's web/dist
  std::string base_url; // default: http://<listen>
  std::string site_name = "Hallway";
  std::string smtp;     // host:port of the mail relay; empty disables mail
  std::string mail_from = "hallway@localhost";
  std::string access_log = "-";  // file path, or - for stdout
  int io_threads = 2;
  int db_pool = 8;
  int workers = 0;        // request handlers at once; 0: one more than the cores (RequestWorkers)
  int read_timeout = 15;  // seconds to read one request
  int max_streams = 5;    // live notification streams per person
  int heartbeat = 20;     // seconds between keep-alive comments on live streams
  int digest_hour = 7;    // local hour of the mail digests
  int mail_retry = 60;    // seconds before the first mail retry
  int max_image_mb = 10;  // per-kind upload limits
  int max_video_mb = 200;
  int max_file_mb = 25;
  int retrain_minutes = 60;  // the recommender's full retraining interval
  bool seed_demo = false;
  bool secure_cookies = false;
  bool fast_password_hashing = false;  // tests only: libsodium's minimum cost
};

struct ParsedCommand {
  std::vector<std::string> words;  // subcommand and its positional arguments
  Config config;
  std::map<std::string, std::string> options;  // subcommand-specific --key value
  bool help = false;
};

// Where this node keeps its search index: DATA_DIR/search, or
// DATA_DIR/search-NODE when it is one of several named nodes (each node
// feeds its own index from the shared activity log).
std::string SearchIndexRoot(const Config& c);

// How many requests are handled at once: `workers`, or one more than the
// machine's cores. More handlers than cores only add queueing inside the
// kernel's scheduler, where a request can be preempted many times: the
// PostgreSQL home-stream p99 fell from ~120 ms to ~25 ms at 8 connections
// on 2 cores with 3 handlers instead of 8 (docs/benchmarks.md).
int RequestWorkers(const Config& c);

// The activity-log cursor of a consumer whose state is local to this node
// (its search index, its in-memory recommender): `base`, or base@NODE.
std::string NodeCursor(const Config& c, const std::string& base);

// Parses argv. Errors: kInvalidArgument with a message for the user.
core::Result<ParsedCommand> ParseCommandLine(int argc, char** argv);

// Returns the full help text (program and every subcommand).
std::string HelpText();
// Returns help for one subcommand, or the full help if unknown.
std::string SubcommandHelp(const std::string& command);

}  // namespace hallway::app

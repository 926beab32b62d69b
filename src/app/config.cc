#include "app/config.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>
#include <thread>

namespace hallway::app {
namespace {

struct Option {
  const char* name;
  const char* env;
  const char* help;
  bool flag;  // takes no value
};

const std::vector<Option>& GlobalOptions() {
  static const std::vector<Option> kOptions = {
      {"database", "HALLWAY_DATABASE", "sqlite:PATH (default sqlite:var/hallway.db) or postgresql://...", false},
      {"listen", "HALLWAY_LISTEN", "HOST:PORT to serve on (default 127.0.0.1:8080)", false},
      {"data-dir", "HALLWAY_DATA_DIR", "directory for uploads and indexes (default var/data)", false},
      {"node", "HALLWAY_NODE",
       "name of this node when several serve one database (letters, digits, -): its search index "
       "(DATA_DIR/search-NODE) and log cursors are its own (default: a single node)",
       false},
      {"web-dir", "HALLWAY_WEB_DIR", "directory of the built web UI (default: the build's web/dist)", false},
      {"base-url", "HALLWAY_BASE_URL", "public URL used in emailed links (default http://LISTEN)", false},
      {"site-name", "HALLWAY_SITE_NAME", "organization name shown in the UI and mail (default Hallway)", false},
      {"smtp", "HALLWAY_SMTP", "HOST:PORT of the SMTP relay; without it mail waits in the outbox", false},
      {"mail-from", "HALLWAY_MAIL_FROM", "sender address of outgoing mail (default hallway@localhost)", false},
      {"access-log", "HALLWAY_ACCESS_LOG", "file for the JSON-lines access log, or - for stdout (default)", false},
      {"io-threads", "HALLWAY_IO_THREADS", "number of I/O threads (default 2)", false},
      {"db-pool", "HALLWAY_DB_POOL", "database connections, shared by requests and background jobs (default 8)", false},
      {"workers", "HALLWAY_WORKERS", "requests handled at once (default: one more than the cores)", false},
      {"read-timeout", "HALLWAY_READ_TIMEOUT", "seconds a client has to send one request (default 15)", false},
      {"max-streams", "HALLWAY_MAX_STREAMS", "live notification streams one person may keep open (default 5)", false},
      {"heartbeat", "HALLWAY_HEARTBEAT", "seconds between keep-alive comments on idle live streams (default 20)", false},
      {"digest-hour", "HALLWAY_DIGEST_HOUR", "local hour (0-23) at which mail digests go out; weekly ones on Mondays (default 7)", false},
      {"mail-retry", "HALLWAY_MAIL_RETRY", "seconds before the first retry of undelivered mail, doubling up to an hour (default 60)", false},
      {"max-image-mb", "HALLWAY_MAX_IMAGE_MB", "largest photo upload in MB (default 10)", false},
      {"max-video-mb", "HALLWAY_MAX_VIDEO_MB", "largest video upload in MB (default 200)", false},
      {"max-file-mb", "HALLWAY_MAX_FILE_MB", "largest file upload in MB (default 25)", false},
      {"retrain-minutes", "HALLWAY_RETRAIN_MINUTES", "minutes between full retrainings of the recommender (default 60)", false},
      {"seed-demo", "HALLWAY_SEED_DEMO", "serve: seed the demo organization if the database is empty", true},
      {"secure-cookies", "HALLWAY_SECURE_COOKIES", "mark cookies Secure and send HSTS (behind TLS)", true},
      {"fast-password-hashing", "HALLWAY_FAST_PASSWORD_HASHING",
       "use libsodium's minimum Argon2id cost (tests only; never in production)", true},
  };
  return kOptions;
}

const std::map<std::string, std::set<std::string>>& CommandOptions() {
  static const std::map<std::string, std::set<std::string>> kOptions = {
      {"user", {"email", "name", "role", "password"}},
      {"import", {"map", "format", "source", "kind", "report", "group"}},
  };
  return kOptions;
}

core::Result<int> ToInt(const std::string& name, const std::string& v) {
  try {
    std::size_t used = 0;
    const int n = std::stoi(v, &used);
    if (used == v.size() && n > 0 && n <= 256) return n;
  } catch (const std::exception&) {
  }
  return core::Error::InvalidArgument("--" + name + " must be a whole number from 1 to 256");
}

core::Result<int> ToMegabytes(const std::string& name, const std::string& v) {
  try {
    std::size_t used = 0;
    const int n = std::stoi(v, &used);
    if (used == v.size() && n > 0 && n <= 4096) return n;
  } catch (const std::exception&) {
  }
  return core::Error::InvalidArgument("--" + name + " must be a whole number of megabytes from 1 to 4096");
}

core::Status Apply(Config& c, const std::string& name, const std::string& v) {
  if (name == "database") c.database = v;
  else if (name == "listen") c.listen = v;
  else if (name == "data-dir") c.data_dir = v;
  else if (name == "node") {
    const bool ok = !v.empty() && v.size() <= 40 &&
                    v.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") ==
                        std::string::npos;
    if (!ok) return core::Error::InvalidArgument("--node must be 1 to 40 letters, digits or -");
    c.node = v;
  }
  else if (name == "web-dir") c.web_dir = v;
  else if (name == "base-url") c.base_url = v;
  else if (name == "site-name") c.site_name = v;
  else if (name == "smtp") c.smtp = v;
  else if (name == "mail-from") c.mail_from = v;
  else if (name == "access-log") c.access_log = v;
  else if (name == "io-threads") { HALLWAY_TRY_ASSIGN(c.io_threads, ToInt(name, v)); }
  else if (name == "db-pool") { HALLWAY_TRY_ASSIGN(c.db_pool, ToInt(name, v)); }
  else if (name == "workers") { HALLWAY_TRY_ASSIGN(c.workers, ToInt(name, v)); }
  else if (name == "read-timeout") { HALLWAY_TRY_ASSIGN(c.read_timeout, ToInt(name, v)); }
  else if (name == "max-streams") { HALLWAY_TRY_ASSIGN(c.max_streams, ToInt(name, v)); }
  else if (name == "heartbeat") { HALLWAY_TRY_ASSIGN(c.heartbeat, ToInt(name, v)); }
  else if (name == "mail-retry") { HALLWAY_TRY_ASSIGN(c.mail_retry, ToInt(name, v)); }
  else if (name == "retrain-minutes") { HALLWAY_TRY_ASSIGN(c.retrain_minutes, ToInt(name, v)); }
  else if (name == "digest-hour") {
    if (v.size() > 2 || v.empty() || v.find_first_not_of("0123456789") != std::string::npos || std::stoi(v) > 23) {
      return core::Error::InvalidArgument("--digest-hour must be a whole number from 0 to 23");
    }
    c.digest_hour = std::stoi(v);
  }
  else if (name == "max-image-mb") { HALLWAY_TRY_ASSIGN(c.max_image_mb, ToMegabytes(name, v)); }
  else if (name == "max-video-mb") { HALLWAY_TRY_ASSIGN(c.max_video_mb, ToMegabytes(name, v)); }
  else if (name == "max-file-mb") { HALLWAY_TRY_ASSIGN(c.max_file_mb, ToMegabytes(name, v)); }
  else if (name == "seed-demo") c.seed_demo = v != "0" && v != "false";
  else if (name == "secure-cookies") c.secure_cookies = v != "0" && v != "false";
  else if (name == "fast-password-hashing") c.fast_password_hashing = v != "0" && v != "false";
  return core::Ok();
}

}  // namespace

int RequestWorkers(const Config& c) {
  if (c.workers > 0) return c.workers;
  return static_cast<int>(std::max(1u, std::thread::hardware_concurrency())) + 1;
}

std::string SearchIndexRoot(const Config& c) {
  return c.node.empty() ? c.data_dir + "/search" : c.data_dir + "/search-" + c.node;
}

std::string NodeCursor(const Config& c, const std::string& base) {
  return c.node.empty() ? base : base + "@" + c.node;
}

core::Result<ParsedCommand> ParseCommandLine(int argc, char** argv) {
  ParsedCommand out;
  for (const Option& o : GlobalOptions()) {
    if (const char* v = std::getenv(o.env); v && *v) HALLWAY_TRY(Apply(out.config, o.name, v));
  }
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--help" || arg == "-h" || arg == "help") {
      out.help = true;
      continue;
    }
    if (arg.rfind("--", 0) != 0) {
      out.words.push_back(arg);
      continue;
    }
    std::string name = arg.substr(2), value;
    const auto eq = name.find('=');
    const bool inline_value = eq != std::string::npos;
    if (inline_value) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
    }
    const Option* global = nullptr;
    for (const Option& o : GlobalOptions()) {
      if (name == o.name) global = &o;
    }
    const std::string command = out.words.empty() ? "" : out.words[0];
    const auto cmd_opts = CommandOptions().find(command);
    const bool local = cmd_opts != CommandOptions().end() && cmd_opts->second.count(name);
    if (!global && !local) return core::Error::InvalidArgument("unknown option --" + name + " (see hallway --help)");
    if (global && global->flag) {
      HALLWAY_TRY(Apply(out.config, name, inline_value ? value : "1"));
      continue;
    }
    if (!inline_value) {
      if (i + 1 >= argc) return core::Error::InvalidArgument("--" + name + " needs a value");
      value = argv[++i];
    }
    if (global) HALLWAY_TRY(Apply(out.config, name, value));
    else out.options[name] = value;
  }
  if (out.config.base_url.empty()) out.config.base_url = "http://" + out.config.listen;
  return out;
}

std::string HelpText() {
  std::string h =
      "hallway: a self-hosted social learning network\n\n"
      "Usage: hallway COMMAND [ARGS] [OPTIONS]\n\n"
      "Commands:\n"
      "  serve                      migrate the database, then serve the web UI and API\n"
      "  migrate                    apply pending database migrations and exit\n"
      "  seed-demo                  create the demo organization (only into an empty database)\n"
      "  user create HANDLE         create an account (--email, --name, --role, password from\n"
      "                             --password or the HALLWAY_PASSWORD environment variable)\n"
      "  user set-role HANDLE ROLE  make an account a member, facilitator or admin\n"
      "  user disable HANDLE        disable an account and end its sessions\n"
      "  user enable HANDLE         re-enable a disabled account\n"
      "  backup FILE                write a consistent backup (SQLite copy or SQL dump)\n"
      "  import catalog FILE        import learning resources from CSV or JSON Lines (--map,\n"
      "                             --format, --source, --kind, --report; see import --help)\n"
      "  import stackexchange DIR   import a Stack Exchange data dump (--group, --source, --report)\n"
      "  import ratings FILE        import ratings and reviews from CSV or JSON Lines (--map,\n"
      "                             --format, --report; see import --help)\n"
      "  reindex                    rebuild the search index from the database (progress shown;\n"
      "                             a running server keeps answering from the old index)\n"
      "  send-digests               queue every waiting mail digest now, whatever the hour\n"
      "  recommend train            retrain the recommender from the database (progress shown;\n"
      "                             a running server loads the new model without a restart)\n\n"
      "Options (each also read from its environment variable):\n";
  for (const Option& o : GlobalOptions()) {
    std::string left = std::string("  --") + o.name + (o.flag ? "" : " VALUE");
    left.resize(30, ' ');
    h += left + o.help + " [" + o.env + "]\n";
  }
  h += "  --help                      show this help, or a command's help after the command\n";
  return h;
}

std::string SubcommandHelp(const std::string& command) {
  static const std::map<std::string, std::string> kHelp = {
      {"serve",
       "hallway serve [--listen HOST:PORT] [--database URL] [--data-dir DIR] [--seed-demo]\n"
       "  Applies pending migrations, optionally seeds the demo organization into an empty\n"
       "  database, then serves the API under /api/v1, the web UI, /healthz, /readyz and\n"
       "  /metrics until SIGTERM or SIGINT, when it finishes in-flight requests and exits.\n"},
      {"migrate", "hallway migrate [--database URL]\n  Applies pending migrations, printing each, and exits.\n"},
      {"seed-demo",
       "hallway seed-demo [--database URL]\n"
       "  Creates the demo organization (320 people in 12 teams with skills and interests).\n"
       "  Refuses if the database already has accounts. Sign in as 'demo' or 'admin' with\n"
       "  password 'hallway-demo'.\n"},
      {"user",
       "hallway user create HANDLE --email EMAIL --name \"DISPLAY NAME\" [--role ROLE] [--password P]\n"
       "hallway user set-role HANDLE member|facilitator|admin\n"
       "hallway user disable HANDLE\n"
       "hallway user enable HANDLE\n"
       "  The password may instead come from the HALLWAY_PASSWORD environment variable.\n"},
      {"import",
       "hallway import catalog FILE --map FIELD=COLUMN[,...] [--format csv|jsonl] [--source NAME]\n"
       "                            [--kind KIND] [--report FILE]\n"
       "  Imports learning resources. --map names the file's column for each field; join columns\n"
       "  with '+' (description=summary+course_description). Fields: external_id, kind, title\n"
       "  (required), description, provider, url, duration, level, language, cost, skills, tags\n"
       "  (comma-separated lists), category ('Parent > Child'; several separated by ';').\n"
       "  Rows are upserted by external_id (or by title and provider when it is not mapped), so\n"
       "  re-importing a file changes nothing; rows sharing a key are merged. Rows that fail\n"
       "  validation are skipped and listed with their line and reason in the report (default:\n"
       "  NAME.rejected.csv in the current folder). --kind is the kind when the row names none\n"
       "  (default course); --source names the import (default: the file name).\n"
       "  Example: hallway import catalog edx.csv --map external_id=course_url,title=title,\n"
       "           description=summary,provider=institution,category=subject,level=Level\n\n"
       "hallway import stackexchange DIR [--group SLUG] [--source NAME] [--report FILE]\n"
       "  Imports a Stack Exchange data dump (Users, Tags, Posts, Comments, Votes, PostLinks,\n"
       "  Badges .xml), streaming, with progress: people (disabled, without a password, until an\n"
       "  admin enables them), questions, answers, comments, topics and accepted answers. Scores\n"
       "  are each post's Score (dump votes are anonymous). Re-running updates, never duplicates\n"
       "  (--source keys the dump ids; default stackexchange:DIRNAME). --group puts everything in\n"
       "  that group. Skipped rows and reasons go to the report (default SOURCE.skipped.csv).\n\n"
       "hallway import ratings FILE --map person=COLUMN,resource=COLUMN,stars=COLUMN[,review=COLUMN]\n"
       "                            [,rated_at=COLUMN] [--format csv|jsonl] [--report FILE]\n"
       "  Imports ratings: person is a handle, resource an external id (or a resource id), stars\n"
       "  1 to 5, review optional text, rated_at RFC 3339, YYYY-MM-DD or Unix seconds (default:\n"
       "  now). One rating per person and resource is upserted (the last row wins), so a re-run\n"
       "  changes nothing; scores are recomputed once per resource per batch. Unknown people or\n"
       "  resources and bad values are skipped and listed in the report (default:\n"
       "  NAME.rejected.csv).\n"},
      {"reindex",
       "hallway reindex [--database URL] [--data-dir DIR]\n"
       "  Rebuilds the search index under DIR/search from the database into a new generation,\n"
       "  showing progress, then switches to it atomically. A running server keeps answering\n"
       "  from the old index until the switch, then replays what changed meanwhile.\n"},
      {"recommend",
       "hallway recommend train [--database URL] [--data-dir DIR]\n"
       "  Trains the recommender (TrustSVD over ratings, completions and trust) from the database,\n"
       "  showing progress, and saves it to DIR/recommend/model.bin atomically. A running server\n"
       "  notices the new file within a minute and serves from it; it also retrains on its own\n"
       "  every --retrain-minutes.\n"},
      {"send-digests",
       "hallway send-digests [--database URL]\n"
       "  Puts every waiting mail digest into the outbox now, whatever the hour (a running\n"
       "  server with --smtp delivers them). Each item is mailed once either way.\n"},
      {"backup",
       "hallway backup FILE [--database URL]\n"
       "  SQLite: writes a consistent, compacted copy of the database to FILE (VACUUM INTO).\n"
       "  PostgreSQL: writes a plain SQL dump to FILE with pg_dump.\n"},
  };
  auto it = kHelp.find(command);
  return it == kHelp.end() ? HelpText() : it->second;
}

}  // namespace hallway::app

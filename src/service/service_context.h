// What every service needs, passed in by the composition root (src/app):
// the database, the clock, the password hasher and deployment settings.
// Services hold references; the caller keeps these alive longer than them.
#pragma once

#include <string>
#include <vector>

#include "core/clock.h"
#include "crypto/password_hasher.h"
#include "domain/accounts/account.h"
#include "store/database.h"

namespace hallway::service {

struct ServiceConfig {
  std::string site_name = "Hallway";
  std::string base_url = "http://127.0.0.1:8080";  // for links in mail
  std::string data_dir = "var/data";               // uploads live below it
  core::Micros session_idle_ttl = 14 * core::kDay;
  core::Micros reset_token_ttl = core::kHour;
  core::Micros invite_ttl = 14 * core::kDay;
  int max_failed_logins_per_account = 5;  // per throttle window
  int max_failed_logins_per_ip = 30;
  core::Micros login_throttle_window = 15 * core::kMinute;
  std::size_t max_avatar_bytes = 5 * 1024 * 1024;
  // Uploads attached to posts: per-kind size limits and how many per post.
  std::size_t max_image_bytes = 10 * 1024 * 1024;
  std::size_t max_video_bytes = 200 * 1024 * 1024;
  std::size_t max_file_bytes = 25 * 1024 * 1024;
  int max_attachments_per_post = 10;
  core::Micros orphan_upload_ttl = core::kDay;  // never-attached uploads are removed after this
};

struct ServiceContext {
  store::Database& db;
  const core::Clock& clock;
  const crypto::PasswordHasher& hasher;
  ServiceConfig config;
};

// Who is asking, and from where: filled by the HTTP layer for each request.
struct RequestInfo {
  std::string ip;
  std::string user_agent;
};

// An authenticated caller.
struct Principal {
  domain::AccountId account_id = 0;
  domain::Role role = domain::Role::kMember;
  bool via_session = false;      // cookie session (needs CSRF) vs API token
  std::string session_digest;    // when via_session
  std::string csrf_token;        // when via_session
  std::vector<std::string> scopes;  // "read", "write", "admin" (implies both); sessions have all

  bool HasScope(const std::string& scope) const;
  bool IsAdmin() const { return role == domain::Role::kAdmin && HasScope("admin"); }
};

}  // namespace hallway::service

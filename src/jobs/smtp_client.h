// SmtpClient: sends one message to an SMTP relay (RFC 5321) over plain TCP:
// EHLO, MAIL FROM, RCPT TO, DATA with dot-stuffing, QUIT. Meant for the
// organization's local relay or a sink in tests; TLS is the relay's job.
// Each Send opens its own connection, so the client is thread-safe.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/result.h"

namespace hallway::jobs {

struct SmtpConfig {
  std::string host;  // empty: mail delivery disabled
  int port = 25;
  std::string from = "hallway@localhost";
  int timeout_seconds = 10;
};

struct MailMessage {
  std::string to;
  std::string subject;  // UTF-8; encoded (RFC 2047) when not plain ASCII
  std::string body;     // plain text, CRLF line ends
  // Extra header fields (List-Unsubscribe, Message-ID, ...); single lines.
  std::vector<std::pair<std::string, std::string>> headers;
};

class SmtpClient {
 public:
  explicit SmtpClient(SmtpConfig config) : config_(std::move(config)) {}
  // Delivers `msg`. Errors: kUnavailable when the relay cannot be reached or
  // answers with a 4xx (retry later); kInvalidArgument for a 5xx rejection
  // (retrying will not help).
  core::Status Send(const MailMessage& msg) const;
  bool enabled() const { return !config_.host.empty(); }

 private:
  SmtpConfig config_;
};

}  // namespace hallway::jobs

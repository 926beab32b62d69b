#include "jobs/smtp_client.h"

#include <netdb.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cstring>
#include <ctime>

namespace hallway::jobs {
namespace {

class Socket {
 public:
  explicit Socket(int fd) : fd_(fd) {}
  ~Socket() {
    if (fd_ >= 0) close(fd_);
  }
  int fd() const { return fd_; }

 private:
  int fd_;
};

core::Result<int> Connect(const SmtpConfig& c) {
  addrinfo hints{};
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* res = nullptr;
  const std::string port = std::to_string(c.port);
  if (getaddrinfo(c.host.c_str(), port.c_str(), &hints, &res) != 0) {
    return core::Error::Unavailable("smtp: cannot resolve " + c.host);
  }
  int fd = -1;
  for (addrinfo* a = res; a; a = a->ai_next) {
    fd = socket(a->ai_family, a->ai_socktype, a->ai_protocol);
    if (fd < 0) continue;
    timeval tv{c.timeout_seconds, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    if (connect(fd, a->ai_addr, a->ai_addrlen) == 0) break;
    close(fd);
    fd = -1;
  }
  freeaddrinfo(res);
  if (fd < 0) return core::Error::Unavailable("smtp: cannot connect to " + c.host + ":" + port);
  return fd;
}

core::Status WriteAll(int fd, const std::string& data) {
  std::size_t sent = 0;
  while (sent < data.size()) {
    const ssize_t n = send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return core::Error::Unavailable("smtp: connection lost while sending");
    sent += static_cast<std::size_t>(n);
  }
  return core::Ok();
}

// Reads one (possibly multi-line) reply and checks its code class.
core::Status Expect(int fd, std::string& buffer, char expected_class, const char* step) {
  for (;;) {
    // A complete reply ends with a line "NNN text" (space, not dash, at 3).
    std::size_t start = 0;
    for (std::size_t eol; (eol = buffer.find("\r\n", start)) != std::string::npos; start = eol + 2) {
      const std::string line = buffer.substr(start, eol - start);
      if (line.size() >= 4 && line[3] == '-') continue;
      buffer.erase(0, eol + 2);
      if (!line.empty() && line[0] == expected_class) return core::Ok();
      const std::string msg = std::string("smtp: ") + step + " rejected: " + line;
      if (!line.empty() && line[0] == '5') return core::Error::InvalidArgument(msg);
      return core::Error::Unavailable(msg);
    }
    char chunk[1024];
    const ssize_t n = recv(fd, chunk, sizeof chunk, 0);
    if (n <= 0) return core::Error::Unavailable(std::string("smtp: no reply to ") + step);
    buffer.append(chunk, static_cast<std::size_t>(n));
  }
}

std::string DotStuff(const std::string& body) {
  std::string out;
  bool line_start = true;
  for (char c : body) {
    if (line_start && c == '.') out += '.';
    out += c;
    line_start = c == '\n';
  }
  if (out.size() < 2 || out.substr(out.size() - 2) != "\r\n") out += "\r\n";
  return out;
}

bool HasLineBreak(const std::string& s) { return s.find_first_of("\r\n") != std::string::npos; }

// RFC 2047 "B" encoding for a header text that is not plain ASCII.
std::string EncodeHeaderText(const std::string& text) {
  bool ascii = true;
  for (unsigned char c : text) ascii = ascii && c >= 0x20 && c < 0x7f;
  if (ascii) return text;
  static const char* kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string b64;
  for (std::size_t i = 0; i < text.size(); i += 3) {
    const std::uint32_t n = (static_cast<unsigned char>(text[i]) << 16) |
                            (i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) << 8 : 0) |
                            (i + 2 < text.size() ? static_cast<unsigned char>(text[i + 2]) : 0);
    b64 += kAlphabet[(n >> 18) & 63];
    b64 += kAlphabet[(n >> 12) & 63];
    b64 += i + 1 < text.size() ? kAlphabet[(n >> 6) & 63] : '=';
    b64 += i + 2 < text.size() ? kAlphabet[n & 63] : '=';
  }
  return "=?UTF-8?B?" + b64 + "?=";
}

std::string RfcDate() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S +0000", &tm);
  return buf;
}

}  // namespace

core::Status SmtpClient::Send(const MailMessage& msg) const {
  if (!enabled()) return core::Error::Unavailable("smtp: no relay configured");
  // Header injection guard: addresses and subject are single lines.
  if (HasLineBreak(msg.to) || HasLineBreak(msg.subject) || HasLineBreak(config_.from)) {
    return core::Error::InvalidArgument("smtp: header fields must be single lines");
  }
  std::string extra;
  for (const auto& [name, value] : msg.headers) {
    if (HasLineBreak(name) || HasLineBreak(value) || name.find(':') != std::string::npos) {
      return core::Error::InvalidArgument("smtp: header fields must be single lines");
    }
    extra += name + ": " + value + "\r\n";
  }
  HALLWAY_TRY_ASSIGN(int fd, Connect(config_));
  Socket sock(fd);
  std::string buf;
  HALLWAY_TRY(Expect(fd, buf, '2', "greeting"));
  HALLWAY_TRY(WriteAll(fd, "EHLO hallway.local\r\n"));
  HALLWAY_TRY(Expect(fd, buf, '2', "EHLO"));
  HALLWAY_TRY(WriteAll(fd, "MAIL FROM:<" + config_.from + ">\r\n"));
  HALLWAY_TRY(Expect(fd, buf, '2', "MAIL FROM"));
  HALLWAY_TRY(WriteAll(fd, "RCPT TO:<" + msg.to + ">\r\n"));
  HALLWAY_TRY(Expect(fd, buf, '2', "RCPT TO"));
  HALLWAY_TRY(WriteAll(fd, "DATA\r\n"));
  HALLWAY_TRY(Expect(fd, buf, '3', "DATA"));
  std::string data = "From: " + config_.from + "\r\nTo: " + msg.to + "\r\nSubject: " +
                     EncodeHeaderText(msg.subject) + "\r\nDate: " + RfcDate() + "\r\n" + extra +
                     "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
                     "Content-Transfer-Encoding: 8bit\r\n\r\n" +
                     DotStuff(msg.body) + ".\r\n";
  HALLWAY_TRY(WriteAll(fd, data));
  HALLWAY_TRY(Expect(fd, buf, '2', "message"));
  (void)WriteAll(fd, "QUIT\r\n");
  return core::Ok();
}

}  // namespace hallway::jobs

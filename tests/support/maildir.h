// Reads mail that the test SMTP sink (Python aiosmtpd's Mailbox handler,
// started by scripts/test.sh) stored in a Maildir. Its path is in
// HALLWAY_TEST_MAILDIR and its port in HALLWAY_TEST_SMTP_PORT.
#pragma once

#include <string>

namespace hallway::testing {

// Returns the SMTP sink as HOST:PORT; fails the test if it is not set up.
std::string SmtpSinkAddress();

// Waits up to `timeout_ms` for a message to `to` and returns its full text
// (headers and body), or "" if none arrived.
std::string WaitForMailTo(const std::string& to, int timeout_ms = 10000);

// Returns how many messages to `to` the sink holds now.
int CountMailTo(const std::string& to);

}  // namespace hallway::testing

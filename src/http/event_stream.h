// EventStream: a response that goes on after its headers — Server-Sent
// Events (text/event-stream). A handler that wants to stream sets
// `Request::event_stream` and returns the header-only Response; the server
// then writes the headers and drives the stream on the connection's own
// strand, never blocking an I/O thread:
//
//   1. SetWake(wake) once; the source calls `wake` (from any thread) when
//      it may have something new. Extra or lost wake-ups are harmless: the
//      server also calls Next on every heartbeat.
//   2. Next() on the blocking pool whenever woken (and at the start, and on
//      each heartbeat): returns the bytes to send (maybe ""), or an error
//      to end the stream (e.g. the session was signed out).
//   3. Between events the server sends a comment line every heartbeat, so
//      proxies keep the connection and a vanished client is noticed; a
//      client that closes its end is noticed at once.
//
// On shutdown the server ends every stream and closes its connection.
// Thread-safety: SetWake and Next are never called concurrently with each
// other; `wake` may be called from any thread at any time, also after the
// stream ended (it must then do nothing harmful).
#pragma once

#include <functional>
#include <string>

#include "core/result.h"

namespace hallway::http {

class EventStream {
 public:
  virtual ~EventStream() = default;
  virtual void SetWake(std::function<void()> wake) = 0;
  virtual core::Result<std::string> Next() = 0;
};

// Formats one SSE event. `data` may span lines (each becomes a data: line).
std::string SseEvent(const std::string& event, const std::string& data, const std::string& id = "");

}  // namespace hallway::http

#include "http/event_stream.h"

namespace hallway::http {

std::string SseEvent(const std::string& event, const std::string& data, const std::string& id) {
  std::string out;
  if (!id.empty()) out += "id: " + id + "\n";
  if (!event.empty()) out += "event: " + event + "\n";
  std::size_t start = 0;
  for (;;) {
    const auto nl = data.find('\n', start);
    out += "data: " + data.substr(start, nl == std::string::npos ? std::string::npos : nl - start) + "\n";
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  return out + "\n";
}

}  // namespace hallway::http

#include "domain/qa/answer.h"

#include "core/utf8.h"

namespace hallway::domain {

core::Result<std::string> ValidateAnswerBody(std::string_view raw) {
  const std::string body = Trim(raw);
  if (!core::IsCleanUtf8(body) || body.empty() || core::CodePointCount(body) > 30000) {
    return core::Error::InvalidArgument("an answer is 1 to 30,000 characters of text",
                                        {{"body", "1 to 30,000 characters"}});
  }
  return body;
}

core::Result<int> ValidateVote(std::int64_t value) {
  if (value != 1 && value != -1) {
    return core::Error::InvalidArgument("a vote is 1 (up) or -1 (down)", {{"value", "must be 1 or -1"}});
  }
  return static_cast<int>(value);
}

}  // namespace hallway::domain

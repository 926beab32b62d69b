#include "domain/social/post.h"

#include <algorithm>

#include "core/utf8.h"

namespace hallway::domain {
namespace {

bool TagChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}

bool HandleChar(char c) { return TagChar(c) || c == '.'; }

// Returns the words that follow `marker` at a word start in `text`.
std::vector<std::string> Extract(std::string_view text, char marker, bool (*allowed)(char),
                                 std::size_t min, std::size_t max) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != marker) continue;
    if (i > 0 && (TagChar(text[i - 1]) || text[i - 1] == '&')) continue;  // mid-word, or an entity
    std::size_t j = i + 1;
    while (j < text.size() && allowed(text[j])) ++j;
    std::string word = AsciiLower(text.substr(i + 1, j - i - 1));
    while (!word.empty() && (word.back() == '.' || word.back() == '-')) word.pop_back();
    if (word.size() >= min && word.size() <= max &&
        std::find(out.begin(), out.end(), word) == out.end()) {
      out.push_back(word);
    }
    i = j - 1;
  }
  return out;
}

}  // namespace

const char* PostKindName(PostKind k) {
  switch (k) {
    case PostKind::kNote: return "note";
    case PostKind::kArticle: return "article";
    case PostKind::kQuestion: return "question";
    case PostKind::kLink: return "link";
  }
  return "note";
}

core::Result<PostKind> ParsePostKind(std::string_view name) {
  if (name == "note") return PostKind::kNote;
  if (name == "article") return PostKind::kArticle;
  if (name == "question") return PostKind::kQuestion;
  if (name == "link") return PostKind::kLink;
  return core::Error::InvalidArgument("kind must be note, article, question or link",
                                      {{"kind", "must be note, article, question or link"}});
}

const std::vector<std::string>& ReactionKinds() {
  static const std::vector<std::string> kKinds = {"like", "insightful", "thanks"};
  return kKinds;
}

bool IsReactionKind(std::string_view kind) {
  const auto& k = ReactionKinds();
  return std::find(k.begin(), k.end(), kind) != k.end();
}

core::Result<PostDraft> ValidateDraft(const PostDraft& in) {
  PostDraft d = in;
  d.title = Trim(in.title);
  d.link_url = Trim(in.link_url);
  std::vector<core::FieldError> errors;
  const std::string body_trimmed = Trim(in.body);
  const std::size_t max_body = in.kind == PostKind::kNote ? 1000 : 50000;
  if (!core::IsCleanUtf8(in.body)) {
    errors.push_back({"body", "must be valid text"});
  } else if (body_trimmed.empty() && in.kind != PostKind::kLink) {
    errors.push_back({"body", "must not be empty"});
  } else if (core::CodePointCount(in.body) > max_body) {
    errors.push_back({"body", "must be at most " + std::to_string(max_body) + " characters" +
                                  (in.kind == PostKind::kNote ? "; write an article for more" : "")});
  }
  if (!core::IsCleanUtf8(d.title) || d.title.find_first_of("\r\n") != std::string::npos) {
    errors.push_back({"title", "must be one line of text"});
  } else if (core::CodePointCount(d.title) > 200) {
    errors.push_back({"title", "must be at most 200 characters"});
  } else if (d.title.empty() && in.kind != PostKind::kNote) {
    errors.push_back({"title", "is required for this kind of post"});
  }
  if (in.kind == PostKind::kLink) {
    const bool http = d.link_url.rfind("https://", 0) == 0 || d.link_url.rfind("http://", 0) == 0;
    if (!http || d.link_url.size() > 2000 || !core::IsCleanUtf8(d.link_url) ||
        d.link_url.find_first_of(" \t\r\n\"<>") != std::string::npos) {
      errors.push_back({"link_url", "must be an http:// or https:// address"});
    }
  } else if (!d.link_url.empty()) {
    errors.push_back({"link_url", "only link posts carry a link_url"});
  }
  if (!errors.empty()) return core::Error::InvalidArgument("post has invalid fields", errors);
  d.body = body_trimmed;
  return d;
}

std::vector<std::string> ExtractTopics(std::string_view text) {
  return Extract(text, '#', TagChar, 2, 50);
}

std::vector<std::string> ExtractMentions(std::string_view text) {
  return Extract(text, '@', HandleChar, 2, 30);
}

core::Result<std::string> NormalizeTopic(std::string_view topic) {
  std::string t = AsciiLower(Trim(topic));
  if (!t.empty() && t[0] == '#') t.erase(0, 1);
  const bool ok = t.size() >= 2 && t.size() <= 50 && std::all_of(t.begin(), t.end(), TagChar);
  if (!ok) {
    return core::Error::InvalidArgument("topic must be 2 to 50 letters, digits, '-' or '_'",
                                        {{"topic", "must be 2 to 50 letters, digits, '-' or '_'"}});
  }
  return t;
}

core::Result<std::string> ValidateComment(std::string_view body) {
  std::string b = Trim(body);
  if (!core::IsCleanUtf8(b) || b.empty() || core::CodePointCount(b) > 5000) {
    return core::Error::InvalidArgument("comment must be 1 to 5,000 characters of text",
                                        {{"body", "must be 1 to 5,000 characters"}});
  }
  return b;
}

}  // namespace hallway::domain

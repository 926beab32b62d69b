// JSON in and out of handlers: parsing a request body into an object with
// precise errors, typed field readers that name the field that is wrong, and
// JSON responses. Errors are core::Error (kInvalidArgument,
// kUnsupportedMedia) for problem.cc to map. Thread-safe (pure).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "http/message.h"

namespace hallway::http {

using Json = nlohmann::json;

// Parses the body as a JSON object. Errors: kUnsupportedMedia unless the
// Content-Type is application/json; kInvalidArgument for malformed JSON,
// invalid UTF-8, or a non-object.
core::Result<Json> ParseJsonObject(const Request& req);

// Reads string field `key`: absent → nullopt; wrong type → kInvalidArgument.
core::Result<std::optional<std::string>> OptString(const Json& obj, const std::string& key);
// Like OptString, but absent is kInvalidArgument ("is required").
core::Result<std::string> ReqString(const Json& obj, const std::string& key);
core::Result<std::optional<std::vector<std::string>>> OptStringList(const Json& obj,
                                                                    const std::string& key);
// Reads integer field `key`: absent or null → nullopt; not a whole number
// → kInvalidArgument.
core::Result<std::optional<std::int64_t>> OptInt(const Json& obj, const std::string& key);
core::Result<std::optional<bool>> OptBool(const Json& obj, const std::string& key);
core::Result<std::optional<std::vector<std::int64_t>>> OptIntList(const Json& obj, const std::string& key);
// Parses the body as a JSON object (see ParseJsonObject) whose keys are all
// in `allowed` (see RejectUnknownFields): the decode step of most writes.
core::Result<Json> ParseJsonBody(const Request& req, const std::vector<std::string>& allowed);

// Returns kInvalidArgument naming every key of `obj` not in `allowed`.
core::Status RejectUnknownFields(const Json& obj, const std::vector<std::string>& allowed);

// Reads query parameter `name`: absent or empty → `fallback`; a whole number
// from `min` to `max` → it; anything else → kInvalidArgument naming it.
core::Result<int> IntParam(const Request& req, const std::string& name, int fallback, int min, int max);
// IntParam for `limit`, from 1 to `max`.
core::Result<int> LimitParam(const Request& req, int fallback, int max);

// Returns {"items": [render(x) for x in list]}.
template <typename List, typename Render>
Json ItemsJson(const List& list, Render render) {
  Json items = Json::array();
  for (const auto& x : list) items.push_back(render(x));
  return Json{{"items", items}};
}

// Returns a JSON response with `status`.
Response JsonResponse(const Request& req, bhttp::status status, const Json& body);
// Returns 204 No Content.
Response NoContent(const Request& req);

}  // namespace hallway::http

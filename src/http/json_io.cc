#include "http/json_io.h"

namespace hallway::http {

core::Result<Json> ParseJsonObject(const Request& req) {
  const auto type = req.raw[bhttp::field::content_type];
  if (type.substr(0, 16) != "application/json") {
    return core::Error::UnsupportedMedia("send the body as application/json");
  }
  Json body;
  try {
    body = Json::parse(req.raw.body());
  } catch (const Json::parse_error& e) {
    return core::Error::InvalidArgument(std::string("body is not valid JSON: ") + e.what());
  }
  if (!body.is_object()) return core::Error::InvalidArgument("body must be a JSON object");
  return body;
}

core::Result<Json> ParseJsonBody(const Request& req, const std::vector<std::string>& allowed) {
  HALLWAY_TRY_ASSIGN(Json body, ParseJsonObject(req));
  HALLWAY_TRY(RejectUnknownFields(body, allowed));
  return body;
}

core::Result<std::optional<std::string>> OptString(const Json& obj, const std::string& key) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return std::optional<std::string>();
  if (!it->is_string()) {
    return core::Error::InvalidArgument(key + " must be a string", {{key, "must be a string"}});
  }
  return std::optional<std::string>(it->get<std::string>());
}

core::Result<std::string> ReqString(const Json& obj, const std::string& key) {
  HALLWAY_TRY_ASSIGN(auto v, OptString(obj, key));
  if (!v) return core::Error::InvalidArgument(key + " is required", {{key, "is required"}});
  return *v;
}

core::Result<std::optional<std::int64_t>> OptInt(const Json& obj, const std::string& key) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return std::optional<std::int64_t>();
  if (!it->is_number_integer()) return core::Error::InvalidArgument("invalid field", {{key, "must be a whole number"}});
  return std::optional(it->get<std::int64_t>());
}

core::Result<std::optional<bool>> OptBool(const Json& obj, const std::string& key) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return std::optional<bool>();
  if (!it->is_boolean()) return core::Error::InvalidArgument("invalid field", {{key, "must be true or false"}});
  return std::optional(it->get<bool>());
}

core::Result<std::optional<std::vector<std::int64_t>>> OptIntList(const Json& obj, const std::string& key) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return std::optional<std::vector<std::int64_t>>();
  std::vector<std::int64_t> out;
  bool ok = it->is_array() && it->size() <= 100;
  if (ok) {
    for (const auto& v : *it) {
      if (!v.is_number_integer()) {
        ok = false;
        break;
      }
      out.push_back(v.get<std::int64_t>());
    }
  }
  if (!ok) return core::Error::InvalidArgument("invalid field", {{key, "must be a list of whole numbers"}});
  return std::optional(std::move(out));
}

core::Result<std::optional<std::vector<std::string>>> OptStringList(const Json& obj,
                                                                    const std::string& key) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return std::optional<std::vector<std::string>>();
  bool ok = it->is_array();
  std::vector<std::string> out;
  if (ok) {
    for (const auto& v : *it) {
      if (!v.is_string()) {
        ok = false;
        break;
      }
      out.push_back(v.get<std::string>());
    }
  }
  if (!ok) {
    return core::Error::InvalidArgument(key + " must be a list of strings",
                                        {{key, "must be a list of strings"}});
  }
  return std::optional(out);
}

core::Status RejectUnknownFields(const Json& obj, const std::vector<std::string>& allowed) {
  std::vector<core::FieldError> errors;
  for (const auto& [key, value] : obj.items()) {
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      errors.push_back({key, "is not a known field"});
    }
  }
  if (!errors.empty()) return core::Error::InvalidArgument("body has unknown fields", errors);
  return core::Ok();
}

core::Result<int> IntParam(const Request& req, const std::string& name, int fallback, int min, int max) {
  const std::string raw = req.Query(name);
  if (raw.empty()) return fallback;
  // Digits only (no sign, spaces or exponent), and few enough to fit an int.
  const bool digits = raw.size() <= 9 && raw.find_first_not_of("0123456789") == std::string::npos;
  const int v = digits ? std::stoi(raw) : -1;
  if (!digits || v < min || v > max) {
    const std::string why = "must be a whole number from " + std::to_string(min) + " to " + std::to_string(max);
    return core::Error::InvalidArgument(name + " " + why, {{name, why}});
  }
  return v;
}

core::Result<int> LimitParam(const Request& req, int fallback, int max) {
  return IntParam(req, "limit", fallback, 1, max);
}

Response JsonResponse(const Request& req, bhttp::status status, const Json& body) {
  Response res{status, req.raw.version()};
  res.set(bhttp::field::content_type, "application/json");
  res.set(bhttp::field::cache_control, "no-store");
  res.body() = body.dump(-1, ' ', false, Json::error_handler_t::replace);
  res.prepare_payload();
  return res;
}

Response NoContent(const Request& req) {
  Response res{bhttp::status::no_content, req.raw.version()};
  res.set(bhttp::field::cache_control, "no-store");
  return res;
}

}  // namespace hallway::http

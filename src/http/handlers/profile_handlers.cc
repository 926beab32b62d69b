#include "http/handlers/profile_handlers.h"

#include <fstream>
#include <regex>
#include <sstream>

#include "http/handlers/views.h"
#include "http/json_io.h"
#include "http/problem.h"

namespace hallway::http {
namespace {

}  // namespace

Response ProfileHandlers::GetMe(Request& req) {
  auto me = profiles_.Me(req.Who());
  if (!me) return ProblemResponse(req, me.error());
  return JsonResponse(req, bhttp::status::ok, MeJson(*me));
}

Response ProfileHandlers::PatchMe(Request& req) {
  auto body = ParseJsonBody(req, {"display_name", "handle", "title", "team", "location", "bio", "skills",
                                  "interests"});
  if (!body) return ProblemResponse(req, body.error());
  domain::ProfilePatch patch;
  for (auto [key, dst] : {std::pair{"display_name", &patch.display_name}, std::pair{"handle", &patch.handle},
                          std::pair{"title", &patch.title}, std::pair{"team", &patch.team},
                          std::pair{"location", &patch.location}, std::pair{"bio", &patch.bio}}) {
    auto v = OptString(*body, key);
    if (!v) return ProblemResponse(req, v.error());
    *dst = *v;
  }
  for (auto [key, dst] : {std::pair{"skills", &patch.skills}, std::pair{"interests", &patch.interests}}) {
    auto v = OptStringList(*body, key);
    if (!v) return ProblemResponse(req, v.error());
    *dst = *v;
  }
  auto me = profiles_.UpdateMe(req.Who(), patch);
  if (!me) return ProblemResponse(req, me.error());
  return JsonResponse(req, bhttp::status::ok, MeJson(*me));
}

Response ProfileHandlers::PutAvatar(Request& req) {
  const auto type = req.raw[bhttp::field::content_type];
  if (type != "image/png" && type != "image/jpeg" && type != "image/gif" && type != "image/webp") {
    return ProblemResponse(req, core::Error::UnsupportedMedia(
                                    "send the avatar as image/png, image/jpeg, image/gif or image/webp"));
  }
  auto me = profiles_.SetAvatar(req.Who(), req.raw.body());
  if (!me) return ProblemResponse(req, me.error());
  return JsonResponse(req, bhttp::status::ok, MeJson(*me));
}

Response ProfileHandlers::DeleteAvatar(Request& req) {
  auto me = profiles_.RemoveAvatar(req.Who());
  if (!me) return ProblemResponse(req, me.error());
  return JsonResponse(req, bhttp::status::ok, MeJson(*me));
}

Response ProfileHandlers::GetPerson(Request& req) {
  auto person = profiles_.GetPerson(req.params["handle"]);
  if (!person) return ProblemResponse(req, person.error());
  auto follow = follows_.PersonInfo(req.Who(), person->id);
  if (!follow) return ProblemResponse(req, follow.error());
  Json j = PersonJson(*person);
  j["followers_count"] = follow->counts.followers;
  j["following_count"] = follow->counts.following;
  j["followed_by_me"] = follow->followed_by_me;
  j["my_relation"] = follow->my_block ? Json(*follow->my_block) : Json(nullptr);
  return JsonResponse(req, bhttp::status::ok, j);
}

Response ProfileHandlers::ListPeople(Request& req) {
  auto limit = LimitParam(req, 24, 100);
  if (!limit) return ProblemResponse(req, limit.error());
  store::PeopleFilter f;
  f.query = req.Query("q");
  f.team = req.Query("team");
  f.skill = req.Query("skill");
  f.after = req.Query("cursor");
  f.limit = *limit;
  if (f.query.size() > 200) {
    return ProblemResponse(req, core::Error::InvalidArgument("q is too long", {{"q", "at most 200 characters"}}));
  }
  auto page = profiles_.Directory(f);
  if (!page) return ProblemResponse(req, page.error());
  Json items = Json::array();
  for (const auto& a : page->items) items.push_back(PersonJson(a));
  return JsonResponse(req, bhttp::status::ok,
                      {{"items", items},
                       {"next_cursor", page->next_cursor.empty() ? Json(nullptr) : Json(page->next_cursor)}});
}

Response ProfileHandlers::ListTeams(Request& req) {
  auto teams = profiles_.Teams();
  if (!teams) return ProblemResponse(req, teams.error());
  Json items = Json::array();
  for (const auto& t : *teams) items.push_back({{"name", t.name}, {"count", t.count}});
  return JsonResponse(req, bhttp::status::ok, {{"items", items}});
}

Response ProfileHandlers::ListSkills(Request& req) {
  auto limit = LimitParam(req, 50, 200);
  if (!limit) return ProblemResponse(req, limit.error());
  auto skills = profiles_.Skills(req.Query("prefix"), *limit);
  if (!skills) return ProblemResponse(req, skills.error());
  Json items = Json::array();
  for (const auto& t : *skills) items.push_back({{"name", t.name}, {"count", t.count}});
  return JsonResponse(req, bhttp::status::ok, {{"items", items}});
}

Response ProfileHandlers::AvatarFile(Request& req) {
  static const std::regex kName("[0-9]+-[0-9a-f]{16}\\.jpg");
  const std::string& file = req.params["file"];
  if (!std::regex_match(file, kName)) {
    return Problem(req, bhttp::status::not_found, "no such avatar");
  }
  std::ifstream in(profiles_.AvatarDir() + "/" + file, std::ios::binary);
  if (!in) return Problem(req, bhttp::status::not_found, "no such avatar");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  Response res{bhttp::status::ok, req.raw.version()};
  res.set(bhttp::field::content_type, "image/jpeg");
  // The name contains the content hash, so it never changes.
  res.set(bhttp::field::cache_control, "public, max-age=31536000, immutable");
  res.set(bhttp::field::content_disposition, "inline");
  res.body() = bytes.str();
  res.prepare_payload();
  return res;
}

}  // namespace hallway::http

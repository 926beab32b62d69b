// Handlers for collections, learning paths and learning goals.
// Decode → call a service → respond. Thread-safe.
#pragma once

#include "http/message.h"
#include "service/collection_service.h"
#include "service/goal_service.h"

namespace hallway::http {

class CollectionHandlers {
 public:
  explicit CollectionHandlers(service::CollectionService& collections) : collections_(collections) {}
  Response List(Request& req);
  Response Create(Request& req);
  Response Get(Request& req);
  Response Update(Request& req);
  Response Delete(Request& req);
  Response ReplaceItems(Request& req);
  Response AddItem(Request& req);
  Response RemoveItem(Request& req);
  Response Follow(Request& req);
  Response Unfollow(Request& req);
  Response Enrol(Request& req);
  Response Unenrol(Request& req);
  Response Fork(Request& req);

 private:
  service::CollectionService& collections_;
};

class GoalHandlers {
 public:
  explicit GoalHandlers(service::GoalService& goals) : goals_(goals) {}
  Response Mine(Request& req);
  Response SharedWithMe(Request& req);
  Response Create(Request& req);
  Response Get(Request& req);
  Response Update(Request& req);
  Response Delete(Request& req);
  Response AddItem(Request& req);
  Response RemoveItem(Request& req);

 private:
  service::GoalService& goals_;
};

}  // namespace hallway::http

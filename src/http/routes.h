// The one route table of the JSON API, health and metrics endpoints.
#pragma once

#include <functional>

#include "http/handlers/account_handlers.h"
#include "http/handlers/admin_handlers.h"
#include "http/handlers/catalog_handlers.h"
#include "http/handlers/collection_handlers.h"
#include "http/handlers/embed_handlers.h"
#include "http/handlers/endorsement_handlers.h"
#include "http/handlers/suggestion_handlers.h"
#include "http/handlers/deliberation_handlers.h"
#include "http/handlers/profile_handlers.h"
#include "http/handlers/recommendation_handlers.h"
#include "http/handlers/qa_handlers.h"
#include "http/handlers/saved_search_handlers.h"
#include "http/handlers/search_handlers.h"
#include "http/handlers/feed_handlers.h"
#include "http/handlers/helper_handlers.h"
#include "http/handlers/mail_preference_handlers.h"
#include "http/handlers/notification_handlers.h"
#include "http/handlers/social_handlers.h"
#include "http/handlers/spread_handlers.h"
#include "http/handlers/trust_handlers.h"
#include "http/handlers/upload_handlers.h"
#include "http/handlers/wiki_handlers.h"
#include "http/metrics.h"
#include "http/router.h"

namespace hallway::http {

struct RouteDeps {
  AccountHandlers& accounts;
  ProfileHandlers& profiles;
  TokenHandlers& tokens;
  AdminHandlers& admin;
  FollowHandlers& follows;
  GroupHandlers& groups;
  PostHandlers& posts;
  AnswerHandlers& answers;
  QuestionHandlers& questions;
  NotificationHandlers& notifications;
  FeedHandlers& feeds;
  CatalogHandlers& catalog;
  RatingHandlers& ratings;
  LearningHandlers& learning;
  CollectionHandlers& collections;
  GoalHandlers& goals;
  DeliberationHandlers& deliberations;
  MailPreferenceHandlers& mail;
  SearchHandlers& search;
  UploadHandlers& uploads;
  SpreadHandlers& spread;
  EmbedHandlers& embeds;
  WikiHandlers& wiki;
  TrustHandlers& trust;
  RecommendationHandlers& recommendations;
  HelperHandlers& helpers;
  SavedSearchHandlers& saved_searches;
  SynonymHandlers& synonyms;
  EndorsementHandlers& endorsements;
  SuggestionHandlers& suggestions;
  std::size_t max_upload_bytes;  // the largest upload of any kind
  Metrics& metrics;
  std::function<core::Status()> ready;  // readiness probe (database reachable)
};

// Adds every route to `router`.
void AddRoutes(Router& router, RouteDeps deps);

}  // namespace hallway::http

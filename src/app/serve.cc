// `hallway serve`: the composition root. Builds every service and handler
// from the configuration, wires them to the router and server, starts the
// background jobs, and serves until a signal.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <memory>

#include "app/commands.h"
#include "app/demo_seed.h"
#include "core/log.h"
#include "http/routes.h"
#include "http/server.h"
#include "jobs/digest_job.h"
#include "jobs/search_index_consumer.h"
#include "jobs/search_rebuild.h"
#include "jobs/mail_job.h"
#include "jobs/notification_mail_composer.h"
#include "jobs/notification_mail_consumer.h"
#include "jobs/notification_consumer.h"
#include "jobs/periodic_job.h"
#include "jobs/recommend_consumer.h"
#include "service/admin_service.h"
#include "service/auth_service.h"
#include "service/collection_service.h"
#include "service/summary_publisher.h"
#include "service/wiki_service.h"
#include "service/feed_service.h"
#include "service/deliberation_service.h"
#include "service/goal_service.h"
#include "service/helper_finder.h"
#include "service/mail_preference_service.h"
#include "service/saved_search_service.h"
#include "service/search_service.h"
#include "service/synonym_service.h"
#include "service/follow_service.h"
#include "service/notification_service.h"
#include "service/group_service.h"
#include "service/post_service.h"
#include "service/profile_service.h"
#include "service/recommendation_service.h"
#include "service/recommender_model.h"
#include "service/endorsement_service.h"
#include "service/suggestion_service.h"
#include "service/trust_service.h"
#include "service/upload_service.h"
#include "store/account_store.h"
#include "store/activity_log.h"
#include "store/migrations/migrations.h"

#ifndef HALLWAY_DEFAULT_WEB_DIR
#define HALLWAY_DEFAULT_WEB_DIR "web/dist"
#endif

namespace hallway::app {
namespace {

struct HostPort {
  std::string host;
  int port = 0;
};

core::Result<HostPort> SplitHostPort(const std::string& s, const std::string& what) {
  const auto colon = s.rfind(':');
  if (colon == std::string::npos || colon == 0) {
    return core::Error::InvalidArgument(what + " must be HOST:PORT (got '" + s + "')");
  }
  try {
    std::size_t used = 0;
    const int port = std::stoi(s.substr(colon + 1), &used);
    if (used == s.size() - colon - 1 && port >= 0 && port <= 65535) return HostPort{s.substr(0, colon), port};
  } catch (const std::exception&) {
  }
  return core::Error::InvalidArgument(what + " has an invalid port (got '" + s + "')");
}

}  // namespace

int RunServe(const ParsedCommand& cmd) {
  const Config& c = cmd.config;
  core::Logger log(stderr);
  std::FILE* access_file = stdout;
  if (c.access_log != "-") {
    access_file = std::fopen(c.access_log.c_str(), "a");
    if (!access_file) {
      std::fprintf(stderr, "hallway: cannot open access log %s\n", c.access_log.c_str());
      return 1;
    }
  }
  core::Logger access_log(access_file);
  auto fail = [&](const std::string& msg) {
    log.Error(msg);
    return 1;
  };

  auto listen = SplitHostPort(c.listen, "--listen");
  if (!listen) return fail(listen.error().message());
  HostPort smtp;
  if (!c.smtp.empty()) {
    auto parsed = SplitHostPort(c.smtp, "--smtp");
    if (!parsed) return fail(parsed.error().message());
    smtp = *parsed;
  }
  if (c.database.rfind("sqlite:", 0) == 0) {
    std::error_code ec;
    const auto parent = std::filesystem::path(c.database.substr(7)).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  }
  std::error_code ec;
  std::filesystem::create_directories(c.data_dir, ec);

  auto db = store::OpenDatabase(c.database, c.db_pool);
  if (!db) return fail(db.error().message());
  auto migrated = store::Migrate(**db, [&](const store::Migration& m) {
    log.Info("migrate: applying " + std::to_string(m.version) + " " + m.name);
  });
  if (!migrated) return fail(migrated.error().message());

  core::SystemClock clock;
  const crypto::PasswordHasher hasher(c.fast_password_hashing ? crypto::PasswordCost::Minimum()
                                                              : crypto::PasswordCost::Interactive());
  if (c.seed_demo) {
    auto count = store::ReadTx(**db, [](store::Tx& tx) { return store::CountAccounts(tx); });
    if (!count) return fail(count.error().message());
    if (*count == 0) {
      log.Info("seeding the demo organization");
      auto s = SeedDemo(**db, clock, hasher, nullptr);
      if (!s) return fail(s.error().message());
      log.Info(std::string("demo ready: sign in as 'demo' with password '") + kDemoPassword + "'");
    }
  }

  service::ServiceConfig sc;
  sc.site_name = c.site_name;
  sc.base_url = c.base_url;
  sc.data_dir = c.data_dir;
  sc.max_image_bytes = static_cast<std::size_t>(c.max_image_mb) * 1024 * 1024;
  sc.max_video_bytes = static_cast<std::size_t>(c.max_video_mb) * 1024 * 1024;
  sc.max_file_bytes = static_cast<std::size_t>(c.max_file_mb) * 1024 * 1024;
  service::ServiceContext ctx{**db, clock, hasher, sc};
  service::AuthService auth(ctx);
  service::ProfileService profiles(ctx);
  service::AdminService admin(ctx);
  service::FollowService follows(ctx);
  service::GroupService groups(ctx);
  service::PostService posts(ctx);
  service::NotificationHub hub(c.max_streams);
  service::NotificationService notification_service(ctx);
  notification_service.set_hub(&hub);
  service::FeedService feed_service(ctx);
  service::CatalogService catalog(ctx);
  // Browse is served from memory; loaded before listening, then kept fresh
  // from the activity log by its own loop below.
  catalog_index::CatalogIndex catalog_index;
  service::CatalogIndexFeed catalog_index_feed(**db, clock, catalog_index);
  if (auto loaded = catalog_index_feed.Load(); !loaded) return fail("catalog index: " + loaded.error().message());
  log.Info("catalog index: " + std::to_string(catalog_index.size()) + " resources");
  catalog.set_index(&catalog_index_feed);
  const std::string search_root = SearchIndexRoot(c);
  service::SearchService search(ctx, search_root);
  service::SynonymService synonyms(ctx);
  search.set_synonyms(&synonyms);
  service::SavedSearchService saved_searches(ctx, search);
  saved_searches.set_hub(&hub);
  service::RatingService ratings(ctx);
  service::LearningService learning(ctx);
  service::ResourceRecommendationService resource_recommendations(ctx);
  service::MailPreferenceService mail_preferences(ctx);
  service::UploadService uploads(ctx, posts);
  service::CollectionService collections(ctx);
  service::GoalService goals(ctx);
  service::SpreadService spread(ctx, posts);
  service::DeliberationService deliberations(ctx);
  service::WikiService wiki(ctx);
  service::TrustService trust(ctx);
  service::EndorsementService endorsements(ctx);
  service::SuggestionService suggestions(ctx);
  service::RecommenderOptions recommender_options;
  recommender_options.dir = c.data_dir + "/recommend";
  service::RecommenderModel recommender(**db, clock, recommender_options);
  // The precomputed model (if any) is loaded before serving; training never
  // runs on a request.
  if (auto s = recommender.Reload(); !s) log.Error("recommend: " + s.error().message() + " (serving without a model)");
  service::RecommendationService recommendation_service(ctx, recommender);
  recommendation_service.set_index(&catalog_index_feed);
  service::HelperFinder helper_finder(ctx);
  service::AnswerService answers(ctx);
  service::QuestionService questions(ctx, search);

  http::AccountHandlers account_handlers(auth, profiles, sc, http::CookiePolicy{c.secure_cookies});
  http::ProfileHandlers profile_handlers(profiles, follows);
  http::FollowHandlers follow_handlers(follows);
  http::GroupHandlers group_handlers(groups);
  http::PostHandlers post_handlers(posts);
  http::AnswerHandlers answer_handlers(answers);
  http::QuestionHandlers question_handlers(questions, posts);
  http::NotificationHandlers notification_handlers(notification_service, hub, auth);
  http::FeedHandlers feed_handlers(feed_service, posts, sc.base_url);
  http::CatalogHandlers catalog_handlers(catalog);
  http::SearchHandlers search_handlers(search);
  http::RatingHandlers rating_handlers(ratings);
  http::LearningHandlers learning_handlers(learning, resource_recommendations);
  http::MailPreferenceHandlers mail_handlers(mail_preferences);
  http::CollectionHandlers collection_handlers(collections);
  http::GoalHandlers goal_handlers(goals);
  http::DeliberationHandlers deliberation_handlers(deliberations);
  http::TokenHandlers token_handlers(auth);
  http::AdminHandlers admin_handlers(admin, auth);
  http::UploadHandlers upload_handlers(uploads);
  http::SpreadHandlers spread_handlers(spread);
  http::EmbedHandlers embed_handlers(posts, sc.base_url);
  service::SummaryPublisher summary_publisher(deliberations, wiki, posts);
  http::WikiHandlers wiki_handlers(wiki, summary_publisher);
  http::TrustHandlers trust_handlers(trust);
  http::EndorsementHandlers endorsement_handlers(endorsements);
  http::SuggestionHandlers suggestion_handlers(suggestions);
  http::RecommendationHandlers recommendation_handlers(recommendation_service);
  http::HelperHandlers helper_handlers(helper_finder);
  http::SavedSearchHandlers saved_search_handlers(saved_searches);
  http::SynonymHandlers synonym_handlers(synonyms);
  http::Metrics metrics;
  http::Router router(auth);
  store::Database& database = **db;
  http::AddRoutes(router, {account_handlers, profile_handlers, token_handlers, admin_handlers,
                           follow_handlers, group_handlers, post_handlers, answer_handlers, question_handlers,
                           notification_handlers,
                           feed_handlers, catalog_handlers, rating_handlers, learning_handlers, collection_handlers,
                           goal_handlers, deliberation_handlers, mail_handlers, search_handlers, upload_handlers, spread_handlers, embed_handlers, wiki_handlers, trust_handlers, recommendation_handlers, helper_handlers,
                           saved_search_handlers, synonym_handlers, endorsement_handlers, suggestion_handlers,
                           std::max({sc.max_image_bytes, sc.max_video_bytes, sc.max_file_bytes}), metrics,
                           [&database] { return database.Ping(); }});

  http::StaticFiles statics;
  const std::string web_dir = c.web_dir.empty() ? HALLWAY_DEFAULT_WEB_DIR : c.web_dir;
  if (auto s = statics.Load(web_dir); !s) {
    log.Error("web UI not served: " + s.error().message() + " (the API still works)");
  }

  // Mail: notification mail and digests are queued from the notifications
  // (by durable cursor), then the outbox is delivered; all on one thread.
  jobs::NotificationMailComposer composer(database, notification_service, mail_preferences, sc.base_url,
                                          sc.site_name);
  jobs::MailJob mail(database, clock, jobs::SmtpClient({smtp.host, smtp.port, c.mail_from, 10}), log, &composer,
                     c.mail_retry * core::kSecond);
  jobs::NotificationMailConsumer mail_consumer(database, clock);
  jobs::DigestJob digests(database, clock, c.digest_hour);
  core::Micros next_digest_check = 0;
  jobs::PeriodicJob mail_loop("mail", 1000, [&]() -> core::Status {
    for (;;) {
      auto handled = mail_consumer.RunOnce();
      if (!handled) return handled.error();
      if (*handled == 0) break;
    }
    if (clock.Now() >= next_digest_check) {
      auto queued = digests.RunOnce();
      if (!queued) return queued.error();
      next_digest_check = clock.Now() + 30 * core::kSecond;
    }
    auto sent = mail.RunOnce();
    if (!sent) return sent.error();
    return core::Ok();
  }, log);
  if (!c.smtp.empty()) mail_loop.Start();

  // Activity-log consumers: derived state follows the log by durable cursor.
  jobs::NotificationConsumer notifications(database, &hub);
  jobs::ConsumerRunner consumers(database, clock);
  consumers.Add(&notifications);
  jobs::SearchIndexConsumer search_index(database, search_root, NodeCursor(c, "search"));
  consumers.Add(&search_index);
  jobs::PeriodicJob consumer_loop("consumers", 250, [&consumers]() -> core::Status {
    auto handled = consumers.CatchUp();
    if (!handled) return handled.error();
    return core::Ok();
  }, log);
  jobs::RecommendConsumer recommend_consumer(recommender, NodeCursor(c, "recommend"));
  consumers.Add(&recommend_consumer);
  // A missing, unreadable or outdated index is rebuilt beside the one
  // served; checked before the consumer can create an empty one.
  std::jthread search_rebuild = jobs::RebuildSearchIndexIfStale(
      database, search_root, NodeCursor(c, "search"), log,
      [&metrics](double done) { metrics.SetGauge("hallway_search_rebuild_progress", done); });
  consumer_loop.Start();
  jobs::PeriodicJob catalog_index_loop("catalog-index", 250, [&catalog_index_feed]() -> core::Status {
    auto handled = catalog_index_feed.CatchUp();
    if (!handled) return handled.error();
    return core::Ok();
  }, log);
  catalog_index_loop.Start();

  // The recommender: full retraining on a schedule (the first run at start
  // when there is no model yet), and reloading when `hallway recommend
  // train` wrote a new model or the side data (taste neighbours, trust
  // graph) is behind recent ratings.
  const core::Micros retrain_every = static_cast<core::Micros>(c.retrain_minutes) * core::kMinute;
  core::Micros next_training = std::filesystem::exists(recommender.ModelPath()) ? clock.Now() + retrain_every : 0;
  jobs::PeriodicJob recommend_loop("recommend", 2000, [&]() -> core::Status {
    if (clock.Now() >= next_training) {
      next_training = clock.Now() + retrain_every;
      auto report = recommender.TrainAndSave();
      if (!report) return report.error();
      if (!report->trained) next_training = clock.Now() + 5 * core::kMinute;  // no ratings yet
      if (report->trained) {
        log.Info("recommend: trained on " + std::to_string(report->ratings) + " ratings in " +
                 std::to_string(report->seconds) + " s");
      }
    }
    HALLWAY_TRY_ASSIGN(bool loaded, recommender.ReloadIfStale(10 * core::kSecond));
    if (loaded) log.Info("recommend: loaded " + recommender.ModelPath());
    return core::Ok();
  }, log);
  recommend_loop.Start();
  // Who can help: the in-memory expertise index, built from the database on
  // the first tick, then following the activity log (service/helper_finder.h).
  jobs::PeriodicJob helper_loop("helpers", 500, [&helper_finder]() { return helper_finder.CatchUp(); }, log);
  helper_loop.Start();

  // Saved searches: each runs as its owner for what is new, at most every
  // two seconds and only when the search index took in more of the activity
  // log since the last run (its consumer's durable cursor moved).
  std::int64_t saved_search_index_position = -1;
  jobs::PeriodicJob saved_search_loop("saved-searches", 2000, [&]() -> core::Status {
    HALLWAY_TRY_ASSIGN(std::int64_t position, store::ReadTx(database, [&search_index](store::Tx& tx) {
                         return store::GetCursor(tx, search_index.Name());
                       }));
    if (position == saved_search_index_position) return core::Ok();
    HALLWAY_TRY_ASSIGN(int sent, saved_searches.CheckAll());
    (void)sent;
    saved_search_index_position = position;
    return core::Ok();
  }, log);
  saved_search_loop.Start();

  // Uploads nobody may fetch any more (never attached, or of deleted posts).
  jobs::PeriodicJob upload_collector("uploads", 10 * 60 * 1000, [&uploads, &log]() -> core::Status {
    auto removed = uploads.CollectGarbage();
    if (!removed) return removed.error();
    if (*removed > 0) log.Info("uploads: removed " + std::to_string(*removed) + " unreachable uploads");
    return core::Ok();
  }, log);
  upload_collector.Start();

  http::ServerOptions so;
  so.host = listen->host;
  so.port = listen->port;
  so.io_threads = c.io_threads;
  so.blocking_threads = RequestWorkers(c);
  so.secure_cookies = c.secure_cookies;
  so.read_timeout_seconds = c.read_timeout;
  so.heartbeat_seconds = c.heartbeat;
  so.spool_dir = uploads.SpoolDir();
  http::Server server(so, router, statics, metrics, access_log, log);
  auto port = server.Bind();
  if (!port) return fail(port.error().message());
  log.Write(core::JsonLine()
                .Str("level", "info")
                .Str("msg", "listening")
                .Str("url", "http://" + listen->host + ":" + std::to_string(*port))
                .Str("database", c.database.rfind("sqlite:", 0) == 0 ? c.database : "postgresql")
                .Finish());
  server.Run();
  upload_collector.Stop();
  saved_search_loop.Stop();
  recommend_loop.Stop();
  catalog_index_loop.Stop();
  search_rebuild.request_stop();
  consumer_loop.Stop();
  mail_loop.Stop();
  if (access_file != stdout) std::fclose(access_file);
  return 0;
}

}  // namespace hallway::app

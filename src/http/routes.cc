#include "http/routes.h"

#include "http/json_io.h"
#include "http/problem.h"

namespace hallway::http {

void AddRoutes(Router& r, RouteDeps d) {
  using bhttp::verb;
  constexpr std::size_t kAvatarBody = 5 * 1024 * 1024 + 1024;
  auto bind = [](auto& obj, auto method) {
    return [&obj, method](Request& req) { return (obj.*method)(req); };
  };

  // Operations.
  r.Add({verb::get, "/healthz", Access::kPublic, [](Request& req) {
           return JsonResponse(req, bhttp::status::ok, {{"status", "ok"}});
         }});
  r.Add({verb::get, "/readyz", Access::kPublic, [ready = d.ready](Request& req) {
           auto s = ready();
           if (!s) return Problem(req, bhttp::status::service_unavailable, "the database is not reachable");
           return JsonResponse(req, bhttp::status::ok, {{"status", "ready"}});
         }});
  r.Add({verb::get, "/metrics", Access::kPublic, [&m = d.metrics](Request& req) {
           Response res{bhttp::status::ok, req.raw.version()};
           res.set(bhttp::field::content_type, "text/plain; version=0.0.4");
           res.body() = m.Render();
           res.prepare_payload();
           return res;
         }});

  // Accounts and sessions.
  r.Add({verb::get, "/api/v1/config", Access::kPublic, bind(d.accounts, &AccountHandlers::Config)});
  r.Add({verb::post, "/api/v1/accounts", Access::kPublic, bind(d.accounts, &AccountHandlers::SignUp)});
  r.Add({verb::post, "/api/v1/session", Access::kPublic, bind(d.accounts, &AccountHandlers::SignIn)});
  r.Add({verb::get, "/api/v1/session", Access::kPublic, bind(d.accounts, &AccountHandlers::GetSession)});
  r.Add({verb::delete_, "/api/v1/session", Access::kSignedIn, bind(d.accounts, &AccountHandlers::SignOut)});
  r.Add({verb::post, "/api/v1/password-resets", Access::kPublic, bind(d.accounts, &AccountHandlers::RequestReset)});
  r.Add({verb::post, "/api/v1/password-resets/confirm", Access::kPublic,
         bind(d.accounts, &AccountHandlers::ConfirmReset)});
  r.Add({verb::put, "/api/v1/me/password", Access::kSignedIn, bind(d.accounts, &AccountHandlers::ChangePassword)});

  // Profiles and the directory.
  r.Add({verb::get, "/api/v1/me", Access::kSignedIn, bind(d.profiles, &ProfileHandlers::GetMe)});
  r.Add({verb::patch, "/api/v1/me", Access::kSignedIn, bind(d.profiles, &ProfileHandlers::PatchMe)});
  r.Add({verb::put, "/api/v1/me/avatar", Access::kSignedIn, bind(d.profiles, &ProfileHandlers::PutAvatar),
         kAvatarBody});
  r.Add({verb::delete_, "/api/v1/me/avatar", Access::kSignedIn, bind(d.profiles, &ProfileHandlers::DeleteAvatar)});
  r.Add({verb::get, "/api/v1/people", Access::kSignedIn, bind(d.profiles, &ProfileHandlers::ListPeople)});
  r.Add({verb::get, "/api/v1/people/{handle}", Access::kSignedIn, bind(d.profiles, &ProfileHandlers::GetPerson)});
  r.Add({verb::get, "/api/v1/teams", Access::kSignedIn, bind(d.profiles, &ProfileHandlers::ListTeams)});
  r.Add({verb::get, "/api/v1/skills", Access::kSignedIn, bind(d.profiles, &ProfileHandlers::ListSkills)});
  r.Add({verb::get, "/media/avatars/{file}", Access::kPublic, bind(d.profiles, &ProfileHandlers::AvatarFile)});

  // Personal API tokens.
  r.Add({verb::get, "/api/v1/me/tokens", Access::kSignedIn, bind(d.tokens, &TokenHandlers::List)});
  r.Add({verb::post, "/api/v1/me/tokens", Access::kSignedIn, bind(d.tokens, &TokenHandlers::Create)});
  r.Add({verb::delete_, "/api/v1/me/tokens/{id}", Access::kSignedIn, bind(d.tokens, &TokenHandlers::Revoke)});

  // Following people and topics.
  r.Add({verb::put, "/api/v1/people/{handle}/follow", Access::kSignedIn, bind(d.follows, &FollowHandlers::FollowPerson)});
  r.Add({verb::delete_, "/api/v1/people/{handle}/follow", Access::kSignedIn, bind(d.follows, &FollowHandlers::UnfollowPerson)});
  r.Add({verb::get, "/api/v1/people/{handle}/followers", Access::kSignedIn, bind(d.follows, &FollowHandlers::Followers)});
  r.Add({verb::get, "/api/v1/people/{handle}/following", Access::kSignedIn, bind(d.follows, &FollowHandlers::Following)});
  r.Add({verb::put, "/api/v1/people/{handle}/block", Access::kSignedIn, bind(d.follows, &FollowHandlers::Block)});
  r.Add({verb::put, "/api/v1/people/{handle}/mute", Access::kSignedIn, bind(d.follows, &FollowHandlers::Mute)});
  r.Add({verb::delete_, "/api/v1/people/{handle}/relation", Access::kSignedIn, bind(d.follows, &FollowHandlers::Unblock)});
  r.Add({verb::get, "/api/v1/me/blocks", Access::kSignedIn, bind(d.follows, &FollowHandlers::MyBlocks)});
  r.Add({verb::get, "/api/v1/me/topics", Access::kSignedIn, bind(d.follows, &FollowHandlers::MyTopics)});
  r.Add({verb::get, "/api/v1/topics/{topic}", Access::kSignedIn, bind(d.follows, &FollowHandlers::Topic)});
  r.Add({verb::put, "/api/v1/topics/{topic}/follow", Access::kSignedIn, bind(d.follows, &FollowHandlers::FollowTopic)});
  r.Add({verb::delete_, "/api/v1/topics/{topic}/follow", Access::kSignedIn, bind(d.follows, &FollowHandlers::UnfollowTopic)});

  // Groups.
  r.Add({verb::get, "/api/v1/groups", Access::kSignedIn, bind(d.groups, &GroupHandlers::List)});
  r.Add({verb::post, "/api/v1/groups", Access::kSignedIn, bind(d.groups, &GroupHandlers::Create)});
  r.Add({verb::get, "/api/v1/groups/{slug}", Access::kSignedIn, bind(d.groups, &GroupHandlers::Get)});
  r.Add({verb::put, "/api/v1/groups/{slug}/membership", Access::kSignedIn, bind(d.groups, &GroupHandlers::Join)});
  r.Add({verb::delete_, "/api/v1/groups/{slug}/membership", Access::kSignedIn, bind(d.groups, &GroupHandlers::Leave)});
  r.Add({verb::get, "/api/v1/groups/{slug}/members", Access::kSignedIn, bind(d.groups, &GroupHandlers::Members)});
  r.Add({verb::patch, "/api/v1/groups/{slug}/members/{handle}", Access::kSignedIn, bind(d.groups, &GroupHandlers::UpdateMember)});
  r.Add({verb::delete_, "/api/v1/groups/{slug}/members/{handle}", Access::kSignedIn, bind(d.groups, &GroupHandlers::RemoveMember)});
  r.Add({verb::post, "/api/v1/groups/{slug}/invitations", Access::kSignedIn, bind(d.groups, &GroupHandlers::Invite)});
  r.Add({verb::get, "/api/v1/groups/{slug}/posts", Access::kSignedIn, bind(d.posts, &PostHandlers::InGroup)});

  // Posts, comments, reactions and streams.
  r.Add({verb::get, "/api/v1/stream", Access::kSignedIn, bind(d.posts, &PostHandlers::Home)});
  r.Add({verb::put, "/api/v1/stream/seen", Access::kSignedIn, bind(d.posts, &PostHandlers::MarkHomeSeen)});
  r.Add({verb::post, "/api/v1/posts", Access::kSignedIn, bind(d.posts, &PostHandlers::Create), 256 * 1024});
  r.Add({verb::get, "/api/v1/posts/{id}", Access::kSignedIn, bind(d.posts, &PostHandlers::Get)});
  r.Add({verb::patch, "/api/v1/posts/{id}", Access::kSignedIn, bind(d.posts, &PostHandlers::Edit), 256 * 1024});
  r.Add({verb::delete_, "/api/v1/posts/{id}", Access::kSignedIn, bind(d.posts, &PostHandlers::Delete)});
  r.Add({verb::get, "/api/v1/posts/{id}/revisions", Access::kSignedIn, bind(d.posts, &PostHandlers::Revisions)});
  r.Add({verb::get, "/api/v1/posts/{id}/comments", Access::kSignedIn, bind(d.posts, &PostHandlers::Comments)});
  r.Add({verb::post, "/api/v1/posts/{id}/comments", Access::kSignedIn, bind(d.posts, &PostHandlers::AddComment)});
  r.Add({verb::put, "/api/v1/posts/{id}/reactions/{kind}", Access::kSignedIn, bind(d.posts, &PostHandlers::React)});
  r.Add({verb::delete_, "/api/v1/posts/{id}/reactions/{kind}", Access::kSignedIn, bind(d.posts, &PostHandlers::Unreact)});
  r.Add({verb::get, "/api/v1/people/{handle}/posts", Access::kSignedIn, bind(d.posts, &PostHandlers::ByPerson)});
  r.Add({verb::get, "/api/v1/topics/{topic}/posts", Access::kSignedIn, bind(d.posts, &PostHandlers::WithTopic)});

  r.Add({verb::post, "/api/v1/posts/{id}/reshares", Access::kSignedIn, bind(d.posts, &PostHandlers::Reshare)});
  r.Add({verb::get, "/api/v1/posts/{id}/reshares", Access::kSignedIn, bind(d.posts, &PostHandlers::Chain)});

  // Deliberations on threads and following threads (docs/deliberation.md).
  auto& dl = d.deliberations;
  r.Add({verb::put, "/api/v1/posts/{id}/follow", Access::kSignedIn, bind(dl, &DeliberationHandlers::Follow)});
  r.Add({verb::delete_, "/api/v1/posts/{id}/follow", Access::kSignedIn, bind(dl, &DeliberationHandlers::Unfollow)});
  r.Add({verb::post, "/api/v1/posts/{id}/deliberation", Access::kSignedIn, bind(dl, &DeliberationHandlers::Start)});
  r.Add({verb::get, "/api/v1/posts/{id}/deliberation", Access::kSignedIn, bind(dl, &DeliberationHandlers::Get)});
  r.Add({verb::post, "/api/v1/posts/{id}/deliberation/issues", Access::kSignedIn,
         bind(dl, &DeliberationHandlers::RaiseIssue)});
  r.Add({verb::post, "/api/v1/posts/{id}/deliberation/proposals", Access::kSignedIn,
         bind(dl, &DeliberationHandlers::Propose)});
  r.Add({verb::put, "/api/v1/posts/{id}/deliberation/summary", Access::kSignedIn,
         bind(dl, &DeliberationHandlers::EditSummary), 256 * 1024});
  r.Add({verb::get, "/api/v1/posts/{id}/deliberation/summary/revisions", Access::kSignedIn,
         bind(dl, &DeliberationHandlers::SummaryRevisions)});
  r.Add({verb::post, "/api/v1/deliberation-issues/{id}/resolution", Access::kSignedIn,
         bind(dl, &DeliberationHandlers::Resolve)});
  r.Add({verb::delete_, "/api/v1/deliberation-issues/{id}/resolution", Access::kSignedIn,
         bind(dl, &DeliberationHandlers::Reopen)});
  r.Add({verb::delete_, "/api/v1/proposals/{id}", Access::kSignedIn, bind(dl, &DeliberationHandlers::WithdrawProposal)});
  r.Add({verb::put, "/api/v1/proposals/{id}/stance", Access::kSignedIn, bind(dl, &DeliberationHandlers::SetStance)});
  r.Add({verb::delete_, "/api/v1/proposals/{id}/stance", Access::kSignedIn,
         bind(dl, &DeliberationHandlers::WithdrawStance)});
  r.Add({verb::post, "/api/v1/posts/{id}/flags", Access::kSignedIn, bind(d.posts, &PostHandlers::Flag)});
  r.Add({verb::put, "/api/v1/posts/{id}/hidden", Access::kSignedIn, bind(d.posts, &PostHandlers::Hide)});
  r.Add({verb::delete_, "/api/v1/posts/{id}/hidden", Access::kSignedIn, bind(d.posts, &PostHandlers::Restore)});
  r.Add({verb::get, "/api/v1/moderation/flags", Access::kSignedIn, bind(d.posts, &PostHandlers::FlagQueue)});
  r.Add({verb::put, "/api/v1/posts/{id}/closed", Access::kSignedIn, bind(d.posts, &PostHandlers::Close)});
  r.Add({verb::delete_, "/api/v1/posts/{id}/closed", Access::kSignedIn, bind(d.posts, &PostHandlers::Reopen)});

  // Questions and answers.
  r.Add({verb::get, "/api/v1/questions", Access::kSignedIn, bind(d.questions, &QuestionHandlers::List)});
  r.Add({verb::get, "/api/v1/questions/similar", Access::kSignedIn, bind(d.questions, &QuestionHandlers::Similar)});
  r.Add({verb::put, "/api/v1/posts/{id}/accepted-answer", Access::kSignedIn,
         bind(d.questions, &QuestionHandlers::Accept)});
  r.Add({verb::delete_, "/api/v1/posts/{id}/accepted-answer", Access::kSignedIn,
         bind(d.questions, &QuestionHandlers::ClearAccepted)});
  r.Add({verb::put, "/api/v1/posts/{id}/vote", Access::kSignedIn, bind(d.questions, &QuestionHandlers::Vote)});
  r.Add({verb::delete_, "/api/v1/posts/{id}/vote", Access::kSignedIn, bind(d.questions, &QuestionHandlers::Unvote)});
  r.Add({verb::post, "/api/v1/posts/{id}/routes", Access::kSignedIn, bind(d.questions, &QuestionHandlers::Route)});
  r.Add({verb::get, "/api/v1/posts/{id}/answers", Access::kSignedIn, bind(d.answers, &AnswerHandlers::List)});
  r.Add({verb::post, "/api/v1/posts/{id}/answers", Access::kSignedIn, bind(d.answers, &AnswerHandlers::Create),
         256 * 1024});
  r.Add({verb::patch, "/api/v1/answers/{id}", Access::kSignedIn, bind(d.answers, &AnswerHandlers::Edit), 256 * 1024});
  r.Add({verb::delete_, "/api/v1/answers/{id}", Access::kSignedIn, bind(d.answers, &AnswerHandlers::Delete)});
  r.Add({verb::get, "/api/v1/answers/{id}/revisions", Access::kSignedIn, bind(d.answers, &AnswerHandlers::Revisions)});
  r.Add({verb::put, "/api/v1/answers/{id}/vote", Access::kSignedIn, bind(d.answers, &AnswerHandlers::Vote)});
  r.Add({verb::delete_, "/api/v1/answers/{id}/vote", Access::kSignedIn, bind(d.answers, &AnswerHandlers::Unvote)});
  r.Add({verb::get, "/api/v1/answers/{id}/comments", Access::kSignedIn, bind(d.answers, &AnswerHandlers::Comments)});
  r.Add({verb::post, "/api/v1/answers/{id}/comments", Access::kSignedIn, bind(d.answers, &AnswerHandlers::AddComment)});

  // Uploads (photos, videos, files) and the attachment files themselves.
  // The body is spooled to disk; the service applies each kind's limit.
  const std::size_t upload_body = d.max_upload_bytes + 1024;
  r.Add({verb::post, "/api/v1/uploads", Access::kSignedIn, bind(d.uploads, &UploadHandlers::Create),
         upload_body, true});
  r.Add({verb::get, "/api/v1/uploads/{key}", Access::kSignedIn, bind(d.uploads, &UploadHandlers::Get)});
  r.Add({verb::patch, "/api/v1/uploads/{key}", Access::kSignedIn, bind(d.uploads, &UploadHandlers::Update)});
  r.Add({verb::delete_, "/api/v1/uploads/{key}", Access::kSignedIn, bind(d.uploads, &UploadHandlers::Delete)});
  r.Add({verb::get, "/media/uploads/{key}", Access::kSignedIn, bind(d.uploads, &UploadHandlers::File)});
  r.Add({verb::get, "/media/uploads/{key}/thumbnail", Access::kSignedIn,
         bind(d.uploads, &UploadHandlers::Thumbnail)});

  // Atom feeds: the session cookie or ?token= (the person's feed token).
  r.Add({verb::get, "/api/v1/me/feed-token", Access::kSignedIn, bind(d.feeds, &FeedHandlers::TokenStatus)});
  r.Add({verb::post, "/api/v1/me/feed-token", Access::kSignedIn, bind(d.feeds, &FeedHandlers::RotateToken)});
  r.Add({verb::delete_, "/api/v1/me/feed-token", Access::kSignedIn, bind(d.feeds, &FeedHandlers::RevokeToken)});
  r.Add({verb::get, "/feeds/home.atom", Access::kPublic, bind(d.feeds, &FeedHandlers::Home)});
  r.Add({verb::get, "/feeds/people/{file}", Access::kPublic, bind(d.feeds, &FeedHandlers::Person)});
  r.Add({verb::get, "/feeds/groups/{file}", Access::kPublic, bind(d.feeds, &FeedHandlers::Group)});
  r.Add({verb::get, "/feeds/topics/{file}", Access::kPublic, bind(d.feeds, &FeedHandlers::Topic)});
  r.Add({verb::get, "/feeds/posts/{file}", Access::kPublic, bind(d.feeds, &FeedHandlers::Thread)});

  // Embeds: oEmbed and the thread card, read with the caller's own session (see embed_handlers.h).
  r.Add({verb::get, "/api/oembed", Access::kPublic, bind(d.embeds, &EmbedHandlers::OEmbed)});
  r.Add({verb::get, "/embed/posts/{id}", Access::kPublic, bind(d.embeds, &EmbedHandlers::Card)});

  // Notifications.
  r.Add({verb::get, "/api/v1/notifications", Access::kSignedIn, bind(d.notifications, &NotificationHandlers::List)});
  r.Add({verb::get, "/api/v1/notifications/unread-count", Access::kSignedIn,
         bind(d.notifications, &NotificationHandlers::UnreadCount)});
  r.Add({verb::get, "/api/v1/notifications/stream", Access::kSignedIn, bind(d.notifications, &NotificationHandlers::Stream)});
  r.Add({verb::post, "/api/v1/notifications/read", Access::kSignedIn, bind(d.notifications, &NotificationHandlers::MarkRead)});

  // The learning catalog: resources, taxonomy, browse.
  r.Add({verb::get, "/api/v1/resources", Access::kSignedIn, bind(d.catalog, &CatalogHandlers::Browse)});
  r.Add({verb::post, "/api/v1/resources", Access::kSignedIn, bind(d.catalog, &CatalogHandlers::Create), 256 * 1024});
  r.Add({verb::get, "/api/v1/resources/duplicates", Access::kSignedIn, bind(d.catalog, &CatalogHandlers::Duplicates)});
  r.Add({verb::get, "/api/v1/resources/{id}", Access::kSignedIn, bind(d.catalog, &CatalogHandlers::Get)});
  r.Add({verb::patch, "/api/v1/resources/{id}", Access::kSignedIn, bind(d.catalog, &CatalogHandlers::Update), 256 * 1024});
  r.Add({verb::delete_, "/api/v1/resources/{id}", Access::kSignedIn, bind(d.catalog, &CatalogHandlers::Delete)});
  r.Add({verb::get, "/api/v1/categories", Access::kSignedIn, bind(d.catalog, &CatalogHandlers::Categories)});
  r.Add({verb::post, "/api/v1/categories", Access::kAdmin, bind(d.catalog, &CatalogHandlers::CreateCategory)});
  r.Add({verb::patch, "/api/v1/categories/{slug}", Access::kAdmin, bind(d.catalog, &CatalogHandlers::UpdateCategory)});
  r.Add({verb::delete_, "/api/v1/categories/{slug}", Access::kAdmin, bind(d.catalog, &CatalogHandlers::DeleteCategory)});

  // Ratings and reviews.
  r.Add({verb::put, "/api/v1/resources/{id}/rating", Access::kSignedIn, bind(d.ratings, &RatingHandlers::Rate), 128 * 1024});
  r.Add({verb::delete_, "/api/v1/resources/{id}/rating", Access::kSignedIn, bind(d.ratings, &RatingHandlers::Unrate)});
  r.Add({verb::get, "/api/v1/resources/{id}/reviews", Access::kSignedIn, bind(d.ratings, &RatingHandlers::Reviews)});
  r.Add({verb::get, "/api/v1/reviews/{id}/revisions", Access::kSignedIn, bind(d.ratings, &RatingHandlers::History)});
  r.Add({verb::put, "/api/v1/reviews/{id}/vote", Access::kSignedIn, bind(d.ratings, &RatingHandlers::Vote)});
  r.Add({verb::delete_, "/api/v1/reviews/{id}/vote", Access::kSignedIn, bind(d.ratings, &RatingHandlers::Unvote)});
  r.Add({verb::get, "/api/v1/reviews/{id}/comments", Access::kSignedIn, bind(d.ratings, &RatingHandlers::Comments)});
  r.Add({verb::post, "/api/v1/reviews/{id}/comments", Access::kSignedIn, bind(d.ratings, &RatingHandlers::AddComment)});

  // Learning status and recommendations between people.
  r.Add({verb::put, "/api/v1/resources/{id}/status", Access::kSignedIn, bind(d.learning, &LearningHandlers::SetStatus)});
  r.Add({verb::delete_, "/api/v1/resources/{id}/status", Access::kSignedIn, bind(d.learning, &LearningHandlers::ClearStatus)});
  r.Add({verb::get, "/api/v1/me/learning", Access::kSignedIn, bind(d.learning, &LearningHandlers::Mine)});
  r.Add({verb::get, "/api/v1/me/learning-settings", Access::kSignedIn, bind(d.learning, &LearningHandlers::GetSettings)});
  r.Add({verb::put, "/api/v1/me/learning-settings", Access::kSignedIn, bind(d.learning, &LearningHandlers::PutSettings)});
  r.Add({verb::get, "/api/v1/people/{handle}/completions", Access::kSignedIn, bind(d.learning, &LearningHandlers::Completions)});
  r.Add({verb::post, "/api/v1/resources/{id}/recommendations", Access::kSignedIn, bind(d.learning, &LearningHandlers::Recommend)});
  r.Add({verb::get, "/api/v1/resources/{id}/recommendations", Access::kSignedIn, bind(d.learning, &LearningHandlers::Chain)});
  r.Add({verb::get, "/api/v1/me/recommendations", Access::kSignedIn, bind(d.learning, &LearningHandlers::Received)});
  r.Add({verb::post, "/api/v1/me/recommendations/{id}/{action}", Access::kSignedIn, bind(d.learning, &LearningHandlers::Act)});

  // Wikis: {space} is "org" or "g-<group slug>".
  constexpr std::size_t kWikiBody = 1024 * 1024;
  r.Add({verb::get, "/api/v1/wiki/pages", Access::kSignedIn, bind(d.wiki, &WikiHandlers::Index)});
  r.Add({verb::post, "/api/v1/wiki/preview", Access::kSignedIn, bind(d.wiki, &WikiHandlers::Preview), kWikiBody});
  r.Add({verb::post, "/api/v1/posts/{id}/deliberation/summary/wiki", Access::kSignedIn,
         bind(d.wiki, &WikiHandlers::PublishSummary)});
  r.Add({verb::get, "/api/v1/wiki/{space}/{slug}", Access::kSignedIn, bind(d.wiki, &WikiHandlers::Get)});
  r.Add({verb::put, "/api/v1/wiki/{space}/{slug}", Access::kSignedIn, bind(d.wiki, &WikiHandlers::Put), kWikiBody});
  r.Add({verb::delete_, "/api/v1/wiki/{space}/{slug}", Access::kSignedIn, bind(d.wiki, &WikiHandlers::Delete)});
  r.Add({verb::get, "/api/v1/wiki/{space}/{slug}/revisions", Access::kSignedIn, bind(d.wiki, &WikiHandlers::History)});
  r.Add({verb::get, "/api/v1/wiki/{space}/{slug}/revisions/{n}", Access::kSignedIn, bind(d.wiki, &WikiHandlers::Revision)});
  r.Add({verb::get, "/api/v1/wiki/{space}/{slug}/diff", Access::kSignedIn, bind(d.wiki, &WikiHandlers::Diff)});
  r.Add({verb::post, "/api/v1/wiki/{space}/{slug}/revert", Access::kSignedIn, bind(d.wiki, &WikiHandlers::Revert)});
  r.Add({verb::put, "/api/v1/wiki/{space}/{slug}/watch", Access::kSignedIn, bind(d.wiki, &WikiHandlers::Watch)});
  r.Add({verb::delete_, "/api/v1/wiki/{space}/{slug}/watch", Access::kSignedIn, bind(d.wiki, &WikiHandlers::Unwatch)});
  r.Add({verb::get, "/api/v1/wiki/{space}/{slug}/backlinks", Access::kSignedIn, bind(d.wiki, &WikiHandlers::Backlinks)});
  // The web of trust and personal recommendations (issue 6).
  r.Add({verb::get, "/api/v1/me/trust", Access::kSignedIn, bind(d.trust, &TrustHandlers::List)});
  r.Add({verb::get, "/api/v1/me/trust/implicit", Access::kSignedIn, bind(d.trust, &TrustHandlers::Implicit)});
  r.Add({verb::post, "/api/v1/me/trust/implicit/{handle}/{action}", Access::kSignedIn,
         bind(d.trust, &TrustHandlers::ActOnImplicit)});
  r.Add({verb::put, "/api/v1/me/trust/{handle}", Access::kSignedIn, bind(d.trust, &TrustHandlers::Put)});
  r.Add({verb::delete_, "/api/v1/me/trust/{handle}", Access::kSignedIn, bind(d.trust, &TrustHandlers::Remove)});
  r.Add({verb::get, "/api/v1/people/{handle}/trusted-by", Access::kSignedIn, bind(d.trust, &TrustHandlers::TrustedBy)});
  // Suggestions beyond resources (issue 6): groups to join, questions to answer.
  r.Add({verb::get, "/api/v1/me/suggestions/{kind}", Access::kSignedIn, bind(d.suggestions, &SuggestionHandlers::List)});
  r.Add({verb::post, "/api/v1/me/suggestions/{kind}/{id}/dismiss", Access::kSignedIn,
         bind(d.suggestions, &SuggestionHandlers::Dismiss)});
  // Skill endorsements (issue 7: evidence for "who can help").
  r.Add({verb::get, "/api/v1/people/{handle}/endorsements", Access::kSignedIn,
         bind(d.endorsements, &EndorsementHandlers::List)});
  r.Add({verb::post, "/api/v1/people/{handle}/endorsements", Access::kSignedIn,
         bind(d.endorsements, &EndorsementHandlers::Endorse)});
  r.Add({verb::delete_, "/api/v1/people/{handle}/endorsements/{skill}", Access::kSignedIn,
         bind(d.endorsements, &EndorsementHandlers::Withdraw)});
  r.Add({verb::get, "/api/v1/people/{handle}/taste", Access::kSignedIn,
         bind(d.recommendations, &RecommendationHandlers::TasteWith)});
  r.Add({verb::get, "/api/v1/me/recommendations/resources", Access::kSignedIn,
         bind(d.recommendations, &RecommendationHandlers::Resources)});
  r.Add({verb::post, "/api/v1/me/recommendations/resources/{id}/feedback", Access::kSignedIn,
         bind(d.recommendations, &RecommendationHandlers::Feedback)});
  r.Add({verb::get, "/api/v1/resources/{id}/also-valued", Access::kSignedIn,
         bind(d.recommendations, &RecommendationHandlers::AlsoValued)});
  r.Add({verb::get, "/api/v1/me/people-like-you", Access::kSignedIn,
         bind(d.recommendations, &RecommendationHandlers::PeopleLikeYou)});

  // Collections and learning paths.
  r.Add({verb::get, "/api/v1/collections", Access::kSignedIn, bind(d.collections, &CollectionHandlers::List)});
  r.Add({verb::post, "/api/v1/collections", Access::kSignedIn, bind(d.collections, &CollectionHandlers::Create), 512 * 1024});
  r.Add({verb::get, "/api/v1/collections/{id}", Access::kSignedIn, bind(d.collections, &CollectionHandlers::Get)});
  r.Add({verb::patch, "/api/v1/collections/{id}", Access::kSignedIn, bind(d.collections, &CollectionHandlers::Update)});
  r.Add({verb::delete_, "/api/v1/collections/{id}", Access::kSignedIn, bind(d.collections, &CollectionHandlers::Delete)});
  r.Add({verb::put, "/api/v1/collections/{id}/items", Access::kSignedIn, bind(d.collections, &CollectionHandlers::ReplaceItems), 512 * 1024});
  r.Add({verb::post, "/api/v1/collections/{id}/items", Access::kSignedIn, bind(d.collections, &CollectionHandlers::AddItem)});
  r.Add({verb::delete_, "/api/v1/collections/{id}/items/{resource_id}", Access::kSignedIn, bind(d.collections, &CollectionHandlers::RemoveItem)});
  r.Add({verb::put, "/api/v1/collections/{id}/follow", Access::kSignedIn, bind(d.collections, &CollectionHandlers::Follow)});
  r.Add({verb::delete_, "/api/v1/collections/{id}/follow", Access::kSignedIn, bind(d.collections, &CollectionHandlers::Unfollow)});
  r.Add({verb::put, "/api/v1/collections/{id}/enrolment", Access::kSignedIn, bind(d.collections, &CollectionHandlers::Enrol)});
  r.Add({verb::delete_, "/api/v1/collections/{id}/enrolment", Access::kSignedIn, bind(d.collections, &CollectionHandlers::Unenrol)});
  r.Add({verb::post, "/api/v1/collections/{id}/fork", Access::kSignedIn, bind(d.collections, &CollectionHandlers::Fork)});

  // Learning goals.
  r.Add({verb::get, "/api/v1/me/goals", Access::kSignedIn, bind(d.goals, &GoalHandlers::Mine)});
  r.Add({verb::post, "/api/v1/me/goals", Access::kSignedIn, bind(d.goals, &GoalHandlers::Create)});
  r.Add({verb::get, "/api/v1/me/goals/shared", Access::kSignedIn, bind(d.goals, &GoalHandlers::SharedWithMe)});
  r.Add({verb::get, "/api/v1/goals/{id}", Access::kSignedIn, bind(d.goals, &GoalHandlers::Get)});
  r.Add({verb::patch, "/api/v1/goals/{id}", Access::kSignedIn, bind(d.goals, &GoalHandlers::Update)});
  r.Add({verb::delete_, "/api/v1/goals/{id}", Access::kSignedIn, bind(d.goals, &GoalHandlers::Delete)});
  r.Add({verb::post, "/api/v1/goals/{id}/items", Access::kSignedIn, bind(d.goals, &GoalHandlers::AddItem)});
  r.Add({verb::delete_, "/api/v1/goals/{id}/items/{type}/{item_id}", Access::kSignedIn, bind(d.goals, &GoalHandlers::RemoveItem)});
  // Mail about notifications; the unsubscribe link works without a session.
  r.Add({verb::get, "/api/v1/me/mail-preferences", Access::kSignedIn, bind(d.mail, &MailPreferenceHandlers::Get)});
  r.Add({verb::patch, "/api/v1/me/mail-preferences", Access::kSignedIn, bind(d.mail, &MailPreferenceHandlers::Patch)});
  r.Add({verb::get, "/api/v1/unsubscribe", Access::kPublic, bind(d.mail, &MailPreferenceHandlers::DescribeUnsubscribe)});
  r.Add({verb::post, "/api/v1/unsubscribe", Access::kPublic, bind(d.mail, &MailPreferenceHandlers::Unsubscribe)});

  // How ideas travel: spread trees and influence.
  r.Add({verb::get, "/api/v1/resources/{id}/spread", Access::kSignedIn, bind(d.spread, &SpreadHandlers::OfResource)});
  r.Add({verb::get, "/api/v1/posts/{id}/spread", Access::kSignedIn, bind(d.spread, &SpreadHandlers::OfPost)});
  r.Add({verb::get, "/api/v1/people/{handle}/influence", Access::kSignedIn, bind(d.spread, &SpreadHandlers::Influence)});

  // Search.
  r.Add({verb::get, "/api/v1/search", Access::kSignedIn, bind(d.search, &SearchHandlers::Search)});

  // Who can help: people ranked by evidence of expertise for a need.
  r.Add({verb::get, "/api/v1/helpers", Access::kSignedIn, bind(d.helpers, &HelperHandlers::Find)});
  r.Add({verb::get, "/api/v1/me/helper-settings", Access::kSignedIn, bind(d.helpers, &HelperHandlers::GetSettings)});
  r.Add({verb::put, "/api/v1/me/helper-settings", Access::kSignedIn, bind(d.helpers, &HelperHandlers::PutSettings)});
  r.Add({verb::get, "/api/v1/search/suggest", Access::kSignedIn, bind(d.search, &SearchHandlers::Suggest)});
  // Saved searches (notify of new matches) and admin synonyms.
  r.Add({verb::get, "/api/v1/me/saved-searches", Access::kSignedIn,
         bind(d.saved_searches, &SavedSearchHandlers::List)});
  r.Add({verb::post, "/api/v1/me/saved-searches", Access::kSignedIn,
         bind(d.saved_searches, &SavedSearchHandlers::Create)});
  r.Add({verb::patch, "/api/v1/me/saved-searches/{id}", Access::kSignedIn,
         bind(d.saved_searches, &SavedSearchHandlers::Update)});
  r.Add({verb::delete_, "/api/v1/me/saved-searches/{id}", Access::kSignedIn,
         bind(d.saved_searches, &SavedSearchHandlers::Delete)});
  r.Add({verb::get, "/api/v1/me/saved-searches/{id}/new", Access::kSignedIn,
         bind(d.saved_searches, &SavedSearchHandlers::New)});
  r.Add({verb::get, "/api/v1/admin/search/synonyms", Access::kAdmin, bind(d.synonyms, &SynonymHandlers::List)});
  r.Add({verb::put, "/api/v1/admin/search/synonyms/{term}", Access::kAdmin, bind(d.synonyms, &SynonymHandlers::Put)});
  r.Add({verb::delete_, "/api/v1/admin/search/synonyms/{term}", Access::kAdmin,
         bind(d.synonyms, &SynonymHandlers::Delete)});

  // Administration.
  r.Add({verb::get, "/api/v1/admin/settings", Access::kAdmin, bind(d.admin, &AdminHandlers::GetSettings)});
  r.Add({verb::patch, "/api/v1/admin/settings", Access::kAdmin, bind(d.admin, &AdminHandlers::PatchSettings)});
  r.Add({verb::get, "/api/v1/admin/accounts", Access::kAdmin, bind(d.admin, &AdminHandlers::ListAccounts)});
  r.Add({verb::post, "/api/v1/admin/accounts/{id}/approve", Access::kAdmin, bind(d.admin, &AdminHandlers::Approve)});
  r.Add({verb::put, "/api/v1/admin/accounts/{id}/role", Access::kAdmin, bind(d.admin, &AdminHandlers::SetRole)});
  r.Add({verb::put, "/api/v1/admin/accounts/{id}/status", Access::kAdmin, bind(d.admin, &AdminHandlers::SetStatus)});
  r.Add({verb::post, "/api/v1/admin/invites", Access::kAdmin, bind(d.admin, &AdminHandlers::CreateInvite)});
  r.Add({verb::get, "/api/v1/admin/audit", Access::kAdmin, bind(d.admin, &AdminHandlers::Audit)});
}

}  // namespace hallway::http

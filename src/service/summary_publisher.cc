#include "service/summary_publisher.h"

namespace hallway::service {

core::Result<WikiPageView> SummaryPublisher::Publish(const Principal& who, domain::PostId post,
                                                     const std::string& title) {
  HALLWAY_TRY_ASSIGN(SummaryDocument summary, deliberations_.Summary(who, post));
  if (summary.state != domain::DeliberationState::kSettled) {
    return core::Error::Conflict("only a settled deliberation's summary can be published",
                                 {{"state", "is not settled"}});
  }
  HALLWAY_TRY_ASSIGN(PostView thread, posts_.Get(who, post));
  const std::string space = thread.group ? "g-" + thread.group->slug : "org";
  const std::string page_title = title.empty() ? summary.title : title;
  const std::string markdown =
      summary.markdown + "\n\n---\n*The settled answer of [this discussion](/posts/" + std::to_string(post) + ").*\n";
  return wiki_.Publish(who, space, page_title, markdown,
                       "Summary of discussion #" + std::to_string(post) + ", revision " +
                           std::to_string(summary.revision));
}

}  // namespace hallway::service

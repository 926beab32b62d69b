// JSON renderings of wiki spaces, pages, revisions and diffs. Pure; thread-safe.
#pragma once

#include "http/json_io.h"
#include "service/wiki_service.h"

namespace hallway::http {

Json WikiSpaceJson(const service::WikiSpaceView& s);
Json WikiPageJson(const service::WikiPageView& v);
Json WikiPageSummaryJson(const service::WikiPageSummary& s, const std::string& space);
Json WikiIndexJson(const service::WikiIndexView& v);
Json WikiHistoryJson(const service::WikiHistoryView& v);
Json WikiRevisionJson(const service::WikiRevisionView& v, bool with_body);
Json WikiDiffJson(const service::WikiDiffView& v);
// The extension members of a 409 edit conflict.
Json WikiConflictJson(const service::WikiConflict& c);

}  // namespace hallway::http

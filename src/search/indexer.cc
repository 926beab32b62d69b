#include "search/indexer.h"

#include <xapian.h>

#include <map>

#include "search/analyzer_impl.h"
#include "search/index_layout.h"
#include "search/schema.h"
#include "search/xapian_errors.h"

namespace hallway::search {
namespace {

constexpr std::size_t kMaxIdBytes = 200;

std::string PublicTerm() {
  return std::string(schema::kVisibility) + std::string(schema::kPublic);
}

// An empty index is built by this analysis by definition: stamp it, so the
// staleness check can tell it from one an older release grew.
void StampIfEmpty(Xapian::WritableDatabase& db) {
  if (db.get_doccount() != 0 || db.get_metadata(std::string(schema::kAnalysisKey)) ==
                                    schema::kAnalysisVersion) {
    return;
  }
  db.set_metadata(std::string(schema::kAnalysisKey), std::string(schema::kAnalysisVersion));
  db.commit();
}

}  // namespace

core::Status ValidateDocumentId(std::string_view id) {
  if (id.empty() || id.size() > kMaxIdBytes) {
    return core::Error::InvalidArgument("search: document id must be 1.." +
                                        std::to_string(kMaxIdBytes) + " bytes");
  }
  return core::Ok();
}

bool IsPublicDocument(const SearchDocument& doc) {
  for (const auto& v : doc.visibility) {
    if (schema::NormalizeFilterValue(v) == schema::kPublic) return true;
  }
  return false;
}

struct Indexer::Impl {
  Impl(std::string r, std::string d, IndexerOptions o, Xapian::WritableDatabase w)
      : root(std::move(r)), dir(std::move(d)), analyzer(o.analysis), db(std::move(w)) {}

  // Withdraws what the indexed document `term` taught the spelling
  // dictionary, if it was public.
  void ForgetSpelling(const std::string& id_term) {
    Xapian::PostingIterator p = db.postlist_begin(id_term);
    if (p == db.postlist_end(id_term)) return;
    Xapian::Document old = db.get_document(*p);
    Xapian::TermIterator t = old.termlist_begin();
    t.skip_to(PublicTerm());
    if (t == old.termlist_end() || *t != PublicTerm()) return;
    for (const auto& w : SpellingWords(old)) --spelling_delta[w];
  }

  // Applies the batched spelling changes (one call per distinct word instead
  // of one per word per document).
  void FlushSpelling() {
    for (const auto& [word, delta] : spelling_delta) {
      if (delta > 0) db.add_spelling(word, static_cast<Xapian::termcount>(delta));
      if (delta < 0) db.remove_spelling(word, static_cast<Xapian::termcount>(-delta));
    }
    spelling_delta.clear();
  }

  std::string root;
  std::string dir;
  Analyzer analyzer;
  Xapian::WritableDatabase db;
  std::map<std::string, long> spelling_delta;  // uncommitted spelling changes
};

Indexer::Indexer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Indexer::~Indexer() = default;

core::Result<bool> IndexNeedsRebuild(const std::string& root) {
  auto dir = IndexLayout::CurrentDir(root);
  if (!dir && dir.error().code() == core::ErrorCode::kNotFound) return false;
  if (!dir) return dir.error();
  try {
    Xapian::Database db(*dir);
    return db.get_doccount() != 0 &&
           db.get_metadata(std::string(schema::kAnalysisKey)) != schema::kAnalysisVersion;
  } catch (const Xapian::Error& e) {
    return FromXapian("open index " + *dir, e);
  }
}

core::Result<std::unique_ptr<Indexer>> Indexer::Open(const std::string& root,
                                                     IndexerOptions options) {
  auto dir = IndexLayout::CurrentDir(root);
  bool fresh = false;
  if (!dir && dir.error().code() == core::ErrorCode::kNotFound) {
    dir = IndexLayout::CreateNextDir(root);
    fresh = true;
  }
  if (!dir) return dir.error();
  std::unique_ptr<Indexer> indexer;
  try {
    Xapian::WritableDatabase db(*dir, Xapian::DB_CREATE_OR_OPEN);
    StampIfEmpty(db);
    indexer.reset(new Indexer(std::make_unique<Impl>(root, *dir, options, std::move(db))));
  } catch (const Xapian::Error& e) {
    return FromXapian("open index " + *dir, e);
  }
  if (fresh) {
    HALLWAY_TRY(indexer->Publish());
  }
  return indexer;
}

core::Result<std::unique_ptr<Indexer>> Indexer::CreateGeneration(const std::string& root,
                                                                 IndexerOptions options) {
  HALLWAY_TRY_ASSIGN(std::string dir, IndexLayout::CreateNextDir(root));
  return OpenGeneration(root, dir, options);
}

core::Result<std::unique_ptr<Indexer>> Indexer::OpenGeneration(const std::string& root,
                                                               const std::string& dir,
                                                               IndexerOptions options) {
  try {
    Xapian::WritableDatabase db(dir, Xapian::DB_CREATE_OR_OPEN);
    StampIfEmpty(db);
    return std::unique_ptr<Indexer>(
        new Indexer(std::make_unique<Impl>(root, dir, options, std::move(db))));
  } catch (const Xapian::Error& e) {
    return FromXapian("open index " + dir, e);
  }
}

core::Status Indexer::Upsert(const SearchDocument& doc) {
  HALLWAY_TRY(ValidateDocumentId(doc.id));
  try {
    const std::string id_term = std::string(schema::kId) + doc.id;
    Xapian::Document xdoc = impl_->analyzer.impl().Build(doc);
    impl_->ForgetSpelling(id_term);
    if (IsPublicDocument(doc)) {
      for (const auto& w : SpellingWords(xdoc)) ++impl_->spelling_delta[w];
    }
    impl_->db.replace_document(id_term, xdoc);
    return core::Ok();
  } catch (const Xapian::Error& e) {
    return FromXapian("index " + doc.id, e);
  }
}

core::Status Indexer::UpsertAll(const std::vector<SearchDocument>& docs,
                                const ProgressCallback& progress, std::size_t commit_every) {
  if (commit_every == 0) commit_every = 1;
  std::size_t done = 0;
  for (const auto& doc : docs) {
    HALLWAY_TRY(Upsert(doc));
    ++done;
    if (done % commit_every == 0 || done == docs.size()) {
      HALLWAY_TRY(Commit());
      if (progress) progress(done, docs.size());
    }
  }
  if (docs.empty() && progress) progress(0, 0);
  return core::Ok();
}

core::Status Indexer::Remove(std::string_view id) {
  try {
    const std::string id_term = std::string(schema::kId) + std::string(id);
    impl_->ForgetSpelling(id_term);
    impl_->db.delete_document(id_term);
    return core::Ok();
  } catch (const Xapian::Error& e) {
    return FromXapian("remove " + std::string(id), e);
  }
}

core::Status Indexer::Commit() {
  try {
    impl_->FlushSpelling();
    impl_->db.commit();
    return core::Ok();
  } catch (const Xapian::Error& e) {
    return FromXapian("commit " + impl_->dir, e);
  }
}

core::Status Indexer::Publish() {
  HALLWAY_TRY(Commit());
  return IndexLayout::Publish(impl_->root, impl_->dir);
}

std::uint64_t Indexer::DocumentCount() const { return impl_->db.get_doccount(); }
const std::string& Indexer::root() const { return impl_->root; }
const std::string& Indexer::directory() const { return impl_->dir; }

}  // namespace hallway::search

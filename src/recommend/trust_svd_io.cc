// TrustSvd::Save / Load: a flat little-endian binary file.
//   "HWTSVD" + u16 version, then options, scalars, and every array as
//   u64 length + raw elements (matrices as rows, cols, row-major data).
#include <bit>
#include <cstring>
#include <fstream>

#include "recommend/trust_svd.h"
#include "recommend/trust_svd_state.h"

namespace hallway::recommend {
namespace {

static_assert(std::endian::native == std::endian::little, "model files are little-endian");
constexpr char kMagic[6] = {'H', 'W', 'T', 'S', 'V', 'D'};
constexpr std::uint16_t kVersion = 1;

class Writer {
 public:
  explicit Writer(std::ofstream* out) : out_(out) {}
  template <typename T>
  void Pod(const T& v) { out_->write(reinterpret_cast<const char*>(&v), sizeof(T)); }
  template <typename T>
  void Vec(const std::vector<T>& v) {
    Pod<std::uint64_t>(v.size());
    out_->write(reinterpret_cast<const char*>(v.data()), static_cast<std::streamsize>(v.size() * sizeof(T)));
  }
  void Vector(const Eigen::VectorXd& v) {
    Pod<std::uint64_t>(static_cast<std::uint64_t>(v.size()));
    out_->write(reinterpret_cast<const char*>(v.data()), static_cast<std::streamsize>(v.size() * sizeof(double)));
  }
  void Matrix(const internal::RowMatrix& m) {
    Pod<std::uint64_t>(static_cast<std::uint64_t>(m.rows()));
    Pod<std::uint64_t>(static_cast<std::uint64_t>(m.cols()));
    out_->write(reinterpret_cast<const char*>(m.data()), static_cast<std::streamsize>(m.size() * sizeof(double)));
  }

 private:
  std::ofstream* out_;
};

class Reader {
 public:
  explicit Reader(std::ifstream* in) : in_(in) {}
  bool ok() const { return ok_; }
  template <typename T>
  void Pod(T* v) { Raw(v, sizeof(T)); }
  template <typename T>
  void Vec(std::vector<T>* v) {
    std::uint64_t n = 0;
    Pod(&n);
    if (!Fits(n, sizeof(T))) return;
    v->resize(n);
    Raw(v->data(), n * sizeof(T));
  }
  void Vector(Eigen::VectorXd* v) {
    std::uint64_t n = 0;
    Pod(&n);
    if (!Fits(n, sizeof(double))) return;
    v->resize(static_cast<Eigen::Index>(n));
    Raw(v->data(), n * sizeof(double));
  }
  void Matrix(internal::RowMatrix* m) {
    std::uint64_t r = 0, c = 0;
    Pod(&r);
    Pod(&c);
    if (c > 0 && r > (std::uint64_t{1} << 40) / c) ok_ = false;
    if (!ok_ || !Fits(r * c, sizeof(double))) return;
    m->resize(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c));
    Raw(m->data(), r * c * sizeof(double));
  }

 private:
  // Guards allocations against a corrupt length: never more than remains.
  bool Fits(std::uint64_t n, std::size_t elem) {
    if (!ok_) return false;
    const auto here = in_->tellg();
    in_->seekg(0, std::ios::end);
    const auto end = in_->tellg();
    in_->seekg(here);
    if (n > static_cast<std::uint64_t>(end - here) / elem) ok_ = false;
    return ok_;
  }
  void Raw(void* dst, std::size_t bytes) {
    if (!ok_) return;
    in_->read(static_cast<char*>(dst), static_cast<std::streamsize>(bytes));
    if (!*in_) ok_ = false;
  }
  std::ifstream* in_;
  bool ok_ = true;
};

}  // namespace

core::Status TrustSvd::Save(const std::string& path) const {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return core::Error::Unavailable("recommend: save model: cannot open " + path);
  const Impl& m = *impl_;
  Writer w(&out);
  out.write(kMagic, sizeof(kMagic));
  w.Pod(kVersion);
  const TrustSvdOptions& o = m.options;
  w.Pod(o.factors);
  w.Pod(o.learn_rate);
  w.Pod(o.reg);
  w.Pod(o.reg_bias);
  w.Pod(o.reg_category);
  w.Pod(o.reg_trust);
  w.Pod(o.reg_implicit);
  w.Pod(o.popularity_weight);
  w.Pod(static_cast<std::uint8_t>(o.use_implicit));
  w.Pod(static_cast<std::uint8_t>(o.use_trust));
  w.Pod(static_cast<std::uint8_t>(o.use_categories));
  w.Vec(std::vector<char>(o.name.begin(), o.name.end()));
  w.Pod(m.trained_epochs);
  w.Pod(m.min_rating);
  w.Pod(m.max_rating);
  w.Pod(m.params.mu);
  w.Vector(m.params.bu);
  w.Vector(m.params.bi);
  w.Vector(m.params.bc);
  for (const internal::RowMatrix* mat : {&m.params.buc, &m.params.P, &m.params.Q, &m.params.Y, &m.params.W, &m.z,
                                         &m.ysum, &m.wsum}) {
    w.Matrix(*mat);
  }
  w.Vec(m.item_category);
  w.Vec(m.item_log_count);
  w.Vec(m.user_ids);
  w.Vec(m.item_ids);
  for (const auto* lists : {&m.seen, &m.trustees}) {
    w.Pod<std::uint64_t>(lists->size());
    for (const auto& l : *lists) w.Vec(l);
  }
  out.flush();
  if (!out) return core::Error::Unavailable("recommend: save model: write failed for " + path);
  return core::Ok();
}

core::Result<TrustSvd> TrustSvd::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::Error::Unavailable("recommend: load model: cannot open " + path);
  char magic[sizeof(kMagic)] = {};
  in.read(magic, sizeof(magic));
  if (!in || std::memcmp(magic, kMagic, sizeof(kMagic)) != 0) {
    return core::Error::InvalidArgument("recommend: load model: " + path + " is not a TrustSVD model");
  }
  Reader r(&in);
  std::uint16_t version = 0;
  r.Pod(&version);
  if (version != kVersion) {
    return core::Error::InvalidArgument("recommend: load model: unsupported version " + std::to_string(version));
  }
  TrustSvd model;
  Impl& m = *model.impl_;
  TrustSvdOptions& o = m.options;
  std::uint8_t implicit = 0, trust = 0, categories = 0;
  r.Pod(&o.factors);
  r.Pod(&o.learn_rate);
  r.Pod(&o.reg);
  r.Pod(&o.reg_bias);
  r.Pod(&o.reg_category);
  r.Pod(&o.reg_trust);
  r.Pod(&o.reg_implicit);
  r.Pod(&o.popularity_weight);
  r.Pod(&implicit);
  r.Pod(&trust);
  r.Pod(&categories);
  o.use_implicit = implicit != 0;
  o.use_trust = trust != 0;
  o.use_categories = categories != 0;
  std::vector<char> name;
  r.Vec(&name);
  o.name.assign(name.begin(), name.end());
  r.Pod(&m.trained_epochs);
  r.Pod(&m.min_rating);
  r.Pod(&m.max_rating);
  r.Pod(&m.params.mu);
  r.Vector(&m.params.bu);
  r.Vector(&m.params.bi);
  r.Vector(&m.params.bc);
  for (internal::RowMatrix* mat : {&m.params.buc, &m.params.P, &m.params.Q, &m.params.Y, &m.params.W, &m.z,
                                   &m.ysum, &m.wsum}) {
    r.Matrix(mat);
  }
  r.Vec(&m.item_category);
  r.Vec(&m.item_log_count);
  r.Vec(&m.user_ids);
  r.Vec(&m.item_ids);
  for (auto* lists : {&m.seen, &m.trustees}) {
    std::uint64_t n = 0;
    r.Pod(&n);
    if (!r.ok() || n != m.user_ids.size()) {
      return core::Error::InvalidArgument("recommend: load model: " + path + " is truncated or corrupt");
    }
    lists->resize(n);
    for (auto& l : *lists) r.Vec(&l);
  }
  const auto U = static_cast<Eigen::Index>(m.user_ids.size()), I = static_cast<Eigen::Index>(m.item_ids.size());
  const bool shapes_ok = r.ok() && m.params.bu.size() == U && m.params.bi.size() == I && m.params.P.rows() == U &&
                         m.params.Q.rows() == I && m.z.rows() == U && m.z.cols() == o.factors &&
                         m.params.Q.cols() == o.factors && m.item_category.size() == m.item_ids.size() &&
                         m.item_log_count.size() == m.item_ids.size();
  if (!shapes_ok) return core::Error::InvalidArgument("recommend: load model: " + path + " is truncated or corrupt");
  for (std::int32_t c : m.item_category) {
    if (c != kNoCategory && (c < 0 || c >= m.params.bc.size())) {
      return core::Error::InvalidArgument("recommend: load model: " + path + " has a bad category index");
    }
  }
  for (const auto& l : m.seen) {
    for (std::uint32_t i : l) {
      if (i >= m.item_ids.size()) return core::Error::InvalidArgument("recommend: load model: bad item index");
    }
  }
  m.RebuildIdIndexes();
  return model;
}

}  // namespace hallway::recommend

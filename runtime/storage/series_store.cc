// Readers share one lazily rebuilt structure, the label order of the
// series; it is rebuilt under a mutex so that const methods stay safe to
// call concurrently (see the header).
#include "runtime/storage/series_store.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <iterator>
#include <limits>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <utility>

#include "runtime/storage/chunk.h"
#include "runtime/storage/postings.h"
#include "runtime/storage/prefix_memo.h"

namespace monc::runtime {
namespace {

// Series live in fixed blocks so that growing the store never moves them
// and never holds twice their memory, as a doubling vector would.
constexpr int kBlockBits = 10;
constexpr SeriesRef kBlockSize = SeriesRef{1} << kBlockBits;

struct MemSeries {
  Labels labels;
  std::vector<Chunk> chunks;  // ascending, not overlapping; the last grows
  ChunkAppender appender;     // of chunks.back()
  PrefixMemo memo;            // Summarize's, for the last chunk of a window
};

size_t StringHeap(const std::string& s) {
  // Short strings live inside std::string itself.
  return s.capacity() > 15 ? s.capacity() + 1 : 0;
}

// Rebuilds `c` from its samples at or after `mint`; the appender is the
// series' when `c` is its newest chunk, so appending goes on from there.
void DropBefore(Chunk& c, int64_t mint, ChunkAppender& app, bool newest) {
  std::vector<Sample> kept;
  DecodeChunk(c, mint, std::numeric_limits<int64_t>::max(), kept);
  Chunk rebuilt;
  ChunkAppender fresh;
  for (const Sample& s : kept) fresh.Append(rebuilt, s.t, s.v);
  if (newest) {
    app = fresh;
  } else {
    fresh.Seal(rebuilt);
  }
  c = std::move(rebuilt);
}

}  // namespace

std::string_view Describe(AppendStatus status) {
  // Prometheus's storage.Err* texts.
  switch (status) {
    case AppendStatus::Ok: return "ok";
    case AppendStatus::OutOfOrder: return "out of order sample";
    case AppendStatus::Duplicate: return "duplicate sample for timestamp";
    case AppendStatus::OutOfBounds: return "out of bounds";
  }
  return "";
}

struct SeriesStore::Impl {
  explicit Impl(Options o) : options(o) {}

  MemSeries& at(SeriesRef ref) { return blocks[ref >> kBlockBits][ref & (kBlockSize - 1)]; }
  const MemSeries& at(SeriesRef ref) const {
    return blocks[ref >> kBlockBits][ref & (kBlockSize - 1)];
  }

  // Brings rank up to date with the series created or dropped since.
  void RefreshOrder() const;
  void Drop(SeriesRef ref);

  Options options;
  std::vector<std::unique_ptr<MemSeries[]>> blocks;
  SeriesRef next_ref = 0;
  std::vector<bool> dead;
  std::unordered_multimap<uint64_t, SeriesRef> by_hash;
  Postings postings;

  bool any_sample = false;
  int64_t newest = std::numeric_limits<int64_t>::min();
  StoreStats counts;  // series, samples and rejections; bytes on demand

  // Select returns series in label order: `order` holds the refs sorted by
  // labels and rank[ref] the position, so a result sorts by integers.
  // Series created since the last refresh are merged in on the next read.
  mutable std::mutex order_mu;
  mutable std::atomic<bool> order_stale{false};
  mutable std::vector<SeriesRef> order;
  mutable std::vector<uint32_t> rank;
};

void SeriesStore::Impl::RefreshOrder() const {
  if (!order_stale.load(std::memory_order_acquire)) return;
  std::lock_guard<std::mutex> lock(order_mu);
  if (!order_stale.load(std::memory_order_relaxed)) return;
  auto by_labels = [this](SeriesRef a, SeriesRef b) { return at(a).labels < at(b).labels; };
  auto is_dead = [this](SeriesRef r) { return dead[r]; };
  order.erase(std::remove_if(order.begin(), order.end(), is_dead), order.end());
  std::vector<SeriesRef> fresh;
  for (SeriesRef r = static_cast<SeriesRef>(rank.size()); r < next_ref; ++r) {
    if (!dead[r]) fresh.push_back(r);
  }
  std::sort(fresh.begin(), fresh.end(), by_labels);
  std::vector<SeriesRef> merged;
  merged.reserve(order.size() + fresh.size());
  std::merge(order.begin(), order.end(), fresh.begin(), fresh.end(), std::back_inserter(merged),
             by_labels);
  order = std::move(merged);
  rank.assign(next_ref, 0);
  for (size_t i = 0; i < order.size(); ++i) rank[order[i]] = static_cast<uint32_t>(i);
  order_stale.store(false, std::memory_order_release);
}

void SeriesStore::Impl::Drop(SeriesRef ref) {
  MemSeries& s = at(ref);
  auto [begin, end] = by_hash.equal_range(s.labels.Hash());
  for (auto it = begin; it != end; ++it) {
    if (it->second == ref) {
      by_hash.erase(it);
      break;
    }
  }
  s = MemSeries();
  dead[ref] = true;
  --counts.series;
}

SeriesStore::SeriesStore() : SeriesStore(Options()) {}
SeriesStore::SeriesStore(Options options) : impl_(std::make_unique<Impl>(options)) {}
SeriesStore::~SeriesStore() = default;

SeriesRef SeriesStore::GetOrCreate(const Labels& labels) {
  Impl& m = *impl_;
  const uint64_t hash = labels.Hash();
  auto [begin, end] = m.by_hash.equal_range(hash);
  for (auto it = begin; it != end; ++it) {
    if (m.at(it->second).labels == labels) return it->second;
  }
  const SeriesRef ref = m.next_ref++;
  if ((ref & (kBlockSize - 1)) == 0) m.blocks.push_back(std::make_unique<MemSeries[]>(kBlockSize));
  m.at(ref).labels = labels;
  m.dead.push_back(false);
  m.by_hash.emplace(hash, ref);
  m.postings.Add(ref, labels);
  ++m.counts.series;
  m.order_stale.store(true, std::memory_order_release);
  return ref;
}

AppendStatus SeriesStore::Append(SeriesRef ref, int64_t t, double v) {
  Impl& m = *impl_;
  const int64_t retention = m.options.retention_ms;
  // newest - retention, without overflow: t is out of bounds when it is
  // more than `retention` older than the newest sample.
  if (retention > 0 && m.any_sample && t < m.newest &&
      static_cast<uint64_t>(m.newest) - static_cast<uint64_t>(t) > static_cast<uint64_t>(retention)) {
    ++m.counts.rejected_out_of_bounds;
    return AppendStatus::OutOfBounds;
  }
  MemSeries& s = m.at(ref);
  if (!s.chunks.empty()) {
    const Chunk& head = s.chunks.back();
    if (t < head.max_t()) {
      ++m.counts.rejected_out_of_order;
      return AppendStatus::OutOfOrder;
    }
    if (t == head.max_t()) {
      const double last = head.last_v();
      if (std::memcmp(&v, &last, sizeof v) == 0) return AppendStatus::Ok;
      ++m.counts.rejected_duplicate;
      return AppendStatus::Duplicate;
    }
  }
  if (s.chunks.empty() || s.chunks.back().full()) {
    if (!s.chunks.empty()) s.appender.Seal(s.chunks.back());
    s.chunks.emplace_back();
  }
  s.appender.Append(s.chunks.back(), t, v);
  ++m.counts.samples;
  m.any_sample = true;
  m.newest = std::max(m.newest, t);
  return AppendStatus::Ok;
}

void SeriesStore::Truncate(int64_t mint) {
  Impl& m = *impl_;
  bool dropped = false;
  for (SeriesRef ref = 0; ref < m.next_ref; ++ref) {
    if (m.dead[ref]) continue;
    MemSeries& s = m.at(ref);
    if (s.chunks.empty() || s.chunks.front().min_t() >= mint) continue;
    auto keep = std::partition_point(s.chunks.begin(), s.chunks.end(),
                                     [&](const Chunk& c) { return c.max_t() < mint; });
    for (auto it = s.chunks.begin(); it != keep; ++it) m.counts.samples -= it->count();
    s.chunks.erase(s.chunks.begin(), keep);
    if (s.chunks.empty()) {
      m.Drop(ref);
      dropped = true;
      continue;
    }
    Chunk& first = s.chunks.front();
    if (first.min_t() < mint) {
      const int before = first.count();
      DropBefore(first, mint, s.appender, s.chunks.size() == 1);
      m.counts.samples -= before - first.count();
    }
    s.chunks.shrink_to_fit();
  }
  if (dropped) {
    m.postings.Remove(m.dead);
    m.order_stale.store(true, std::memory_order_release);
  }
}

void SeriesStore::ApplyRetention() {
  const Impl& m = *impl_;
  if (m.options.retention_ms <= 0 || !m.any_sample) return;
  const int64_t lowest = std::numeric_limits<int64_t>::min();
  Truncate(m.newest < lowest + m.options.retention_ms ? lowest : m.newest - m.options.retention_ms);
}

StoreStats SeriesStore::Stats() const {
  const Impl& m = *impl_;
  StoreStats stats = m.counts;
  size_t bytes = m.blocks.size() * kBlockSize * sizeof(MemSeries) + m.dead.capacity() / 8;
  for (SeriesRef ref = 0; ref < m.next_ref; ++ref) {
    if (m.dead[ref]) continue;
    const MemSeries& s = m.at(ref);
    bytes += s.labels.items().capacity() * sizeof(Label);
    for (const Label& l : s.labels) bytes += StringHeap(l.name) + StringHeap(l.value);
    bytes += s.chunks.capacity() * sizeof(Chunk);
    for (const Chunk& c : s.chunks) stats.chunk_bytes += c.size();
    if (!s.chunks.empty()) stats.chunk_bytes += s.appender.capacity() - s.chunks.back().size();
  }
  bytes += stats.chunk_bytes;
  // A multimap node: key, value, next pointer, cached hash; plus buckets.
  bytes += m.by_hash.size() * 32 + m.by_hash.bucket_count() * sizeof(void*);
  bytes += m.postings.bytes();
  bytes += (m.order.capacity() + m.rank.capacity()) * sizeof(uint32_t);
  stats.bytes = bytes;
  return stats;
}

void SeriesStore::SortSeries() const { impl_->RefreshOrder(); }

std::vector<SeriesRef> SeriesStore::Select(const std::vector<Matcher>& matchers) const {
  const Impl& m = *impl_;
  std::vector<SeriesRef> refs = m.postings.Select(matchers);
  if (refs.size() < 2) return refs;
  m.RefreshOrder();
  // (rank, ref) in one word: the sort compares integers, not label sets.
  std::vector<uint64_t> keyed(refs.size());
  for (size_t i = 0; i < refs.size(); ++i) {
    keyed[i] = (static_cast<uint64_t>(m.rank[refs[i]]) << 32) | refs[i];
  }
  std::sort(keyed.begin(), keyed.end());
  for (size_t i = 0; i < refs.size(); ++i) refs[i] = static_cast<SeriesRef>(keyed[i]);
  return refs;
}

const Labels& SeriesStore::SeriesLabels(SeriesRef ref) const { return impl_->at(ref).labels; }

void SeriesStore::Samples(SeriesRef ref, int64_t mint, int64_t maxt,
                          std::vector<Sample>& out) const {
  const std::vector<Chunk>& chunks = impl_->at(ref).chunks;
  auto it = std::partition_point(chunks.begin(), chunks.end(),
                                 [&](const Chunk& c) { return c.max_t() < mint; });
  for (; it != chunks.end() && it->min_t() <= maxt; ++it) DecodeChunk(*it, mint, maxt, out);
}

void SeriesStore::Summarize(SeriesRef ref, int64_t mint, int64_t maxt,
                            WindowSummary* out) const {
  out->Clear();
  const MemSeries& s = impl_->at(ref);
  auto it = std::partition_point(s.chunks.begin(), s.chunks.end(),
                                 [&](const Chunk& c) { return c.max_t() < mint; });
  for (; it != s.chunks.end() && it->min_t() <= maxt; ++it) {
    const Chunk& c = *it;
    ChunkIterator samples(c);
    if (c.resets() != 0 || c.has_stale()) {
      // Every sample counts: decode the part inside the window.
      while (samples.Next() && samples.t() <= maxt) {
        if (samples.t() >= mint) out->Add({samples.t(), samples.v()});
      }
      continue;
    }
    // A chunk without resets is a run: its summary is its first sample in
    // the window, its last and their distance in samples.
    PrefixMemo::Entry end{c.min_t(), maxt, c.count(), {c.max_t(), c.last_v()}};
    if (c.max_t() > maxt && !s.memo.Get(c.min_t(), maxt, &end)) {
      // The window's last chunk, cut by maxt: decoded up to it, once for
      // every window ending there.
      end.count = samples.SkipBefore(maxt + 1);
      if (end.count > 0) end.last = {samples.t(), samples.v()};
      while (samples.Next() && samples.t() <= maxt) {
        end.last = {samples.t(), samples.v()};
        ++end.count;
      }
      s.memo.Put(end);
      samples = ChunkIterator(c);
    }
    if (c.min_t() >= mint) {
      out->AddRun({c.min_t(), c.first_v()}, end.last, end.count);
      continue;
    }
    // Cut by mint: decoded up to the first sample inside the window.
    for (int64_t before = samples.SkipBefore(mint); before < end.count && samples.Next();
         ++before) {
      if (samples.t() >= mint) {
        out->AddRun({samples.t(), samples.v()}, end.last, end.count - before);
        break;
      }
    }
  }
}

bool SeriesStore::LastSample(SeriesRef ref, int64_t mint, int64_t maxt, Sample* out) const {
  const MemSeries& s = impl_->at(ref);
  // The chunk holding the newest sample at or before maxt: the last one
  // starting at or before it.
  auto it = std::partition_point(s.chunks.begin(), s.chunks.end(),
                                 [&](const Chunk& c) { return c.min_t() <= maxt; });
  if (it == s.chunks.begin()) return false;
  const Chunk& c = *--it;
  if (c.max_t() < mint) return false;
  if (c.max_t() <= maxt) {
    // Rules evaluate at the newest time: nothing is decoded.
    *out = {c.max_t(), c.last_v()};
    return true;
  }
  ChunkIterator samples(c);
  bool found = samples.SkipBefore(maxt + 1) > 0 && samples.t() >= mint;
  if (found) *out = {samples.t(), samples.v()};
  while (samples.Next() && samples.t() <= maxt) {
    if (samples.t() < mint) continue;
    *out = {samples.t(), samples.v()};
    found = true;
  }
  return found;
}

}  // namespace monc::runtime

// Memory read bandwidth of one core, for the bound the runtime bench prints:
// sums a buffer far larger than the caches, best of several passes, and
// prints bytes per second. Built and run by tests/bench/runtime_bench.sh:
//
//   g++ -O2 -march=native -o membw tests/bench/membw.cc && taskset -c 0 ./membw [MiB, default 256]
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>

int main(int argc, char** argv) {
  const size_t mib = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 256;
  const size_t n = mib * (1 << 20) / sizeof(uint64_t);
  std::vector<uint64_t> buf(n);
  for (size_t i = 0; i < n; ++i) buf[i] = i * 0x9E3779B97F4A7C15ull;
  double best = 0;
  uint64_t sink = 0;
  for (int pass = 0; pass < 25; ++pass) {
    auto t0 = std::chrono::steady_clock::now();
    // four independent sums so the adds are not the bottleneck
    uint64_t a = 0, b = 0, c = 0, d = 0;
    for (size_t i = 0; i + 4 <= n; i += 4) {
      a += buf[i];
      b += buf[i + 1];
      c += buf[i + 2];
      d += buf[i + 3];
    }
    sink += a ^ b ^ c ^ d;
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    double bw = n * sizeof(uint64_t) / s;
    if (bw > best) best = bw;
  }
  std::printf("%.0f\n", best);
  std::fprintf(stderr, "membw: %zu MiB, best of 25 read passes: %.2f GB/s (%llu)\n", mib,
               best / 1e9, static_cast<unsigned long long>(sink & 1));
  return 0;
}

// Large random-access tables (the token cache, its slots, the embedding matrix) on 2 MB pages where the kernel
// allows it (Linux transparent huge pages in `madvise` mode, as on this project's machines): with 4 KB pages a
// 30 MB table spans ~7,500 pages, more than the TLB holds, so a random lookup paid a page walk on top of its
// cache miss. Elsewhere, or when the advice is refused, these are ordinary allocations.
#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <memory>
#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace datamill {

constexpr size_t kHugePage = size_t(2) << 20;

struct FreeHuge {
  void operator()(void* p) const { std::free(p); }
};

// `bytes` of uninitialized memory aligned to 2 MB (tables over 1 MB) or 128 bytes (smaller ones); never null.
inline void* allocHuge(size_t bytes) {
  const size_t align = bytes >= kHugePage / 2 ? kHugePage : 128;
  const size_t size = (bytes + align - 1) / align * align;
  void* p = std::aligned_alloc(align, size == 0 ? align : size);
  if (p == nullptr) std::abort();
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  if (align == kHugePage) madvise(p, size, MADV_HUGEPAGE);
#endif
  return p;
}

// A fixed-size array of trivially copyable T on huge pages when large.
template <typename T>
class HugeArray {
 public:
  HugeArray() = default;
  void reset(size_t n) {
    data_.reset(static_cast<T*>(allocHuge(n * sizeof(T))));
    size_ = n;
  }
  void fill(const T& v) { std::fill(data_.get(), data_.get() + size_, v); }
  T* data() { return data_.get(); }
  const T* data() const { return data_.get(); }
  T& operator[](size_t i) { return data_.get()[i]; }
  const T& operator[](size_t i) const { return data_.get()[i]; }
  size_t size() const { return size_; }

 private:
  std::unique_ptr<T, FreeHuge> data_;
  size_t size_ = 0;
};

}  // namespace datamill

#pragma once
// PODArray<T>: a growable array of trivially copyable values, the storage of every column.
// Unlike std::vector it does not value-initialise on resize (resize leaves new elements
// uninitialised; use resizeFill), and it reports its memory to the query's MemoryTracker.

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <initializer_list>
#include <new>
#include <type_traits>

#include "common/memory_tracker.h"

namespace tally {

template <typename T>
class PODArray {
  static_assert(std::is_trivially_copyable_v<T>, "PODArray holds trivially copyable values only");

 public:
  using value_type = T;
  using iterator = T*;
  using const_iterator = const T*;

  PODArray() = default;
  explicit PODArray(size_t n) { resize(n); }
  PODArray(size_t n, const T& value) { resizeFill(n, value); }
  PODArray(std::initializer_list<T> list) { insert(list.begin(), list.end()); }
  PODArray(const T* from, const T* to) { insert(from, to); }
  PODArray(const PODArray& other) { insert(other.begin(), other.end()); }
  PODArray(PODArray&& other) noexcept { swap(other); }
  PODArray& operator=(const PODArray& other) {
    if (this != &other) assign(other.begin(), other.end());
    return *this;
  }
  PODArray& operator=(PODArray&& other) noexcept {
    swap(other);
    return *this;
  }
  ~PODArray() { deallocate(); }

  size_t size() const { return size_t(end_ - begin_); }
  bool empty() const { return end_ == begin_; }
  size_t capacity() const { return size_t(cap_ - begin_); }
  size_t allocatedBytes() const { return capacity() * sizeof(T); }

  T* data() { return begin_; }
  const T* data() const { return begin_; }
  T* begin() { return begin_; }
  T* end() { return end_; }
  const T* begin() const { return begin_; }
  const T* end() const { return end_; }
  T& operator[](size_t i) { return begin_[i]; }
  const T& operator[](size_t i) const { return begin_[i]; }
  T& back() { return end_[-1]; }
  const T& back() const { return end_[-1]; }
  T& front() { return *begin_; }
  const T& front() const { return *begin_; }

  void reserve(size_t n) {
    if (n > capacity()) reallocate(n);
  }
  /// Grows or shrinks to n elements; new elements are left uninitialised.
  void resize(size_t n) {
    reserve(n);
    end_ = begin_ + n;
  }
  void resizeFill(size_t n, const T& value = T()) {
    size_t old = size();
    resize(n);
    if (n > old) std::fill(begin_ + old, end_, value);
  }
  void clear() { end_ = begin_; }
  void shrinkToFit() {
    if (empty()) {
      deallocate();
    } else if (size() < capacity()) {
      reallocate(size());
    }
  }

  void push_back(const T& value) {
    if (end_ == cap_) grow(size() + 1);
    *end_++ = value;
  }
  template <typename... Args>
  T& emplace_back(Args&&... args) {
    if (end_ == cap_) grow(size() + 1);
    new (end_) T(std::forward<Args>(args)...);
    return *end_++;
  }
  void pop_back() { --end_; }

  template <typename It>
  void insert(It from, It to) {
    size_t n = size_t(std::distance(from, to));
    if (n == 0) return;
    if (size() + n > capacity()) grow(size() + n);
    if constexpr (std::is_pointer_v<It> && std::is_same_v<std::remove_cv_t<std::remove_pointer_t<It>>, T>) {
      std::memcpy(static_cast<void*>(end_), from, n * sizeof(T));
      end_ += n;
    } else {
      for (; from != to; ++from) *end_++ = *from;
    }
  }
  template <typename It>
  void assign(It from, It to) {
    clear();
    insert(from, to);
  }
  void erase(T* from, T* to) {
    std::memmove(static_cast<void*>(from), to, size_t(end_ - to) * sizeof(T));
    end_ -= (to - from);
  }

  void swap(PODArray& other) noexcept {
    std::swap(begin_, other.begin_);
    std::swap(end_, other.end_);
    std::swap(cap_, other.cap_);
  }

  bool operator==(const PODArray& other) const {
    return size() == other.size() && std::equal(begin_, end_, other.begin_);
  }

 private:
  static constexpr size_t kInitialBytes = 256;

  void grow(size_t min_size) {
    size_t next = std::max<size_t>(capacity() * 2, std::max<size_t>(kInitialBytes / sizeof(T), 1));
    reallocate(std::max(next, min_size));
  }

  void reallocate(size_t n) {
    size_t old_bytes = capacity() * sizeof(T);
    size_t new_bytes = n * sizeof(T);
    current_memory::alloc(new_bytes);
    size_t count = size();
    void* memory = std::realloc(static_cast<void*>(begin_), new_bytes);
    if (!memory) {
      current_memory::free(new_bytes);
      throw std::bad_alloc();
    }
    current_memory::free(old_bytes);
    begin_ = static_cast<T*>(memory);
    end_ = begin_ + std::min(count, n);
    cap_ = begin_ + n;
  }

  void deallocate() {
    if (begin_) {
      current_memory::free(capacity() * sizeof(T));
      std::free(static_cast<void*>(begin_));
    }
    begin_ = end_ = cap_ = nullptr;
  }

  T* begin_ = nullptr;
  T* end_ = nullptr;
  T* cap_ = nullptr;
};

}  // namespace tally

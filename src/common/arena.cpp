#include "common/arena.h"

#include <algorithm>
#include <cstdlib>
#include <new>

#include "common/memory_tracker.h"

namespace tally {

Arena::~Arena() {
  for (char* chunk : chunks_) std::free(chunk);
  current_memory::free(allocated_);
}

void Arena::addChunk(size_t min_size) {
  size_t size = std::max(next_chunk_size_, min_size);
  current_memory::alloc(size);
  char* chunk = static_cast<char*>(std::malloc(size));
  if (!chunk) {
    current_memory::free(size);
    throw std::bad_alloc();
  }
  chunks_.push_back(chunk);
  allocated_ += size;
  pos_ = chunk;
  end_ = chunk + size;
  // Grow geometrically up to 128 MiB per chunk.
  next_chunk_size_ = std::min<size_t>(next_chunk_size_ * 2, size_t(128) << 20);
}

}  // namespace tally

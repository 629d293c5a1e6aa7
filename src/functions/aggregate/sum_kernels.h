#pragma once
// Summation loops shared by sum and avg. Integers are summed with wrap-around (as ClickHouse
// does) in unsigned arithmetic, which the compiler vectorises; floats are added one after
// another in row order, which keeps results bit-identical to ClickHouse's.

#include <cstddef>
#include <cstdint>
#include <type_traits>

namespace tally {

template <typename Acc>
using SumWorkType = std::conditional_t<std::is_integral_v<Acc>, std::make_unsigned_t<Acc>, Acc>;

/// acc + x[0] + ... + x[n-1].
template <typename Acc, typename T>
inline Acc sumValues(const T* __restrict x, size_t n, Acc acc) {
  if constexpr (std::is_floating_point_v<Acc>) {
    for (size_t i = 0; i < n; ++i) acc += Acc(x[i]);
    return acc;
  } else {
    SumWorkType<Acc> s = 0;
    for (size_t i = 0; i < n; ++i) s += SumWorkType<Acc>(Acc(x[i]));
    return Acc(SumWorkType<Acc>(acc) + s);
  }
}

/// acc + the x[i] with filter[i] != 0.
template <typename Acc, typename T>
inline Acc sumValuesFiltered(const T* __restrict x, const uint8_t* __restrict filter, size_t n, Acc acc) {
  if constexpr (std::is_floating_point_v<Acc>) {
    for (size_t i = 0; i < n; ++i)
      if (filter[i]) acc += Acc(x[i]);
    return acc;
  } else {
    SumWorkType<Acc> s = 0;
    for (size_t i = 0; i < n; ++i) s += filter[i] ? SumWorkType<Acc>(Acc(x[i])) : SumWorkType<Acc>(0);
    return Acc(SumWorkType<Acc>(acc) + s);
  }
}

/// a + b with wrap-around for integers.
template <typename Acc>
inline Acc addWrapping(Acc a, Acc b) {
  if constexpr (std::is_integral_v<Acc>)
    return Acc(SumWorkType<Acc>(a) + SumWorkType<Acc>(b));
  else
    return a + b;
}

}  // namespace tally

#include "storage/merge_tree/merging_mode.h"

#include <algorithm>

#include "columns/column_const.h"
#include "columns/column_low_cardinality.h"
#include "columns/column_vector.h"
#include "common/arena.h"
#include "common/exception.h"
#include "functions/aggregate/column_aggregate_function.h"
#include "functions/aggregate/data_type_aggregate_function.h"

namespace tally {

std::string MergingMode::engineName() const {
  switch (kind) {
    case Kind::Ordinary: return "MergeTree";
    case Kind::Summing: return "SummingMergeTree";
    case Kind::Aggregating: return "AggregatingMergeTree";
    case Kind::Replacing: return "ReplacingMergeTree";
    case Kind::Collapsing: return "CollapsingMergeTree";
  }
  return "MergeTree";
}

namespace {

const ColumnWithTypeAndName& columnByName(const Block& block, const std::string& name) {
  int pos = block.position(name);
  if (pos < 0) throw Exception(ErrorCodes::NOT_FOUND_COLUMN_IN_BLOCK, "Not found column {} in block", name);
  return block.at(size_t(pos));
}

/// changed[i] |= (row i of `col` differs from row i - 1), column by column: codes for
/// LowCardinality (its dictionary holds each value once), values for integers, compareAt else.
template <typename T>
bool markIntegerChanges(const Column& col, std::vector<uint8_t>& changed) {
  const auto* v = dynamic_cast<const ColumnVector<T>*>(&col);
  if (!v) return false;
  const auto& d = v->getData();
  for (size_t i = 1; i < d.size(); ++i) changed[i] |= uint8_t(d[i] != d[i - 1]);
  return true;
}

void markChanges(const Column& col, std::vector<uint8_t>& changed) {
  if (const auto* lc = dynamic_cast<const ColumnLowCardinality*>(&col)) {
    lc->visitIndexes([&](const auto& codes) {
      for (size_t i = 1; i < codes.size(); ++i) changed[i] |= uint8_t(codes[i] != codes[i - 1]);
    });
    return;
  }
  if (markIntegerChanges<uint8_t>(col, changed) || markIntegerChanges<uint16_t>(col, changed) ||
      markIntegerChanges<uint32_t>(col, changed) || markIntegerChanges<uint64_t>(col, changed) ||
      markIntegerChanges<int8_t>(col, changed) || markIntegerChanges<int16_t>(col, changed) ||
      markIntegerChanges<int32_t>(col, changed) || markIntegerChanges<int64_t>(col, changed))
    return;
  for (size_t i = 1; i < col.size(); ++i)
    if (!changed[i]) changed[i] = uint8_t(col.compareAt(i, i - 1, col, 1) != 0);
}

/// Start row of each run of equal keys, plus block.rows() at the end.
std::vector<size_t> groupStarts(const Block& block, const std::vector<std::string>& key) {
  size_t rows = block.rows();
  std::vector<uint8_t> changed(rows, 0);
  for (const auto& k : key) {
    ColumnPtr holder = materialize(columnByName(block, k).column);
    markChanges(*holder, changed);
  }
  std::vector<size_t> starts;
  starts.reserve(rows / 2 + 2);
  for (size_t i = 0; i < rows; ++i)
    if (i == 0 || changed[i]) starts.push_back(i);
  starts.push_back(rows);
  return starts;
}

template <typename T>
bool sumGroups(const Column& src, const std::vector<size_t>& starts, MutableColumnPtr& out, std::vector<uint8_t>& nonzero) {
  const auto* v = dynamic_cast<const ColumnVector<T>*>(&src);
  if (!v) return false;
  const auto& data = v->getData();
  auto res = ColumnVector<T>::create(starts.size() - 1);
  auto& dst = res->getData();
  for (size_t g = 0; g + 1 < starts.size(); ++g) {
    T s{};
    for (size_t i = starts[g]; i < starts[g + 1]; ++i) s = T(s + data[i]);
    dst[g] = s;
    if (s != T{}) nonzero[g] = 1;
  }
  out = std::move(res);
  return true;
}

bool sumColumn(const Column& src, const std::vector<size_t>& starts, MutableColumnPtr& out, std::vector<uint8_t>& nonzero) {
  return sumGroups<UInt8>(src, starts, out, nonzero) || sumGroups<UInt16>(src, starts, out, nonzero) ||
         sumGroups<UInt32>(src, starts, out, nonzero) || sumGroups<UInt64>(src, starts, out, nonzero) ||
         sumGroups<Int8>(src, starts, out, nonzero) || sumGroups<Int16>(src, starts, out, nonzero) ||
         sumGroups<Int32>(src, starts, out, nonzero) || sumGroups<Int64>(src, starts, out, nonzero) ||
         sumGroups<Float32>(src, starts, out, nonzero) || sumGroups<Float64>(src, starts, out, nonzero);
}

bool isSummableType(const DataType& type) {
  if (dynamic_cast<const DataTypeSimpleAggregateFunction*>(&type)) return false;
  switch (type.typeId()) {
    case TypeIndex::UInt8: case TypeIndex::UInt16: case TypeIndex::UInt32: case TypeIndex::UInt64:
    case TypeIndex::Int8: case TypeIndex::Int16: case TypeIndex::Int32: case TypeIndex::Int64:
    case TypeIndex::Float32: case TypeIndex::Float64:
      return true;
    default:
      return false;
  }
}

/// Merges the states of each group into one.
ColumnPtr mergeStates(const ColumnAggregateFunction& src, const std::vector<size_t>& starts) {
  auto out = ColumnAggregateFunction::create(src.getFunction());
  const auto& f = *src.getFunction();
  for (size_t g = 0; g + 1 < starts.size(); ++g) {
    AggregateDataPtr place = out->insertEmptyState();
    for (size_t i = starts[g]; i < starts[g + 1]; ++i) f.merge(place, src.getData()[i], &out->arena());
  }
  return out;
}

/// SimpleAggregateFunction(f, T): f over each group's values.
ColumnPtr aggregateSimple(const DataTypeSimpleAggregateFunction& type, const Column& src, const std::vector<size_t>& starts) {
  const auto& f = *type.getFunction();
  MutableColumnPtr out = type.createColumn();
  Arena arena;
  const Column* args[1] = {&src};
  std::vector<char> storage(f.sizeOfData() + f.alignOfData());
  auto place = reinterpret_cast<AggregateDataPtr>((reinterpret_cast<uintptr_t>(storage.data()) + f.alignOfData() - 1) &
                                                  ~(uintptr_t(f.alignOfData()) - 1));
  for (size_t g = 0; g + 1 < starts.size(); ++g) {
    f.create(place);
    try {
      f.addRange(starts[g], starts[g + 1], place, args, &arena);
      f.insertResultInto(place, *out, &arena);
    } catch (...) {
      f.destroy(place);
      throw;
    }
    f.destroy(place);
  }
  return out;
}

Block takeRows(const Block& block, const Permutation& rows) {
  Block out;
  for (const auto& c : block) out.insert({materialize(c.column)->permute(rows, rows.size()), c.type, c.name});
  out.setRows(rows.size());
  return out;
}

}  // namespace

Block applyMergingMode(const Block& block, const std::vector<std::string>& key, const MergingMode& mode, bool for_final) {
  if (mode.kind == MergingMode::Kind::Ordinary || block.rows() == 0) return block;
  std::vector<size_t> starts = groupStarts(block, key);
  size_t groups = starts.size() - 1;
  auto in_key = [&](const std::string& n) { return std::find(key.begin(), key.end(), n) != key.end(); };

  switch (mode.kind) {
    case MergingMode::Kind::Ordinary: return block;
    case MergingMode::Kind::Replacing: {
      Permutation keep;
      keep.reserve(groups);
      const Column* version = mode.version_column.empty() ? nullptr : columnByName(block, mode.version_column).column.get();
      ColumnPtr version_holder = version ? materialize(columnByName(block, mode.version_column).column) : nullptr;
      for (size_t g = 0; g < groups; ++g) {
        size_t best = starts[g];
        for (size_t i = starts[g] + 1; i < starts[g + 1]; ++i)
          if (!version_holder || version_holder->compareAt(i, best, *version_holder, 1) >= 0) best = i;
        keep.push_back(best);
      }
      return takeRows(block, keep);
    }
    case MergingMode::Kind::Collapsing: {
      ColumnPtr sign = materialize(columnByName(block, mode.sign_column).column);
      Permutation keep;
      for (size_t g = 0; g < groups; ++g) {
        size_t positives = 0, negatives = 0, first_negative = SIZE_MAX, last_positive = SIZE_MAX;
        for (size_t i = starts[g]; i < starts[g + 1]; ++i) {
          if (sign->getInt(i) > 0) {
            ++positives;
            last_positive = i;
          } else {
            ++negatives;
            if (first_negative == SIZE_MAX) first_negative = i;
          }
        }
        bool last_is_positive = sign->getInt(starts[g + 1] - 1) > 0;
        if (positives == negatives) {
          if (last_is_positive) {
            if (!for_final) keep.push_back(first_negative);
            keep.push_back(last_positive);
          }
        } else if (positives > negatives) {
          keep.push_back(last_positive);
        } else if (!for_final) {
          keep.push_back(first_negative);
        }
      }
      return takeRows(block, keep);
    }
    case MergingMode::Kind::Summing:
    case MergingMode::Kind::Aggregating: {
      Permutation first_rows(groups);
      for (size_t g = 0; g < groups; ++g) first_rows[g] = starts[g];
      std::vector<uint8_t> nonzero(groups, 0);
      bool any_summed = false;
      Block out;
      for (const auto& c : block) {
        ColumnPtr col = materialize(c.column);
        ColumnPtr result;
        if (!in_key(c.name)) {
          if (col->kind() == ColumnKind::AggregateFunction) {
            result = mergeStates(static_cast<const ColumnAggregateFunction&>(*col), starts);
          } else if (const auto* simple = dynamic_cast<const DataTypeSimpleAggregateFunction*>(c.type.get())) {
            result = aggregateSimple(*simple, *col, starts);
          } else if (mode.kind == MergingMode::Kind::Summing && isSummableType(*c.type) &&
                     (mode.columns_to_sum.empty() ||
                      std::find(mode.columns_to_sum.begin(), mode.columns_to_sum.end(), c.name) != mode.columns_to_sum.end())) {
            MutableColumnPtr summed;
            if (sumColumn(*col, starts, summed, nonzero)) {
              result = std::move(summed);
              any_summed = true;
            }
          }
        }
        if (!result) result = groups == col->size() ? col : col->permute(first_rows, groups);
        out.insert({result, c.type, c.name});
      }
      out.setRows(groups);
      // SummingMergeTree drops rows whose summed columns are all zero.
      if (mode.kind == MergingMode::Kind::Summing && any_summed &&
          std::find(nonzero.begin(), nonzero.end(), 0) != nonzero.end()) {
        Permutation keep;
        for (size_t g = 0; g < groups; ++g)
          if (nonzero[g]) keep.push_back(g);
        return takeRows(out, keep);
      }
      return out;
    }
  }
  return block;
}

}  // namespace tally

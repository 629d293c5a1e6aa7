#include "functions/column_function.h"

#include "common/exception.h"

namespace tally {

void ColumnFunction::unsupported() {
  throw Exception(ErrorCodes::ILLEGAL_COLUMN, "A lambda function is not a value: it can only be an argument of a "
                                              "higher-order function such as arrayMap");
}

}  // namespace tally

#include "common/exception.h"

#include <new>

namespace tally {

std::string_view errorCodeName(int code) {
  switch (code) {
#define M(NUMBER, NAME) \
  case NUMBER:          \
    return #NAME;
#include "common/error_codes.list"
#undef M
    default:
      return {};
  }
}

std::string Exception::displayText() const {
  std::string text = fmt::format("Code: {}. DB::Exception: {}", code_, message_);
  std::string_view name = errorCodeName(code_);
  if (!name.empty()) {
    if (!text.empty() && text.back() != '.') text += '.';
    text += fmt::format(" ({})", name);
  }
  return text;
}

Exception currentException() {
  try {
    throw;
  } catch (const Exception& e) {
    return e;
  } catch (const std::bad_alloc&) {
    return Exception(ErrorCodes::MEMORY_LIMIT_EXCEEDED, "Cannot allocate memory: std::bad_alloc");
  } catch (const std::exception& e) {
    return Exception(ErrorCodes::STD_EXCEPTION, std::string("std::exception: ") + e.what());
  } catch (...) {
    return Exception(ErrorCodes::UNKNOWN_EXCEPTION, "Unknown exception");
  }
}

}  // namespace tally

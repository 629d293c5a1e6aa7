#pragma once
// One error model for the whole engine: an exception carrying a ClickHouse error code.
// Codes and names come from error_codes.list; the text form matches ClickHouse's:
//   Code: 62. DB::Exception: Syntax error: .... (SYNTAX_ERROR)

#include <exception>
#include <string>
#include <string_view>

#include <fmt/format.h>

namespace tally {

namespace ErrorCodes {
enum : int {
#define M(NUMBER, NAME) NAME = NUMBER,
#include "common/error_codes.list"
#undef M
};
}  // namespace ErrorCodes

/// Returns the ClickHouse name of an error code ("SYNTAX_ERROR"), or "" when unknown.
std::string_view errorCodeName(int code);

class Exception : public std::exception {
 public:
  Exception(int code, std::string message) : code_(code), message_(std::move(message)) {}

  template <typename... Args>
  Exception(int code, fmt::format_string<Args...> format, Args&&... args)
      : code_(code), message_(fmt::format(format, std::forward<Args>(args)...)) {}

  int code() const noexcept { return code_; }
  const std::string& message() const noexcept { return message_; }
  const char* what() const noexcept override { return message_.c_str(); }

  /// Appends context, e.g. ": while executing function plus".
  void addMessage(std::string_view text) {
    message_ += text;
  }

  /// "Code: N. DB::Exception: <message>. (NAME)" — the form clients parse.
  std::string displayText() const;

 private:
  int code_;
  std::string message_;
};

/// Converts any in-flight exception into a tally Exception (std::bad_alloc becomes
/// MEMORY_LIMIT_EXCEEDED, other std exceptions STD_EXCEPTION).
Exception currentException();

}  // namespace tally

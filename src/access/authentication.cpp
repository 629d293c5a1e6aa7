#include "access/authentication.h"

#include <cstdint>
#include <random>

#include "common/exception.h"
#include "functions/hash/message_digests.h"
#include "parser/format_helpers.h"

namespace tally {

namespace {

std::string toHex(const uint8_t* data, size_t size, bool upper) {
  const char* digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  std::string s;
  s.reserve(size * 2);
  for (size_t i = 0; i < size; ++i) {
    s += digits[data[i] >> 4];
    s += digits[data[i] & 15];
  }
  return s;
}

/// Lower-cased `hex` after checking it has `digits` hex digits; throws BAD_ARGUMENTS.
std::string checkedHex(std::string_view hex, size_t digits, std::string_view what) {
  std::string s;
  for (char c : hex) {
    if (!isxdigit(static_cast<unsigned char>(c)))
      throw Exception(ErrorCodes::BAD_ARGUMENTS, "{} must be a hexadecimal string", what);
    s += char(tolower(static_cast<unsigned char>(c)));
  }
  if (s.size() != digits)
    throw Exception(ErrorCodes::BAD_ARGUMENTS, "{} must be {} hexadecimal digits, got {}", what, digits, s.size());
  return s;
}

bool constantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

}  // namespace

std::string sha256Hex(std::string_view data) {
  uint8_t out[32];
  digest::sha256(data.data(), data.size(), out);
  return toHex(out, 32, false);
}

std::string doubleSha1Hex(std::string_view data) {
  uint8_t first[20], second[20];
  digest::sha1(data.data(), data.size(), first);
  digest::sha1(reinterpret_cast<const char*>(first), 20, second);
  return toHex(second, 20, false);
}

std::string randomSalt() {
  static thread_local std::random_device device;
  uint8_t bytes[32];
  for (size_t i = 0; i < 32; i += 4) {
    uint32_t r = device();
    for (size_t j = 0; j < 4; ++j) bytes[i + j] = uint8_t(r >> (8 * j));
  }
  return toHex(bytes, 32, true);
}

AuthenticationData AuthenticationData::fromSpec(std::string_view method, std::string_view value, std::string_view salt) {
  AuthenticationData a;
  if (method == "no_password") return a;
  if (method == "plaintext_password" || method == "sha256_password") {
    a.type = Type::Sha256;
    a.salt = randomSalt();
    a.hash_hex = sha256Hex(std::string(value) + a.salt);
  } else if (method == "sha256_hash") {
    a.type = Type::Sha256;
    a.hash_hex = checkedHex(value, 64, "Password hash for the 'SHA256_PASSWORD' authentication type");
    a.salt = salt;
  } else if (method == "double_sha1_password") {
    a.type = Type::DoubleSha1;
    a.hash_hex = doubleSha1Hex(value);
  } else if (method == "double_sha1_hash") {
    a.type = Type::DoubleSha1;
    a.hash_hex = checkedHex(value, 40, "Password hash for the 'DOUBLE_SHA1_PASSWORD' authentication type");
  } else {
    throw Exception(ErrorCodes::BAD_ARGUMENTS, "Unknown authentication type {}", method);
  }
  return a;
}

AuthenticationData AuthenticationData::fromHex(std::string_view sha256_hex, std::string_view double_sha1_hex) {
  if (!sha256_hex.empty() && !double_sha1_hex.empty())
    throw Exception(ErrorCodes::BAD_ARGUMENTS, "More than one field of 'password_sha256_hex', 'password_double_sha1_hex' is used to specify authentication info");
  if (!sha256_hex.empty()) return fromSpec("sha256_hash", sha256_hex, "");
  if (!double_sha1_hex.empty()) return fromSpec("double_sha1_hash", double_sha1_hex, "");
  return {};
}

bool AuthenticationData::verify(std::string_view password) const {
  switch (type) {
    case Type::NoPassword: return password.empty();
    case Type::Sha256: return constantTimeEquals(sha256Hex(std::string(password) + salt), hash_hex);
    case Type::DoubleSha1: return constantTimeEquals(doubleSha1Hex(password), hash_hex);
  }
  return false;
}

std::string AuthenticationData::typeName() const {
  switch (type) {
    case Type::NoPassword: return "no_password";
    case Type::Sha256: return "sha256_password";
    case Type::DoubleSha1: return "double_sha1_password";
  }
  return {};
}

std::string AuthenticationData::toSQL() const {
  switch (type) {
    case Type::NoPassword: return "IDENTIFIED WITH no_password";
    case Type::Sha256: {
      std::string s = "IDENTIFIED WITH sha256_hash BY " + quoteString(hash_hex);
      if (!salt.empty()) s += " SALT " + quoteString(salt);
      return s;
    }
    case Type::DoubleSha1: return "IDENTIFIED WITH double_sha1_hash BY " + quoteString(hash_hex);
  }
  return {};
}

}  // namespace tally

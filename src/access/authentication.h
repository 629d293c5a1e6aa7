#pragma once
// How a user proves who they are: no password, SHA-256 of password + salt, or SHA-1 of the
// SHA-1 of the password (MySQL's scheme). Only hashes are kept: a password given in plain text
// (sha256_password, plaintext_password, double_sha1_password) is hashed at once, so neither the
// store nor its files ever hold it.

#include <string>
#include <string_view>

namespace tally {

struct AuthenticationData {
  enum class Type { NoPassword, Sha256, DoubleSha1 };
  Type type = Type::NoPassword;
  std::string hash_hex;  // lower-case hex: 64 digits (SHA-256) or 40 (double SHA-1)
  std::string salt;      // SHA-256 only; may be empty

  /// From `IDENTIFIED WITH <method> BY 'value' [SALT 'salt']`: methods no_password,
  /// plaintext_password and sha256_password (password hashed with a fresh random salt),
  /// double_sha1_password, sha256_hash and double_sha1_hash (the hash itself, checked as hex).
  /// Throws BAD_ARGUMENTS for a malformed hash, UNKNOWN_... never (the parser checked the method).
  static AuthenticationData fromSpec(std::string_view method, std::string_view value, std::string_view salt);
  /// From a users file: password_sha256_hex / password_double_sha1_hex (either may be empty).
  static AuthenticationData fromHex(std::string_view sha256_hex, std::string_view double_sha1_hex);

  /// Constant-time check of `password`.
  bool verify(std::string_view password) const;

  /// ClickHouse's name of the method: no_password, sha256_password, double_sha1_password.
  std::string typeName() const;
  /// The clause SHOW CREATE USER prints: `IDENTIFIED WITH sha256_hash BY '…' SALT '…'`, or
  /// `IDENTIFIED WITH no_password`.
  std::string toSQL() const;
};

/// Lower-case hex of SHA-256(data) and of SHA-1(SHA-1(data)).
std::string sha256Hex(std::string_view data);
std::string doubleSha1Hex(std::string_view data);
/// A fresh random salt: 32 random bytes as 64 upper-case hex digits (ClickHouse's form).
std::string randomSalt();

}  // namespace tally

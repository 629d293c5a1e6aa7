// MD5, SHA1, SHA224, SHA256, SHA384, SHA512: digests of a String/FixedString as FixedString(N).

#include "functions/function_factory.h"
#include "functions/hash/message_digests.h"
#include "functions/string/string_rows.h"
#include "types/data_type_string.h"

namespace tally {

namespace digest_functions {

FunctionDocumentation makeDoc(const char* description, const char* syntax, const char* category) {
  FunctionDocumentation d;
  d.description = description;
  d.syntax = syntax;
  d.category = category;
  return d;
}

using DigestFn = void (*)(const char*, size_t, uint8_t*);

class FunctionDigest final : public IFunction {
 public:
  FunctionDigest(std::string name, DigestFn fn, size_t length) : name_(std::move(name)), fn_(fn), length_(length) {}
  std::string getName() const override { return name_; }
  size_t getNumberOfArguments() const override { return 1; }
  DataTypePtr getReturnType(const ColumnsWithTypeAndName& args) const override {
    if (!isStringLike(args[0].type)) throwIllegalType(name_, 0, args[0].type);
    return std::make_shared<DataTypeFixedString>(length_);
  }
  ColumnPtr execute(const ColumnsWithTypeAndName& args, const DataTypePtr&, size_t rows) const override {
    auto res = ColumnFixedString::create(length_);
    res->getChars().resize(rows * length_);
    auto* out = reinterpret_cast<uint8_t*>(res->getChars().data());
    visitStringRows(*args[0].column, name_, [&](const auto& src) {
      for (size_t i = 0; i < rows; ++i) {
        std::string_view s = src[i];
        fn_(s.data(), s.size(), out + i * length_);
      }
    });
    return res;
  }

 private:
  std::string name_;
  DigestFn fn_;
  size_t length_;
};

void add(FunctionFactory& factory, const char* name, DigestFn fn, size_t length, const char* description) {
  std::string n = name;
  factory.registerFunction(
      n, [n, fn, length](const FunctionContext&) { return std::make_shared<FunctionDigest>(n, fn, length); },
      makeDoc(description, (n + "(s)").c_str(), "Hash"));
}

}  // namespace digest_functions

REGISTER_FUNCTION(DigestFunctions) {
  using namespace digest_functions;
  add(factory, "MD5", digest::md5, 16, "MD5 digest as FixedString(16).");
  add(factory, "SHA1", digest::sha1, 20, "SHA-1 digest as FixedString(20).");
  add(factory, "SHA224", digest::sha224, 28, "SHA-224 digest as FixedString(28).");
  add(factory, "SHA256", digest::sha256, 32, "SHA-256 digest as FixedString(32).");
  add(factory, "SHA384", digest::sha384, 48, "SHA-384 digest as FixedString(48).");
  add(factory, "SHA512", digest::sha512, 64, "SHA-512 digest as FixedString(64).");
}

}  // namespace tally

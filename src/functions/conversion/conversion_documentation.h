#pragma once
// The FunctionDocumentation entry the functions of this folder register with.

#include <string>

#include "functions/function_factory.h"

namespace tally {

inline FunctionDocumentation conversionDocumentation(std::string description, std::string syntax,
                                                     std::string category = "Type Conversion") {
  FunctionDocumentation doc;
  doc.description = std::move(description);
  doc.syntax = std::move(syntax);
  doc.category = std::move(category);
  return doc;
}

}  // namespace tally

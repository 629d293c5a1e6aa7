#pragma once
// Generic traversal of AST nodes: calls fn on every direct child slot (so fn may replace it).

#include <functional>

#include "parser/ast.h"

namespace tally {

void forEachChild(IAST& ast, const std::function<void(ASTPtr&)>& fn);

}  // namespace tally

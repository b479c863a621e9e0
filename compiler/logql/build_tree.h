// The syntax tree (ast.h) of an ANTLR parse tree, with the checks Loki's
// parser makes while it reduces (the mustNew* constructors of ast.go): a
// log query where a metric one must be, parameters an aggregation does not
// take, unwrap where a range aggregation refuses or needs it, number texts
// Go does not read, regexes that do not compile. Loki stops at the first,
// and so does Build: it throws BuildError.
#ifndef MONC_COMPILER_LOGQL_BUILD_TREE_H_
#define MONC_COMPILER_LOGQL_BUILD_TREE_H_

#include "antlr4-runtime.h"
#include "compiler/logql/ast.h"
#include "compiler/logql/logql.h"
#include "compiler/logql/token_source.h"
#include "grammar/LogQLParser.h"

namespace monc::logql {

struct BuildError {
  Error error;
};

// Builds the tree of `root`; throws BuildError.
ExprPtr BuildTree(monc_logql_grammar::LogQLParser::RootContext* root,
                  antlr4::TokenStream& tokens, const TokenSource& source);

}  // namespace monc::logql

#endif  // MONC_COMPILER_LOGQL_BUILD_TREE_H_

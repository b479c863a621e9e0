// PromQL as Prometheus 2.42's parser (promql/parser/generated_parser.y)
// reads it; the tokens are PromQLLexer.g4's.
//
// Operator precedence, tightest first (the order of the `expr` alternatives):
// the postfix modifiers `[range]`, `[range:step]`, `offset` and `@`; `^`
// (right associative); unary `+`/`-` (so `-2^2` is -(2^2) and `-a*b` is
// (-a)*b, as Prometheus's `unary_expr %prec MUL`); `* / % atan2`; `+ -`;
// comparisons; `and unless`; `or`.
//
// Some of what Prometheus refuses is accepted here and reported while the
// syntax tree is built (compiler/promql/build_tree.cc): a trailing comma in
// arguments, a range on something other than a selector, a second offset.
parser grammar PromQLParser;

options { tokenVocab = PromQLLexer; }

expression : expr EOF ;

expr
  : expr LEFT_BRACKET range=DURATION (COLON step=DURATION?)? RIGHT_BRACKET # rangeOrSubquery
  | expr OFFSET SUB? DURATION                                              # offset
  | expr AT atTime                                                         # at
  | <assoc=right> expr op=POW binModifiers expr                            # binary
  | op=(ADD | SUB) expr                                                    # unary
  | expr op=(MUL | DIV | MOD | ATAN2) binModifiers expr                    # binary
  | expr op=(ADD | SUB) binModifiers expr                                  # binary
  | expr op=(EQLC | NEQ | LTE | LSS | GTE | GTR) binModifiers expr         # binary
  | expr op=(LAND | LUNLESS) binModifiers expr                             # binary
  | expr op=LOR binModifiers expr                                          # binary
  | AGGREGATE_OP (grouping args | args grouping?)                          # aggregate
  | IDENTIFIER args                                                        # call
  | metricName labelMatchers?                                              # selector
  | labelMatchers                                                          # selector
  | NUMBER                                                                 # number
  | STRING                                                                 # string
  | LEFT_PAREN expr RIGHT_PAREN                                            # paren
  ;

args : LEFT_PAREN (expr (COMMA expr?)*)? RIGHT_PAREN ;

grouping : (BY | WITHOUT) labels ;

binModifiers : BOOL? ((ON | IGNORING) labels ((GROUP_LEFT | GROUP_RIGHT) labels?)?)? ;

labels : LABELS_PAREN (labelName (COMMA labelName)* COMMA?)? RIGHT_PAREN ;

// The keywords Prometheus accepts as label names in grouping lists.
labelName
  : IDENTIFIER | AGGREGATE_OP | LAND | LOR | LUNLESS | ATAN2 | BOOL | BY | ON
  | IGNORING | GROUP_LEFT | GROUP_RIGHT | OFFSET | START | END
  ;

// The keywords Prometheus accepts as metric names.
metricName
  : IDENTIFIER | METRIC_IDENTIFIER | AGGREGATE_OP | LAND | LOR | LUNLESS | BY
  | WITHOUT | OFFSET | START | END
  ;

labelMatchers : LEFT_BRACE (labelMatcher (COMMA labelMatcher)* COMMA?)? RIGHT_BRACE ;

labelMatcher : LABEL_NAME op=(EQL | NEQ | EQL_REGEX | NEQ_REGEX) STRING ;

atTime : sign=(ADD | SUB)? NUMBER | (START | END) LEFT_PAREN RIGHT_PAREN ;

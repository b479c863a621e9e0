// The tokens of PromQL as Prometheus 2.42's lexer (promql/parser/lex.go)
// reads them. Lexical modes need a grammar of their own in ANTLR4; the
// parser is PromQLParser.g4.
//
// What a context-free lexer cannot say is added by the token source
// (compiler/promql/token_source.cc), which stands where Prometheus's stateful
// lexer stands:
//   - IDENTIFIER tokens become keywords (case-insensitive), AGGREGATE_OP for
//     the aggregations of the target version, NUMBER for Inf/NaN, or
//     METRIC_IDENTIFIER when they hold a ':';
//   - between `[` and `]`, after the range, any letter or ':' is a
//     one-character COLON (Prometheus accepts `foo[5m x]` as `foo[5m:]`);
//   - the `(` after by/without/on/ignoring/group_left/group_right is
//     LABELS_PAREN, so `group_left (a)` always opens a label list, as in
//     Prometheus's LALR parser, which shifts there;
//   - the error tokens (INVALID, BAD_NUMBER, BAD_EQL_TILDE, BRACES_INVALID,
//     RANGE_INVALID), an unbalanced `)` or `]` and the end of input inside
//     (), [] or {} become Prometheus's lexer errors, which end the input.
// Number, string and duration texts are checked and decoded in C++
// (compiler/promql/lex_literals.cc).
lexer grammar PromQLLexer;

tokens {
  METRIC_IDENTIFIER, AGGREGATE_OP, LAND, LOR, LUNLESS, ATAN2, BOOL, BY, WITHOUT,
  ON, IGNORING, GROUP_LEFT, GROUP_RIGHT, OFFSET, START, END, LABELS_PAREN, COLON
}

WHITESPACE : [ \t\r\n]+ -> skip ;
COMMENT    : '#' ~[\r\n]* -> skip ;

LEFT_PAREN    : '(' ;
RIGHT_PAREN   : ')' ;
LEFT_BRACE    : '{' -> pushMode(BRACES) ;
LEFT_BRACKET  : '[' -> pushMode(RANGE) ;
RIGHT_BRACKET : ']' ;
COMMA         : ',' ;
AT            : '@' ;

ADD  : '+' ;
SUB  : '-' ;
MUL  : '*' ;
DIV  : '/' ;
MOD  : '%' ;
POW  : '^' ;
EQLC : '==' ;
NEQ  : '!=' ;
LTE  : '<=' ;
LSS  : '<' ;
GTE  : '>=' ;
GTR  : '>' ;
EQL  : '=' ;

// Prometheus reads a number or a duration greedily, then refuses it when a
// letter or digit follows: BAD_NUMBER is the longer match in that case.
NUMBER     : NUMBER_BODY ;
DURATION   : NUMBER_BODY DURATION_UNITS ;
BAD_NUMBER : NUMBER_BODY [a-zA-Z0-9_]+ ;

IDENTIFIER : [a-zA-Z_:] [a-zA-Z0-9_:]* ;
STRING     : QUOTED_STRING ;

BAD_EQL_TILDE : '=~' ;
INVALID       : . ;

// What lex.go's scanNumber consumes: hex, or decimal with fraction and exponent.
fragment NUMBER_BODY
  : '0' [xX] HEX_DIGIT* ('.' HEX_DIGIT*)?
  | DIGIT+ ('.' DIGIT*)? EXPONENT?
  | '.' DIGIT+ EXPONENT?
  ;
fragment EXPONENT  : [eE] [+-]? DIGIT* ;
fragment DIGIT     : [0-9] ;
fragment HEX_DIGIT : [0-9a-fA-F] ;
// Any units in any order here; model.ParseDuration refuses bad ones later.
fragment DURATION_UNITS : [smhdwy] 's'? (DIGIT+ [smhdw] 's'?)* ;

// Escapes are checked and decoded in C++, with Prometheus's messages.
fragment QUOTED_STRING
  : '"' ('\\' . | ~["\\\n])* '"'
  | '\'' ('\\' . | ~['\\\n])* '\''
  | '`' ~'`'* '`'
  ;

// Inside `{...}`: label names are never keywords.
mode BRACES;
BRACES_WHITESPACE : [ \t\r\n]+ -> skip ;
BRACES_COMMENT    : '#' ~[\r\n]* -> skip ;
LABEL_NAME        : [a-zA-Z_] [a-zA-Z0-9_]* ;
BRACES_STRING     : QUOTED_STRING -> type(STRING) ;
BRACES_COMMA      : ',' -> type(COMMA) ;
EQL_REGEX         : '=~' ;
NEQ_REGEX         : '!~' ;
BRACES_NEQ        : '!=' -> type(NEQ) ;
BRACES_EQL        : '=' -> type(EQL) ;
RIGHT_BRACE       : '}' -> popMode ;
BRACES_INVALID    : . ;

// Right after `[`: the range, which must be a duration. Prometheus reads it
// with scanNumber too, so the number part may be empty (`[m]`, refused later).
mode RANGE;
RANGE_WHITESPACE : [ \t\r\n]+ -> skip ;
RANGE_DURATION   : RANGE_NUMBER_BODY DURATION_UNITS -> type(DURATION), popMode ;
RANGE_INVALID    : (RANGE_NUMBER_BODY [a-zA-Z0-9_]+ | .) -> popMode ;

fragment RANGE_NUMBER_BODY
  : '0' [xX] HEX_DIGIT* ('.' HEX_DIGIT*)?
  | DIGIT* ('.' DIGIT*)? EXPONENT?
  ;

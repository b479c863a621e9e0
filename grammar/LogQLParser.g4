// LogQL as Loki's parser (pkg/logql/syntax/expr.y) reads it.
//
// There is no ANTLR lexer: Loki's lexer (lex.go over Go's text/scanner)
// decides tokens by reading ahead character by character (`5m` is a
// duration only when model.ParseDuration or time.ParseDuration takes it,
// `[5m]` is one RANGE token read raw, `rate` is a keyword only before `(`),
// which compiler/logql/token_source.cc reproduces and feeds to this parser.
// The tokens are declared in Loki's order, which orders the "expecting"
// lists of syntax errors. RANGE_OP, VECTOR_OP, CONV and PARSER_WITH_STRING
// stand for the rows of compiler/logql's tables.
//
// Binary operators, tightest first: `^` (right associative), `* / %`,
// `+ -`, comparisons, `and unless`, `or`. What Loki refuses while reducing
// (a log query as an operand, a parameter an aggregation does not take, ...)
// is accepted here and refused by compiler/logql/build_tree.cc.
parser grammar LogQLParser;

tokens {
  BYTES, IDENTIFIER, STRING, NUMBER, PARSER_FLAG, DURATION, RANGE, EQ, RE, NRE,
  NPA, OPEN_BRACE, CLOSE_BRACE, OPEN_BRACKET, CLOSE_BRACKET, COMMA, DOT,
  PIPE_MATCH, PIPE_EXACT, PIPE_PATTERN, OPEN_PARENTHESIS, CLOSE_PARENTHESIS, BY,
  WITHOUT, RANGE_OP, VECTOR_OP, BOOL, JSON, PARSER_WITH_STRING, LOGFMT, PIPE,
  LINE_FMT, LABEL_FMT, UNWRAP, CONV, VECTOR, LABEL_REPLACE, UNPACK, OFFSET, IP,
  ON, IGNORING, GROUP_LEFT, GROUP_RIGHT, DECOLORIZE, DROP, KEEP, VARIANTS, OF,
  OR, AND, UNLESS, CMP_EQ, NEQ, LT, LTE, GT, GTE, ADD, SUB, MUL, DIV, MOD, POW
}

root : expr EOF ;

expr
  : <assoc=right> expr op=POW binModifier expr                                # binary
  | expr op=(MUL | DIV | MOD) binModifier expr                                 # binary
  | expr op=(ADD | SUB) binModifier expr                                       # binary
  | expr op=(CMP_EQ | NEQ | LT | LTE | GT | GTE) binModifier expr               # binary
  | expr op=(AND | UNLESS) binModifier expr                                    # binary
  | expr op=OR binModifier expr                                                # binary
  | RANGE_OP OPEN_PARENTHESIS (param=NUMBER COMMA)? logRange CLOSE_PARENTHESIS grouping?  # rangeAggregation
  | VECTOR_OP grouping OPEN_PARENTHESIS (param=NUMBER COMMA)? expr CLOSE_PARENTHESIS      # vectorAggregation
  | VECTOR_OP OPEN_PARENTHESIS (param=NUMBER COMMA)? expr CLOSE_PARENTHESIS grouping?     # vectorAggregation
  | LABEL_REPLACE OPEN_PARENTHESIS expr COMMA STRING COMMA STRING COMMA STRING COMMA STRING CLOSE_PARENTHESIS  # labelReplace
  | VECTOR OPEN_PARENTHESIS NUMBER CLOSE_PARENTHESIS                           # vector
  | literal                                                                    # literalExpr
  | VARIANTS OPEN_PARENTHESIS expr (COMMA expr)* CLOSE_PARENTHESIS OF OPEN_PARENTHESIS expr CLOSE_PARENTHESIS  # variants
  | selector pipeline?                                                         # logSelector
  | OPEN_PARENTHESIS expr CLOSE_PARENTHESIS                                    # paren
  ;

literal : (ADD | SUB)? NUMBER ;

// Loki lists the places of `[range]`, `offset` and `| unwrap` one by one;
// these are the same set.
logRange
  : selector RANGE offset? pipeline? unwrap?
  | OPEN_PARENTHESIS selector CLOSE_PARENTHESIS RANGE offset? unwrap?
  | selector pipeline? unwrap? RANGE offset?
  | OPEN_PARENTHESIS selector pipeline? unwrap? CLOSE_PARENTHESIS RANGE offset?
  | OPEN_PARENTHESIS logRange CLOSE_PARENTHESIS
  ;

offset : OFFSET DURATION ;

unwrap
  : PIPE UNWRAP (IDENTIFIER | CONV OPEN_PARENTHESIS IDENTIFIER CLOSE_PARENTHESIS) (PIPE labelFilter)*
  ;

grouping : (BY | WITHOUT) OPEN_PARENTHESIS labels? CLOSE_PARENTHESIS ;

labels : IDENTIFIER (COMMA IDENTIFIER)* ;

binModifier
  : BOOL? ((ON | IGNORING) OPEN_PARENTHESIS labels? CLOSE_PARENTHESIS
           ((GROUP_LEFT | GROUP_RIGHT) (OPEN_PARENTHESIS include=labels? CLOSE_PARENTHESIS)?)?)?
  ;

selector : OPEN_BRACE (matcher (COMMA matcher)*)? CLOSE_BRACE ;

matcher : IDENTIFIER op=(EQ | NEQ | RE | NRE) STRING ;

pipeline : stage+ ;

stage
  : filter=(PIPE_EXACT | PIPE_MATCH | PIPE_PATTERN | NRE | NEQ | NPA) lineMatch (OR lineMatch)*  # lineFilter
  | PIPE JSON extractions?                                                    # jsonParser
  | PIPE LOGFMT PARSER_FLAG* extractions?                                     # logfmtParser
  | PIPE PARSER_WITH_STRING STRING                                            # stringParser
  | PIPE UNPACK                                                               # unpackParser
  | PIPE labelFilter                                                          # labelFilterStage
  | PIPE LINE_FMT STRING                                                      # lineFormat
  | PIPE LABEL_FMT labelFormat (COMMA labelFormat)*                           # labelFormatStage
  | PIPE (DROP | KEEP) namedLabel (COMMA namedLabel)*                         # labelList
  | PIPE DECOLORIZE                                                           # decolorize
  ;

lineMatch : STRING | IP OPEN_PARENTHESIS STRING CLOSE_PARENTHESIS ;

extractions : extraction (COMMA extraction)* ;

extraction : IDENTIFIER (EQ STRING)? ;

labelFormat : IDENTIFIER EQ (IDENTIFIER | STRING) ;

namedLabel : matcher | IDENTIFIER ;

// `a="b" c>1` is `a="b" and c>1`; `and`, `,` and juxtaposition bind
// tighter than `or`.
labelFilter
  : OPEN_PARENTHESIS labelFilter CLOSE_PARENTHESIS                            # parenFilter
  | matcher                                                                   # stringFilter
  | IDENTIFIER op=(EQ | NEQ) IP OPEN_PARENTHESIS STRING CLOSE_PARENTHESIS      # ipFilter
  | IDENTIFIER op=(GT | GTE | LT | LTE | NEQ | EQ | CMP_EQ) value=(DURATION | BYTES)  # unitFilter
  | IDENTIFIER op=(GT | GTE | LT | LTE | NEQ | EQ | CMP_EQ) literal             # numberFilter
  | labelFilter (AND | COMMA)? labelFilter                                    # andFilter
  | labelFilter OR labelFilter                                                # orFilter
  ;

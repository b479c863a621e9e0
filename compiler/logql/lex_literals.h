// Loki's readings of number, duration and bytes texts (lex.go, ast.go),
// where they differ from Prometheus's: a LogQL number is strconv.ParseFloat
// (no 0x integers), a duration is model.ParseDuration or else Go's
// time.ParseDuration, a byte size is go-humanize's ParseBytes. Strings are
// unquoted as in PromQL (compiler/promql/lex_literals.h).
#ifndef MONC_COMPILER_LOGQL_LEX_LITERALS_H_
#define MONC_COMPILER_LOGQL_LEX_LITERALS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace monc::logql {

// strconv.ParseFloat(text, 64); on failure `error` gets Go's message
// ("strconv.ParseFloat: parsing \"0x10\": invalid syntax").
std::optional<double> ParseFloat(std::string_view text, std::string* error);

// strconv.Atoi for the texts the lexer makes.
std::optional<int64_t> Atoi(std::string_view text);

// model.ParseDuration in nanoseconds ("0" and "0s" are 0); on failure
// `error` gets its message.
std::optional<int64_t> ParseModelDuration(std::string_view text, std::string* error);

// Loki's parseDuration: model.ParseDuration, else time.ParseDuration
// (which allows fractions, ns/us/µs units and a sign).
std::optional<int64_t> ParseLokiDuration(std::string_view text);

// humanize.ParseBytes: "20MB", "1.5KiB", "3 b".
std::optional<uint64_t> ParseBytes(std::string_view text);

}  // namespace monc::logql

#endif  // MONC_COMPILER_LOGQL_LEX_LITERALS_H_

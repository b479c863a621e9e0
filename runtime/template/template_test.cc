#include "runtime/template/template.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace monc::runtime {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

// The alert every case expands for: the labels, external labels, URL and
// query results of the promtool test the expected strings come from.
class TemplateTest : public ::testing::Test {
 protected:
  std::string Expand(std::string_view text, double value) {
    TemplateData data{&labels_, value};
    data.external_labels = {{"cluster", "c1"}};
    data.external_url = "http://ex.com/prom";
    data.query = [](std::string_view expr, Vector& out, std::string& error) {
      if (expr == "q") {
        out.push_back({Labels::FromMap({{"__name__", "q"}, {"job", "b"}, {"x", "2"}}), 0, 2});
        out.push_back({Labels::FromMap({{"__name__", "q"}, {"job", "a"}, {"x", "1"}}), 0, 1});
      } else if (expr == "bad(") {
        error = "1:5: parse error: unclosed left parenthesis";
        return false;
      }
      return true;
    };
    return ExpandAlertTemplate("A", text, data);
  }

  Labels labels_ = Labels::FromMap({{"__name__", "m"}, {"instance", "h.example.com:9090"}, {"job", "api"}});
};

struct Case {
  double value;
  const char* text;
  const char* want;
};

// Each expected string is what Prometheus 2.42 expanded: the templates ran
// as annotations of an alerting rule under `promtool test rules` (alert
// labels as above, the query "q" over two series), and parse errors came
// from promtool's rule loading. Query results print as Go pointers, and
// promtool's externalURL has no URL behind it: those are tested below.
constexpr Case kCases[] = {
    {1234567, R"t({{ printf "%T" $value }}|{{ printf "%T" . }}|{{ printf "%T" $labels }})t",
     R"t(float64|struct { Labels map[string]string; ExternalLabels map[string]string; ExternalURL string; Value float64 }|map[string]string)t"},
    {1234567, R"t({{ .Foo }})t",
     R"t(<error expanding template: error executing template __alert_A: template: __alert_A:1:115: executing "__alert_A" at <.Foo>: can't evaluate field Foo in type struct { Labels map[string]string; ExternalLabels map[string]string; ExternalURL string; Value float64 }>)t"},
    {1234567, R"t({{ title "hello world-foo it's foo_bar 1st élan hello.world x:y ǆa" }})t",
     R"t(Hello World-Foo It'S Foo_bar 1st Élan Hello.World X:Y ǅa)t"},
    {1234567, R"t({{ humanize true }})t",
     R"t(<error expanding template: error executing template __alert_A: template: __alert_A:1:115: executing "__alert_A" at <humanize true>: error calling humanize: can't convert bool to float>)t"},
    {1234567, R"t({{ humanize 1 }}|{{ humanize "1e3" }}|{{ humanizeDuration 90 }}|{{ humanizeDuration 0.0015 }}|{{ humanizeDuration -3700 }}|{{ humanize1024 1048576 }})t",
     R"t(1|1k|1m 30s|1.5ms|-1h 1m 40s|1Mi)t"},
    {1234567, R"t({{ humanizeTimestamp 1600000000.5 }}|{{ toTime 1600000000 }}|{{ humanizeTimestamp -1.5 }})t",
     R"t(2020-09-13 12:26:40.5 +0000 UTC|2020-09-13 12:26:40 +0000 UTC|1969-12-31 23:59:58.5 +0000 UTC)t"},
    {1234567, R"t({{ parseDuration "1h30m" }}|{{ parseDuration "1.5h" }})t",
     R"t(<error expanding template: error executing template __alert_A: template: __alert_A:1:143: executing "__alert_A" at <parseDuration "1.5h">: error calling parseDuration: not a valid duration string: "1.5h">)t"},
    {1234567, R"t({{ reReplaceAll "(" "x" "y" }})t",
     R"t(<error expanding template: error executing template __alert_A: template: __alert_A:1:115: executing "__alert_A" at <reReplaceAll "(" "x" "y">: error calling reReplaceAll: regexp: Compile(`(`): error parsing regexp: missing closing ): `(`>)t"},
    {1234567, R"t({{ match "(" "y" }})t",
     R"t(<error expanding template: error executing template __alert_A: template: __alert_A:1:115: executing "__alert_A" at <match "(" "y">: error calling match: error parsing regexp: missing closing ): `(`>)t"},
    {1234567, R"t({{ gt $value 1 }})t",
     R"t(<error expanding template: error executing template __alert_A: template: __alert_A:1:115: executing "__alert_A" at <gt $value 1>: error calling gt: incompatible types for comparison>)t"},
    {1234567, R"t({{ gt $value 1.0 }}|{{ eq "a" "b" "a" }}|{{ lt 1 2 }})t",
     R"t(true|true|true)t"},
    {1234567, R"t({{ index $labels "job" }}|{{ index $labels "nope" }}|{{ len $labels }}|{{ args 1 "a" }}|{{ (args 1).arg5 }})t",
     R"t(api||3|map[arg0:1 arg1:a]|<no value>)t"},
    {1234567, R"t({{ range query "q" }}{{ .Labels.x }}={{ .Value }};{{ end }}|{{ with query "q" | sortByLabel "x" }}{{ range . }}{{ .Labels.x }}{{ end }}{{ end }})t",
     R"t(2=2;1=1;|12)t"},
    {1234567, R"t({{ with first (query "q") }}{{ . }}|{{ label "x" . }}|{{ value . }}|{{ strvalue . }}{{ end }})t",
     R"t({map[__name__:q job:b x:2] 2}|2|2|)t"},
    {1234567, R"t({{ first (query "nothing") }})t",
     R"t(<error expanding template: error executing template __alert_A: template: __alert_A:1:115: executing "__alert_A" at <first (query "nothing")>: error calling first: first() called on vector with no elements>)t"},
    {1234567, R"t({{ stripPort "h:9090" }}|{{ stripPort "[::1]:80" }}|{{ stripPort "h" }}|{{ stripDomain "a.b.c:80" }}|{{ stripDomain "1.2.3.4:5" }}|{{ stripDomain "a.b" }}|{{ stripDomain "[::1]:5" }})t",
     R"t(h|::1|h|a:80|1.2.3.4:5|a|[::1]:5)t"},
    {1234567, R"t({{ safeHtml "<b>" }}|{{ toUpper "straße ǆ" }}|{{ toLower "ÀB" }}|{{ html "<a&'\">" }}|{{ urlquery "a b&c" }}|{{ js "a'b<\t=" }})t",
     R"t(<b>|STRAßE Ǆ|àb|&lt;a&amp;&#39;&#34;&gt;|a+b%26c|a\'b\u003C\u0009\u003D)t"},
    {1234567, R"t({{ print 1 2 "a" 3 true }}|{{ println 1 "a" }}|{{ print nil }})t",
     R"t(1 2a3 true|1 a
|<nil>)t"},
    {1234567, R"t({{ printf "%d %5.2f|%-5s|%05d|%x|%X|%q|%v|%e|%g|%s|%d" 42 3.14159 "ab" 42 255 "hi" "q\"" 1e6 123456.0 1e21 1.5 "x" }})t",
     R"t(42  3.14|ab   |00042|ff|6869|"q\""|1e+06|1.234560e+05|1e+21|%!s(float64=1.5)|%!d(string=x))t"},
    {1234567, R"t({{ printf "%d" }}|{{ printf "%d" 1 2 }}|{{ printf "%!" }}|{{ printf "%" }}|{{ printf "%z" 1 }}|{{ printf "%s" $labels }}|{{ printf "%v" $value }})t",
     R"t(%!d(MISSING)|1%!(EXTRA int=2)|%!!(MISSING)|%!(NOVERB)|%!z(int=1)|map[__name__:m instance:h.example.com:9090 job:api]|1.234567e+06)t"},
    {1234567, R"t({{ 1e6 }}|{{ 100000.0 }}|{{ 0.00001 }}|{{ 1234567.0 }}|{{ 0x10 }}|{{ 'a' }}|{{ -0.0 }}|{{ 1_000 }})t",
     R"t(1e+06|100000|1e-05|1.234567e+06|16|97|-0|1000)t"},
    {1234567, R"t({{- " trim " -}}  x  {{- /* c */ -}}  y)t",
     R"t( trim xy)t"},
    {1234567, R"t({{ if eq $labels.job "api" }}A{{ else if eq $labels.job "b" }}B{{ else }}C{{ end }}|{{ range $i, $e := query "q" }}{{ $i }}:{{ $e.Value }} {{ end }}|{{ range $k, $v := $labels }}{{ $k }}={{ $v }},{{ end }})t",
     R"t(A|0:2 1:1 |__name__=m,instance=h.example.com:9090,job=api,)t"},
    {1234567, R"t({{ not 0 }}|{{ and 1 0 }}|{{ or 0 "" "x" }}|{{ and 1 2 }}|{{ or 0 "" }}|{{ not $labels }})t",
     R"t(true|0|x|2||false)t"},
    {1234567, R"t({{ $x := 1 }}{{ $x = 2 }}{{ $x }}|{{ range query "q" }}{{ break }}{{ end }}|{{ range $labels }}{{ . }}{{ continue }}{{ end }})t",
     R"t(2||mh.example.com:9090api)t"},
    {1234567, R"t({{ index (query "q") 5 }})t",
     R"t(<error expanding template: error executing template __alert_A: template: __alert_A:1:115: executing "__alert_A" at <index (query "q") 5>: error calling index: index out of range: 5>)t"},
    {1234567, R"t({{ len 3 }})t",
     R"t(<error expanding template: error executing template __alert_A: template: __alert_A:1:115: executing "__alert_A" at <len 3>: error calling len: len of type int>)t"},
    {1234567, R"t({{ $labels.job.foo }})t",
     R"t(<error expanding template: error executing template __alert_A: template: __alert_A:1:122: executing "__alert_A" at <$labels.job.foo>: can't evaluate field foo in type string>)t"},
    {1234567, R"t({{ toUpper 1 }})t",
     R"t(<error expanding template: error executing template __alert_A: template: __alert_A:1:123: executing "__alert_A" at <1>: expected string; found 1>)t"},
    {1234567, R"t({{ toUpper $value }})t",
     R"t(<error expanding template: error executing template __alert_A: template: __alert_A:1:123: executing "__alert_A" at <$value>: wrong type for value; expected string; got float64>)t"},
    {1234567, R"t({{ label "x" "y" }})t",
     R"t(<error expanding template: error executing template __alert_A: template: __alert_A:1:125: executing "__alert_A" at <"y">: can't handle "y" for arg of type *template.sample>)t"},
    {1234567, R"t({{ humanize }})t",
     R"t(<error expanding template: error executing template __alert_A: template: __alert_A:1:115: executing "__alert_A" at <humanize>: wrong number of args for humanize: want 1 got 0>)t"},
    {1234567, R"t({{ eq $labels }})t",
     R"t(<error expanding template: error executing template __alert_A: template: __alert_A:1:115: executing "__alert_A" at <eq $labels>: error calling eq: missing argument for comparison>)t"},
    {1234567, R"t({{ lt true false }})t",
     R"t(<error expanding template: error executing template __alert_A: template: __alert_A:1:115: executing "__alert_A" at <lt true false>: error calling lt: invalid type for comparison>)t"},
    {1234567, R"t({{ .Labels.job 1 }})t",
     R"t(<error expanding template: error executing template __alert_A: template: __alert_A:1:122: executing "__alert_A" at <.Labels.job>: job is not a method but has arguments>)t"},
    {1234567, R"t({{ nil }})t",
     R"t(<error expanding template: error executing template __alert_A: template: __alert_A:1:115: executing "__alert_A" at <nil>: nil is not a command>)t"},
    {1234567, R"t({{ "a" "b" }})t",
     R"t(<error expanding template: error executing template __alert_A: template: __alert_A:1:115: executing "__alert_A" at <"a">: can't give argument to non-function "a">)t"},
    {1234567, R"t({{ sortByLabel }})t",
     R"t(<error expanding template: error executing template __alert_A: template: __alert_A:1:115: executing "__alert_A" at <sortByLabel>: wrong number of args for sortByLabel: want 2 got 0>)t"},
    {1234567, R"t({{ range 5 }}{{ end }})t",
     R"t(<error expanding template: error executing template __alert_A: template: __alert_A:1:121: executing "__alert_A" at <5>: range can't iterate over 5>)t"},
    {1234567, R"t({{ printf "%5.1f%%" 12.345 }}|{{ printf "%+d % d %+.1e" 5 5 12345.678 }}|{{ printf "%x" "héllo" }}|{{ printf "%c|%U|%q" 65 65 65 }}|{{ printf "%t %v" true false }}|{{ printf "%6.2v|%-8q|%08.3f|%+v" 3.14159 "a" -3.14159 $value }})t",
     R"t( 12.3%|+5  5 +1.2e+04|68c3a96c6c6f|A|U+0041|'A'|true false|   3.1|"a"     |-003.142|1.234567e+06)t"},
    {1234567, R"t({{ printf "%s" 1.5 }}|{{ printf "%d" 1.5 }}|{{ printf "%f" 1 }}|{{ printf "%s" true }}|{{ printf "%d" "x" }}|{{ printf "%v %v" $labels (args 1 "b") }})t",
     R"t(%!s(float64=1.5)|%!d(float64=1.5)|%!f(int=1)|%!s(bool=true)|%!d(string=x)|map[__name__:m instance:h.example.com:9090 job:api] map[arg0:1 arg1:b])t"},
    {1234567, R"t({{ $value }}|{{ humanize $value }}|{{ humanize1024 $value }}|{{ humanizeDuration $value }}|{{ humanizePercentage $value }}|{{ humanizeTimestamp $value }}|{{ printf "%.2f %v %e %g %d" $value $value $value $value $value }}|{{ if $value }}T{{ end }}|{{ gt $value 0.0 }}|{{ eq $value $value }})t",
     R"t(1.234567e+06|1.235M|1.177Mi|14d 6h 56m 7s|1.235e+08%|1970-01-15 06:56:07 +0000 UTC|1234567.00 1.234567e+06 1.234567e+06 1.234567e+06 %!d(float64=1.234567e+06)|T|true|true)t"},
    {1234567, R"t({{ toTime $value }})t",
     R"t(1970-01-15 06:56:07 +0000 UTC)t"},
    {1234567, R"t({{ humanize 0 }}|{{ humanize 1234567 }}|{{ humanize 0.0512 }}|{{ humanize -0.000001234 }}|{{ humanize 1e30 }}|{{ humanize 999.95 }}|{{ humanize 999.96 }}|{{ humanize 1e-30 }}|{{ humanize "NaN" }}|{{ humanize "-Inf" }}|{{ humanize 12345678901234567890.0 }})t",
     R"t(0|1.235M|51.2m|-1.234u|1e+06Y|1000|1000|1e-06y|NaN|-Inf|12.35E)t"},
    {1234567, R"t({{ humanize1024 1 }}|{{ humanize1024 -1 }}|{{ humanize1024 1023 }}|{{ humanize1024 1024 }}|{{ humanize1024 0.5 }}|{{ humanize1024 1e30 }}|{{ humanize1024 -5000 }})t",
     R"t(1|-1|1023|1ki|0.5|8.272e+05Yi|-4.883ki)t"},
    {1234567, R"t({{ humanizeDuration 0 }}|{{ humanizeDuration 1 }}|{{ humanizeDuration 59.99 }}|{{ humanizeDuration 60 }}|{{ humanizeDuration 3600 }}|{{ humanizeDuration 86400 }}|{{ humanizeDuration 90061.5 }}|{{ humanizeDuration 0.000001 }}|{{ humanizeDuration -0.5 }}|{{ humanizeDuration 1e-30 }}|{{ humanizeDuration "Inf" }}|{{ humanizeDuration 1e20 }})t",
     R"t(0s|1s|59.99s|1m 0s|1h 0m 0s|1d 0h 0m 0s|1d 1h 1m 1s|1us|-500ms|1e-06ys|+Inf|-106751991167300d -15h -30m -8s)t"},
    {1234567, R"t({{ humanizePercentage 0.0512 }}|{{ humanizePercentage 1 }}|{{ humanizePercentage 0 }}|{{ humanizePercentage 0.123456 }}|{{ humanizePercentage -0.5 }}|{{ humanizePercentage "0.25" }}|{{ humanizePercentage 10 }})t",
     R"t(5.12%|100%|0%|12.35%|-50%|25%|1000%)t"},
    {1234567, R"t({{ humanizeTimestamp 0 }}|{{ humanizeTimestamp 1.0001 }}|{{ humanizeTimestamp 1e10 }}|{{ humanizeTimestamp "1600000000" }}|{{ humanizeTimestamp 1e20 }})t",
     R"t(<error expanding template: error executing template __alert_A: template: __alert_A:1:172: executing "__alert_A" at <humanizeTimestamp 1e10>: error calling humanizeTimestamp: 1e+10 cannot be represented as a nanoseconds timestamp since it overflows int64>)t"},
    {1234567, R"t({{ toTime 1e20 }})t",
     R"t(<error expanding template: error executing template __alert_A: template: __alert_A:1:115: executing "__alert_A" at <toTime 1e20>: error calling toTime: 1e+20 cannot be represented as a nanoseconds timestamp since it overflows int64>)t"},
    {1234567, R"t({{ toTime "abc" }})t",
     R"t(<error expanding template: error executing template __alert_A: template: __alert_A:1:115: executing "__alert_A" at <toTime "abc">: error calling toTime: strconv.ParseFloat: parsing "abc": invalid syntax>)t"},
    {1234567, R"t({{ humanize "  1" }})t",
     R"t(<error expanding template: error executing template __alert_A: template: __alert_A:1:115: executing "__alert_A" at <humanize "  1">: error calling humanize: strconv.ParseFloat: parsing "  1": invalid syntax>)t"},
    {1234567, R"t({{ humanize "1e500" }})t",
     R"t(<error expanding template: error executing template __alert_A: template: __alert_A:1:115: executing "__alert_A" at <humanize "1e500">: error calling humanize: strconv.ParseFloat: parsing "1e500": value out of range>)t"},
    {1234567, R"t({{ humanize "0x10" }}|{{ humanize "1_000" }}|{{ humanize "inf" }}|{{ humanize ".5" }}|{{ humanize "+3" }})t",
     R"t(<error expanding template: error executing template __alert_A: template: __alert_A:1:115: executing "__alert_A" at <humanize "0x10">: error calling humanize: strconv.ParseFloat: parsing "0x10": invalid syntax>)t"},
    {1234567, R"t({{ parseDuration "1h30m" }}|{{ parseDuration "0" }}|{{ parseDuration "90s" }}|{{ parseDuration "1y2w3d4h5m6s7ms" }}|{{ parseDuration "5ms" }}|{{ parseDuration "1m1m" }})t",
     R"t(<error expanding template: error executing template __alert_A: template: __alert_A:1:257: executing "__alert_A" at <parseDuration "1m1m">: error calling parseDuration: not a valid duration string: "1m1m">)t"},
    {1234567, R"t({{ parseDuration "" }})t",
     R"t(<error expanding template: error executing template __alert_A: template: __alert_A:1:115: executing "__alert_A" at <parseDuration "">: error calling parseDuration: empty duration string>)t"},
    {1234567, R"t({{ parseDuration "1s1h" }})t",
     R"t(<error expanding template: error executing template __alert_A: template: __alert_A:1:115: executing "__alert_A" at <parseDuration "1s1h">: error calling parseDuration: not a valid duration string: "1s1h">)t"},
    {1234567, R"t({{ reReplaceAll "(\\w+)@(\\w+)" "$2 at ${1}" "bob@example x@y" }}|{{ reReplaceAll "a*" "-" "baaac" }}|{{ reReplaceAll "^" "X" "abc" }}|{{ reReplaceAll "(?P<h>[a-z]+):(\\d+)" "$h/$2$$" "host:80" }}|{{ reReplaceAll "x" "$1x" "axb" }}|{{ reReplaceAll "" "-" "héllo" }})t",
     R"t(example at bob y at x|-b-c-|Xabc|host/80$|ab|-h-é-l-l-o-)t"},
    {1234567, R"t({{ match "^a.c$" "abc" }}|{{ match "b" "abc" }}|{{ match "^b" "abc" }}|{{ match "(?i)ABC" "abc" }})t",
     R"t(true|true|false|true)t"},
    {1234567, R"t({{ match "a**" "x" }})t",
     R"t(<error expanding template: error executing template __alert_A: template: __alert_A:1:115: executing "__alert_A" at <match "a**" "x">: error calling match: error parsing regexp: invalid nested repetition operator: `**`>)t"},
    {1234567, R"t({{ match "[z-a]" "x" }})t",
     R"t(<error expanding template: error executing template __alert_A: template: __alert_A:1:115: executing "__alert_A" at <match "[z-a]" "x">: error calling match: error parsing regexp: invalid character class range: `z-a`>)t"},
    {1234567, R"t({{ match "\\8" "x" }})t",
     R"t(<error expanding template: error executing template __alert_A: template: __alert_A:1:115: executing "__alert_A" at <match "\\8" "x">: error calling match: error parsing regexp: invalid escape sequence: `\8`>)t"},
    {1234567, R"t({{ title "hello" }}|{{ title "" }}|{{ title "ünïcode wörds" }}|{{ title "a\tb\vc" }}|{{ title "x1y z_w" }}|{{ toUpper "abc" }}|{{ toLower "ÉCOLE Σ" }}|{{ toUpper "\xff" }})t",
     R"t(Hello||Ünïcode Wörds|A	BC|X1y Z_w|ABC|école σ|�)t"},
    {1234567, R"t({{ $labels.instance | stripPort }}|{{ $labels.instance | stripDomain }}|{{ stripPort "::1" }}|{{ stripPort "[::1]" }}|{{ stripDomain "host" }}|{{ stripDomain "a.b:c:d" }}|{{ stripDomain "256.1.1.1" }}|{{ stripPort ":80" }}|{{ stripDomain "[fe80::1%eth0]:80" }})t",
     R"t(h.example.com|h:9090|::1|[::1]|host|a|256||[fe80::1%eth0]:80)t"},
    {1234567, R"t({{ printf "%10.3s|%-10v|%+.2e|%x|%X|%o|%b|%#x|%#o|% x" "abcdef" $value 123.456 -255 255 8 5 255 8 "ab" }})t",
     R"t(       abc|1.234567e+06|+1.23e+02|-ff|FF|10|101|0xff|010|61 62)t"},
    {1234567, R"t({{ printf "%.0f %.0f %.0f %.1f %5.0f|%.3e|%G|%E" 0.5 1.5 2.5 0.05 -2.5 0.0 1e-10 1e100 }})t",
     R"t(0 2 2 0.1    -2|0.000e+00|1E-10|1.000000E+100)t"},
    {1234567, R"t({{ printf "%v %v %v %v %v %v %v %v" 1e20 1e21 123456789.0 0.000123 1.0 100.0 -1e-7 5e-324 }})t",
     R"t(1e+20 1e+21 1.23456789e+08 0.000123 1 100 -1e-07 5e-324)t"},
    {1234567, R"t({{ printf "%t|%v|%s|%d" 1 nil nil nil }})t",
     R"t(%!t(int=1)|<nil>|%!s(<nil>)|%!d(<nil>))t"},
    {1234567, R"t({{ printf "%5t|%-6d|%06.2f|%+06d|%x" true 42 -1.5 7 3.5 }})t",
     R"t( true|42    |-01.50|+00007|0x1.cp+01)t"},
    {1234567, R"t({{ print "a" "b" 1 2 "c" }}|{{ print }}|{{ println }}|{{ print (args) }}|{{ print 1.5 2 }}|{{ print $labels }})t",
     R"t(ab1 2c||
|map[]|1.5 2|map[__name__:m instance:h.example.com:9090 job:api])t"},
    {1234567, R"t({{ "x\ty" }}|{{ `raw
` }}|{{ "\u00e9\U0001F600\x41\101" }}|{{ '\t' }}|{{ '\u00e9' }}|{{ 1.5e3 }}|{{ -5 }}|{{ +5 }}|{{ 0x1F }}|{{ 0o17 }}|{{ 0b101 }}|{{ 017 }}|{{ 1e-7 }}|{{ .5 }}|{{ 0x1p4 }})t",
     R"t(x	y|raw
|é😀AA|9|233|1500|-5|5|31|15|5|15|1e-07|0.5|16)t"},
    {1234567, R"t({{ range $i, $s := query "q" }}{{ if $i }}, {{ end }}{{ $s.Labels.job }}{{ end }}|{{ range query "none" }}x{{ else }}empty{{ end }}|{{ with $labels.nope }}y{{ else }}no{{ end }}|{{ with $labels.job }}{{ . }}{{ end }})t",
     R"t(b, a|empty|no|api)t"},
    {1234567, R"t({{ $x := "a" }}{{ range $labels }}{{ $x = . }}{{ end }}{{ $x }}|{{ $y := 1 }}{{ if true }}{{ $y := 2 }}{{ $y }}{{ end }}{{ $y }})t",
     R"t(api|21)t"},
    {1234567, R"t({{ index $labels }}|{{ index (args "a" "b") "arg1" }}|{{ index (args "a") "zz" }}|{{ (index (query "q") 1).Value }}|{{ len (query "q") }}|{{ len (args 1 2) }})t",
     R"t(map[__name__:m instance:h.example.com:9090 job:api]|b|<no value>|1|2|2)t"},
    {1234567, R"t({{ index $labels 1 }})t",
     R"t(<error expanding template: error executing template __alert_A: template: __alert_A:1:115: executing "__alert_A" at <index $labels 1>: error calling index: value has type int; should be string>)t"},
    {1234567, R"t({{ index 5 1 }})t",
     R"t(<error expanding template: error executing template __alert_A: template: __alert_A:1:115: executing "__alert_A" at <index 5 1>: error calling index: can't index item of type int>)t"},
    {1234567, R"t({{ index (query "q") "x" }})t",
     R"t(<error expanding template: error executing template __alert_A: template: __alert_A:1:115: executing "__alert_A" at <index (query "q") "x">: error calling index: cannot index slice/array with type string>)t"},
    {1234567, R"t({{ index (query "q") -1 }})t",
     R"t(<error expanding template: error executing template __alert_A: template: __alert_A:1:115: executing "__alert_A" at <index (query "q") -1>: error calling index: index out of range: -1>)t"},
    {1234567, R"t({{ len nil }})t",
     R"t(<error expanding template: error executing template __alert_A: template: __alert_A:1:115: executing "__alert_A" at <len nil>: error calling len: reflect: call of reflect.Value.Type on zero Value>)t"},
    {1234567, R"t({{ not }})t",
     R"t(<error expanding template: error executing template __alert_A: template: __alert_A:1:115: executing "__alert_A" at <not>: wrong number of args for not: want 1 got 0>)t"},
    {1234567, R"t({{ and }})t",
     R"t(<error expanding template: error executing template __alert_A: template: __alert_A:1:115: executing "__alert_A" at <and>: wrong number of args for and: want at least 1 got 0>)t"},
    {1234567, R"t({{ eq 1 1.0 }})t",
     R"t(<error expanding template: error executing template __alert_A: template: __alert_A:1:115: executing "__alert_A" at <eq 1 1.0>: error calling eq: incompatible types for comparison>)t"},
    {1234567, R"t({{ eq $labels $labels }})t",
     R"t(<error expanding template: error executing template __alert_A: template: __alert_A:1:115: executing "__alert_A" at <eq $labels $labels>: error calling eq: non-comparable type map[__name__:m instance:h.example.com:9090 job:api]: map[string]string>)t"},
    {1234567, R"t({{ lt "a" "b" }}|{{ le 2 2 }}|{{ ge 1.5 2.5 }}|{{ ne "a" "b" }}|{{ eq true true }}|{{ eq (safeHtml "a") "a" }}|{{ lt $value 1e300 }}|{{ eq .Labels.missing "" }}|{{ eq 1 2 3 1 }})t",
     R"t(true|true|false|true|true|true|true|true|true)t"},
    {1234567, R"t({{ eq (args 1).arg9 "x" }})t",
     R"t(false)t"},
    {1234567, R"t({{ print (args 1).arg9 }})t",
     R"t(<nil>)t"},
    {1234567, R"t({{ len (args 1).arg9 }})t",
     R"t(<error expanding template: error executing template __alert_A: template: __alert_A:1:115: executing "__alert_A" at <len (args 1).arg9>: error calling len: len of nil pointer>)t"},
    {1234567, R"t({{ humanize (args 1).arg9 }})t",
     R"t(<error expanding template: error executing template __alert_A: template: __alert_A:1:115: executing "__alert_A" at <humanize (args 1).arg9>: error calling humanize: can't convert <nil> to float>)t"},
    {1234567, R"t({{ toUpper (args 1).arg9 }})t",
     R"t(<error expanding template: error executing template __alert_A: template: __alert_A:1:129: executing "__alert_A" at <1>: wrong type for value; expected string; got interface {}>)t"},
    {1234567, R"t({{ first (args 1).arg9 }})t",
     R"t(<error expanding template: error executing template __alert_A: template: __alert_A:1:127: executing "__alert_A" at <1>: wrong type for value; expected template.queryResult; got interface {}>)t"},
    {1234567, R"t({{ label "x" (args 1).arg9 }})t",
     R"t(<error expanding template: error executing template __alert_A: template: __alert_A:1:131: executing "__alert_A" at <1>: wrong type for value; expected *template.sample; got interface {}>)t"},
    {1234567, R"t({{ .Labels.job.x.y }})t",
     R"t(<error expanding template: error executing template __alert_A: template: __alert_A:1:122: executing "__alert_A" at <.Labels.job.x.y>: can't evaluate field x in type string>)t"},
    {1234567, R"t({{ $value.x }})t",
     R"t(<error expanding template: error executing template __alert_A: template: __alert_A:1:121: executing "__alert_A" at <$value.x>: can't evaluate field x in type float64>)t"},
    {1234567, R"t({{ (query "q").x }})t",
     R"t(<error expanding template: error executing template __alert_A: template: __alert_A:1:122: executing "__alert_A" at <"q">: can't evaluate field x in type template.queryResult>)t"},
    {1234567, R"t({{ (first (query "q")).Labels.x }}|{{ (first (query "q")).Foo }})t",
     R"t(<error expanding template: error executing template __alert_A: template: __alert_A:1:164: executing "__alert_A" at <"q">: can't evaluate field Foo in type *template.sample>)t"},
    {1234567, R"t({{ toUpper (safeHtml "a") }})t",
     R"t(<error expanding template: error executing template __alert_A: template: __alert_A:1:133: executing "__alert_A" at <"a">: wrong type for value; expected string; got template.HTML>)t"},
    {1234567, R"t({{ first $labels }})t",
     R"t(<error expanding template: error executing template __alert_A: template: __alert_A:1:121: executing "__alert_A" at <$labels>: wrong type for value; expected template.queryResult; got map[string]string>)t"},
    {1234567, R"t({{ value "x" }})t",
     R"t(<error expanding template: error executing template __alert_A: template: __alert_A:1:121: executing "__alert_A" at <"x">: can't handle "x" for arg of type *template.sample>)t"},
    {1234567, R"t({{ humanize 1 2 }})t",
     R"t(<error expanding template: error executing template __alert_A: template: __alert_A:1:115: executing "__alert_A" at <humanize>: wrong number of args for humanize: want 1 got 2>)t"},
    {1234567, R"t({{ printf }})t",
     R"t(<error expanding template: error executing template __alert_A: template: __alert_A:1:115: executing "__alert_A" at <printf>: wrong number of args for printf: want at least 1 got 0>)t"},
    {1234567, R"t({{ args }}|{{ len (args) }})t",
     R"t(map[]|0)t"},
    {1234567, R"t({{ 1 | printf "%d-%s" "x" }}|{{ "a" | printf "%s%s" "b" }}|{{ $value | printf "%.1f" }}|{{ query "q" | len }}|{{ "Q" | toLower | printf "%s!" }})t",
     R"t(%!d(string=x)-%!s(int=1)|ba|1234567.0|2|q!)t"},
    {1234567, R"t({{ and 0 (first (query "nothing")) }}|{{ or 1 (first (query "nothing")) }}|{{ 0 | and 1 }}|{{ "" | or 0 }})t",
     R"t(0|1|0|)t"},
    {1, R"t({{ humanize "1_000" }})t",
     R"t(1k)t"},
    {1, R"t({{ humanize "inf" }}|{{ humanize ".5" }}|{{ humanize "+3" }}|{{ humanize "0x1p-2" }}|{{ humanize "-0" }}|{{ humanize "1e-400" }})t",
     R"t(+Inf|500m|3|250m|-0|0)t"},
    {1, R"t({{ eq (index (args 1) "x") "y" }})t",
     R"t(false)t"},
    {1, R"t({{ not (args 1).arg9 }}|{{ eq nil nil }}|{{ (args 1).arg9 }})t",
     R"t(true|true|<no value>)t"},
    {1, R"t({{ len nil }})t",
     R"t(<error expanding template: error executing template __alert_A: template: __alert_A:1:115: executing "__alert_A" at <len nil>: error calling len: reflect: call of reflect.Value.Type on zero Value>)t"},
    {1, R"t({{ $value | humanize }} {{- "  a  " -}} {{ "b" }})t",
     R"t(1  a  b)t"},
    {1, R"t(  {{- /* comment */ -}}  )t",
     R"t()t"},
    {1, R"t(x {{/* c2 */}} y)t",
     R"t(x  y)t"},
    {1, R"t({{ if gt $value 100.0 -}} high {{- else -}} low {{- end }})t",
     R"t(low)t"},
    {kNaN, R"t({{ $value }}|{{ humanize $value }}|{{ humanize1024 $value }}|{{ humanizeDuration $value }}|{{ humanizePercentage $value }}|{{ humanizeTimestamp $value }}|{{ printf "%.2f %v %e %g %d" $value $value $value $value $value }}|{{ if $value }}T{{ end }}|{{ gt $value 0.0 }}|{{ eq $value $value }})t",
     R"t(NaN|NaN|NaN|NaN|NaN%|NaN|NaN NaN NaN NaN %!d(float64=NaN)|T|true|false)t"},
    {kInf, R"t({{ $value }}|{{ humanize $value }}|{{ humanize1024 $value }}|{{ humanizeDuration $value }}|{{ humanizePercentage $value }}|{{ humanizeTimestamp $value }}|{{ printf "%.2f %v %e %g %d" $value $value $value $value $value }}|{{ if $value }}T{{ end }}|{{ gt $value 0.0 }}|{{ eq $value $value }})t",
     R"t(+Inf|+Inf|+Inf|+Inf|+Inf%|+Inf|+Inf +Inf +Inf +Inf %!d(float64=+Inf)|T|true|true)t"},
    {0, R"t({{ $value }}|{{ humanize $value }}|{{ humanize1024 $value }}|{{ humanizeDuration $value }}|{{ humanizePercentage $value }}|{{ humanizeTimestamp $value }}|{{ printf "%.2f %v %e %g %d" $value $value $value $value $value }}|{{ if $value }}T{{ end }}|{{ gt $value 0.0 }}|{{ eq $value $value }})t",
     R"t(0|0|0|0s|0%|1970-01-01 00:00:00 +0000 UTC|0.00 0 0.000000e+00 0 %!d(float64=0)||false|true)t"},
    {0.0512, R"t({{ $value }}|{{ humanize $value }}|{{ humanize1024 $value }}|{{ humanizeDuration $value }}|{{ humanizePercentage $value }}|{{ humanizeTimestamp $value }}|{{ printf "%.2f %v %e %g %d" $value $value $value $value $value }}|{{ if $value }}T{{ end }}|{{ gt $value 0.0 }}|{{ eq $value $value }})t",
     R"t(0.0512|51.2m|0.0512|51.2ms|5.12%|1970-01-01 00:00:00.051 +0000 UTC|0.05 0.0512 5.120000e-02 0.0512 %!d(float64=0.0512)|T|true|true)t"},
    {-1234.5, R"t({{ $value }}|{{ humanize $value }}|{{ humanize1024 $value }}|{{ humanizeDuration $value }}|{{ humanizePercentage $value }}|{{ humanizeTimestamp $value }}|{{ printf "%.2f %v %e %g %d" $value $value $value $value $value }}|{{ if $value }}T{{ end }}|{{ gt $value 0.0 }}|{{ eq $value $value }})t",
     R"t(-1234.5|-1.234k|-1.206ki|-20m 34s|-1.234e+05%|1969-12-31 23:39:25.5 +0000 UTC|-1234.50 -1234.5 -1.234500e+03 -1234.5 %!d(float64=-1234.5)|T|false|true)t"},
    {1e-9, R"t({{ $value }}|{{ humanize $value }}|{{ humanize1024 $value }}|{{ humanizeDuration $value }}|{{ humanizePercentage $value }}|{{ humanizeTimestamp $value }}|{{ printf "%.2f %v %e %g %d" $value $value $value $value $value }}|{{ if $value }}T{{ end }}|{{ gt $value 0.0 }}|{{ eq $value $value }})t",
     R"t(1e-09|1n|1e-09|1ns|1e-07%|1970-01-01 00:00:00 +0000 UTC|0.00 1e-09 1.000000e-09 1e-09 %!d(float64=1e-09)|T|true|true)t"},
    {1, R"t({{ "a" }}{{/* unclosed)t",
     R"t(<error expanding template: error parsing template __alert_A: template: __alert_A:1: unclosed comment>)t"},
    {1, R"t({{ "a")t",
     R"t(<error expanding template: error parsing template __alert_A: template: __alert_A:1: unclosed action>)t"},
    {1, R"t({{ "a" | 1 }})t",
     R"t(<error expanding template: error parsing template __alert_A: template: __alert_A:1: non executable command in pipeline stage 2>)t"},
    {1, R"t({{ end }})t",
     R"t(<error expanding template: error parsing template __alert_A: template: __alert_A:1: unexpected {{end}}>)t"},
    {1, R"t({{ if 1 }}x)t",
     R"t(<error expanding template: error parsing template __alert_A: template: __alert_A:1: unexpected EOF>)t"},
    {1, R"t({{ if }}{{ end }})t",
     R"t(<error expanding template: error parsing template __alert_A: template: __alert_A:1: missing value for if>)t"},
    {1, R"t({{ $nope }})t",
     R"t(<error expanding template: error parsing template __alert_A: template: __alert_A:1: undefined variable "$nope">)t"},
    {1, R"t({{ ( }})t",
     R"t(<error expanding template: error parsing template __alert_A: template: __alert_A:1: unclosed left paren>)t"},
    {1, R"t({{ ) }})t",
     R"t(<error expanding template: error parsing template __alert_A: template: __alert_A:1: unexpected ")" in command>)t"},
    {1, R"t({{ .Labels.job.)t",
     R"t(<error expanding template: error parsing template __alert_A: template: __alert_A:1: unexpected "." in operand>)t"},
    {1, R"t({{ "a" .x }})t",
     R"t(<error expanding template: error executing template __alert_A: template: __alert_A:1:115: executing "__alert_A" at <"a">: can't give argument to non-function "a">)t"},
    {1, R"t({{ 3x }})t",
     R"t(<error expanding template: error parsing template __alert_A: template: __alert_A:1: bad number syntax: "3x">)t"},
    {1, R"t({{ $x := 1 }}{{ $x, $y := 2 }})t",
     R"t(<error expanding template: error parsing template __alert_A: template: __alert_A:1: too many declarations in command>)t"},
    {1, R"t({{ range $a, $b, $c := . }}{{ end }})t",
     R"t(<error expanding template: error parsing template __alert_A: template: __alert_A:1: too many declarations in range>)t"},
    {1, R"t({{ else }})t",
     R"t(<error expanding template: error parsing template __alert_A: template: __alert_A:1: unexpected {{else}}>)t"},
    {1, R"t({{ # }})t",
     R"t(<error expanding template: error parsing template __alert_A: template: __alert_A:1: unexpected "#" in command>)t"},
    {1, R"t({{ 99999999999999999999 }})t",
     R"t(<error expanding template: error parsing template __alert_A: template: __alert_A:1: integer overflow: "99999999999999999999">)t"},
    {1, R"t({{ 08 }})t",
     R"t(<error expanding template: error parsing template __alert_A: template: __alert_A:1: integer overflow: "08">)t"},
    {1, R"t({{ "\q" }})t",
     R"t(<error expanding template: error parsing template __alert_A: template: __alert_A:1: invalid syntax>)t"},
    {1, R"t({{ `a)t",
     R"t(<error expanding template: error parsing template __alert_A: template: __alert_A:1: unterminated raw quoted string>)t"},
    {1, R"t({{ "x" })t",
     R"t(<error expanding template: error parsing template __alert_A: template: __alert_A:1: unexpected "}" in operand>)t"},
};

TEST_F(TemplateTest, AgreesWithPrometheus) {
  for (const Case& c : kCases) {
    EXPECT_EQ(Expand(c.text, c.value), c.want) << c.text << " with $value " << c.value;
  }
}

TEST_F(TemplateTest, ExternalURLAndPathPrefix) {
  EXPECT_EQ(Expand("{{ externalURL }}|{{ pathPrefix }}", 0), "http://ex.com/prom|/prom");
  EXPECT_EQ(Expand(R"({{ graphLink "rate(x[5m]) > 1" }}|{{ tableLink "a b" }})", 0),
            "/graph?g0.expr=rate%28x%5B5m%5D%29+%3E+1&g0.tab=0|/graph?g0.expr=a+b&g0.tab=1");
}

TEST_F(TemplateTest, QueryErrorsCarryTheEngineMessage) {
  EXPECT_EQ(Expand(R"({{ query "bad(" }})", 0),
            R"(<error expanding template: error executing template __alert_A: template: __alert_A:1:115: )"
            R"(executing "__alert_A" at <query "bad(">: error calling query: 1:5: parse error: unclosed left parenthesis>)");
  TemplateData no_engine{&labels_, 0};
  EXPECT_EQ(ExpandAlertTemplate("A", R"({{ query "up" }})", no_engine),
            R"(<error expanding template: error executing template __alert_A: template: __alert_A:1:115: )"
            R"(executing "__alert_A" at <query "up">: error calling query: no query engine>)");
}

TEST_F(TemplateTest, QueryResultsPrintAsGoPointers) {
  EXPECT_EQ(Expand(R"({{ query "q" }})", 0), "[0xc000000000 0xc000000000]");
}

TEST_F(TemplateTest, UnknownFunctionFailsAtParseTimeWithTheAlertName) {
  TemplateData data{&labels_, 1};
  EXPECT_EQ(ExpandAlertTemplate("HighLatency", "{{ $labels.job }} {{ foo }}", data),
            R"(<error expanding template: error parsing template __alert_HighLatency: )"
            R"(template: __alert_HighLatency:1: function "foo" not defined>)");
  EXPECT_EQ(ExpandAlertTemplate("A", "line 1\n{{ foo }}", data),
            R"(<error expanding template: error parsing template __alert_A: template: __alert_A:2: function "foo" not defined>)");
}

TEST_F(TemplateTest, ParseErrorsWithoutExpanding) {
  EXPECT_EQ(TemplateParseError("A", "{{ $labels.job }} {{ humanize $value }}"), std::nullopt);
  EXPECT_EQ(TemplateParseError("A", "line 1\n{{ foo }}"),
            R"(template: __alert_A:2: function "foo" not defined)");
  EXPECT_NE(TemplateParseError("A", "{{ if }}"), std::nullopt);
}

TEST_F(TemplateTest, AParsedTemplateExpandsLikeTheText) {
  const AlertTemplate parsed("A", "{{ $labels.job }}: {{ $value }}");
  EXPECT_EQ(parsed.parse_error(), "");
  for (double v : {1.0, 2.5}) {
    TemplateData data{&labels_, v};
    EXPECT_EQ(parsed.Expand(data),
              ExpandAlertTemplate("A", "{{ $labels.job }}: {{ $value }}", data));
  }
}

TEST_F(TemplateTest, ColumnsOnLaterLinesCountFromTheLineStart) {
  EXPECT_EQ(Expand("a\n  {{ humanize true }}", 0),
            R"(<error expanding template: error executing template __alert_A: template: __alert_A:2:5: )"
            R"(executing "__alert_A" at <humanize true>: error calling humanize: can't convert bool to float>)");
}

// Label values are bytes: printed as they are, read rune by rune (an
// invalid byte is U+FFFD) where Go decodes UTF-8.
TEST_F(TemplateTest, OddUtf8InLabelValues) {
  labels_ = Labels::FromMap({{"job", "a\xff\xfe" "b"}, {"svc", "caf\xc3\xa9\xe2\x80\x8b"}});
  EXPECT_EQ(Expand("{{ $labels.job }}", 0), "a\xff\xfe" "b");
  EXPECT_EQ(Expand("{{ toUpper $labels.job }}", 0), "A\xef\xbf\xbd\xef\xbf\xbd" "B");
  EXPECT_EQ(Expand("{{ toUpper $labels.svc }}", 0), "CAF\xc3\x89\xe2\x80\x8b");
  EXPECT_EQ(Expand(R"({{ printf "%q|%x|%d" $labels.job $labels.job (len $labels.svc) }})", 0),
            R"("a\xff\xfeb"|61fffe62|8)");
  EXPECT_EQ(Expand(R"({{ printf "%q" $labels.svc }})", 0), "\"caf\xc3\xa9\\u200b\"");
  EXPECT_EQ(Expand(R"t({{ reReplaceAll "(.)" "<$1>" $labels.svc }})t", 0),
            "<c><a><f><\xc3\xa9><\xe2\x80\x8b>");
  EXPECT_EQ(Expand("{{ title $labels.svc }}", 0), "Caf\xc3\xa9\xe2\x80\x8b");
}

TEST_F(TemplateTest, StaleAndOtherNaNsPrintAsNaN) {
  EXPECT_EQ(Expand("{{ $value }} {{ humanize $value }}", StaleNaN()), "NaN NaN");
  EXPECT_EQ(Expand("{{ $value }} {{ humanizeDuration $value }}", -kInf), "-Inf -Inf");
}

}  // namespace
}  // namespace monc::runtime

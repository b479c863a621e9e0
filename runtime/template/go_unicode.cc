#include "runtime/template/go_unicode.h"

#include <locale.h>
#include <wctype.h>

#include "compiler/promql/go_strconv.h"

namespace monc::runtime::tmpl {
namespace {

// A private locale object: the process's global locale stays untouched.
locale_t Utf8Locale() {
  static const locale_t locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", nullptr);
  return locale;
}

}  // namespace

bool IsLetter(char32_t r) {
  if (r < 0x80) return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z');
  return iswalpha_l(static_cast<wint_t>(r), Utf8Locale());
}

bool IsLetterOrDigit(char32_t r) {
  if (r < 0x80) return IsLetter(r) || (r >= '0' && r <= '9');
  return iswalnum_l(static_cast<wint_t>(r), Utf8Locale());
}

bool IsUnicodeSpace(char32_t r) {
  if (r < 0x80) return r == ' ' || (r >= '\t' && r <= '\r');
  return r == 0x85 || r == 0xA0 || iswspace_l(static_cast<wint_t>(r), Utf8Locale());
}

char32_t ToCase(Case c, char32_t r) {
  const locale_t locale = Utf8Locale();
  switch (c) {
    case Case::kUpper: return towupper_l(static_cast<wint_t>(r), locale);
    case Case::kLower: return towlower_l(static_cast<wint_t>(r), locale);
    case Case::kTitle: {
      static const wctrans_t title = wctrans_l("totitle", locale);
      return title ? towctrans_l(static_cast<wint_t>(r), title, locale) : towupper_l(static_cast<wint_t>(r), locale);
    }
  }
  return r;
}

std::string MapCase(Case c, std::string_view s) {
  std::string out;
  while (!s.empty()) {
    const promql::go::DecodedRune d = promql::go::DecodeRune(s);
    out += promql::go::EncodeRune(ToCase(c, d.rune));
    s.remove_prefix(d.width);
  }
  return out;
}

}  // namespace monc::runtime::tmpl

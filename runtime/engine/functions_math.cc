// The element-wise math functions: each maps every value of its vector
// argument and drops __name__ (Prometheus's simpleFunc), through MapValues.
#include <cmath>
#include <string>

#include "runtime/engine/functions_internal.h"

namespace monc::runtime::functions {
namespace {

// Go's math.Pi, the exact double nearest to pi.
constexpr double kPi = 3.14159265358979323846264338327950288419716939937510582097494459;

// Go's math.Log (the FreeBSD e_log.c algorithm Go implements, and what
// Prometheus's amd64 builds compute): x = 2^k * (1 + f) with 1 + f in
// [sqrt(2)/2, sqrt(2)), then log(1 + f) = 2s + s*R(s^2) with s = f/(2+f),
// R a fixed minimax polynomial, and k*ln2 added in two parts. libm's log
// differs from it in the last bit for some inputs.
double GoLog(double x) {
  if (std::isnan(x) || x == HUGE_VAL) return x;
  if (x < 0) return std::nan("");
  if (x == 0) return -HUGE_VAL;
  constexpr double kLn2Hi = 6.93147180369123816490e-01;
  constexpr double kLn2Lo = 1.90821492927058770002e-10;
  constexpr double kL[] = {6.666666666666735130e-01, 3.999999999940941908e-01,
                           2.857142874366239149e-01, 2.222219843214978396e-01,
                           1.818357216161805012e-01, 1.531383769920937332e-01,
                           1.479819860511658591e-01};
  int exp = 0;
  double f1 = std::frexp(x, &exp);
  if (f1 < M_SQRT2 / 2) {
    f1 *= 2;
    --exp;
  }
  const double f = f1 - 1;
  const double k = exp;
  const double s = f / (2 + f);
  const double s2 = s * s;
  const double s4 = s2 * s2;
  const double odd = s2 * (kL[0] + s4 * (kL[2] + s4 * (kL[4] + s4 * kL[6])));
  const double even = s4 * (kL[1] + s4 * (kL[3] + s4 * kL[5]));
  const double r = odd + even;
  const double hfsq = 0.5 * f * f;
  return k * kLn2Hi - ((hfsq - (s * (hfsq + r) + k * kLn2Lo)) - f);
}

// Go's log2 and log10 (from Log, times 1/Ln2 and 1/Ln10, constants Go
// rounds once from the exact quotient).
constexpr double kInvLn2 = 1.44269504088896340735992468100189213742664595415298593413544940693;
constexpr double kInvLn10 = 0.43429448190325182765112891891660508229439700580366656611445378316;

double GoLog2(double v) {
  int exp = 0;
  const double frac = std::frexp(v, &exp);
  // Exact for powers of two.
  if (frac == 0.5) return exp - 1;
  return GoLog(frac) * kInvLn2 + exp;
}

// Go's math.Max and math.Min: NaN wins, and +0 > -0.
double GoMax(double a, double b) {
  if (std::isinf(a) && a > 0) return a;
  if (std::isinf(b) && b > 0) return b;
  if (std::isnan(a) || std::isnan(b)) return std::nan("");
  if (a == 0 && a == b) return std::signbit(a) ? b : a;
  return a > b ? a : b;
}

double GoMin(double a, double b) {
  if (std::isinf(a) && a < 0) return a;
  if (std::isinf(b) && b < 0) return b;
  if (std::isnan(a) || std::isnan(b)) return std::nan("");
  if (a == 0 && a == b) return std::signbit(a) ? a : b;
  return a < b ? a : b;
}

}  // namespace

#define MONC_SIMPLE_FUNCTION(Name, expr)                   \
  Vector Name(const FunctionCall& call, std::string&) {    \
    return MapValues(call, [](double v) { return expr; }); \
  }

MONC_SIMPLE_FUNCTION(Abs, std::fabs(v))
MONC_SIMPLE_FUNCTION(Ceil, std::ceil(v))
MONC_SIMPLE_FUNCTION(Floor, std::floor(v))
MONC_SIMPLE_FUNCTION(Exp, std::exp(v))
MONC_SIMPLE_FUNCTION(Sqrt, std::sqrt(v))
MONC_SIMPLE_FUNCTION(Ln, GoLog(v))
MONC_SIMPLE_FUNCTION(Log2, GoLog2(v))
MONC_SIMPLE_FUNCTION(Log10, GoLog(v) * kInvLn10)
MONC_SIMPLE_FUNCTION(Sin, std::sin(v))
MONC_SIMPLE_FUNCTION(Cos, std::cos(v))
MONC_SIMPLE_FUNCTION(Tan, std::tan(v))
MONC_SIMPLE_FUNCTION(Asin, std::asin(v))
MONC_SIMPLE_FUNCTION(Acos, std::acos(v))
MONC_SIMPLE_FUNCTION(Atan, std::atan(v))
MONC_SIMPLE_FUNCTION(Sinh, std::sinh(v))
MONC_SIMPLE_FUNCTION(Cosh, std::cosh(v))
MONC_SIMPLE_FUNCTION(Tanh, std::tanh(v))
MONC_SIMPLE_FUNCTION(Asinh, std::asinh(v))
MONC_SIMPLE_FUNCTION(Acosh, std::acosh(v))
MONC_SIMPLE_FUNCTION(Atanh, std::atanh(v))
// In this order of operations, as Prometheus: v * pi / 180 and v * 180 / pi.
MONC_SIMPLE_FUNCTION(Rad, v * kPi / 180)
MONC_SIMPLE_FUNCTION(Deg, v * 180 / kPi)
// 0, -0 and NaN are their own sign.
MONC_SIMPLE_FUNCTION(Sgn, v < 0 ? -1.0 : v > 0 ? 1.0 : v)

#undef MONC_SIMPLE_FUNCTION

Vector Pi(const FunctionCall& call, std::string&) { return {{Labels(), call.t, kPi}}; }

// Rounds to the nearest multiple of the optional second argument, ties
// toward +Inf. Prometheus multiplies by the inverse ("fewer floating point
// accuracy issues"), which decides the last bit.
Vector Round(const FunctionCall& call, std::string&) {
  const double to_nearest = call.args.size() >= 2 ? ScalarArg(call, 1) : 1.0;
  const double inverse = 1.0 / to_nearest;
  return MapValues(call, [inverse](double v) { return std::floor(v * inverse + 0.5) / inverse; });
}

// No output at all when max < min (NaN bounds compare false and clamp to NaN).
Vector Clamp(const FunctionCall& call, std::string&) {
  const double min = ScalarArg(call, 1), max = ScalarArg(call, 2);
  if (max < min) return {};
  return MapValues(call, [min, max](double v) { return GoMax(min, GoMin(max, v)); });
}

Vector ClampMin(const FunctionCall& call, std::string&) {
  const double min = ScalarArg(call, 1);
  return MapValues(call, [min](double v) { return GoMax(min, v); });
}

Vector ClampMax(const FunctionCall& call, std::string&) {
  const double max = ScalarArg(call, 1);
  return MapValues(call, [max](double v) { return GoMin(max, v); });
}

}  // namespace monc::runtime::functions

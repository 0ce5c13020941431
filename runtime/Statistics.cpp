// Statistics.cpp — arm summaries and the Welch interval (Boost.Math), scaled by powers of two so that extreme but
// valid values (1e300, 1e-160, subnormal numbers) give the right figures, and checked for finiteness at every step.
#include "runtime/Statistics.h"

#include <boost/math/distributions/students_t.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <exception>

namespace vdc::rt {

int exponentOf(double v) {
  int e = 0;
  std::frexp(v, &e);
  return e;
}

bool finishArmSummary(double scaledMean, double scaledVariance, int e, ArmSummary &out, std::string &why) {
  out.mean = std::ldexp(scaledMean, e);
  out.sd = std::ldexp(std::sqrt(std::max(scaledVariance, 0.0)), e);
  if (!std::isfinite(out.mean)) {
    why = "its mean does not fit in a double";
    return false;
  }
  if (!std::isfinite(out.sd)) {
    why = "the standard deviation of its values overflows a double (the largest double is about 1.8e308)";
    return false;
  }
  return true;
}

WelchFailure welchInterval(const ArmSummary &control, const ArmSummary &treated, double level, WelchInterval &out,
                           std::string &why) {
  out = WelchInterval{};
  double nc = control.n, nt = treated.n;
  if (!(nc >= 2 && nt >= 2) || !(level > 0 && level < 1) || !std::isfinite(control.mean) ||
      !std::isfinite(treated.mean) || !(control.sd >= 0) || !(treated.sd >= 0) || !std::isfinite(control.sd) ||
      !std::isfinite(treated.sd)) {
    why = "the arms need at least two finite values each and the level must lie strictly between 0 and 1";
    return WelchFailure::Numerical;
  }
  double largest = std::max(control.sd, treated.sd);
  if (largest == 0) {
    why = "both arms have standard deviation 0, so the interval would have width 0";
    return WelchFailure::ZeroVariance;
  }
  // The squared standard deviations in units of 2^e: one of them lies in [0.25, 1), so the standard error and the
  // degrees of freedom neither overflow nor underflow even when the data lies near 1e300 or 1e-300.
  int e = exponentOf(largest);
  double rc = std::ldexp(control.sd, -e), rt = std::ldexp(treated.sd, -e);
  double uc = rc * rc / nc, ut = rt * rt / nt;
  double se2 = uc + ut;
  out.standardError = std::ldexp(std::sqrt(se2), e);
  out.df = se2 * se2 / (uc * uc / (nc - 1) + ut * ut / (nt - 1));
  out.difference = treated.mean - control.mean;
  if (!std::isfinite(out.standardError)) {
    why = "the standard error of the difference overflows a double, whose largest value is about 1.8e308";
    return WelchFailure::Overflow;
  }
  if (!std::isfinite(out.difference)) {
    why = fmt::format("the difference of the means ({:.4g} - {:.4g}) overflows a double, whose largest value is "
                      "about 1.8e308",
                      treated.mean, control.mean);
    return WelchFailure::Overflow;
  }
  if (!(out.df > 0) || !std::isfinite(out.df)) {
    why = "the degrees of freedom of the interval are not a positive number";
    return WelchFailure::Numerical;
  }
  double q = 0;
  try {
    // The upper quantile through the complement, so that a level close to 1 does not round 1 - alpha/2 up to 1.
    boost::math::students_t dist(out.df);
    q = boost::math::quantile(boost::math::complement(dist, (1 - level) / 2));
  } catch (const std::exception &ex) {
    why = fmt::format("the t quantile for level {:.4g} with {:.4g} degrees of freedom cannot be computed ({})", level,
                      out.df, ex.what());
    return WelchFailure::Numerical;
  }
  double half = q * out.standardError;
  out.lower = out.difference - half;
  out.upper = out.difference + half;
  if (!std::isfinite(q) || !std::isfinite(half) || !std::isfinite(out.lower) || !std::isfinite(out.upper)) {
    why = fmt::format("the interval's bounds (difference {:.4g}, half-width {:.4g} standard errors of {:.4g}) overflow "
                      "a double, whose largest value is about 1.8e308",
                      out.difference, q, out.standardError);
    return WelchFailure::Overflow;
  }
  return WelchFailure::None;
}

} // namespace vdc::rt

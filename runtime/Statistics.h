// Statistics.h — the numerically careful statistics behind `effect_interval` (LANGUAGE.md Section 11): an arm's mean
// and standard deviation and the Welch interval, computed so that values near the limits of a double neither overflow
// nor underflow on the way, and every numerical failure is a message in words instead of an exception or an `inf`.
#pragma once

#include <boost/iterator/transform_iterator.hpp>
#include <boost/math/statistics/univariate_statistics.hpp>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <string>
#include <vector>

namespace vdc::rt {

/// What an arm contributes to a Welch interval.
struct ArmSummary {
  double n = 0;
  double mean = 0;
  double sd = 0; ///< The sample standard deviation.
};

/// The exponent e with 2^(e-1) <= |v| < 2^e, so that v * 2^-e lies in [0.5, 1); 0 for 0.
int exponentOf(double v);

/// The end of summarizeArm: the arm's figures from the mean and variance of its values scaled by 2^-e.
bool finishArmSummary(double scaledMean, double scaledVariance, int e, ArmSummary &out, std::string &why);

/// The mean and sample standard deviation of the values from `first` to `last` (at least two, all finite; a forward
/// range of doubles, read three times, so the values need not be copied). The values are scaled by a power of two
/// first, so that neither the squares nor the sums overflow or vanish; scaling is exact and done as each value is
/// read. Returns false with `why` (a clause, "its standard deviation ... overflows a double") when a figure does not
/// fit in a double.
template <class ForwardIt> bool summarizeArm(ForwardIt first, ForwardIt last, ArmSummary &out, std::string &why) {
  out = ArmSummary{};
  double largest = 0;
  size_t n = 0;
  for (ForwardIt it = first; it != last; ++it, ++n)
    largest = std::max(largest, std::fabs(static_cast<double>(*it)));
  out.n = static_cast<double>(n);
  if (largest == 0)
    return true; // every value is 0: mean 0, sd 0
  // Scaling by a power of two is exact, so ordinary data gets exactly the figures of an unscaled computation.
  int e = exponentOf(largest);
  auto scale = [e](double v) { return std::ldexp(v, -e); };
  auto [mean, variance] = boost::math::statistics::mean_and_sample_variance(
      boost::make_transform_iterator(first, scale), boost::make_transform_iterator(last, scale));
  return finishArmSummary(mean, variance, e, out, why);
}

/// The same for values held in a vector.
inline bool summarizeArm(const std::vector<double> &values, ArmSummary &out, std::string &why) {
  return summarizeArm(values.begin(), values.end(), out, why);
}

/// A Welch t-interval for mean(treated) - mean(control).
struct WelchInterval {
  double difference = 0, standardError = 0, df = 0, lower = 0, upper = 0;
};

/// Why a Welch interval could not be computed.
enum class WelchFailure { None, ZeroVariance, Overflow, Numerical };

/// The Welch interval at `level` (strictly between 0 and 1) from two arm summaries (each n >= 2). Never throws;
/// on failure returns the kind and `why`, a clause in words ("the difference of the means overflows a double").
/// The same function re-derives an interval from the figures of a lock, so both agree to the last bit.
WelchFailure welchInterval(const ArmSummary &control, const ArmSummary &treated, double level, WelchInterval &out,
                           std::string &why);

} // namespace vdc::rt

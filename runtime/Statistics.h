// Statistics.h — the numerically careful statistics behind `effect_interval` (LANGUAGE.md Section 11): an arm's mean
// and standard deviation and the Welch interval, computed so that values near the limits of a double neither overflow
// nor underflow on the way, and every numerical failure is a message in words instead of an exception or an `inf`.
#pragma once

#include <string>
#include <vector>

namespace vdc::rt {

/// What an arm contributes to a Welch interval.
struct ArmSummary {
  double n = 0;
  double mean = 0;
  double sd = 0; ///< The sample standard deviation.
};

/// The mean and sample standard deviation of `values` (at least two, all finite). The values are scaled by a power
/// of two first, so that neither the squares nor the sums overflow or vanish. Returns false with `why` (a clause,
/// "its standard deviation ... overflows a double") when a figure does not fit in a double.
bool summarizeArm(const std::vector<double> &values, ArmSummary &out, std::string &why);

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

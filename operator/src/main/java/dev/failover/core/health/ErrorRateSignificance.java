package dev.failover.core.health;

/**
 * Whether the failed probes of a window show an error rate above the threshold, and not just bad
 * luck at or under it. A window holds few probes (15 with the defaults: one every 2s over 30s), so
 * "over 5%" alone would mean any 2 failures: a link that drops 2% of its probes at random would
 * then look browned out most of the time over ten minutes (false failovers). The rate counts as
 * above the threshold only when that many failures would happen with probability under 1% if the
 * true rate were the threshold: the upper tail of the binomial distribution. With the defaults that
 * takes 4 failures among 15 to 17 probes.
 */
final class ErrorRateSignificance {
  /** The chance of a false verdict the rule accepts, were the true rate at the threshold. */
  static final double FALSE_VERDICT_CHANCE = 0.01;

  private ErrorRateSignificance() {}

  /**
   * @param failed failed probes in the window
   * @param probes all probes in the window
   * @param thresholdPercent the error rate a brownout is above
   */
  static boolean above(long failed, long probes, double thresholdPercent) {
    if (failed <= 0 || probes <= 0 || failed * 100.0 <= thresholdPercent * probes) {
      return false;
    }
    return atLeast(failed, probes, thresholdPercent / 100.0) < FALSE_VERDICT_CHANCE;
  }

  /** P(X ≥ k) for X ~ Binomial(n, p), summed in log space so large windows do not underflow. */
  static double atLeast(long k, long n, double p) {
    if (p <= 0) {
      return k <= 0 ? 1 : 0;
    }
    if (p >= 1) {
      return 1;
    }
    double logP = Math.log(p);
    double logQ = Math.log1p(-p);
    double logPmf = n * logQ; // P(X = 0)
    double tail = 0;
    for (long i = 0; i <= n; i++) {
      if (i >= k) {
        tail += Math.exp(logPmf);
      }
      logPmf += Math.log(n - i) - Math.log(i + 1) + logP - logQ;
    }
    return Math.min(1, tail);
  }
}

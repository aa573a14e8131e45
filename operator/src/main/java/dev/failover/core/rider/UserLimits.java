package dev.failover.core.rider;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A license's limits per user, which Kubernetes cannot enforce, rendered where the workload and its
 * ingress can: environment variables for the application, and ingress-nginx annotations for the
 * ingress. ingress-nginx knows no users, only client addresses, so its limits are per address: a
 * ceiling the application's own per-user accounting sits under.
 *
 * @param maxConcurrentUsers the most users of the application at one time
 * @param maxRequestsPerUser the most requests each user may make per {@code requestWindow}
 */
public record UserLimits(
    OptionalInt maxConcurrentUsers, OptionalInt maxRequestsPerUser, Duration requestWindow) {

  public static final UserLimits NONE =
      new UserLimits(OptionalInt.empty(), OptionalInt.empty(), null);

  public static final String ENV_MAX_CONCURRENT_USERS = "FAILOVER_LICENSE_MAX_CONCURRENT_USERS";
  public static final String ENV_MAX_REQUESTS_PER_USER = "FAILOVER_LICENSE_MAX_REQUESTS_PER_USER";
  public static final String ENV_REQUEST_WINDOW_SECONDS = "FAILOVER_LICENSE_REQUEST_WINDOW_SECONDS";
  public static final String LIMIT_CONNECTIONS = "nginx.ingress.kubernetes.io/limit-connections";
  public static final String LIMIT_RPM = "nginx.ingress.kubernetes.io/limit-rpm";

  public boolean isEmpty() {
    return maxConcurrentUsers.isEmpty() && maxRequestsPerUser.isEmpty();
  }

  /** The variables every container of the workload gets, in a stable order. */
  public Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    maxConcurrentUsers.ifPresent(n -> env.put(ENV_MAX_CONCURRENT_USERS, Integer.toString(n)));
    maxRequestsPerUser.ifPresent(
        n -> {
          env.put(ENV_MAX_REQUESTS_PER_USER, Integer.toString(n));
          env.put(ENV_REQUEST_WINDOW_SECONDS, Long.toString(window().toSeconds()));
        });
    return env;
  }

  /**
   * The annotations every Ingress of the workload gets: concurrent connections, and requests per
   * minute rounded up from the license's window (at least one).
   */
  public Map<String, String> ingressAnnotations() {
    Map<String, String> annotations = new LinkedHashMap<>();
    maxConcurrentUsers.ifPresent(n -> annotations.put(LIMIT_CONNECTIONS, Integer.toString(n)));
    maxRequestsPerUser.ifPresent(
        n -> annotations.put(LIMIT_RPM, Long.toString(requestsPerMinute(n, window()))));
    return annotations;
  }

  static long requestsPerMinute(int requests, Duration window) {
    long seconds = Math.max(1, window.toSeconds());
    return Math.max(1, (requests * 60L + seconds - 1) / seconds);
  }

  private Duration window() {
    return requestWindow == null ? Duration.ofHours(1) : requestWindow;
  }
}

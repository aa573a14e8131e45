package dev.failover.api.v1alpha1.common;

/**
 * Regular expressions (RE2 syntax, as the API server evaluates them) for string fields, and the
 * maximum lengths that go with them. Bounded lengths also keep CEL rules within their cost budget.
 */
public final class ValuePatterns {
  private ValuePatterns() {}

  /** A Go duration such as {@code 500ms}, {@code 30s}, {@code 2m} or {@code 1h30m}. */
  public static final String DURATION = "^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$";

  public static final int DURATION_MAX_LENGTH = 32;

  /**
   * {@link #DURATION} as a CEL raw string. Cross-field rules skip malformed durations, which the
   * field's own pattern already rejects with a clearer message than a CEL conversion error.
   */
  public static final String DURATION_CEL = "r'" + DURATION + "'";

  /**
   * CEL rule for a duration field where zero means nothing sensible (a probe every 0s, a timeout of
   * 0s). Malformed durations are left to the field's {@link #DURATION} pattern, whose message is
   * clearer than a CEL conversion error.
   */
  public static final String POSITIVE_DURATION_RULE =
      "!self.matches(" + DURATION_CEL + ") || duration(self) > duration('0s')";

  public static final String POSITIVE_DURATION_MESSAGE = "must be longer than zero, for example 2s";

  /**
   * CEL rule for an availability objective in percent. A value below 1 is almost certainly a
   * fraction written by mistake (0.995 for 99.5 %), which would make every SLA trivially met; no
   * real objective promises less than 1 %, so the API server refuses it rather than warn.
   */
  public static final String AVAILABILITY_PERCENT_RULE = "self >= 1.0";

  public static final String AVAILABILITY_PERCENT_MESSAGE =
      "is a percentage: write 99.5 for 99.5 %; a value below 1 looks like a fraction";

  /** An RFC 3339 timestamp such as {@code 2026-11-23T18:00:00Z} or with a numeric offset. */
  public static final String RFC3339 =
      "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])[Tt]([01][0-9]|2[0-3]):[0-5][0-9]:"
          + "([0-5][0-9]|60)(\\.[0-9]+)?([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$";

  public static final int RFC3339_MAX_LENGTH = 64;

  /** A DNS-1123 label: namespaces, regions, virtual machine names. */
  public static final String DNS_LABEL = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";

  public static final int DNS_LABEL_MAX_LENGTH = 63;

  /** A DNS-1123 subdomain: the name of a Kubernetes object. */
  public static final String OBJECT_NAME =
      "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

  public static final int OBJECT_NAME_MAX_LENGTH = 253;

  /** A dotted-quad IPv4 address, unanchored, for composing patterns. */
  public static final String IPV4 =
      "((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])";

  /**
   * A lowercase DNS name whose last label starts with a letter, so 999.1.1.1 is not one;
   * unanchored.
   */
  public static final String HOSTNAME =
      "([a-z0-9]([-a-z0-9]*[a-z0-9])?\\.)*[a-z]([-a-z0-9]*[a-z0-9])?";

  private static final String PORT =
      "([1-9][0-9]{0,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5])";

  /** A hostname or an IPv4 address. */
  public static final String HOST = "^(" + IPV4 + "|" + HOSTNAME + ")$";

  public static final int HOST_MAX_LENGTH = 253;

  /**
   * A fully qualified DNS name to publish a record under: lowercase labels of at most 63
   * characters, the last one starting with a letter; no trailing dot, no wildcard.
   */
  public static final String DNS_NAME =
      "^([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?\\.)+[a-z]([-a-z0-9]{0,61}[a-z0-9])?$";

  public static final int DNS_NAME_MAX_LENGTH = 253;

  /** A hostname or IPv4 address with an optional port: a DNS resolver. */
  public static final String HOST_AND_OPTIONAL_PORT =
      "^(" + IPV4 + "|" + HOSTNAME + ")(:" + PORT + ")?$";

  /**
   * An egress destination: an IPv4 address or CIDR, an IPv6 address or CIDR, or a hostname that may
   * start with {@code *.} for all its subdomains.
   */
  public static final String EGRESS_DESTINATION =
      "^("
          + IPV4
          + "(/(3[0-2]|[12]?[0-9]))?"
          + "|[0-9a-f]{0,4}(:[0-9a-f]{0,4}){2,7}(/(12[0-8]|1[01][0-9]|[1-9]?[0-9]))?"
          + "|(\\*\\.)?"
          + HOSTNAME
          + ")$";

  /** An absolute http or https URL. */
  public static final String HTTP_URL = "^https?://[^\\s/?#]+[^\\s]*$";

  public static final int URL_MAX_LENGTH = 2048;

  /** An absolute HTTP path. */
  public static final String HTTP_PATH = "^/[^\\s]*$";

  public static final int HTTP_PATH_MAX_LENGTH = 1024;

  /** An e-mail address, loosely: something@domain.tld without spaces. */
  public static final String EMAIL = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";

  public static final int EMAIL_MAX_LENGTH = 254;

  // One cron field: a list of *, values or ranges, each with an optional /step.
  private static final String CRON_MINUTE = "[0-5]?[0-9]";
  private static final String CRON_MINUTE_ITEM =
      "(\\*|" + CRON_MINUTE + "(-" + CRON_MINUTE + ")?)(/[1-9][0-9]?)?";
  private static final String CRON_MINUTES = CRON_MINUTE_ITEM + "(," + CRON_MINUTE_ITEM + ")*";
  private static final String CRON_HOUR = "([01]?[0-9]|2[0-3])";
  private static final String CRON_HOUR_ITEM =
      "(\\*|" + CRON_HOUR + "(-" + CRON_HOUR + ")?)(/[1-9][0-9]?)?";
  private static final String CRON_HOURS = CRON_HOUR_ITEM + "(," + CRON_HOUR_ITEM + ")*";
  private static final String CRON_DAY = "(0?[1-9]|[12][0-9]|3[01])";
  private static final String CRON_DAY_ITEM =
      "(\\*|" + CRON_DAY + "(-" + CRON_DAY + ")?)(/[1-9][0-9]?)?";
  private static final String CRON_DAYS = CRON_DAY_ITEM + "(," + CRON_DAY_ITEM + ")*";
  private static final String CRON_MONTH =
      "(0?[1-9]|1[0-2]|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))";
  private static final String CRON_MONTH_ITEM =
      "(\\*|" + CRON_MONTH + "(-" + CRON_MONTH + ")?)(/[1-9][0-9]?)?";
  private static final String CRON_MONTHS = CRON_MONTH_ITEM + "(," + CRON_MONTH_ITEM + ")*";
  private static final String CRON_WEEKDAY = "([0-7]|(?i:sun|mon|tue|wed|thu|fri|sat))";
  private static final String CRON_WEEKDAY_ITEM =
      "(\\*|" + CRON_WEEKDAY + "(-" + CRON_WEEKDAY + ")?)(/[1-9][0-9]?)?";
  private static final String CRON_WEEKDAYS = CRON_WEEKDAY_ITEM + "(," + CRON_WEEKDAY_ITEM + ")*";

  /**
   * A five-field cron expression whose fields are in range (minute 0-59, hour 0-23, day of month
   * 1-31, month 1-12 or JAN-DEC, day of week 0-7 or SUN-SAT; each a list of {@code *}, values or
   * ranges, with an optional {@code /step}), or one of the @hourly/@daily/... macros. A regular
   * expression cannot tell that February has no 30th; such a schedule never fires, which only a
   * real cron parser (in the reconciler) can tell.
   */
  public static final String CRON =
      "^(@(yearly|annually|monthly|weekly|daily|midnight|hourly)|"
          + CRON_MINUTES
          + "\\s+"
          + CRON_HOURS
          + "\\s+"
          + CRON_DAYS
          + "\\s+"
          + CRON_MONTHS
          + "\\s+"
          + CRON_WEEKDAYS
          + ")$";

  /** {@link #CRON} as a CEL raw string. */
  public static final String CRON_CEL = "r'" + CRON + "'";

  public static final int CRON_MAX_LENGTH = 128;

  /** An opaque identifier: an action id or an idempotency key. */
  public static final String IDENTIFIER = "^[A-Za-z0-9]([-A-Za-z0-9._:]*[A-Za-z0-9])?$";

  /** Free text that explains something to a person: a reason, a summary. */
  public static final int TEXT_MAX_LENGTH = 1024;
}

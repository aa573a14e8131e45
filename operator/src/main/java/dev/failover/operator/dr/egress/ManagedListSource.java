package dev.failover.operator.dr.egress;

/** Where the managed allowlist's text comes from: a ConfigMap or an https URL. */
public interface ManagedListSource {
  /** Where, for status and logs: never a credential (a URL shows only scheme, host and port). */
  String describe();

  /**
   * @throws Exception anything that keeps the text from being read; the last good list stays
   */
  String read() throws Exception;
}

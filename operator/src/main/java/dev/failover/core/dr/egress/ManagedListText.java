package dev.failover.core.dr.egress;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The managed allowlist as a ConfigMap key or a URL serves it: one entry per line, in the
 * allowlist's syntax; blank lines and {@code #} comments are skipped. One bad line refuses the
 * whole text, since a half-understood list (a truncated download, an HTML error page) must not
 * replace a good one.
 */
public final class ManagedListText {
  /** More than this is not a list of critical destinations any more. */
  public static final int MAX_ENTRIES = 1024;

  private ManagedListText() {}

  /**
   * @throws IllegalArgumentException naming the first bad line
   */
  public static List<EgressDestination> parse(String text) {
    Set<EgressDestination> entries = new LinkedHashSet<>();
    String[] lines = text.split("\r?\n", -1);
    for (int number = 1; number <= lines.length; number++) {
      String line = lines[number - 1];
      int comment = line.indexOf('#');
      String entry = (comment < 0 ? line : line.substring(0, comment)).strip();
      if (entry.isEmpty()) {
        continue;
      }
      try {
        entries.add(EgressDestination.parse(entry));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("line " + number + ": " + e.getMessage(), e);
      }
      if (entries.size() > MAX_ENTRIES) {
        throw new IllegalArgumentException("more than " + MAX_ENTRIES + " entries");
      }
    }
    return new ArrayList<>(entries);
  }
}

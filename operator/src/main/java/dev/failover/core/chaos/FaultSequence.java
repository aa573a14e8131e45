package dev.failover.core.chaos;

import dev.failover.api.v1alpha1.chaosrestoretest.FaultKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Draws a test's faults from its seed (the rules are in {@link dev.failover.core.chaos}). */
public final class FaultSequence {
  private FaultSequence() {}

  /**
   * @param kinds the spec's kinds; all kinds when empty
   * @return {@code count} faults, or none when nothing of those kinds exists to act on
   */
  public static List<PlannedFault> draw(
      long seed, int count, List<FaultKind> kinds, FaultTargets targets) {
    if (count < 0) {
      throw new IllegalArgumentException("count cannot be negative");
    }
    Map<FaultKind, List<String>> available = targets.byKind();
    if (!kinds.isEmpty()) {
      available.keySet().retainAll(kinds);
    }
    List<FaultKind> drawable = new ArrayList<>(available.keySet());
    List<PlannedFault> faults = new ArrayList<>();
    if (drawable.isEmpty()) {
      return faults;
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < count; i++) {
      FaultKind kind = drawable.get(random.nextInt(drawable.size()));
      List<String> names = available.get(kind);
      faults.add(new PlannedFault(kind, names.get(random.nextInt(names.size()))));
    }
    return faults;
  }
}

package dev.failover.e2e.bench;

import java.util.List;

/**
 * Where each blackout sends the workloads, so that every data center is cut in turn. Priority
 * placement alone would only ever move between the first two (cut the first, they go to the second;
 * cut the second, they come back to the first), so the benchmark aims each move at the next data
 * center in the list, wrapping around, and excludes for the cut the ones the operator would
 * otherwise prefer to it.
 *
 * @param priority the placement's data centers, most preferred first
 */
record CutRotation(List<String> priority) {

  CutRotation {
    priority = List.copyOf(priority);
    if (priority.size() < 2) {
      throw new IllegalArgumentException("a rotation needs two data centers: " + priority);
    }
  }

  /** The data center the workloads should go to when {@code active} is cut. */
  String targetAfter(String active) {
    return priority.get((indexOf(active) + 1) % priority.size());
  }

  /**
   * The data centers to exclude while {@code active} is cut, so that Priority placement picks
   * {@link #targetAfter}: every one ranked above the target, other than the one being cut.
   */
  List<String> toExclude(String active) {
    String target = targetAfter(active);
    return priority.subList(0, indexOf(target)).stream()
        .filter(name -> !name.equals(active))
        .toList();
  }

  private int indexOf(String dataCenter) {
    int index = priority.indexOf(dataCenter);
    if (index < 0) {
      throw new IllegalArgumentException(dataCenter + " is not one of " + priority);
    }
    return index;
  }
}

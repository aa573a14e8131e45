package dev.failover.core.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class DowntimeSplitPropertyTest {
  private static final Instant BASE = Instant.parse("2027-12-01T00:00:00Z");

  private static List<DowntimeInterval> intervals(List<Long> starts, List<Long> lengths) {
    List<DowntimeInterval> result = new ArrayList<>();
    for (int i = 0; i < Math.min(starts.size(), lengths.size()); i++) {
      Instant start = BASE.plusMillis(starts.get(i));
      result.add(
          new DowntimeInterval(
              start,
              start.plusMillis(lengths.get(i)),
              i % 3 == 0 ? DowntimeKind.Unknown : DowntimeKind.Down));
    }
    return result;
  }

  @Property
  void monthsOfAYearAddUpToTheYearExactly(
      @ForAll @Size(max = 20) List<@LongRange(min = 0, max = 34_000_000_000L) Long> starts,
      @ForAll @Size(max = 20) List<@LongRange(min = 0, max = 5_000_000_000L) Long> lengths) {
    DowntimeIntervals downtime = new DowntimeIntervals(intervals(starts, lengths));
    Instant now = BASE.plusMillis(40_000_000_000L);
    YearMonth first = SlaPeriods.monthOf(BASE);
    long down = 0;
    long unknown = 0;
    for (int i = 0; i < 13; i++) {
      YearMonth month = first.plusMonths(i);
      Downtime part = downtime.within(SlaPeriods.startOf(month), SlaPeriods.endOf(month), now);
      down += part.downMillis();
      unknown += part.unknownMillis();
    }
    Downtime whole = downtime.within(BASE, SlaPeriods.endOf(first.plusMonths(12)), now);

    assertThat(new Downtime(down, unknown)).isEqualTo(whole);
  }

  @Property
  void downtimeNeverExceedsThePeriodNorTheSumOfItsIntervals(
      @ForAll @Size(max = 20) List<@LongRange(min = 0, max = 1_000_000) Long> starts,
      @ForAll @Size(max = 20) List<@LongRange(min = 0, max = 500_000) Long> lengths,
      @ForAll @IntRange(min = 0, max = 1_500_000) int periodMillis) {
    List<DowntimeInterval> all = intervals(starts, lengths);
    Instant end = BASE.plusMillis(periodMillis);
    long total = new DowntimeIntervals(all).within(BASE, end, end).totalMillis();
    long sum = all.stream().mapToLong(i -> i.end().toEpochMilli() - i.start().toEpochMilli()).sum();

    assertThat(total).isLessThanOrEqualTo(periodMillis).isLessThanOrEqualTo(sum);
  }
}

package dev.failover.core.dr.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ManagedListTextTest {
  @Test
  void readsOneEntryPerLineSkippingBlanksAndComments() {
    assertThat(
            ManagedListText.parse(
                """
                # the payment processor
                api.payments.example   # its API
                198.51.100.0/24

                *.updates.example\r
                198.51.100.7/24
                """))
        .containsExactly(
            new EgressDestination.Hostname("api.payments.example"),
            new EgressDestination.Block("198.51.100.0/24"),
            new EgressDestination.Wildcard("*.updates.example"));
  }

  @Test
  void anEmptyTextIsAnEmptyList() {
    assertThat(ManagedListText.parse("")).isEmpty();
    assertThat(ManagedListText.parse("# nothing yet\n")).isEmpty();
  }

  @Test
  void oneBadLineRefusesTheWholeTextNamingTheLine() {
    assertThatThrownBy(() -> ManagedListText.parse("api.example\n<html>oops</html>\n"))
        .hasMessageStartingWith("line 2: ")
        .hasMessageContaining("<html>");
    assertThatThrownBy(() -> ManagedListText.parse("0.0.0.0/0")).hasMessageStartingWith("line 1: ");
  }

  @Test
  void tooManyEntriesAreRefused() {
    String text =
        IntStream.rangeClosed(1, ManagedListText.MAX_ENTRIES + 1)
            .mapToObj(i -> "host" + i + ".example")
            .collect(Collectors.joining("\n"));
    assertThatThrownBy(() -> ManagedListText.parse(text)).hasMessageContaining("more than 1024");
  }
}

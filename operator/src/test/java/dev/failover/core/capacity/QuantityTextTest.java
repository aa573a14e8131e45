package dev.failover.core.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantityTextTest {
  @ParameterizedTest
  @CsvSource({
    "250m, 250",
    "1, 1000",
    "1.5, 1500",
    "0.1, 100",
    "32, 32000",
    "2e3, 2000000",
    "0.0001, 1",
    "0.5m, 1",
    "0, 0"
  })
  void readsCpuAsMillicoresRoundingUp(String quantity, long millis) {
    assertThat(QuantityText.cpuMillis(quantity)).isEqualTo(millis);
  }

  @ParameterizedTest
  @CsvSource({
    "512Mi, 536870912",
    "1Gi, 1073741824",
    "256Gi, 274877906944",
    "1G, 1000000000",
    "128974848, 128974848",
    "129e6, 129000000",
    "1k, 1000",
    "1Ki, 1024",
    "1.5Ki, 1536",
    "0.5, 1",
    "100m, 1"
  })
  void readsMemoryAsBytesRoundingUp(String quantity, long bytes) {
    assertThat(QuantityText.bytes(quantity)).isEqualTo(bytes);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "abc", "1 Gi", "-1", "-500m", "1Qi"})
  void rejectsWhatIsNotANonNegativeQuantity(String quantity) {
    assertThatThrownBy(() -> QuantityText.cpuMillis(quantity))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> QuantityText.bytes(quantity))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @CsvSource({"0, 0", "1000, 1", "32000, 32", "1500, 1500m", "1, 1m", "64500, 64500m"})
  void writesCpuInCoresWhenWholeOtherwiseMillicores(long millis, String text) {
    assertThat(QuantityText.cpu(millis)).isEqualTo(text);
  }

  @ParameterizedTest
  @CsvSource({
    "0, 0",
    "1000, 1000",
    "1024, 1Ki",
    "1536, 1536",
    "1572864, 1536Ki",
    "536870912, 512Mi",
    "274877906944, 256Gi",
    "1649267441664, 1536Gi",
    "1125899906842624, 1Pi"
  })
  void writesMemoryWithTheLargestBinarySuffixThatKeepsItExact(long bytes, String text) {
    assertThat(QuantityText.memory(bytes)).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1500m", "2", "512Mi", "256Gi", "1000", "3Ki"})
  void whatItWritesReadsBackToTheSameAmount(String quantity) {
    assertThat(QuantityText.cpuMillis(QuantityText.cpu(QuantityText.cpuMillis(quantity))))
        .isEqualTo(QuantityText.cpuMillis(quantity));
    assertThat(QuantityText.bytes(QuantityText.memory(QuantityText.bytes(quantity))))
        .isEqualTo(QuantityText.bytes(quantity));
  }
}

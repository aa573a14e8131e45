package dev.failover.testbed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Reads and writes the one-number pid files that kwokctl and the testbed keep. */
public final class PidFile {
  private PidFile() {}

  /** The pid in {@code content}, or empty when it holds no valid pid. */
  public static OptionalLong parse(String content) {
    String trimmed = content == null ? "" : content.strip();
    if (trimmed.isEmpty()) {
      return OptionalLong.empty();
    }
    String first = trimmed.split("\\s+", 2)[0];
    try {
      long pid = Long.parseLong(first);
      return pid > 0 ? OptionalLong.of(pid) : OptionalLong.empty();
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /** The pid in the file, or empty when the file is missing or holds no valid pid. */
  public static OptionalLong read(Path file) {
    try {
      return parse(Files.readString(file));
    } catch (NoSuchFileException e) {
      return OptionalLong.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void write(Path file, long pid) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, pid + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.failover.testbed;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Picks free TCP ports for the testbed's servers.
 *
 * <p>Ports are random in a wide range rather than counted down from the top, as kwokctl does: a
 * stopped data center's ports are free while it is down, and counting down would hand them to the
 * next cluster another testbed creates, so the restart would fail.
 */
public final class LoopbackPorts {
  private static final int LOWEST = 20000;
  private static final int HIGHEST = 32000;
  private static final Set<Integer> handedOut = new HashSet<>();

  private LoopbackPorts() {}

  /** A port free on 127.0.0.1 and on the wildcard address, never handed out before here. */
  public static synchronized int free() {
    for (int attempt = 0; attempt < 1000; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST);
      if (!handedOut.contains(port) && isFree(port)) {
        handedOut.add(port);
        return port;
      }
    }
    throw new IllegalStateException("no free port in " + LOWEST + ".." + HIGHEST);
  }

  static boolean isFree(int port) {
    return canBind(InetAddress.getLoopbackAddress(), port) && canBind(null, port);
  }

  private static boolean canBind(InetAddress address, int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(false);
      socket.bind(
          address == null ? new InetSocketAddress(port) : new InetSocketAddress(address, port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}

package dev.failover.operator.dr.egress;

import dev.failover.core.dr.egress.EgressDestination;
import dev.failover.core.dr.egress.HostnameAnswer;
import dev.failover.operator.dr.DnsTxtLookup;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.ResolverConfig;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Resolves an allowlist hostname to its A and AAAA addresses through one resolver, with dnsjava and
 * no cache of its own: each call asks on the wire, so a changed address is seen once the TTL the
 * answer carried runs out. UDP first, TCP when the answer is truncated (dnsjava) or none came in
 * time. Each of the two questions is bounded by the timeout, per transport.
 */
public final class HostnameResolver {
  private final Optional<String> resolver;
  private final Duration timeout;

  /**
   * @param resolver {@code host} or {@code host:port}; empty for the system's first nameserver
   */
  public HostnameResolver(Optional<String> resolver, Duration timeout) {
    this.resolver = resolver;
    this.timeout = timeout;
  }

  public HostnameAnswer resolve(String hostname) {
    InetSocketAddress server;
    Name name;
    try {
      server = resolver.map(DnsTxtLookup::address).orElseGet(HostnameResolver::systemResolver);
      name = Name.fromString(hostname.endsWith(".") ? hostname : hostname + ".");
    } catch (TextParseException | IllegalArgumentException e) {
      return new HostnameAnswer.Failed("cannot ask for " + hostname + ": " + e.getMessage());
    }
    List<String> blocks = new ArrayList<>();
    long ttl = Long.MAX_VALUE;
    boolean noSuchName = true;
    for (int type : new int[] {Type.A, Type.AAAA}) {
      Message response;
      try {
        response = ask(server, Message.newQuery(Record.newRecord(name, type, DClass.IN)));
      } catch (IOException e) {
        return new HostnameAnswer.Failed(
            "no answer from "
                + server.getHostString()
                + ":"
                + server.getPort()
                + " within "
                + timeout.toMillis()
                + "ms over UDP or TCP ("
                + e.getClass().getSimpleName()
                + ")");
      }
      int rcode = response.getRcode();
      if (rcode == Rcode.NXDOMAIN) {
        continue;
      }
      noSuchName = false;
      if (rcode != Rcode.NOERROR) {
        return new HostnameAnswer.Failed(Rcode.string(rcode) + " for " + hostname);
      }
      for (Record record : response.getSection(Section.ANSWER)) {
        if (record instanceof ARecord a) {
          blocks.add(EgressDestination.single(a.getAddress()).cidr());
          ttl = Math.min(ttl, record.getTTL());
        } else if (record instanceof AAAARecord aaaa) {
          blocks.add(EgressDestination.single(aaaa.getAddress()).cidr());
          ttl = Math.min(ttl, record.getTTL());
        }
      }
    }
    if (noSuchName) {
      return new HostnameAnswer.NoSuchName();
    }
    return new HostnameAnswer.Addresses(
        blocks, Duration.ofSeconds(ttl == Long.MAX_VALUE ? 0 : ttl));
  }

  private Message ask(InetSocketAddress server, Message query) throws IOException {
    try {
      return send(server, query, false);
    } catch (IOException udp) {
      return send(server, query, true);
    }
  }

  private Message send(InetSocketAddress server, Message query, boolean tcp) throws IOException {
    SimpleResolver simple = new SimpleResolver(server);
    simple.setTimeout(timeout);
    simple.setTCP(tcp);
    return simple.send(query);
  }

  private static InetSocketAddress systemResolver() {
    List<InetSocketAddress> servers = ResolverConfig.getCurrentConfig().servers();
    if (servers.isEmpty()) {
      throw new IllegalArgumentException("the system has no nameserver configured");
    }
    return servers.get(0);
  }
}

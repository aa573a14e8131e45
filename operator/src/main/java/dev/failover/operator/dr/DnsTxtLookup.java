package dev.failover.operator.dr;

import dev.failover.core.dr.TriggerPolls.Answer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.ResolverConfig;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Asks one resolver for a name's TXT records, with dnsjava and no cache in the way: every poll is a
 * query on the wire, so a value changed at the authoritative server is seen at the next poll (after
 * the TTL, where the resolver is a caching one). Over UDP first; a truncated answer is asked again
 * over TCP (dnsjava does that), and so is a UDP query that got no answer in time, since some
 * networks drop large UDP answers. Each record's strings are joined, as a TXT value longer than 255
 * characters is split into several.
 */
public final class DnsTxtLookup {
  private static final int DNS_PORT = 53;

  private final Duration timeout;

  public DnsTxtLookup(Duration timeout) {
    this.timeout = timeout;
  }

  /**
   * @param resolver {@code host} or {@code host:port}; empty for the system's first nameserver
   */
  public Answer lookup(String name, Optional<String> resolver) {
    InetSocketAddress server;
    Message query;
    try {
      server = resolver.map(DnsTxtLookup::address).orElseGet(DnsTxtLookup::systemResolver);
      query =
          Message.newQuery(Record.newRecord(Name.fromString(absolute(name)), Type.TXT, DClass.IN));
    } catch (TextParseException | IllegalArgumentException e) {
      return new Answer.NoAnswer("cannot ask for " + name + ": " + e.getMessage());
    }
    Message response;
    try {
      response = send(server, query, false);
    } catch (IOException udp) {
      try {
        response = send(server, query, true);
      } catch (IOException tcp) {
        return new Answer.NoAnswer(
            "no answer from "
                + describe(server)
                + " within "
                + timeout.toMillis()
                + "ms over UDP or TCP ("
                + tcp.getClass().getSimpleName()
                + ")");
      }
    }
    int rcode = response.getRcode();
    if (rcode == Rcode.NXDOMAIN) {
      return new Answer.NoSuchName();
    }
    if (rcode != Rcode.NOERROR) {
      return new Answer.Failed(Rcode.string(rcode));
    }
    List<String> values = new ArrayList<>();
    for (Record record : response.getSection(Section.ANSWER)) {
      if (record instanceof TXTRecord txt) {
        values.add(String.join("", txt.getStrings()));
      }
    }
    return new Answer.Values(values);
  }

  private Message send(InetSocketAddress server, Message query, boolean tcp) throws IOException {
    SimpleResolver resolver = new SimpleResolver(server);
    resolver.setTimeout(timeout);
    resolver.setTCP(tcp);
    return resolver.send(query);
  }

  private static String absolute(String name) {
    return name.endsWith(".") ? name : name + ".";
  }

  public static InetSocketAddress address(String resolver) {
    String host = resolver;
    int port = DNS_PORT;
    int colon = resolver.lastIndexOf(':');
    // host:port, but not a bare IPv6 address; [v6]:port is bracketed.
    if (colon > 0 && resolver.indexOf(':') == colon) {
      host = resolver.substring(0, colon);
      port = Integer.parseInt(resolver.substring(colon + 1));
    } else if (resolver.startsWith("[") && resolver.contains("]:")) {
      host = resolver.substring(1, resolver.indexOf(']'));
      port = Integer.parseInt(resolver.substring(resolver.indexOf("]:") + 2));
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is out of range");
    }
    return new InetSocketAddress(host, port);
  }

  private static InetSocketAddress systemResolver() {
    List<InetSocketAddress> servers = ResolverConfig.getCurrentConfig().servers();
    if (servers.isEmpty()) {
      throw new IllegalArgumentException("the system has no nameserver configured");
    }
    return servers.get(0);
  }

  private static String describe(InetSocketAddress server) {
    return server.getHostString() + ":" + server.getPort();
  }
}

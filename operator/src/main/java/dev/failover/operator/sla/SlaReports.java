package dev.failover.operator.sla;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.core.ShortName;
import dev.failover.operator.failoverpolicy.PolicyLabels;
import dev.failover.operator.failoverpolicy.ServerSideApply;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each policy's monthly SLA report, Markdown rendered from {@code sla/monthly-report.md
 * .mustache}, into a ConfigMap {@code <policy>-sla-<YYYY>-<MM>} in the policy's namespace, owned by
 * the policy (deleted with it) and server-side applied. A month still running is rewritten only
 * when an outage has ended or its credit changed ({@link SlaReport#substance}), never in the middle
 * of an outage, so a failover never waits for it; a report that cannot be written is logged and
 * tried again at the next change, and never stops a failover.
 */
public final class SlaReports implements SlaReportWriter {
  public static final String KEY = "report.md";

  /** Marks the ConfigMaps that hold SLA reports, and for which month. */
  public static final String MONTH_LABEL = "failover.dev/sla-month";

  private static final Logger log = LoggerFactory.getLogger(SlaReports.class);
  private static final int MAX_NAME = 253;

  private final KubernetesClient hub;
  private final Mustache template;
  private final Map<String, SlaReport> written = new ConcurrentHashMap<>();

  public SlaReports(KubernetesClient hub) {
    this.hub = hub;
    // Markdown, not HTML: the values are the operator's own numbers and names, written as they are.
    DefaultMustacheFactory factory =
        new DefaultMustacheFactory("sla") {
          @Override
          public void encode(String value, Writer writer) {
            try {
              writer.write(value);
            } catch (java.io.IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          }
        };
    this.template = factory.compile("monthly-report.md.mustache");
  }

  public static String name(String policy, String month) {
    String suffix = "-sla-" + month;
    return ShortName.of(policy, MAX_NAME - suffix.length()) + suffix;
  }

  String render(SlaReport report) {
    StringWriter out = new StringWriter();
    template.execute(out, report);
    return out.toString();
  }

  /** Writes the report unless one of the same substance was written before by this operator. */
  @Override
  public void write(FailoverPolicy policy, SlaReport report) {
    String name = name(policy.getMetadata().getName(), report.month());
    String key = policy.getMetadata().getNamespace() + "/" + name;
    if (report.substance().equals(written.get(key))) {
      return;
    }
    Map<String, String> labels = new HashMap<>(PolicyLabels.of(policy));
    labels.put(MONTH_LABEL, report.month());
    ConfigMap configMap =
        new ConfigMapBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(policy.getMetadata().getNamespace())
            .withLabels(labels)
            .withOwnerReferences(
                new OwnerReferenceBuilder()
                    .withApiVersion(policy.getApiVersion())
                    .withKind(policy.getKind())
                    .withName(policy.getMetadata().getName())
                    .withUid(policy.getMetadata().getUid())
                    .withController(true)
                    .build())
            .endMetadata()
            .withData(Map.of(KEY, render(report)))
            .build();
    try {
      ServerSideApply.apply(hub, configMap);
      written.put(key, report.substance());
    } catch (KubernetesClientException e) {
      log.warn(
          "{}: cannot write the SLA report {} ({}); trying again at the next change",
          key,
          name,
          e.getCode());
    }
  }

  /** The policy is deleted: its reports go with it (garbage collection), and so does the memo. */
  @Override
  public void forget(String namespace, String policy) {
    written.keySet().removeIf(key -> key.startsWith(namespace + "/" + policy + "-sla-"));
  }
}

package dev.failover.operator.notification;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import dev.failover.api.v1alpha1.common.SlaCredit;
import dev.failover.api.v1alpha1.notification.Audience;
import dev.failover.api.v1alpha1.notificationchannel.NotificationLanguage;
import dev.failover.core.notification.PolicyMoment;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders a moment into a message with the Mustache templates under {@code
 * notifications/<language>/<audience>.mustache}: one file per language and audience, one section
 * per event type, so a translator sees every message of a language in one place. The first line a
 * section renders is the title. Templates are plain text: values are not HTML-escaped here (the
 * e-mail channel escapes its HTML part).
 */
public final class MessageTemplates {
  static final int MESSAGE_LIMIT = 4096;
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final MustacheFactory factory = new PlainTextMustacheFactory();
  private final Map<String, Mustache> compiled = new ConcurrentHashMap<>();

  public RenderedMessage render(
      PolicyMoment moment, Audience audience, NotificationLanguage language) {
    String name = language.name() + "/" + audience.name().toLowerCase(Locale.ROOT) + ".mustache";
    Mustache template = compiled.computeIfAbsent(name, factory::compile);
    StringWriter out = new StringWriter();
    template.execute(out, scope(moment));
    String text =
        out.toString().replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    if (text.isEmpty()) {
      throw new IllegalStateException("no " + moment.type() + " section in template " + name);
    }
    RenderedMessage message = RenderedMessage.of(text);
    int room = MESSAGE_LIMIT - message.title().length() - 2;
    if (message.body().length() > room) {
      // A fact too long for the message (a long reason) loses its end, not the whole message.
      return new RenderedMessage(message.title(), message.body().substring(0, room - 1) + "…");
    }
    return message;
  }

  private static Map<String, Object> scope(PolicyMoment moment) {
    Map<String, Object> scope = new HashMap<>(moment.facts());
    scope.put("policy", moment.policyName());
    scope.put("namespace", moment.namespace());
    scope.put("occurredAt", TIME.format(moment.occurredAt()));
    scope.put(moment.type().name(), true);
    moment.credit().ifPresent(credit -> scope.put("credit", credit(credit)));
    return scope;
  }

  private static Map<String, Object> credit(SlaCredit credit) {
    Map<String, Object> values = new HashMap<>();
    if (credit.getRemedy() != null) {
      values.put(credit.getRemedy().name(), true);
    }
    // A credit of 0 % (a pure cancellation right) states no amount.
    if (credit.getCreditPercent() != null && credit.getCreditPercent() != 0) {
      values.put("percent", number(credit.getCreditPercent()));
    }
    if (credit.getMeasuredAvailabilityPercent() != null) {
      values.put("measured", number(credit.getMeasuredAvailabilityPercent()));
    }
    if (credit.getSlaPercent() != null) {
      values.put("sla", number(credit.getSlaPercent()));
    }
    if (credit.getPeriod() != null) {
      values.put("period", credit.getPeriod());
    }
    return values;
  }

  /** 10.0 reads "10" and 99.95 "99.95", in every language. */
  private static String number(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  /** Mustache's default escapes for HTML; these templates are plain text. */
  private static final class PlainTextMustacheFactory extends DefaultMustacheFactory {
    PlainTextMustacheFactory() {
      super("notifications");
    }

    @Override
    public void encode(String value, Writer writer) {
      try {
        writer.write(value);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}

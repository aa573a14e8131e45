package dev.failover.operator.notification.channels;

import dev.failover.api.v1alpha1.common.NotificationEventType;
import dev.failover.api.v1alpha1.common.Remedy;
import dev.failover.api.v1alpha1.common.SecretKeyRef;
import dev.failover.api.v1alpha1.common.SlaCredit;
import dev.failover.api.v1alpha1.notification.Audience;
import dev.failover.operator.notification.RenderedMessage;
import java.time.Instant;

/** Deliveries and references the channel tests share. */
final class Deliveries {
  private Deliveries() {}

  static Delivery restored() {
    SlaCredit credit = new SlaCredit();
    credit.setRemedy(Remedy.Discount);
    credit.setCreditPercent(10.0);
    credit.setPeriod("2026-11");
    return new Delivery(
        "shop",
        "crm",
        NotificationEventType.Restored,
        Audience.Customers,
        "crm-restored-7f3a",
        Instant.parse("2026-11-23T10:42:00Z"),
        new RenderedMessage(
            "Service crm: restoration complete",
            "Data center toronto is restored & crm runs in chicago <again>."),
        credit);
  }

  static SecretKeyRef ref(String name, String key) {
    SecretKeyRef ref = new SecretKeyRef();
    ref.setName(name);
    ref.setKey(key);
    return ref;
  }
}

package dev.failover.operator.dr.egress;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * The managed list in a ConfigMap the platform team keeps, usually in the operator's own namespace
 * in the hub: one entry per line under a key.
 */
public final class ConfigMapListSource implements ManagedListSource {
  private final KubernetesClient hub;
  private final String namespace;
  private final String name;
  private final String key;

  public ConfigMapListSource(KubernetesClient hub, String namespace, String name, String key) {
    this.hub = hub;
    this.namespace = namespace;
    this.name = name;
    this.key = key;
  }

  @Override
  public String describe() {
    return "ConfigMap " + namespace + "/" + name + " key " + key;
  }

  @Override
  public String read() {
    ConfigMap map = hub.configMaps().inNamespace(namespace).withName(name).get();
    if (map == null) {
      throw new IllegalStateException(describe() + " does not exist");
    }
    String text = map.getData() == null ? null : map.getData().get(key);
    if (text == null) {
      throw new IllegalStateException(describe() + " has no such key");
    }
    return text;
  }
}

package dev.failover.core.workload;

import java.util.Set;

/**
 * The built-in cluster-scoped kinds of Kubernetes. Before anything is applied, these are known to
 * reach beyond a namespace; a custom cluster-scoped kind is caught at apply time by the data
 * center's discovery.
 */
public final class ClusterScopedKinds {
  private static final Set<GroupKind> BUILT_IN =
      Set.of(
          new GroupKind("", "Namespace"),
          new GroupKind("", "Node"),
          new GroupKind("", "PersistentVolume"),
          new GroupKind("", "ComponentStatus"),
          new GroupKind("rbac.authorization.k8s.io", "ClusterRole"),
          new GroupKind("rbac.authorization.k8s.io", "ClusterRoleBinding"),
          new GroupKind("apiextensions.k8s.io", "CustomResourceDefinition"),
          new GroupKind("apiregistration.k8s.io", "APIService"),
          new GroupKind("admissionregistration.k8s.io", "ValidatingWebhookConfiguration"),
          new GroupKind("admissionregistration.k8s.io", "MutatingWebhookConfiguration"),
          new GroupKind("admissionregistration.k8s.io", "ValidatingAdmissionPolicy"),
          new GroupKind("admissionregistration.k8s.io", "ValidatingAdmissionPolicyBinding"),
          new GroupKind("admissionregistration.k8s.io", "MutatingAdmissionPolicy"),
          new GroupKind("admissionregistration.k8s.io", "MutatingAdmissionPolicyBinding"),
          new GroupKind("storage.k8s.io", "StorageClass"),
          new GroupKind("storage.k8s.io", "CSIDriver"),
          new GroupKind("storage.k8s.io", "CSINode"),
          new GroupKind("storage.k8s.io", "VolumeAttachment"),
          new GroupKind("storage.k8s.io", "VolumeAttributesClass"),
          new GroupKind("scheduling.k8s.io", "PriorityClass"),
          new GroupKind("node.k8s.io", "RuntimeClass"),
          new GroupKind("networking.k8s.io", "IngressClass"),
          new GroupKind("networking.k8s.io", "IPAddress"),
          new GroupKind("networking.k8s.io", "ServiceCIDR"),
          new GroupKind("certificates.k8s.io", "CertificateSigningRequest"),
          new GroupKind("certificates.k8s.io", "ClusterTrustBundle"),
          new GroupKind("flowcontrol.apiserver.k8s.io", "FlowSchema"),
          new GroupKind("flowcontrol.apiserver.k8s.io", "PriorityLevelConfiguration"),
          new GroupKind("resource.k8s.io", "DeviceClass"),
          new GroupKind("resource.k8s.io", "ResourceSlice"));

  private ClusterScopedKinds() {}

  public static boolean isBuiltIn(GroupKind kind) {
    return BUILT_IN.contains(kind);
  }
}

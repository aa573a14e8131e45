package dev.failover.operator.rider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.failoverpolicy.RiderKind;
import dev.failover.api.v1alpha1.iaasrider.IaasRider;
import dev.failover.api.v1alpha1.paasrider.PaasRider;
import dev.failover.api.v1alpha1.saasrider.SaasRider;
import dev.failover.core.rider.Subject;
import dev.failover.core.rider.TaskRole;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import org.junit.jupiter.api.Test;

class RiderTermsTest {
  @Test
  void aPaasRiderIsReadWithItsDeveloperLimitAndItsServiceAccountsNamespaced() {
    PaasRider rider =
        Serialization.unmarshal(
            """
            apiVersion: failover.dev/v1alpha1
            kind: PaasRider
            metadata: {name: billing, namespace: shop}
            spec:
              userControl: {namespaces: [shop, shop-eu]}
              license: {maxApplicationsDeveloped: 5, maxConcurrentDevelopers: 3, maxConcurrentSaasUsers: 10}
              applicationDevelopment: {applicationTypes: [BillingPayroll]}
              grants:
                - subjects: [{kind: Group, name: devs}, {kind: ServiceAccount, name: ci}]
                  tasks: [DeployApplications, RunBackups]
                - subjects: [{kind: ServiceAccount, name: bot, namespace: tools}]
                  tasks: [ScanApplications]
            """,
            PaasRider.class);

    RiderTerms terms = RiderTerms.of(rider);

    assertThat(terms.kind()).isEqualTo(RiderKind.PaasRider);
    assertThat(terms.riderLabel()).isEqualTo("paas");
    assertThat(terms.declaredNamespaces()).containsExactly("shop", "shop-eu");
    assertThat(terms.subjectLimit()).hasValue(3);
    assertThat(terms.subjectLimitField()).isEqualTo("license.maxConcurrentDevelopers");
    assertThat(terms.grants().get(0).subjects())
        .containsExactly(
            new Subject("Group", "devs", null), new Subject("ServiceAccount", "ci", "shop"));
    assertThat(terms.grants().get(0).roles())
        .extracting(TaskRole::task)
        .containsExactly("DeployApplications", "RunBackups");
    assertThat(terms.grants().get(1).subjects())
        .containsExactly(new Subject("ServiceAccount", "bot", "tools"));
  }

  @Test
  void aSaasRiderLimitsNoSubjectsAndAnIaasRiderLimitsSpecialists() {
    SaasRider saas =
        Serialization.unmarshal(
            """
            apiVersion: failover.dev/v1alpha1
            kind: SaasRider
            metadata: {name: crm, namespace: shop}
            spec:
              license: {maxApplications: 2, maxConcurrentUsersPerApplication: 10, maxRequestsPerUser: 5, allowedApplicationTypes: [CRM]}
            """,
            SaasRider.class);
    IaasRider iaas =
        Serialization.unmarshal(
            """
            apiVersion: failover.dev/v1alpha1
            kind: IaasRider
            metadata: {name: vms, namespace: shop}
            spec:
              license: {maxVirtualMachines: 4, maxConcurrentSpecialists: 2, maxPaasDevelopersOnVms: 1}
              grants:
                - subjects: [{kind: User, name: ops}]
                  tasks: [ManageVirtualMachines, AccessInfrastructure]
            """,
            IaasRider.class);

    RiderTerms saasTerms = RiderTerms.of(saas);
    assertThat(saasTerms.subjectLimit()).isEmpty();
    assertThat(saasTerms.grants()).isEmpty();
    assertThat(saasTerms.declaredNamespaces()).isEmpty();

    RiderTerms iaasTerms = RiderTerms.of(iaas);
    assertThat(iaasTerms.subjectLimit()).hasValue(2);
    // A provider-only task (the schema refuses it) never becomes a role.
    assertThat(iaasTerms.grants().get(0).roles())
        .extracting(TaskRole::task)
        .containsExactly("ManageVirtualMachines");
    assertThat(iaasTerms.plan(List.of("shop")).bindings()).hasSize(1);
  }
}

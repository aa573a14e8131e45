package dev.failover.e2e.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiServerRequestsTest {
  private static final String METRICS =
      """
      # HELP apiserver_request_total Counter of apiserver requests
      apiserver_request_total{code="200",component="apiserver",resource="deployments",subresource="",verb="GET"} 120
      apiserver_request_total{code="429",component="apiserver",resource="pods",subresource="",verb="LIST"} 3
      apiserver_request_total{code="201",component="apiserver",resource="failoverpolicies",subresource="status",verb="APPLY"} 1.5e+01
      apiserver_flowcontrol_dispatched_requests_total{flow_schema="service-accounts",priority_level="workload-low"} 40
      apiserver_flowcontrol_dispatched_requests_total{flow_schema="exempt",priority_level="exempt"} 90
      apiserver_flowcontrol_dispatched_requests_total{flow_schema="service-accounts",priority_level="global-default"} 2
      """;

  @Test
  void countsEveryRequestTheOperatorsAndThe429s() {
    ApiServerRequests requests = ApiServerRequests.parse(METRICS);

    assertThat(requests.all()).isEqualTo(138);
    assertThat(requests.serviceAccounts()).isEqualTo(42);
    assertThat(requests.throttled()).isEqualTo(3);
  }

  @Test
  void namesTheBusiestCalls() {
    ApiServerRequests requests = ApiServerRequests.parse(METRICS);

    assertThat(requests.busiest(2))
        .containsExactly("GET deployments 200: 120", "APPLY failoverpolicies/status 201: 15");
  }

  @Test
  void aWindowIsTheDifference() {
    ApiServerRequests before = new ApiServerRequests(100, 40, 1);
    ApiServerRequests after = new ApiServerRequests(160, 52, 1);

    ApiServerRequests window = after.since(before);
    assertThat(window.all()).isEqualTo(60);
    assertThat(window.serviceAccounts()).isEqualTo(12);
    assertThat(window.throttled()).isZero();
  }
}

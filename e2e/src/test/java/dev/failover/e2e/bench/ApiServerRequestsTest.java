package dev.failover.e2e.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiServerRequestsTest {
  private static final String METRICS =
      """
      # HELP apiserver_request_total Counter of apiserver requests
      apiserver_request_total{code="200",component="apiserver",verb="GET"} 120
      apiserver_request_total{code="429",component="apiserver",verb="LIST"} 3
      apiserver_request_total{code="201",component="apiserver",verb="POST"} 1.5e+01
      apiserver_flowcontrol_dispatched_requests_total{flow_schema="service-accounts",priority_level="workload-low"} 40
      apiserver_flowcontrol_dispatched_requests_total{flow_schema="exempt",priority_level="exempt"} 90
      apiserver_flowcontrol_dispatched_requests_total{flow_schema="service-accounts",priority_level="global-default"} 2
      """;

  @Test
  void countsEveryRequestTheOperatorsAndThe429s() {
    ApiServerRequests requests = ApiServerRequests.parse(METRICS);

    assertThat(requests).isEqualTo(new ApiServerRequests(138, 42, 3));
  }

  @Test
  void aWindowIsTheDifference() {
    ApiServerRequests before = new ApiServerRequests(100, 40, 1);
    ApiServerRequests after = new ApiServerRequests(160, 52, 1);

    assertThat(after.since(before)).isEqualTo(new ApiServerRequests(60, 12, 0));
  }
}

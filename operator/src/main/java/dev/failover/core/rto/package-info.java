/** RTO feasibility: can a policy's detection settings and standby mode meet its RTO? */
package dev.failover.core.rto;

/**
 * Schema customizers that the fabric8 CRD generator runs at build time, for the few OpenAPI
 * extensions its annotations cannot express. Nothing here runs inside the operator.
 */
package dev.failover.api.schema;

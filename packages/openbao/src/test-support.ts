// Fixtures this package's tests share (not exported from index.ts): the components a cluster's other packages
// provide, as far as openBao() references them.
import type { Component } from "@k8s-ops/core";
import { externalSecrets } from "@k8s-ops/external-secrets";
import { cephBlockStandIn, gatewaysStandIn } from "@k8s-ops/testing";

/** The cluster's secret store. */
export const secrets = externalSecrets({ vault: "k8s-infra" });

/** Stand-in for Rook-Ceph's block storage class. */
const storage = cephBlockStandIn();
export const cephBlock = storage.storageClass;
/** Stand-in for the envoy-gateway component's gateways. */
const gateways = gatewaysStandIn({ crds: true });
export const internalGateway = gateways.internal;

/** Everything openBao() is rendered alongside. */
export const providers: readonly Component[] = [secrets, storage.component, gateways.component];

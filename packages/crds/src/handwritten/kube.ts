// The few core/v1 shapes the hand-written models use, written out because this package does not depend on
// `kubernetes-models`. They are structurally compatible with its IToleration, IPodSecurityContext and IEnvVar.

/** A core/v1 Toleration. */
export interface Toleration {
  key?: string;
  operator?: "Exists" | "Equal";
  value?: string;
  effect?: "NoSchedule" | "PreferNoSchedule" | "NoExecute";
  tolerationSeconds?: number;
}

/** The fields of a core/v1 PodSecurityContext that a mover or job pod typically sets. */
export interface PodSecurityContext {
  runAsUser?: number;
  runAsGroup?: number;
  runAsNonRoot?: boolean;
  fsGroup?: number;
  fsGroupChangePolicy?: "Always" | "OnRootMismatch";
  supplementalGroups?: number[];
  seccompProfile?: { type: "RuntimeDefault" | "Localhost" | "Unconfined"; localhostProfile?: string };
}

/** A core/v1 EnvVar with a literal value or a value from a field, a Secret or a ConfigMap. */
export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: {
    fieldRef?: { fieldPath: string; apiVersion?: string };
    secretKeyRef?: { name: string; key: string; optional?: boolean };
    configMapKeyRef?: { name: string; key: string; optional?: boolean };
  };
}

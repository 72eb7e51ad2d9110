// DO NOT EDIT: generated from schema/ by npm run generate (src/generate/files.ts)

export type Quantity = string | number;
export type Cidr = string;
export type UnprivilegedPort = number;

export interface VendataValues {
  global?: Global;
  /**
   * The stack's Secret (unless global.existingSecret is set).
   */
  secrets?: {
    /**
     * Fixed values instead of random ones, for tests or a secret manager at install time. Never commit real values.
     */
    values?: {
      JWT_SECRET?: string;
      MONGODB_PASSWORD?: string;
      MONGODB_ROOT_PASSWORD?: string;
      REDIS_PASSWORD?: string;
      ADMIN_TOKEN?: string;
      MONGODB_KEYFILE?: string;
    };
  };
  /**
   * The pods `helm test` runs.
   */
  tests?: {
    image?: Image;
  };
  /**
   * NetworkPolicies - default deny, then nginx -> api -> mongo and redis, database members among themselves, Prometheus to every pod.
   */
  networkPolicy?: {
    /**
     * Render the NetworkPolicies.
     */
    enabled?: boolean;
    /**
     * Labels of the cluster's DNS pods, reachable by every pod on port 53.
     */
    dnsPodLabels?: {
      [k: string]: string;
    };
    /**
     * Phase 4: the other regions' addresses, allowed to and from the Mongo pods (required with mongo.replicaSet.externalMembers).
     */
    peerRegionCidrs?: string[];
  };
  /**
   * Reserved for the library chart; takes no values.
   */
  common?: {
    global?: Global;
  };
  /**
   * The Node.js API.
   */
  api?: {
    /**
     * Deploy this component.
     */
    enabled?: boolean;
    global?: Global;
    image?: Image;
    /**
     * Replicas while autoscaling is off.
     */
    replicaCount?: number;
    autoscaling?: Autoscaling;
    /**
     * Container port (named http).
     */
    port?: number;
    /**
     * Seconds a stopping pod keeps serving before SIGTERM, so endpoints and nginx forget it first (must exceed nginx.resolver.validSeconds).
     */
    preStopSleepSeconds?: number;
    /**
     * Seconds a stopping pod gets in all (must exceed preStopSleepSeconds).
     */
    terminationGracePeriodSeconds?: number;
    /**
     * Extra pod annotations.
     */
    podAnnotations?: {
      [k: string]: string;
    };
    /**
     * Non-secret environment of the API (a ConfigMap).
     */
    config?: {
      NODE_ENV?: "production" | "staging" | "development";
      API_URL?: string;
      FRONTEND_URL?: string;
    };
    resources?: Resources;
  };
  /**
   * MongoDB 7.0. Databases never autoscale (an added pod would not join the replica set).
   */
  mongo?: {
    /**
     * Deploy this component.
     */
    enabled?: boolean;
    global?: Global;
    /**
     * standalone (phase 1), replicaset rs0 (phases 2-3) or sharded (phase 4).
     */
    architecture?: "standalone" | "replicaset" | "sharded";
    image?: Image;
    /**
     * mongod port.
     */
    port?: number;
    auth?: {
      /**
       * Administrative user.
       */
      rootUser?: string;
      /**
       * The application's database.
       */
      database?: string;
      /**
       * Application user (readWrite on the database only).
       */
      username?: string;
    };
    /**
     * Connection pool the API asks for in its URI.
     */
    pool?: {
      maxPoolSize?: number;
      minPoolSize?: number;
    };
    replicaSet?: {
      /**
       * Replica set name.
       */
      name?: string;
      /**
       * Members in this release (the set's voting size must be odd).
       */
      replicas?: number;
      /**
       * Where the API reads.
       */
      readPreference?: "primary" | "primaryPreferred" | "secondary" | "secondaryPreferred" | "nearest";
      /**
       * Members that live in other regions' releases (phase 4).
       */
      externalMembers?: {
        host: string;
        priority?: number;
        votes?: 0 | 1;
      }[];
    };
    sharded?: {
      /**
       * Config server replica set members.
       */
      configServers?: number;
      /**
       * Number of shards.
       */
      shards?: number;
      /**
       * Members of each shard's replica set.
       */
      shardReplicas?: number;
      /**
       * mongos routers.
       */
      mongos?: number;
    };
    resources?: Resources;
    persistence?: Persistence;
  };
  /**
   * Redis 7, the session store.
   */
  redis?: {
    /**
     * Deploy this component.
     */
    enabled?: boolean;
    global?: Global;
    /**
     * standalone (phase 1), sentinel (phase 2) or cluster (phases 3-4).
     */
    mode?: "standalone" | "sentinel" | "cluster";
    image?: Image;
    /**
     * Redis port.
     */
    port?: number;
    /**
     * maxmemory (must stay below the container's memory limit).
     */
    maxmemory?: string;
    /**
     * Eviction policy.
     */
    maxmemoryPolicy?:
      | "noeviction"
      | "allkeys-lru"
      | "allkeys-lfu"
      | "allkeys-random"
      | "volatile-lru"
      | "volatile-lfu"
      | "volatile-random"
      | "volatile-ttl";
    sentinel?: {
      /**
       * Redis pods (one master, the rest replicas), each with a sentinel.
       */
      replicas?: number;
      /**
       * Sentinels that must agree the master is down.
       */
      quorum?: number;
      port?: number;
      masterName?: string;
    };
    cluster?: {
      /**
       * Nodes (= masters x (1 + replicasPerMaster), at least 3 masters).
       */
      nodes?: number;
      replicasPerMaster?: number;
      /**
       * cluster-node-timeout in ms.
       */
      nodeTimeout?: number;
      busPort?: number;
    };
    resources?: Resources;
    persistence?: Persistence;
  };
  /**
   * Nginx load balancer in front of the API and the frontend.
   */
  nginx?: {
    /**
     * Deploy this component.
     */
    enabled?: boolean;
    global?: Global;
    image?: Image;
    /**
     * modern: nginx >= 1.27.3 re-resolves the API's pods in the upstream block (least_conn, keepalive). legacy: nginx 1.22 to 1.27.2, pods resolved through a variable proxy_pass (no least_conn, keepalive or max_fails).
     */
    compatibility?: "modern" | "legacy";
    /**
     * Replicas while autoscaling is off.
     */
    replicaCount?: number;
    autoscaling?: Autoscaling;
    /**
     * Unprivileged ports nginx listens on (the container runs as uid 101).
     */
    containerPorts?: {
      /**
       * Plain HTTP
       */
      http?: number;
      /**
       * TLS with HTTP/2.
       */
      https?: number;
      /**
       * stub_status, on 127.0.0.1 only (for the exporter).
       */
      status?: number;
    };
    /**
     * IPv4 address nginx binds; empty binds every address (what a pod needs).
     */
    listenAddress?: string;
    /**
     * DNS server nginx asks for the API's pods (nginx uses no search domains and not /etc/hosts).
     */
    resolver?: {
      /**
       * DNS server, host or host:port.
       */
      address?: string;
      /**
       * How long nginx keeps an answer (api.preStopSleepSeconds must exceed it).
       */
      validSeconds?: number;
    };
    /**
     * Cluster DNS domain.
     */
    clusterDomain?: string;
    service?: {
      /**
       * Service type.
       */
      type?: "ClusterIP" | "NodePort" | "LoadBalancer";
      ports?: {
        http?: number;
        https?: number;
      };
      /**
       * CIDRs a LoadBalancer admits besides the CDN's (cdn.enabled); empty with the CDN off admits everyone.
       */
      loadBalancerSourceRanges?: Cidr[];
    };
    /**
     * The CDN in front of nginx (phases 3-4): its ranges are the only source of a client address header, and the only clients a LoadBalancer admits.
     */
    cdn?: {
      /**
       * Nginx sits behind the CDN.
       */
      enabled?: boolean;
      /**
       * Header carrying the client address.
       */
      realIpHeader?: string;
      /**
       * The CDN's ranges (default: Cloudflare's published ranges).
       *
       * @minItems 1
       */
      trustedRanges?: [Cidr, ...Cidr[]];
    };
    tls?: {
      /**
       * Serve HTTPS with HTTP/2.
       */
      enabled?: boolean;
      /**
       * kubernetes.io/tls Secret with tls.crt and tls.key (required when enabled).
       */
      secretName?: string;
      /**
       * Redirect HTTP to HTTPS (the health endpoint stays on HTTP).
       */
      redirectHttp?: boolean;
    };
    /**
     * @minItems 1
     */
    serverNames?: [string, ...string[]];
    api?: {
      /**
       * The API's port.
       */
      port?: number;
    };
    /**
     * Where / goes: a small frontend Deployment in this release (deploy), else host:port.
     */
    frontend?: {
      /**
       * Deploy the frontend in this release.
       */
      deploy?: boolean;
      /**
       * Frontend host when deploy is false, fully qualified (nginx's resolver uses no search domains).
       */
      host?: string;
      /**
       * Frontend port.
       */
      port?: number;
      /**
       * Frontend replicas.
       */
      replicaCount?: number;
      image?: Image1;
      resources?: Resources;
    };
    /**
     * Per client address and per nginx replica.
     */
    rateLimits?: {
      general?: RateLimit;
      api?: RateLimit;
    };
    /**
     * Largest request body; larger ones get 413.
     */
    clientMaxBodySize?: string;
    /**
     * Long-lived Cache-Control for static assets under / (none is added for /api/).
     */
    staticAssets?: {
      maxAgeSeconds?: number;
      /**
       * @minItems 1
       */
      extensions?: [string, ...string[]];
    };
    /**
     * nginx-prometheus-exporter sidecar reading stub_status.
     */
    metrics?: {
      enabled?: boolean;
      port?: UnprivilegedPort;
      image?: Image;
      resources?: Resources;
    };
    /**
     * Seconds a stopping pod keeps serving while the load balancer forgets it.
     */
    preStopSleepSeconds?: number;
    /**
     * Seconds a stopping pod gets in all (must exceed preStopSleepSeconds).
     */
    terminationGracePeriodSeconds?: number;
    resources?: Resources;
  };
  /**
   * Prometheus and Grafana.
   */
  monitoring?: {
    /**
     * Deploy this component.
     */
    enabled?: boolean;
    global?: Global;
    prometheus?: {
      /**
       * Prometheus replicas (each scrapes everything).
       */
      replicas?: number;
      image?: Image;
      scrapeInterval?: string;
      evaluationInterval?: string;
      retention?: string;
      resources?: Resources;
      persistence?: Persistence;
    };
    grafana?: {
      replicas?: number;
      image?: Image;
      resources?: Resources;
    };
  };
}
/**
 * Values every subchart sees. Kept small on purpose.
 */
export interface Global {
  /**
   * Name of an existing Secret holding JWT_SECRET, MONGODB_PASSWORD, MONGODB_ROOT_PASSWORD, REDIS_PASSWORD, ADMIN_TOKEN and MONGODB_KEYFILE. Empty, the chart generates one and keeps it across upgrades.
   */
  existingSecret?: string;
  /**
   * Registry prefixed to every image that does not name its own.
   */
  imageRegistry?: string;
  /**
   * Names of Secrets used to pull images.
   */
  imagePullSecrets?: string[];
  /**
   * Public domain of the site.
   */
  domain?: string;
  /**
   * Region this release runs in (phase 4 runs one release per region).
   */
  region?: string;
}
export interface Image {
  /**
   * Registry; empty uses global.imageRegistry, then Docker Hub.
   */
  registry?: string;
  /**
   * Image repository.
   */
  repository: string;
  /**
   * Tag; empty uses the chart's appVersion. Never `latest`.
   */
  tag?: string;
  /**
   * Optional digest that pins the exact image.
   */
  digest?: string;
  /**
   * Image pull policy.
   */
  pullPolicy?: "IfNotPresent" | "Always" | "Never";
}
/**
 * HorizontalPodAutoscaler. While enabled, the Deployment has no spec.replicas.
 */
export interface Autoscaling {
  /**
   * Create an HPA that owns the replica count.
   */
  enabled?: boolean;
  /**
   * Fewest replicas.
   */
  minReplicas?: number;
  /**
   * Most replicas (must be >= minReplicas).
   */
  maxReplicas?: number;
  /**
   * Average CPU use to aim for.
   */
  targetCPUUtilizationPercentage?: number;
  /**
   * Average memory use to aim for.
   */
  targetMemoryUtilizationPercentage?: number;
}
/**
 * Container requests and limits (both required).
 */
export interface Resources {
  requests: {
    cpu: Quantity;
    memory: Quantity;
  };
  limits: {
    cpu: Quantity;
    memory: Quantity;
  };
}
export interface Persistence {
  /**
   * Size of each volume.
   */
  size?: string | number;
  /**
   * StorageClass; empty uses the cluster default.
   */
  storageClass?: string;
}
/**
 * Frontend image; set its tag (this chart's appVersion is nginx's).
 */
export interface Image1 {
  /**
   * Registry; empty uses global.imageRegistry, then Docker Hub.
   */
  registry?: string;
  /**
   * Image repository.
   */
  repository: string;
  /**
   * Tag; empty uses the chart's appVersion. Never `latest`.
   */
  tag?: string;
  /**
   * Optional digest that pins the exact image.
   */
  digest?: string;
  /**
   * Image pull policy.
   */
  pullPolicy?: "IfNotPresent" | "Always" | "Never";
}
export interface RateLimit {
  /**
   * Requests per second.
   */
  rate: number;
  burst: number;
}

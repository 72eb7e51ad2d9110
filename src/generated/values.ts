// DO NOT EDIT: generated from schema/ by npm run generate (src/generate/files.ts)

/**
 * Taints the pods tolerate (Kubernetes Toleration list).
 */
export type Tolerations = K8S[];
/**
 * Replaces the chart's spread over zones and hosts when not empty (Kubernetes TopologySpreadConstraint list); a constraint without labelSelector gets the pods' own selector labels.
 */
export type TopologySpreadConstraints = K8S12[];
/**
 * PriorityClass of the pods; empty: the cluster's default.
 */
export type PriorityClassName = string;
/**
 * Scheduler of the pods; empty: the default scheduler.
 */
export type SchedulerName = string;
/**
 * Seconds a stopping pod gets before it is killed; null: Kubernetes' default (30).
 */
export type TerminationGracePeriodSeconds = number | null;
/**
 * Admit security contexts, containers and volumes that break the restricted Pod Security Standard (the namespace must then allow them). Off: such values are refused, naming the key.
 */
export type AllowUnrestricted = boolean;
export type K8SQuantity = string | number;
/**
 * Environment variables added to the main container after the chart's own (Kubernetes EnvVar list: value or valueFrom).
 */
export type ExtraEnvVars = K8S19[];
/**
 * A ConfigMap name (or a list of names) whose keys become environment variables of the main container (envFrom).
 */
export type ExtraEnvVarsCM = string | SecretName[];
export type SecretName = string;
/**
 * A Secret name (or a list of names) whose keys become environment variables of the main container (envFrom).
 */
export type ExtraEnvVarsSecret = string | SecretName[];
export type K8STime = string;
/**
 * Volumes added to the pods (Kubernetes Volume list). Restricted: configMap, secret, emptyDir, persistentVolumeClaim, projected, downwardAPI, csi, ephemeral only, unless allowUnrestricted.
 */
export type ExtraVolumes = K8S25[];
/**
 * Volume mounts added to the main container (Kubernetes VolumeMount list).
 */
export type ExtraVolumeMounts = K8S73[];
/**
 * Init containers run after the chart's own (Kubernetes Container list). Each gets the chart's restricted container security context, its own securityContext merged over it.
 */
export type InitContainers = K8S74[];
/**
 * Containers added beside the chart's (Kubernetes Container list), with the restricted security context like initContainers.
 */
export type Sidecars = K8S74[];
/**
 * Replaces the chart's name in its objects' names: <release>-<nameOverride>[-<part>] instead of <release>-<chart>[-<part>] (e.g. mongo's <release>-mongo-shard0). The labels, and so every selector, keep the component's name. Changing it on a live release renames, and so recreates, the chart's objects: a StatefulSet then starts on new, empty volumes (its old PersistentVolumeClaims stay, unused). Empty: the chart's name.
 */
export type NameOverride = string;
/**
 * Replaces <release>-<chart> in the chart's objects' names: <fullnameOverride>[-<part>], with no release name (two releases in a namespace then collide). Wins over nameOverride. The labels, and so every selector, keep the component's name. Changing it on a live release renames, and so recreates, the chart's objects: a StatefulSet then starts on new, empty volumes (its old PersistentVolumeClaims stay, unused). Empty: none.
 */
export type FullnameOverride = string;
/**
 * Index or shard key fields in order: [{field: userId, order: 1}, ...]; order 1, -1 or hashed.
 *
 * @minItems 1
 */
export type IndexKey = [
  {
    field: string;
    order: 1 | -1 | "hashed";
  },
  ...{
    field: string;
    order: 1 | -1 | "hashed";
  }[]
];
export type Cidr = string;
export type Hostname = string;

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
      /**
       * Key the API signs its tokens with (at least 32 characters); default 64 random bytes.
       */
      JWT_SECRET?: string;
      /**
       * Password of the API's Mongo user (mongo.auth.username); letters and digits, at least 16. Default: 43 random ones.
       */
      MONGODB_PASSWORD?: string;
      /**
       * Password of Mongo's root user (mongo.auth.rootUser); letters and digits, at least 16. Default: 43 random ones.
       */
      MONGODB_ROOT_PASSWORD?: string;
      /**
       * Password of the Mongo backup's user (mongo.auth.backupUser); in the Secret only with mongo.enabled, mongo.backup.enabled and mongo.members.manage. Letters and digits, at least 16. Default: 43 random ones.
       */
      MONGODB_BACKUP_PASSWORD?: string;
      /**
       * Password of the Mongo exporter's user (mongo.auth.metricsUser); in the Secret only with mongo.enabled. Letters and digits, at least 16. Default: 43 random ones.
       */
      MONGODB_METRICS_PASSWORD?: string;
      /**
       * Password of Redis and its sentinels; letters and digits, at least 16. Default: 43 random ones.
       */
      REDIS_PASSWORD?: string;
      /**
       * The API's administrative token (at least 16 characters). Default: 43 random letters and digits.
       */
      ADMIN_TOKEN?: string;
      /**
       * Shared key the replica-set members authenticate to each other with (6-1024 base64 characters). Default: 756 random ones.
       */
      MONGODB_KEYFILE?: string;
    };
  };
  /**
   * The pods `helm test` runs.
   */
  tests?: {
    image?: Image;
    nodeSelector?: NodeSelector;
    tolerations?: Tolerations;
    affinity?: Affinity;
    topologySpreadConstraints?: TopologySpreadConstraints;
    priorityClassName?: PriorityClassName;
    schedulerName?: SchedulerName;
    terminationGracePeriodSeconds?: TerminationGracePeriodSeconds;
    podLabels?: PodLabels;
    podAnnotations?: PodAnnotations;
    podSecurityContext?: PodSecurityContext;
    containerSecurityContext?: ContainerSecurityContext;
    allowUnrestricted?: AllowUnrestricted;
    extraEnvVars?: ExtraEnvVars;
    extraEnvVarsCM?: ExtraEnvVarsCM;
    extraEnvVarsSecret?: ExtraEnvVarsSecret;
    extraVolumes?: ExtraVolumes;
    extraVolumeMounts?: ExtraVolumeMounts;
    initContainers?: InitContainers;
    serviceAccount?: ServiceAccount;
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
    global?: Global;
    /**
     * Reserved for the library chart; takes no values.
     */
    common?: {
      global?: Global;
    };
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
     * HTTP paths of the API's probes.
     */
    probes?: {
      /**
       * Startup and liveness probe path: must answer 200 while the process serves, without asking Mongo or Redis (a deep check here restarts every pod when a database blips).
       */
      livenessPath?: string;
      /**
       * Readiness probe path: 200 only when the API can serve requests (its databases answer); 503 takes the pod out of nginx's rotation.
       */
      readinessPath?: string;
    };
    /**
     * Roll the API pods on every helm upgrade and rollback (annotation vendata/release-revision), so they always read the current <release>-connections ConfigMap; false rolls them only when the API's own ConfigMap or Secret changes (NOTES then says when to restart by hand).
     */
    rollOnUpgrade?: boolean;
    /**
     * Non-secret environment of the API (its ConfigMap, envFrom): any variable name -> string, the three below and your own. A variable the chart computes (the connections, the secrets, MONGODB_URI) is refused.
     */
    config?: {
      /**
       * The API's NODE_ENV.
       */
      NODE_ENV: "production" | "staging" | "development";
      /**
       * Public URL of the API (API_URL), e.g. https://api.vendata.com.br.
       */
      API_URL: string;
      /**
       * Public URL of the frontend (FRONTEND_URL).
       */
      FRONTEND_URL: string;
      [k: string]: string;
    };
    resources?: Resources;
    networkPolicy?: ComponentNetworkPolicy;
    nodeSelector?: NodeSelector;
    tolerations?: Tolerations;
    affinity?: Affinity;
    topologySpreadConstraints?: TopologySpreadConstraints;
    priorityClassName?: PriorityClassName;
    schedulerName?: SchedulerName;
    podLabels?: PodLabels;
    podAnnotations?: PodAnnotations;
    podSecurityContext?: PodSecurityContext;
    containerSecurityContext?: ContainerSecurityContext;
    allowUnrestricted?: AllowUnrestricted;
    extraEnvVars?: ExtraEnvVars;
    extraEnvVarsCM?: ExtraEnvVarsCM;
    extraEnvVarsSecret?: ExtraEnvVarsSecret;
    extraVolumes?: ExtraVolumes;
    extraVolumeMounts?: ExtraVolumeMounts;
    initContainers?: InitContainers;
    sidecars?: Sidecars;
    serviceAccount?: ServiceAccount;
  };
  /**
   * MongoDB 7.0. Databases never autoscale (a pod an autoscaler adds would never join the replica set), so there is no autoscaling key and any such key is refused.
   */
  mongo?: {
    /**
     * Deploy this component.
     */
    enabled?: boolean;
    global?: Global;
    /**
     * Reserved for the library chart; takes no values.
     */
    common?: {
      global?: Global;
    };
    nameOverride?: NameOverride;
    fullnameOverride?: FullnameOverride;
    /**
     * standalone (phase 1), replicaset rs0 (phases 2-3) or sharded (phase 4).
     */
    architecture?: "standalone" | "replicaset" | "sharded";
    image?: Image;
    /**
     * mongod port.
     */
    port?: number;
    /**
     * WiredTiger cache in GiB; keep it near half of (memory limit - 1 GiB), mongod does not size it from the container limit. The chart refuses more than half of resources.limits.memory.
     */
    wiredTigerCacheSizeGB?: number;
    auth?: {
      /**
       * Administrative user (role root), password MONGODB_ROOT_PASSWORD; the Jobs' and operators' user only.
       */
      rootUser?: string;
      /**
       * The application's database.
       */
      database?: string;
      /**
       * Application user, readWrite on the database only; password MONGODB_PASSWORD. The API uses it.
       */
      username?: string;
      /**
       * The backup's user (role backup), password MONGODB_BACKUP_PASSWORD; created when backup.enabled.
       */
      backupUser?: string;
      /**
       * The exporter's user (clusterMonitor, and read on local), password MONGODB_METRICS_PASSWORD; on every replica set, shards included.
       */
      metricsUser?: string;
    };
    /**
     * Connection pool the API asks for in its URI.
     */
    pool?: {
      /**
       * maxPoolSize in the API's MONGODB_URI: most connections per API pod (the seed's 100).
       */
      maxPoolSize?: number;
      /**
       * minPoolSize in the API's MONGODB_URI: connections each API pod keeps open (the seed's 10).
       */
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
       * Where the API reads (replicaset and sharded).
       */
      readPreference?: "primary" | "primaryPreferred" | "secondary" | "secondaryPreferred" | "nearest";
    };
    sharded?: {
      /**
       * Config server replica set (cfg) members.
       */
      configServers?: number;
      /**
       * Number of shards (replica sets shard0, shard1, ...).
       */
      shards?: number;
      /**
       * Members of each shard's replica set.
       */
      shardReplicas?: number;
      /**
       * mongos routers (at least 2: the API's only way in).
       */
      mongos?: number;
      /**
       * Collections of auth.database to shard, with their shard key.
       */
      collections?: {
        name: string;
        key: IndexKey;
      }[];
    };
    /**
     * How this release's replica-set members take part in elections (every set it runs).
     */
    members?: {
      /**
       * This release initiates its replica sets, reconciles their members and creates the users and indexes. Phase 4: true in the home region only; the other regions set false and are added by the home region (list them there under external).
       */
      manage?: boolean;
      /**
       * Election priority of this release's members (phase 4: higher in the home region, so the primary stays there).
       */
      priority?: number;
      /**
       * How members of other regions reach this release's pods, e.g. "{pod}.sa-east.{service}.{namespace}.svc.clusterset.local" (multi-cluster DNS); empty: "{pod}.{service}.{namespace}.svc". Every member, and the API, use these names.
       */
      hostTemplate?: string;
      /**
       * Per pod ordinal, in every set: priority, votes, hidden. Hidden or non-voting members get priority 0.
       */
      overrides?: {
        index: number;
        priority?: number;
        votes?: 0 | 1;
        hidden?: boolean;
      }[];
      /**
       * Members that live in other regions' releases, by replica set name (rs0, cfg, shard0, ...): host:port, priority (default 1), votes (default 1), hidden.
       */
      external?: {
        [k: string]: {
          host: string;
          priority?: number;
          votes?: 0 | 1;
          hidden?: boolean;
        }[];
      };
      nodeSelector?: NodeSelector;
      tolerations?: Tolerations;
      affinity?: Affinity;
      topologySpreadConstraints?: TopologySpreadConstraints;
      priorityClassName?: PriorityClassName;
      schedulerName?: SchedulerName;
      terminationGracePeriodSeconds?: TerminationGracePeriodSeconds;
      podLabels?: PodLabels;
      podAnnotations?: PodAnnotations;
      podSecurityContext?: PodSecurityContext;
      containerSecurityContext?: ContainerSecurityContext;
      allowUnrestricted?: AllowUnrestricted;
      extraEnvVars?: ExtraEnvVars;
      extraEnvVarsCM?: ExtraEnvVarsCM;
      extraEnvVarsSecret?: ExtraEnvVarsSecret;
      extraVolumes?: ExtraVolumes;
      extraVolumeMounts?: ExtraVolumeMounts;
      initContainers?: InitContainers;
      sidecars?: Sidecars;
      serviceAccount?: ServiceAccount;
    };
    /**
     * Indexes the index Job (a post-install/post-upgrade hook) creates in auth.database; keys keep their order.
     */
    indexes?: {
      collection: string;
      keys: IndexKey;
      options?: {
        name?: string;
        unique?: boolean;
        sparse?: boolean;
        expireAfterSeconds?: number;
      };
    }[];
    /**
     * The init, scale-down and index Jobs (mongosh, resources below) and the backup CronJob (backup.resources): their pod settings.
     */
    jobs?: {
      resources?: Resources;
      nodeSelector?: NodeSelector;
      tolerations?: Tolerations;
      affinity?: Affinity;
      topologySpreadConstraints?: TopologySpreadConstraints;
      priorityClassName?: PriorityClassName;
      schedulerName?: SchedulerName;
      terminationGracePeriodSeconds?: TerminationGracePeriodSeconds;
      podLabels?: PodLabels;
      podAnnotations?: PodAnnotations;
      podSecurityContext?: PodSecurityContext;
      containerSecurityContext?: ContainerSecurityContext;
      allowUnrestricted?: AllowUnrestricted;
      extraEnvVars?: ExtraEnvVars;
      extraEnvVarsCM?: ExtraEnvVarsCM;
      extraEnvVarsSecret?: ExtraEnvVarsSecret;
      extraVolumes?: ExtraVolumes;
      extraVolumeMounts?: ExtraVolumeMounts;
      initContainers?: InitContainers;
      serviceAccount?: ServiceAccount;
    };
    /**
     * Pod settings of the mongos routers (architecture sharded; how many: sharded.mongos).
     */
    mongos?: {
      nodeSelector?: NodeSelector;
      tolerations?: Tolerations;
      affinity?: Affinity;
      topologySpreadConstraints?: TopologySpreadConstraints;
      priorityClassName?: PriorityClassName;
      schedulerName?: SchedulerName;
      terminationGracePeriodSeconds?: TerminationGracePeriodSeconds;
      podLabels?: PodLabels;
      podAnnotations?: PodAnnotations;
      podSecurityContext?: PodSecurityContext;
      containerSecurityContext?: ContainerSecurityContext;
      allowUnrestricted?: AllowUnrestricted;
      extraEnvVars?: ExtraEnvVars;
      extraEnvVarsCM?: ExtraEnvVarsCM;
      extraEnvVarsSecret?: ExtraEnvVarsSecret;
      extraVolumes?: ExtraVolumes;
      extraVolumeMounts?: ExtraVolumeMounts;
      initContainers?: InitContainers;
      sidecars?: Sidecars;
      serviceAccount?: ServiceAccount;
    };
    /**
     * MongoDB exporter sidecar in every mongod and mongos pod, scraped through the prometheus.io annotations, and behind a Service <release>-<workload>-metrics (port metrics) for a ServiceMonitor.
     */
    metrics?: {
      /**
       * Add the exporter sidecar.
       */
      enabled?: boolean;
      image?: Image;
      /**
       * Exporter port.
       */
      port?: number;
      resources?: Resources;
    };
    /**
     * Scheduled mongodump (compressed, with --oplog on a replica set) to a volume or an S3-compatible bucket.
     */
    backup?: {
      /**
       * Run the backup CronJob.
       */
      enabled?: boolean;
      /**
       * Cron schedule (UTC).
       */
      schedule?: string;
      /**
       * Archives older than this are deleted after each backup.
       */
      retentionDays?: number;
      /**
       * Where archives go.
       */
      target?: "volume" | "s3";
      volume?: {
        /**
         * Size of the backup volume.
         */
        size?: string | number;
        /**
         * StorageClass; empty uses global.defaultStorageClass, then the cluster default.
         */
        storageClass?: string;
        /**
         * Use this PersistentVolumeClaim instead of creating one.
         */
        existingClaim?: string;
      };
      s3?: {
        /**
         * Bucket (required when target is s3).
         */
        bucket?: string;
        /**
         * Key prefix.
         */
        prefix?: string;
        /**
         * Endpoint URL of an S3-compatible store; empty: AWS.
         */
        endpoint?: string;
        /**
         * Region.
         */
        region?: string;
        /**
         * Secret with AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY; empty: the upload uses the pod's identity, so jobs.serviceAccount is then required (IRSA, Workload Identity).
         */
        existingSecret?: string;
      };
      uploaderImage?: Image1;
      resources?: Resources;
      /**
       * A Velero Schedule of the mongo volumes, rendered only when the cluster serves velero.io/v1 Schedule.
       */
      velero?: {
        /**
         * Render the Schedule (only when the cluster serves velero.io/v1 Schedule). Off by default: the Schedule is created in backup.velero.namespace, outside the release's namespace, so the release needs the right to write there.
         */
        enabled?: boolean;
        /**
         * Velero's namespace.
         */
        namespace?: string;
        /**
         * Cron schedule.
         */
        schedule?: string;
        /**
         * How long Velero keeps each backup.
         */
        ttl?: string;
      };
    };
    resources?: Resources;
    persistence?: Persistence;
    networkPolicy?: ComponentNetworkPolicy;
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
     * Reserved for the library chart; takes no values.
     */
    common?: {
      global?: Global;
    };
    nameOverride?: NameOverride;
    fullnameOverride?: FullnameOverride;
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
     * maxmemory, in bytes or kb/mb/gb (Redis units: 1gb = 1024 mb). At most 80% of resources.limits.memory, leaving room for fragmentation, client buffers and the append-only-file rewrite.
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
    /**
     * mode: sentinel. Every pod runs redis-server and a sentinel; the sentinels ask for REDIS_PASSWORD too.
     */
    sentinel?: {
      /**
       * Redis pods (one master, the rest replicas), each with a sentinel.
       */
      replicas?: number;
      /**
       * Sentinels that must agree the master is down.
       */
      quorum?: number;
      /**
       * Sentinel port.
       */
      port?: number;
      /**
       * Name the sentinels give the master (clients ask for it).
       */
      masterName?: string;
      /**
       * How long the master may be unreachable before a sentinel thinks it down.
       */
      downAfterMilliseconds?: number;
      /**
       * sentinel failover-timeout in ms.
       */
      failoverTimeout?: number;
      resources?: Resources;
    };
    /**
     * mode: cluster. A hook Job (resources: jobResources) creates the cluster after install and adds new nodes after an upgrade that raises nodes.
     */
    cluster?: {
      /**
       * Nodes (= masters x (1 + replicasPerMaster), at least 3 masters).
       */
      nodes?: number;
      /**
       * Replicas of each master.
       */
      replicasPerMaster?: number;
      /**
       * cluster-node-timeout in ms: how long a master may be unreachable before its replica takes over.
       */
      nodeTimeout?: number;
      /**
       * Cluster bus port.
       */
      busPort?: number;
      jobResources?: Resources;
    };
    /**
     * redis_exporter sidecar in every pod, scraped through the prometheus.io annotations, and behind the Service <release>-redis-metrics (port metrics) for a ServiceMonitor.
     */
    metrics?: {
      /**
       * Run the exporter sidecar.
       */
      enabled?: boolean;
      image?: Image;
      /**
       * Metrics port (/metrics).
       */
      port?: number;
      resources?: Resources;
    };
    resources?: Resources;
    persistence?: Persistence;
    networkPolicy?: ComponentNetworkPolicy;
    nodeSelector?: NodeSelector;
    tolerations?: Tolerations;
    affinity?: Affinity;
    topologySpreadConstraints?: TopologySpreadConstraints;
    priorityClassName?: PriorityClassName;
    schedulerName?: SchedulerName;
    terminationGracePeriodSeconds?: TerminationGracePeriodSeconds;
    podLabels?: PodLabels;
    podAnnotations?: PodAnnotations;
    podSecurityContext?: PodSecurityContext;
    containerSecurityContext?: ContainerSecurityContext;
    allowUnrestricted?: AllowUnrestricted;
    extraEnvVars?: ExtraEnvVars;
    extraEnvVarsCM?: ExtraEnvVarsCM;
    extraEnvVarsSecret?: ExtraEnvVarsSecret;
    extraVolumes?: ExtraVolumes;
    extraVolumeMounts?: ExtraVolumeMounts;
    initContainers?: InitContainers;
    sidecars?: Sidecars;
    serviceAccount?: ServiceAccount;
    /**
     * Pod settings of the cluster-create Job (mode: cluster); its resources are cluster.jobResources.
     */
    jobs?: {
      nodeSelector?: NodeSelector;
      tolerations?: Tolerations;
      affinity?: Affinity;
      topologySpreadConstraints?: TopologySpreadConstraints;
      priorityClassName?: PriorityClassName;
      schedulerName?: SchedulerName;
      terminationGracePeriodSeconds?: TerminationGracePeriodSeconds;
      podLabels?: PodLabels;
      podAnnotations?: PodAnnotations;
      podSecurityContext?: PodSecurityContext;
      containerSecurityContext?: ContainerSecurityContext;
      allowUnrestricted?: AllowUnrestricted;
      extraEnvVars?: ExtraEnvVars;
      extraEnvVarsCM?: ExtraEnvVarsCM;
      extraEnvVarsSecret?: ExtraEnvVarsSecret;
      extraVolumes?: ExtraVolumes;
      extraVolumeMounts?: ExtraVolumeMounts;
      initContainers?: InitContainers;
      serviceAccount?: ServiceAccount;
    };
  };
  /**
   * Nginx load balancer in front of the API and the frontend.
   */
  nginx?: {
    global?: Global;
    /**
     * Reserved for the library chart; takes no values.
     */
    common?: {
      global?: Global;
    };
    nameOverride?: NameOverride;
    fullnameOverride?: FullnameOverride;
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
       * Plain HTTP, health endpoint for probes.
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
        /**
         * Service port for plain HTTP (to containerPorts.http).
         */
        http?: number;
        /**
         * Service port for HTTPS (to containerPorts.https).
         */
        https?: number;
      };
      /**
       * CIDRs a LoadBalancer admits besides the CDN's (cdn.enabled); empty with the CDN off admits everyone.
       */
      loadBalancerSourceRanges?: Cidr[];
      annotations?: Annotations;
      /**
       * LoadBalancer only: the load-balancer implementation (spec.loadBalancerClass, e.g. service.k8s.aws/nlb); empty: the cluster's default.
       */
      loadBalancerClass?: string;
      /**
       * LoadBalancer only: the address to ask the provider for (spec.loadBalancerIP, deprecated by Kubernetes but still read by MetalLB and most clouds); empty: the provider picks.
       */
      loadBalancerIP?: string;
      /**
       * NodePort or LoadBalancer (ignored with ClusterIP): Local keeps the client's address for the rate limits, but only nodes running an nginx pod answer; Cluster spreads over every node and hides the client behind a node's address.
       */
      externalTrafficPolicy?: "Local" | "Cluster";
      /**
       * NodePort or LoadBalancer: fixed node ports (spec.ports[].nodePort); 0 lets Kubernetes pick one.
       */
      nodePorts?: {
        /**
         * Node port of the http port; 0: Kubernetes picks.
         */
        http?: number;
        /**
         * Node port of the https port (needs tls.enabled); 0: Kubernetes picks.
         */
        https?: number;
      };
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
      /**
       * Reloads nginx (nginx -s reload) when the mounted TLS Secret changes, so a renewed certificate is served without a restart.
       */
      reload?: {
        /**
         * Watch the certificate files (always on with certificate.enabled).
         */
        enabled?: boolean;
        /**
         * Seconds between two checksums of tls.crt and tls.key; kubelet itself takes up to about a minute to update the mounted Secret.
         */
        intervalSeconds?: number;
      };
    };
    /**
     * A cert-manager Certificate (cert-manager.io/v1) that writes nginx's TLS Secret: tls.secretName, or <release>-nginx-tls when that is empty. Needs tls.enabled and cert-manager installed; nginx reloads the renewed certificate by itself (tls.reload).
     */
    certificate?: {
      /**
       * Create the Certificate.
       */
      enabled?: boolean;
      /**
       * The cert-manager issuer that signs the certificate.
       */
      issuerRef?: {
        /**
         * Name of the Issuer or ClusterIssuer (required when enabled).
         */
        name?: string;
        /**
         * ClusterIssuer (any namespace) or Issuer (the release's namespace).
         */
        kind?: "ClusterIssuer" | "Issuer";
        /**
         * API group of the issuer (cert-manager.io; another for an external issuer).
         */
        group?: string;
      };
      /**
       * Names the certificate covers; empty: serverNames.
       */
      dnsNames?: Hostname[];
      /**
       * Lifetime asked for, in hours (2160h: 90 days; the issuer may shorten it).
       */
      duration?: string;
      /**
       * How long before expiry cert-manager renews, in hours (must be below duration).
       */
      renewBefore?: string;
    };
    /**
     * An Ingress (networking.k8s.io/v1) to nginx's Service, http port: the controller terminates TLS and nginx still routes, limits and caches.
     */
    ingress?: {
      /**
       * Create the Ingress (refused while tls.enabled with tls.redirectHttp: nginx would redirect the controller's plain HTTP forever).
       */
      enabled?: boolean;
      /**
       * IngressClass (spec.ingressClassName); empty: the cluster's default class.
       */
      className?: string;
      annotations?: Annotations1;
      /**
       * Host names sent to nginx, every path; empty: one rule for any host.
       */
      hosts?: Hostname[];
      /**
       * TLS the controller terminates: each Secret (written by cert-manager with its annotation, or created by hand) for its hosts.
       */
      tls?: {
        /**
         * kubernetes.io/tls Secret for these hosts.
         */
        secretName: string;
        /**
         * Host names the Secret's certificate covers.
         *
         * @minItems 1
         */
        hosts: [Hostname, ...Hostname[]];
      }[];
    };
    /**
     * A Gateway API HTTPRoute (gateway.networking.k8s.io/v1) to nginx's Service, http port: the Gateway terminates TLS. Needs the Gateway API CRDs.
     */
    httpRoute?: {
      /**
       * Create the HTTPRoute (refused while tls.enabled with tls.redirectHttp, as for the Ingress).
       */
      enabled?: boolean;
      annotations?: Annotations2;
      /**
       * Gateways (or their listeners) the route attaches to (at least one when enabled).
       */
      parentRefs?: {
        /**
         * Name of the Gateway.
         */
        name: string;
        /**
         * Its namespace; absent: the release's.
         */
        namespace?: string;
        /**
         * One listener of the Gateway (e.g. https); absent: every listener that admits the route.
         */
        sectionName?: string;
        /**
         * The listener's port; absent: any.
         */
        port?: number;
      }[];
      /**
       * Host names the route matches; empty: those of the listener.
       */
      hostnames?: Hostname[];
    };
    /**
     * Host names nginx answers for (server_name), and the names its TLS certificate must cover.
     *
     * @minItems 1
     */
    serverNames?: [string, ...string[]];
    api?: {
      /**
       * The port nginx sends /api/ to: must equal api.port (the umbrella refuses a mismatch).
       */
      port?: number;
    };
    /**
     * Where nginx sends /: this release's frontend (the frontend chart), or host:port.
     */
    frontend?: {
      /**
       * The frontend's host, fully qualified (nginx's resolver uses no search domains); empty: this release's frontend Service, <release>-frontend. Required when frontend.enabled is false, empty while it is true (the umbrella refuses otherwise).
       */
      host?: string;
      /**
       * The frontend's port: must equal frontend.port while frontend.enabled (the umbrella refuses a mismatch).
       */
      port?: number;
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
      /**
       * max-age of their Cache-Control (browsers and the CDN keep them that long).
       */
      maxAgeSeconds?: number;
      /**
       * File extensions that count as static assets.
       *
       * @minItems 1
       */
      extensions?: [string, ...string[]];
    };
    /**
     * nginx-prometheus-exporter sidecar reading stub_status, behind the Service <release>-nginx-metrics (port metrics) for a ServiceMonitor.
     */
    metrics?: {
      /**
       * Add the exporter sidecar.
       */
      enabled?: boolean;
      /**
       * Exporter port (/metrics).
       */
      port?: number;
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
    networkPolicy?: ComponentNetworkPolicy;
    nodeSelector?: NodeSelector;
    tolerations?: Tolerations;
    affinity?: Affinity;
    topologySpreadConstraints?: TopologySpreadConstraints;
    priorityClassName?: PriorityClassName;
    schedulerName?: SchedulerName;
    podLabels?: PodLabels;
    podAnnotations?: PodAnnotations;
    podSecurityContext?: PodSecurityContext;
    containerSecurityContext?: ContainerSecurityContext;
    allowUnrestricted?: AllowUnrestricted;
    extraEnvVars?: ExtraEnvVars;
    extraEnvVarsCM?: ExtraEnvVarsCM;
    extraEnvVarsSecret?: ExtraEnvVarsSecret;
    extraVolumes?: ExtraVolumes;
    extraVolumeMounts?: ExtraVolumeMounts;
    initContainers?: InitContainers;
    sidecars?: Sidecars;
    serviceAccount?: ServiceAccount;
  };
  /**
   * The frontend nginx sends / to: a Deployment and a Service, <release>-frontend.
   */
  frontend?: {
    /**
     * Deploy this component.
     */
    enabled?: boolean;
    global?: Global;
    /**
     * Reserved for the library chart; takes no values.
     */
    common?: {
      global?: Global;
    };
    /**
     * Frontend replicas (a PodDisruptionBudget from 2).
     */
    replicaCount?: number;
    image?: Image;
    /**
     * Container and Service port (named http); nginx.frontend.port must equal it (the umbrella refuses a mismatch).
     */
    port?: number;
    resources?: Resources;
    networkPolicy?: ComponentNetworkPolicy;
    nodeSelector?: NodeSelector;
    tolerations?: Tolerations;
    affinity?: Affinity;
    topologySpreadConstraints?: TopologySpreadConstraints;
    priorityClassName?: PriorityClassName;
    schedulerName?: SchedulerName;
    terminationGracePeriodSeconds?: TerminationGracePeriodSeconds;
    podLabels?: PodLabels;
    podAnnotations?: PodAnnotations;
    podSecurityContext?: PodSecurityContext;
    containerSecurityContext?: ContainerSecurityContext;
    allowUnrestricted?: AllowUnrestricted;
    extraEnvVars?: ExtraEnvVars;
    extraEnvVarsCM?: ExtraEnvVarsCM;
    extraEnvVarsSecret?: ExtraEnvVarsSecret;
    extraVolumes?: ExtraVolumes;
    extraVolumeMounts?: ExtraVolumeMounts;
    initContainers?: InitContainers;
    sidecars?: Sidecars;
    serviceAccount?: ServiceAccount;
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
    /**
     * Reserved for the library chart; takes no values.
     */
    common?: {
      global?: Global;
    };
    nameOverride?: NameOverride;
    fullnameOverride?: FullnameOverride;
    prometheus?: {
      /**
       * Prometheus replicas (each scrapes everything).
       */
      replicas?: number;
      image?: Image;
      /**
       * How often every target is scraped.
       */
      scrapeInterval?: string;
      /**
       * How often the rules are evaluated.
       */
      evaluationInterval?: string;
      /**
       * How long samples are kept.
       */
      retention?: string;
      resources?: Resources;
      persistence?: Persistence;
      /**
       * Additions to Prometheus' NetworkPolicy (<release>-allow-prometheus); its egress is open already (service discovery, node kubelets).
       */
      networkPolicy?: {
        /**
         * NetworkPolicy ingress rules appended to the policy's own, e.g. a Grafana or Alertmanager outside the release.
         */
        extraIngress?: NetworkPolicyIngressRule[];
      };
      nodeSelector?: NodeSelector;
      tolerations?: Tolerations;
      affinity?: Affinity;
      topologySpreadConstraints?: TopologySpreadConstraints;
      priorityClassName?: PriorityClassName;
      schedulerName?: SchedulerName;
      terminationGracePeriodSeconds?: TerminationGracePeriodSeconds;
      podLabels?: PodLabels;
      podAnnotations?: PodAnnotations;
      podSecurityContext?: PodSecurityContext;
      containerSecurityContext?: ContainerSecurityContext;
      allowUnrestricted?: AllowUnrestricted;
      extraEnvVars?: ExtraEnvVars;
      extraEnvVarsCM?: ExtraEnvVarsCM;
      extraEnvVarsSecret?: ExtraEnvVarsSecret;
      extraVolumes?: ExtraVolumes;
      extraVolumeMounts?: ExtraVolumeMounts;
      initContainers?: InitContainers;
      sidecars?: Sidecars;
      serviceAccount?: ServiceAccount;
    };
    /**
     * The role Prometheus' service discovery reads the Kubernetes API with (get, list, watch only).
     */
    rbac?: {
      /**
       * Create the role and its binding to Prometheus' ServiceAccount (prometheus.serviceAccount: <release>-prometheus unless named). false: create neither; bind your own role, with the same rules, to that ServiceAccount.
       */
      create?: boolean;
      /**
       * true: a Role and RoleBinding in the release's namespace (pods, services, endpoints), for clusters where a release may not create cluster-wide objects; Prometheus then scrapes only the release's pods (kubernetes-pods, limited to its namespace in either mode) and drops the kubernetes-nodes job, as a Role cannot list nodes. false: a ClusterRole and ClusterRoleBinding (named <namespace>-<release>-prometheus) that also read the nodes.
       */
      namespaced?: boolean;
    };
    grafana?: {
      /**
       * Deploy Grafana (its Deployment, Service, PodDisruptionBudget and NetworkPolicy) beside Prometheus; false runs Prometheus alone.
       */
      enabled?: boolean;
      /**
       * Grafana replicas.
       */
      replicas?: number;
      image?: Image;
      resources?: Resources;
      networkPolicy?: ComponentNetworkPolicy;
      nodeSelector?: NodeSelector;
      tolerations?: Tolerations;
      affinity?: Affinity;
      topologySpreadConstraints?: TopologySpreadConstraints;
      priorityClassName?: PriorityClassName;
      schedulerName?: SchedulerName;
      terminationGracePeriodSeconds?: TerminationGracePeriodSeconds;
      podLabels?: PodLabels;
      podAnnotations?: PodAnnotations;
      podSecurityContext?: PodSecurityContext;
      containerSecurityContext?: ContainerSecurityContext;
      allowUnrestricted?: AllowUnrestricted;
      extraEnvVars?: ExtraEnvVars;
      extraEnvVarsCM?: ExtraEnvVarsCM;
      extraEnvVarsSecret?: ExtraEnvVarsSecret;
      extraVolumes?: ExtraVolumes;
      extraVolumeMounts?: ExtraVolumeMounts;
      initContainers?: InitContainers;
      sidecars?: Sidecars;
      serviceAccount?: ServiceAccount;
    };
  };
}
/**
 * Values every subchart sees. The keys below are typed; any other key is accepted and ignored, so a parent chart can set its own globals (global.storageClass, ...) beside these.
 */
export interface Global {
  /**
   * StorageClass of every volume the chart claims (Mongo members, Redis, Prometheus, the Mongo backup volume) whose own storageClass is empty; empty too: the cluster's default StorageClass. Not global.storageClass: that key is accepted but not read.
   */
  defaultStorageClass?: string;
  /**
   * Name of an existing Secret holding JWT_SECRET, MONGODB_PASSWORD, MONGODB_ROOT_PASSWORD, REDIS_PASSWORD, ADMIN_TOKEN and MONGODB_KEYFILE, and with mongo.enabled MONGODB_METRICS_PASSWORD (and MONGODB_BACKUP_PASSWORD when the backup runs). Empty, the chart generates one and keeps it across upgrades.
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
   * Labels added to every object the chart renders and to every pod (not to selectors, which are immutable, nor to volumeClaimTemplates, which a StatefulSet cannot change). Umbrella-wide, under global, because every chart renders objects; not the chart's own labels (app.kubernetes.io/*, helm.sh/chart): the chart refuses those.
   */
  commonLabels?: {
    [k: string]: string;
  };
  /**
   * Annotations added to every object the chart renders (an object's own annotation wins on the same key). Not to pod templates: changing one there would restart every pod (pods take podAnnotations).
   */
  commonAnnotations?: {
    [k: string]: string;
  };
  /**
   * Region this release runs in (phase 4 runs one release per region, the chart's presets/regions/). The monitoring chart makes it Prometheus's external label region (global.external_labels), carried by every series and alert Prometheus sends out (federation, remote storage), so the regions' series stay apart. Empty: no label.
   */
  region?: string;
  /**
   * A MongoDB outside this release for the API, used when mongo.enabled is false (the chart refuses it while mongo.enabled is true: leave it empty then). Under global because the API subchart, which cannot see the umbrella's values, names its Secret in the MONGODB_PASSWORD secretKeyRef. Required with mongo.enabled false: hosts, database, username, existingSecret. The umbrella README, "External databases", has an example.
   */
  externalMongo?: {
    /**
     * host:port of every server the API may connect to: the replica set's members, or the mongos routers (no mongodb+srv).
     */
    hosts?: string[];
    /**
     * The application's database: the path of MONGODB_URI, and so the authSource unless options name another.
     */
    database?: string;
    /**
     * The API's user (MONGODB_USERNAME, in MONGODB_URI as is).
     */
    username?: string;
    /**
     * Replica set name (replicaSet= in the URI, MONGODB_REPLICA_SET); empty for a standalone server or mongos.
     */
    replicaSet?: string;
    /**
     * Connect over TLS (tls=true in the URI). The server's certificate must be trusted by the API image.
     */
    tls?: boolean;
    /**
     * The API's connection pool, maxPoolSize and minPoolSize in the URI (mongo.pool does this for the bundled Mongo). Unset keys take the seed's 100 and 10.
     */
    pool?: {
      /**
       * maxPoolSize in the URI; default 100 (the seed's, as mongo.pool).
       */
      maxPoolSize?: number;
      /**
       * minPoolSize in the URI; default 10 (the seed's, as mongo.pool).
       */
      minPoolSize?: number;
    };
    /**
     * Further URI options, as a map ({authSource: admin, readPreference: secondaryPreferred}, sorted by key in the URI) or a string (authSource=admin&w=majority). Not replicaSet, tls, ssl, maxPoolSize or minPoolSize: they have keys of their own.
     */
    options?:
      | {
          [k: string]: string | number | boolean;
        }
      | string;
    /**
     * Secret (in the release namespace) holding the user's password, created by you. The password goes into MONGODB_URI as is: use only letters, digits and -._~ (or store it percent-encoded).
     */
    existingSecret?: string;
    /**
     * Key of the password in existingSecret (default MONGODB_PASSWORD).
     */
    passwordKey?: string;
    /**
     * Where the API's NetworkPolicy lets it reach these hosts' ports (ipBlock, namespaceSelector, podSelector). Empty: any address, on those ports only.
     */
    networkPolicyPeers?: NetworkPolicyPeer[];
  };
  /**
   * A Redis outside this release for the API, used when redis.enabled is false (the chart refuses it while redis.enabled is true: leave it empty then). Under global for the same reason as externalMongo (the REDIS_PASSWORD secretKeyRef). Required with redis.enabled false: hosts, existingSecret; sentinel mode also sentinelMasterName.
   */
  externalRedis?: {
    /**
     * How the API connects (REDIS_MODE); default standalone.
     */
    mode?: "standalone" | "sentinel" | "cluster";
    /**
     * host:port list. standalone: the one server; sentinel: the sentinels; cluster: the seed nodes (list nodes on every port the cluster uses).
     */
    hosts?: string[];
    /**
     * sentinel mode: the name the sentinels give the master (REDIS_SENTINEL_MASTER).
     */
    sentinelMasterName?: string;
    /**
     * sentinel mode: the port of the Redis servers the sentinels hand out (default 6379); the API's NetworkPolicy opens it besides the sentinels' ports.
     */
    redisPort?: number;
    /**
     * Connect over TLS: rediss:// URLs and REDIS_TLS=true. The server's certificate must be trusted by the API image.
     */
    tls?: boolean;
    /**
     * Secret (in the release namespace) holding the Redis password, created by you; sentinels that ask for a password get the same one.
     */
    existingSecret?: string;
    /**
     * Key of the password in existingSecret (default REDIS_PASSWORD).
     */
    passwordKey?: string;
    /**
     * Where the API's NetworkPolicy lets it reach these hosts' ports (ipBlock, namespaceSelector, podSelector). Empty: any address, on those ports only.
     */
    networkPolicyPeers?: NetworkPolicyPeer[];
  };
  /**
   * NetworkPolicies - default deny (the umbrella), then each chart's own flows: nginx -> api -> mongo and redis, database members among themselves, Prometheus to every pod. Under global because every chart renders its own components' policies (formerly the umbrella's networkPolicy: README, Upgrade notes).
   */
  networkPolicy?: {
    /**
     * Render the NetworkPolicies: the umbrella's default deny and every chart's own.
     */
    enabled?: boolean;
    /**
     * Labels of the cluster's DNS pods, reachable by every pod on port 53.
     */
    dnsPodLabels?: {
      [k: string]: string;
    };
    /**
     * Phase 4: the other regions' addresses, allowed to and from the Mongo pods (required with mongo.members.external or mongo.members.manage false).
     */
    peerRegionCidrs?: string[];
    /**
     * The cluster's own IPv4 pod and Service CIDRs, left out of the 0.0.0.0/0 a component's networkPolicy.allowExternalEgress opens, so that rule never reaches another pod. The default lists every private range, which holds them on most clusters (and also shuts out private addresses outside the cluster: narrow it to your cluster's CIDRs, or open such an address with networkPolicy.extraEgress).
     */
    clusterCidrs?: string[];
    /**
     * An external Prometheus (kube-prometheus-stack, a ServiceMonitor on the <release>-<component>-metrics Services) admitted to every exporter's port (Mongo, Redis, nginx). Both empty: only the chart's own Prometheus (monitoring.enabled) scrapes. Both set: pods matching podSelector in namespaces matching namespaceSelector; podSelector alone: pods of the release's namespace.
     */
    metrics?: {
      namespaceSelector?: LabelSelector1;
      podSelector?: LabelSelector2;
    };
  };
  [k: string]: unknown;
}
/**
 * A NetworkPolicy peer: an ipBlock, or a namespaceSelector and/or podSelector.
 */
export interface NetworkPolicyPeer {
  ipBlock?: {
    cidr: string;
    except?: string[];
  };
  namespaceSelector?: LabelSelector;
  podSelector?: LabelSelector;
}
export interface LabelSelector {
  /**
   * Labels the object must all carry (key: value).
   */
  matchLabels?: {
    [k: string]: string;
  };
  /**
   * Requirements the object's labels must all meet ({key, operator: In, NotIn, Exists or DoesNotExist, values}).
   */
  matchExpressions?: {
    key: string;
    operator: "In" | "NotIn" | "Exists" | "DoesNotExist";
    values?: string[];
  }[];
}
/**
 * Namespaces of the external Prometheus, e.g. {matchLabels: {kubernetes.io/metadata.name: monitoring}}; empty: not set.
 */
export interface LabelSelector1 {
  /**
   * Labels the object must all carry (key: value).
   */
  matchLabels?: {
    [k: string]: string;
  };
  /**
   * Requirements the object's labels must all meet ({key, operator: In, NotIn, Exists or DoesNotExist, values}).
   */
  matchExpressions?: {
    key: string;
    operator: "In" | "NotIn" | "Exists" | "DoesNotExist";
    values?: string[];
  }[];
}
/**
 * Pods of the external Prometheus, e.g. {matchLabels: {app.kubernetes.io/name: prometheus}}; empty: not set.
 */
export interface LabelSelector2 {
  /**
   * Labels the object must all carry (key: value).
   */
  matchLabels?: {
    [k: string]: string;
  };
  /**
   * Requirements the object's labels must all meet ({key, operator: In, NotIn, Exists or DoesNotExist, values}).
   */
  matchExpressions?: {
    key: string;
    operator: "In" | "NotIn" | "Exists" | "DoesNotExist";
    values?: string[];
  }[];
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
   * Tag; empty: the pinned one (the chart's appVersion for its own image; for the others, its entry in the chart's Chart.yaml annotation vendata/pinned-tags). `latest` is refused: the tag moves, so nodes that pull at different times would run different images.
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
 * Node labels the pods must run on (pod spec nodeSelector), e.g. {node-pool: apps}.
 */
export interface NodeSelector {
  [k: string]: string;
}
export interface K8S {
  effect?: string;
  key?: string;
  operator?: string;
  tolerationSeconds?: number;
  value?: string;
}
/**
 * Pod affinity (Kubernetes Affinity), merged key by key with the chart's: nodeAffinity and podAffinity are added; a podAntiAffinity replaces the chart's preferred anti-affinity on kubernetes.io/hostname.
 */
export interface Affinity {
  nodeAffinity?: K8S1;
  podAffinity?: K8S6;
  podAntiAffinity?: K8S11;
}
export interface K8S1 {
  preferredDuringSchedulingIgnoredDuringExecution?: K8S2[];
  requiredDuringSchedulingIgnoredDuringExecution?: K8S5;
}
export interface K8S2 {
  preference: K8S3;
  weight: number;
}
export interface K8S3 {
  matchExpressions?: K8S4[];
  matchFields?: K8S4[];
}
export interface K8S4 {
  key: string;
  operator: string;
  values?: string[];
}
export interface K8S5 {
  nodeSelectorTerms: K8S3[];
}
export interface K8S6 {
  preferredDuringSchedulingIgnoredDuringExecution?: K8S7[];
  requiredDuringSchedulingIgnoredDuringExecution?: K8S8[];
}
export interface K8S7 {
  podAffinityTerm: K8S8;
  weight: number;
}
export interface K8S8 {
  labelSelector?: K8S9;
  matchLabelKeys?: string[];
  mismatchLabelKeys?: string[];
  namespaceSelector?: K8S9;
  namespaces?: string[];
  topologyKey: string;
}
export interface K8S9 {
  matchExpressions?: K8S10[];
  matchLabels?: {
    [k: string]: string;
  };
}
export interface K8S10 {
  key: string;
  operator: string;
  values?: string[];
}
export interface K8S11 {
  preferredDuringSchedulingIgnoredDuringExecution?: K8S7[];
  requiredDuringSchedulingIgnoredDuringExecution?: K8S8[];
}
export interface K8S12 {
  labelSelector?: K8S9;
  matchLabelKeys?: string[];
  maxSkew: number;
  minDomains?: number;
  nodeAffinityPolicy?: string;
  nodeTaintsPolicy?: string;
  topologyKey: string;
  whenUnsatisfiable: string;
}
/**
 * Labels added to the pods. A label the chart sets itself (app.kubernetes.io/*, helm.sh/chart: selectors, NetworkPolicies and PodDisruptionBudgets rely on them) is refused.
 */
export interface PodLabels {
  [k: string]: string;
}
/**
 * Annotations added to the pods. A key the chart sets itself (checksum/*, vendata/*, and prometheus.io/* while the chart's exporter runs) is refused.
 */
export interface PodAnnotations {
  [k: string]: string;
}
/**
 * Merged key by key over the chart's restricted pod security context (non-root, the image's uid, seccomp RuntimeDefault). A value the restricted Pod Security Standard forbids is refused unless allowUnrestricted.
 */
export interface PodSecurityContext {
  appArmorProfile?: K8S13;
  fsGroup?: number;
  fsGroupChangePolicy?: string;
  runAsGroup?: number;
  runAsNonRoot?: boolean;
  runAsUser?: number;
  seLinuxOptions?: K8S14;
  seccompProfile?: K8S15;
  supplementalGroups?: number[];
  sysctls?: K8S16[];
  windowsOptions?: K8S17;
}
export interface K8S13 {
  localhostProfile?: string;
  type: string;
}
export interface K8S14 {
  level?: string;
  role?: string;
  type?: string;
  user?: string;
}
export interface K8S15 {
  localhostProfile?: string;
  type: string;
}
export interface K8S16 {
  name: string;
  value: string;
}
export interface K8S17 {
  gmsaCredentialSpec?: string;
  gmsaCredentialSpecName?: string;
  hostProcess?: boolean;
  runAsUserName?: string;
}
/**
 * Merged key by key over the main container's restricted security context (no privilege escalation, read-only root, all capabilities dropped, seccomp RuntimeDefault). A value the restricted Pod Security Standard forbids (privileged, allowPrivilegeEscalation, runAsNonRoot false, runAsUser 0, a capability other than NET_BIND_SERVICE, seccomp Unconfined) is refused unless allowUnrestricted.
 */
export interface ContainerSecurityContext {
  allowPrivilegeEscalation?: boolean;
  appArmorProfile?: K8S13;
  capabilities?: K8S18;
  privileged?: boolean;
  procMount?: string;
  readOnlyRootFilesystem?: boolean;
  runAsGroup?: number;
  runAsNonRoot?: boolean;
  runAsUser?: number;
  seLinuxOptions?: K8S14;
  seccompProfile?: K8S15;
  windowsOptions?: K8S17;
}
export interface K8S18 {
  add?: string[];
  drop?: string[];
}
export interface K8S19 {
  name: string;
  value?: string;
  valueFrom?: K8S20;
}
export interface K8S20 {
  configMapKeyRef?: K8S21;
  fieldRef?: K8S22;
  resourceFieldRef?: K8S23;
  secretKeyRef?: K8S24;
}
export interface K8S21 {
  key: string;
  name?: string;
  optional?: boolean;
}
export interface K8S22 {
  apiVersion?: string;
  fieldPath: string;
}
export interface K8S23 {
  containerName?: string;
  divisor?: K8SQuantity;
  resource: string;
}
export interface K8S24 {
  key: string;
  name?: string;
  optional?: boolean;
}
export interface K8S25 {
  awsElasticBlockStore?: K8S26;
  azureDisk?: K8S27;
  azureFile?: K8S28;
  cephfs?: K8S29;
  cinder?: K8S31;
  configMap?: K8S32;
  csi?: K8S34;
  downwardAPI?: K8S35;
  emptyDir?: K8S37;
  ephemeral?: K8S38;
  fc?: K8S48;
  flexVolume?: K8S49;
  flocker?: K8S50;
  gcePersistentDisk?: K8S51;
  gitRepo?: K8S52;
  glusterfs?: K8S53;
  hostPath?: K8S54;
  iscsi?: K8S55;
  name: string;
  nfs?: K8S56;
  persistentVolumeClaim?: K8S57;
  photonPersistentDisk?: K8S58;
  portworxVolume?: K8S59;
  projected?: K8S60;
  quobyte?: K8S67;
  rbd?: K8S68;
  scaleIO?: K8S69;
  secret?: K8S70;
  storageos?: K8S71;
  vsphereVolume?: K8S72;
}
export interface K8S26 {
  fsType?: string;
  partition?: number;
  readOnly?: boolean;
  volumeID: string;
}
export interface K8S27 {
  cachingMode?: string;
  diskName: string;
  diskURI: string;
  fsType?: string;
  kind?: string;
  readOnly?: boolean;
}
export interface K8S28 {
  readOnly?: boolean;
  secretName: string;
  shareName: string;
}
export interface K8S29 {
  monitors: string[];
  path?: string;
  readOnly?: boolean;
  secretFile?: string;
  secretRef?: K8S30;
  user?: string;
}
export interface K8S30 {
  name?: string;
}
export interface K8S31 {
  fsType?: string;
  readOnly?: boolean;
  secretRef?: K8S30;
  volumeID: string;
}
export interface K8S32 {
  defaultMode?: number;
  items?: K8S33[];
  name?: string;
  optional?: boolean;
}
export interface K8S33 {
  key: string;
  mode?: number;
  path: string;
}
export interface K8S34 {
  driver: string;
  fsType?: string;
  nodePublishSecretRef?: K8S30;
  readOnly?: boolean;
  volumeAttributes?: {
    [k: string]: string;
  };
}
export interface K8S35 {
  defaultMode?: number;
  items?: K8S36[];
}
export interface K8S36 {
  fieldRef?: K8S22;
  mode?: number;
  path: string;
  resourceFieldRef?: K8S23;
}
export interface K8S37 {
  medium?: string;
  sizeLimit?: K8SQuantity;
}
export interface K8S38 {
  volumeClaimTemplate?: K8S39;
}
export interface K8S39 {
  metadata?: K8S40;
  spec: K8S44;
}
export interface K8S40 {
  annotations?: {
    [k: string]: string;
  };
  creationTimestamp?: K8STime | null;
  deletionGracePeriodSeconds?: number;
  deletionTimestamp?: K8STime;
  finalizers?: string[];
  generateName?: string;
  generation?: number;
  labels?: {
    [k: string]: string;
  };
  managedFields?: K8S41[];
  name?: string;
  namespace?: string;
  ownerReferences?: K8S43[];
  resourceVersion?: string;
  selfLink?: string;
  uid?: string;
}
export interface K8S41 {
  apiVersion?: string;
  fieldsType?: string;
  fieldsV1?: K8S42;
  manager?: string;
  operation?: string;
  subresource?: string;
  time?: K8STime;
}
export interface K8S42 {}
export interface K8S43 {
  apiVersion: string;
  blockOwnerDeletion?: boolean;
  controller?: boolean;
  kind: string;
  name: string;
  uid: string;
}
export interface K8S44 {
  accessModes?: string[];
  dataSource?: K8S45;
  dataSourceRef?: K8S46;
  resources?: K8S47;
  selector?: K8S9;
  storageClassName?: string;
  volumeAttributesClassName?: string;
  volumeMode?: string;
  volumeName?: string;
}
export interface K8S45 {
  apiGroup?: string;
  kind: string;
  name: string;
}
export interface K8S46 {
  apiGroup?: string;
  kind: string;
  name: string;
  namespace?: string;
}
export interface K8S47 {
  limits?: {
    [k: string]: K8SQuantity;
  };
  requests?: {
    [k: string]: K8SQuantity;
  };
}
export interface K8S48 {
  fsType?: string;
  lun?: number;
  readOnly?: boolean;
  targetWWNs?: string[];
  wwids?: string[];
}
export interface K8S49 {
  driver: string;
  fsType?: string;
  options?: {
    [k: string]: string;
  };
  readOnly?: boolean;
  secretRef?: K8S30;
}
export interface K8S50 {
  datasetName?: string;
  datasetUUID?: string;
}
export interface K8S51 {
  fsType?: string;
  partition?: number;
  pdName: string;
  readOnly?: boolean;
}
export interface K8S52 {
  directory?: string;
  repository: string;
  revision?: string;
}
export interface K8S53 {
  endpoints: string;
  path: string;
  readOnly?: boolean;
}
export interface K8S54 {
  path: string;
  type?: string;
}
export interface K8S55 {
  chapAuthDiscovery?: boolean;
  chapAuthSession?: boolean;
  fsType?: string;
  initiatorName?: string;
  iqn: string;
  iscsiInterface?: string;
  lun: number;
  portals?: string[];
  readOnly?: boolean;
  secretRef?: K8S30;
  targetPortal: string;
}
export interface K8S56 {
  path: string;
  readOnly?: boolean;
  server: string;
}
export interface K8S57 {
  claimName: string;
  readOnly?: boolean;
}
export interface K8S58 {
  fsType?: string;
  pdID: string;
}
export interface K8S59 {
  fsType?: string;
  readOnly?: boolean;
  volumeID: string;
}
export interface K8S60 {
  defaultMode?: number;
  sources?: K8S61[];
}
export interface K8S61 {
  clusterTrustBundle?: K8S62;
  configMap?: K8S63;
  downwardAPI?: K8S64;
  secret?: K8S65;
  serviceAccountToken?: K8S66;
}
export interface K8S62 {
  labelSelector?: K8S9;
  name?: string;
  optional?: boolean;
  path: string;
  signerName?: string;
}
export interface K8S63 {
  items?: K8S33[];
  name?: string;
  optional?: boolean;
}
export interface K8S64 {
  items?: K8S36[];
}
export interface K8S65 {
  items?: K8S33[];
  name?: string;
  optional?: boolean;
}
export interface K8S66 {
  audience?: string;
  expirationSeconds?: number;
  path: string;
}
export interface K8S67 {
  group?: string;
  readOnly?: boolean;
  registry: string;
  tenant?: string;
  user?: string;
  volume: string;
}
export interface K8S68 {
  fsType?: string;
  image: string;
  keyring?: string;
  monitors: string[];
  pool?: string;
  readOnly?: boolean;
  secretRef?: K8S30;
  user?: string;
}
export interface K8S69 {
  fsType?: string;
  gateway: string;
  protectionDomain?: string;
  readOnly?: boolean;
  secretRef: K8S30;
  sslEnabled?: boolean;
  storageMode?: string;
  storagePool?: string;
  system: string;
  volumeName?: string;
}
export interface K8S70 {
  defaultMode?: number;
  items?: K8S33[];
  optional?: boolean;
  secretName?: string;
}
export interface K8S71 {
  fsType?: string;
  readOnly?: boolean;
  secretRef?: K8S30;
  volumeName?: string;
  volumeNamespace?: string;
}
export interface K8S72 {
  fsType?: string;
  storagePolicyID?: string;
  storagePolicyName?: string;
  volumePath: string;
}
export interface K8S73 {
  mountPath: string;
  mountPropagation?: string;
  name: string;
  readOnly?: boolean;
  recursiveReadOnly?: string;
  subPath?: string;
  subPathExpr?: string;
}
export interface K8S74 {
  args?: string[];
  command?: string[];
  env?: K8S19[];
  envFrom?: K8S75[];
  image?: string;
  imagePullPolicy?: string;
  lifecycle?: K8S78;
  livenessProbe?: K8S85;
  name: string;
  ports?: K8S87[];
  readinessProbe?: K8S85;
  resizePolicy?: K8S88[];
  resources?: K8S89;
  restartPolicy?: string;
  securityContext?: K8S91;
  startupProbe?: K8S85;
  stdin?: boolean;
  stdinOnce?: boolean;
  terminationMessagePath?: string;
  terminationMessagePolicy?: string;
  tty?: boolean;
  volumeDevices?: K8S92[];
  volumeMounts?: K8S73[];
  workingDir?: string;
}
export interface K8S75 {
  configMapRef?: K8S76;
  prefix?: string;
  secretRef?: K8S77;
}
export interface K8S76 {
  name?: string;
  optional?: boolean;
}
export interface K8S77 {
  name?: string;
  optional?: boolean;
}
export interface K8S78 {
  postStart?: K8S79;
  preStop?: K8S79;
}
export interface K8S79 {
  exec?: K8S80;
  httpGet?: K8S81;
  sleep?: K8S83;
  tcpSocket?: K8S84;
}
export interface K8S80 {
  command?: string[];
}
export interface K8S81 {
  host?: string;
  httpHeaders?: K8S82[];
  path?: string;
  port: number | string;
  scheme?: string;
}
export interface K8S82 {
  name: string;
  value: string;
}
export interface K8S83 {
  seconds: number;
}
export interface K8S84 {
  host?: string;
  port: number | string;
}
export interface K8S85 {
  exec?: K8S80;
  failureThreshold?: number;
  grpc?: K8S86;
  httpGet?: K8S81;
  initialDelaySeconds?: number;
  periodSeconds?: number;
  successThreshold?: number;
  tcpSocket?: K8S84;
  terminationGracePeriodSeconds?: number;
  timeoutSeconds?: number;
}
export interface K8S86 {
  port: number;
  service?: string;
}
export interface K8S87 {
  containerPort: number;
  hostIP?: string;
  hostPort?: number;
  name?: string;
  protocol?: string;
}
export interface K8S88 {
  resourceName: string;
  restartPolicy: string;
}
export interface K8S89 {
  claims?: K8S90[];
  limits?: {
    [k: string]: K8SQuantity;
  };
  requests?: {
    [k: string]: K8SQuantity;
  };
}
export interface K8S90 {
  name: string;
}
export interface K8S91 {
  allowPrivilegeEscalation?: boolean;
  appArmorProfile?: K8S13;
  capabilities?: K8S18;
  privileged?: boolean;
  procMount?: string;
  readOnlyRootFilesystem?: boolean;
  runAsGroup?: number;
  runAsNonRoot?: boolean;
  runAsUser?: number;
  seLinuxOptions?: K8S14;
  seccompProfile?: K8S15;
  windowsOptions?: K8S17;
}
export interface K8S92 {
  devicePath: string;
  name: string;
}
/**
 * The pods' ServiceAccount, e.g. for IRSA or Workload Identity (annotations).
 */
export interface ServiceAccount {
  /**
   * Create a ServiceAccount for the pods (named name, or <release>-<component>).
   */
  create?: boolean;
  /**
   * The ServiceAccount the pods use: with create, the name of the one created (empty: <release>-<component>); without, an existing one (empty: the namespace's default).
   */
  name?: string;
  /**
   * Annotations of the created ServiceAccount (eks.amazonaws.com/role-arn, iam.gke.io/gcp-service-account, azure.workload.identity/client-id).
   */
  annotations?: {
    [k: string]: string;
  };
  /**
   * Mount the ServiceAccount's API token into the pods. The chart's pods do not talk to the API server (Prometheus excepted, which always gets its token); IRSA and Workload Identity need no token.
   */
  automountServiceAccountToken?: boolean;
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
  /**
   * Changes to the HPA's spec.behavior, merged key by key over the seed's: scale up by the larger of 100 % and 5 pods every 15 s without stabilization, scale down by 50 % every 15 s once the load has been lower for 300 s. A policies list replaces the seed's whole list.
   */
  behavior?: {
    scaleUp?: HpaScalingRules;
    scaleDown?: HpaScalingRules1;
  };
}
/**
 * How fast to add pods (HPAScalingRules).
 */
export interface HpaScalingRules {
  /**
   * Seconds of past recommendations the HPA considers: it scales to the highest (down) or lowest (up) of them.
   */
  stabilizationWindowSeconds?: number;
  /**
   * Which policy applies when several allow a change; Disabled turns this direction off.
   */
  selectPolicy?: "Max" | "Min" | "Disabled";
  /**
   * How much may change per period.
   *
   * @minItems 1
   */
  policies?: [
    {
      type: "Pods" | "Percent";
      value: number;
      periodSeconds: number;
    },
    ...{
      type: "Pods" | "Percent";
      value: number;
      periodSeconds: number;
    }[]
  ];
}
/**
 * How fast to remove pods (HPAScalingRules), e.g. stabilizationWindowSeconds: 60 on a small test cluster.
 */
export interface HpaScalingRules1 {
  /**
   * Seconds of past recommendations the HPA considers: it scales to the highest (down) or lowest (up) of them.
   */
  stabilizationWindowSeconds?: number;
  /**
   * Which policy applies when several allow a change; Disabled turns this direction off.
   */
  selectPolicy?: "Max" | "Min" | "Disabled";
  /**
   * How much may change per period.
   *
   * @minItems 1
   */
  policies?: [
    {
      type: "Pods" | "Percent";
      value: number;
      periodSeconds: number;
    },
    ...{
      type: "Pods" | "Percent";
      value: number;
      periodSeconds: number;
    }[]
  ];
}
/**
 * Container requests and limits (both required).
 */
export interface Resources {
  requests: {
    /**
     * CPU the scheduler reserves for the container (500m: half a core); at most limits.cpu.
     */
    cpu: string | number;
    /**
     * Memory the scheduler reserves for the container (512Mi); at most limits.memory.
     */
    memory: string | number;
  };
  limits: {
    /**
     * Most CPU the container may use; above it, it is throttled.
     */
    cpu: string | number;
    /**
     * Most memory the container may use; above it, it is OOM-killed.
     */
    memory: string | number;
  };
}
/**
 * Additions to this component's NetworkPolicy (<release>-allow-<component>), rendered with global.networkPolicy.enabled. Its own flows stay; these are appended.
 */
export interface ComponentNetworkPolicy {
  /**
   * Let the pods connect to any address outside the cluster, on any port: 0.0.0.0/0 except global.networkPolicy.clusterCidrs (an SMTP server, a payment provider, OAuth, an object store). Off by default; narrower: extraEgress.
   */
  allowExternalEgress?: boolean;
  /**
   * NetworkPolicy ingress rules ({from: [peers], ports: [...]}) appended to the policy's own.
   */
  extraIngress?: NetworkPolicyIngressRule[];
  /**
   * NetworkPolicy egress rules ({to: [peers], ports: [...]}) appended to the policy's own, e.g. [{to: [{ipBlock: {cidr: 203.0.113.10/32}}], ports: [{protocol: TCP, port: 587}]}].
   */
  extraEgress?: NetworkPolicyEgressRule[];
}
/**
 * A NetworkPolicy ingress rule: from (peers; absent: any) and ports (absent: all).
 */
export interface NetworkPolicyIngressRule {
  from?: NetworkPolicyPeer[];
  ports?: NetworkPolicyPort[];
}
export interface NetworkPolicyPort {
  protocol?: "TCP" | "UDP" | "SCTP";
  port?: number | string;
  endPort?: number;
}
/**
 * A NetworkPolicy egress rule: to (peers; absent: any) and ports (absent: all).
 */
export interface NetworkPolicyEgressRule {
  to?: NetworkPolicyPeer[];
  ports?: NetworkPolicyPort[];
}
/**
 * AWS CLI image that uploads to S3.
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
   * Tag; empty: the pinned one (the chart's appVersion for its own image; for the others, its entry in the chart's Chart.yaml annotation vendata/pinned-tags). `latest` is refused: the tag moves, so nodes that pull at different times would run different images.
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
 * The data volume of each pod: a claim per pod from the StatefulSet's template. Set at install: a StatefulSet's claim template cannot change, so changing any of these keys on a running release needs the StatefulSet deleted with --cascade=orphan first (its pods and claims stay).
 */
export interface Persistence {
  /**
   * Claim a volume; false: an emptyDir, whose data is lost whenever the pod restarts or moves (tests and throwaway stacks only).
   */
  enabled?: boolean;
  /**
   * Size of each volume.
   */
  size?: string | number;
  /**
   * StorageClass; empty uses global.defaultStorageClass, then the cluster default.
   */
  storageClass?: string;
  /**
   * Access modes of each claim (default [ReadWriteOnce]: one node at a time).
   *
   * @minItems 1
   */
  accessModes?: [
    "ReadWriteOnce" | "ReadOnlyMany" | "ReadWriteMany" | "ReadWriteOncePod",
    ...("ReadWriteOnce" | "ReadOnlyMany" | "ReadWriteMany" | "ReadWriteOncePod")[]
  ];
  /**
   * Annotations of each claim (e.g. a backup tool's or a provisioner's).
   */
  annotations?: {
    [k: string]: string;
  };
  /**
   * A PersistentVolumeClaim you created, mounted instead of claiming one (size, storageClass, accessModes and annotations are then unused; ignored when enabled is false). Only for a single pod: refused when the chart would run more than one pod on it.
   */
  existingClaim?: string;
}
/**
 * Annotations of the Service, e.g. service.beta.kubernetes.io/aws-load-balancer-type: nlb or metallb.universe.tf/address-pool.
 */
export interface Annotations {
  [k: string]: string;
}
/**
 * Annotations of the Ingress, e.g. cert-manager.io/cluster-issuer: letsencrypt (cert-manager then writes the tls Secrets).
 */
export interface Annotations1 {
  [k: string]: string;
}
/**
 * Annotations of the HTTPRoute.
 */
export interface Annotations2 {
  [k: string]: string;
}
export interface RateLimit {
  /**
   * Requests per second.
   */
  rate: number;
  /**
   * Requests above the rate served at once (nodelay) before 503s.
   */
  burst: number;
}

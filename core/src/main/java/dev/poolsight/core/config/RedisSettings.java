package dev.poolsight.core.config;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach Redis and how large the connection pool is: from the environment
 * ({@link #fromEnvironment()}) or set in code ({@link #builder()}).
 *
 * <table>
 *   <caption>Environment variables</caption>
 *   <tr><th>Variable</th><th>Default</th><th>Format</th></tr>
 *   <tr><td>{@code REDIS_URL}</td><td>{@code redis://localhost:6379}</td>
 *       <td>{@code redis[s]://[[user]:password@]host[:port][/db]}</td></tr>
 *   <tr><td>{@code REDIS_POOL_SIZE}</td><td>100</td><td>whole number, at least 1</td></tr>
 *   <tr><td>{@code REDIS_POOL_TIMEOUT}</td><td>{@code 30s}</td><td>Go duration, such as 500ms or 1m30s</td></tr>
 *   <tr><td>{@code REDIS_COMMAND_TIMEOUT}</td><td>{@code 2s}</td><td>Go duration, 1ms or more</td></tr>
 *   <tr><td>{@code REDIS_CONNECT_TIMEOUT}</td><td>{@code 2s}</td><td>Go duration, 1ms or more</td></tr>
 *   <tr><td>{@code REDIS_MAX_IDLE_CONNS}</td><td>the smaller of 50 and REDIS_POOL_SIZE</td>
 *       <td>whole number from 0 to REDIS_POOL_SIZE</td></tr>
 *   <tr><td>{@code REDIS_CLUSTER_NODES}</td><td>unset</td><td>{@code host:port,host:port}: a Redis Cluster's seed
 *       nodes, instead of REDIS_URL</td></tr>
 *   <tr><td>{@code REDIS_SENTINELS}</td><td>unset</td><td>{@code host:port,host:port}: the Sentinels, instead of
 *       REDIS_URL; needs REDIS_SENTINEL_MASTER</td></tr>
 *   <tr><td>{@code REDIS_SENTINEL_MASTER}</td><td>unset</td><td>the master's name as the Sentinels know it</td></tr>
 *   <tr><td>{@code REDIS_USERNAME}, {@code REDIS_PASSWORD}</td><td>unset</td><td>the login for a cluster's nodes or
 *       Sentinel's master and replicas (one server takes them from REDIS_URL)</td></tr>
 *   <tr><td>{@code REDIS_WAIT_REPLICAS}</td><td>0</td><td>whole number, 0 or more: replicas that must acknowledge
 *       an append</td></tr>
 * </table>
 *
 * <p>Exactly one of REDIS_URL, REDIS_CLUSTER_NODES and REDIS_SENTINELS may be set. The pool settings apply to each
 * pool the client keeps: with a cluster, one per node.
 *
 * <p>Every value is checked when the settings are made, so a bad one stops the application at start-up with an
 * {@link InvalidSettingException} that names the variable, instead of surfacing later under load.
 */
public final class RedisSettings {

    public static final String REDIS_URL = "REDIS_URL";
    public static final String REDIS_POOL_SIZE = "REDIS_POOL_SIZE";
    public static final String REDIS_POOL_TIMEOUT = "REDIS_POOL_TIMEOUT";
    public static final String REDIS_MAX_IDLE_CONNS = "REDIS_MAX_IDLE_CONNS";
    public static final String REDIS_COMMAND_TIMEOUT = "REDIS_COMMAND_TIMEOUT";
    public static final String REDIS_CONNECT_TIMEOUT = "REDIS_CONNECT_TIMEOUT";
    public static final String REDIS_CLUSTER_NODES = "REDIS_CLUSTER_NODES";
    public static final String REDIS_SENTINELS = "REDIS_SENTINELS";
    public static final String REDIS_SENTINEL_MASTER = "REDIS_SENTINEL_MASTER";
    public static final String REDIS_USERNAME = "REDIS_USERNAME";
    public static final String REDIS_PASSWORD = "REDIS_PASSWORD";
    public static final String REDIS_WAIT_REPLICAS = "REDIS_WAIT_REPLICAS";

    public static final String DEFAULT_URL = "redis://localhost:6379";
    public static final int DEFAULT_POOL_SIZE = 100;
    public static final String DEFAULT_POOL_TIMEOUT = "30s";
    /** Jedis' own default socket timeout: far above an append's milliseconds, far below a user's patience. */
    public static final String DEFAULT_COMMAND_TIMEOUT = "2s";
    public static final String DEFAULT_CONNECT_TIMEOUT = "2s";
    /** The most idle connections kept when REDIS_MAX_IDLE_CONNS is not set; a smaller pool keeps all of its own. */
    public static final int DEFAULT_MAX_IDLE = 50;

    private final RedisUrl url;
    private final RedisTopology topology;
    private final String user;
    private final String password;
    private final int waitReplicas;
    private final int poolSize;
    private final Duration poolTimeout;
    private final String poolTimeoutText;
    private final int maxIdle;
    private final Duration commandTimeout;
    private final String commandTimeoutText;
    private final Duration connectTimeout;
    private final String connectTimeoutText;

    private RedisSettings(Builder builder) {
        this.url = builder.url;
        this.topology = builder.topology == null ? new RedisTopology.Standalone(builder.url) : builder.topology;
        this.user = builder.user;
        this.password = builder.password;
        this.waitReplicas = builder.waitReplicas;
        this.poolSize = builder.poolSize;
        this.poolTimeout = builder.poolTimeout;
        this.poolTimeoutText = builder.poolTimeoutText;
        this.commandTimeout = builder.commandTimeout;
        this.commandTimeoutText = builder.commandTimeoutText;
        this.connectTimeout = builder.connectTimeout;
        this.connectTimeoutText = builder.connectTimeoutText;
        // Only a value the user set can contradict the pool size: the default follows the pool down.
        this.maxIdle = builder.maxIdle == null ? Math.min(DEFAULT_MAX_IDLE, poolSize) : builder.maxIdle;
        if (maxIdle > poolSize) {
            throw new InvalidSettingException(REDIS_MAX_IDLE_CONNS, Integer.toString(maxIdle),
                    "more idle connections than the pool may hold; accepted: 0 to " + REDIS_POOL_SIZE + " (" + poolSize
                            + "); the seed guide recommends half of it, " + poolSize / 2);
        }
    }

    /** Reads the settings from this process's environment. */
    public static RedisSettings fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /** Reads the settings from {@code environment}; variables that are absent take their defaults. */
    public static RedisSettings fromEnvironment(Map<String, String> environment) {
        Objects.requireNonNull(environment, "environment is null");
        Builder builder = builder();
        TopologyVariables.apply(environment, builder);
        String size = environment.get(REDIS_POOL_SIZE);
        if (size != null) {
            builder.poolSize(SettingParser.wholeNumber(REDIS_POOL_SIZE, size, 1));
        }
        String timeout = environment.get(REDIS_POOL_TIMEOUT);
        if (timeout != null) {
            builder.poolTimeout(timeout);
        }
        String commandTimeout = environment.get(REDIS_COMMAND_TIMEOUT);
        if (commandTimeout != null) {
            builder.commandTimeout(commandTimeout);
        }
        String connectTimeout = environment.get(REDIS_CONNECT_TIMEOUT);
        if (connectTimeout != null) {
            builder.connectTimeout(connectTimeout);
        }
        String idle = environment.get(REDIS_MAX_IDLE_CONNS);
        if (idle != null) {
            builder.maxIdle(SettingParser.wholeNumber(REDIS_MAX_IDLE_CONNS, idle, 0));
        }
        String waitReplicas = environment.get(REDIS_WAIT_REPLICAS);
        if (waitReplicas != null) {
            builder.waitReplicas(SettingParser.wholeNumber(REDIS_WAIT_REPLICAS, waitReplicas, 0));
        }
        return builder.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code REDIS_URL}: the server of a {@link RedisTopology.Standalone} topology, else the unused default. */
    public RedisUrl url() {
        return url;
    }

    /** One server, a Redis Cluster or a Sentinel-watched master. */
    public RedisTopology topology() {
        return topology;
    }

    /** The login for a cluster's nodes or Sentinel's master ({@code REDIS_USERNAME}); one server's is in its URL. */
    public Optional<String> user() {
        return topology instanceof RedisTopology.Standalone ? url.user() : Optional.ofNullable(user);
    }

    /** The password that goes with {@link #user()}; never print it. */
    public Optional<String> password() {
        return topology instanceof RedisTopology.Standalone ? url.password() : Optional.ofNullable(password);
    }

    /** {@code REDIS_WAIT_REPLICAS}: how many replicas must acknowledge an append before it succeeds; 0 waits for none. */
    public int waitReplicas() {
        return waitReplicas;
    }

    /** The pool's maxTotal: how many connections may be open at once. */
    public int poolSize() {
        return poolSize;
    }

    /** How long a caller waits for a free connection before the pool reports exhaustion. */
    public Duration poolTimeout() {
        return poolTimeout;
    }

    /** The pool timeout as it was written, such as {@code 1m30s}, for messages. */
    public String poolTimeoutText() {
        return poolTimeoutText;
    }

    /**
     * How long a caller waits for Redis to answer a command (the socket's read timeout) before the call fails with
     * a {@code RedisUnavailableException}; also bounds the commands that open a connection (AUTH, SELECT, CLIENT).
     */
    public Duration commandTimeout() {
        return commandTimeout;
    }

    /** The command timeout as it was written, such as {@code 500ms}, for messages. */
    public String commandTimeoutText() {
        return commandTimeoutText;
    }

    /** How long opening a TCP (or TLS) connection to Redis may take. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** The connect timeout as it was written, for messages. */
    public String connectTimeoutText() {
        return connectTimeoutText;
    }

    /** The pool's maxIdle: how many unused connections are kept open; unless set, the smaller of 50 and the pool size. */
    public int maxIdle() {
        return maxIdle;
    }

    @Override
    public String toString() {
        return "RedisSettings[" + (topology instanceof RedisTopology.Standalone ? "url=" + url : topology.describe())
                + (waitReplicas > 0 ? ", waitReplicas=" + waitReplicas : "") + ", poolSize=" + poolSize + ", poolTimeout=" + poolTimeoutText
                + ", maxIdle=" + maxIdle + ", commandTimeout=" + commandTimeoutText + ", connectTimeout="
                + connectTimeoutText + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RedisSettings that && url.equals(that.url) && topology.equals(that.topology)
                && Objects.equals(user, that.user) && Objects.equals(password, that.password)
                && waitReplicas == that.waitReplicas && poolSize == that.poolSize
                && poolTimeout.equals(that.poolTimeout) && maxIdle == that.maxIdle
                && commandTimeout.equals(that.commandTimeout) && connectTimeout.equals(that.connectTimeout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(url, topology, waitReplicas, poolSize, poolTimeout, maxIdle, commandTimeout, connectTimeout);
    }

    /** Settings in code; each method checks its value as the environment variable of the same name would. */
    public static final class Builder {
        private RedisUrl url = RedisUrl.parse(REDIS_URL, DEFAULT_URL);
        /** Null for one server, the one {@link #url} names. */
        private RedisTopology topology;
        private String user;
        private String password;
        private int waitReplicas;
        private int poolSize = DEFAULT_POOL_SIZE;
        private Duration poolTimeout = GoDuration.parse(DEFAULT_POOL_TIMEOUT);
        private String poolTimeoutText = DEFAULT_POOL_TIMEOUT;
        /** Null until set: the default depends on the pool size, which may be set after. */
        private Integer maxIdle;
        private Duration commandTimeout = GoDuration.parse(DEFAULT_COMMAND_TIMEOUT);
        private String commandTimeoutText = DEFAULT_COMMAND_TIMEOUT;
        private Duration connectTimeout = GoDuration.parse(DEFAULT_CONNECT_TIMEOUT);
        private String connectTimeoutText = DEFAULT_CONNECT_TIMEOUT;

        private Builder() {
        }

        /** {@code REDIS_URL}: {@code redis[s]://[[user]:password@]host[:port][/db]}. */
        public Builder url(String redisUrl) {
            this.url = RedisUrl.parse(REDIS_URL, redisUrl);
            this.topology = null;
            return this;
        }

        /** {@code REDIS_CLUSTER_NODES}: a Redis Cluster's seed nodes, {@code host:port,host:port}. */
        public Builder clusterNodes(String nodes) {
            this.topology = new RedisTopology.Cluster(NodeList.parse(REDIS_CLUSTER_NODES, nodes));
            return this;
        }

        /** {@code REDIS_SENTINEL_MASTER} and {@code REDIS_SENTINELS}: the master's name and the Sentinels that watch it. */
        public Builder sentinels(String masterName, String sentinels) {
            if (masterName == null || masterName.isBlank() || !masterName.strip().equals(masterName)
                    || masterName.chars().anyMatch(Character::isWhitespace)) {
                throw new InvalidSettingException(REDIS_SENTINEL_MASTER, masterName,
                        (masterName == null || masterName.isEmpty() ? "empty" : "contains spaces")
                                + "; accepted: the master's name as the Sentinels know it (sentinel monitor <name> ...),"
                                + " such as mymaster");
            }
            this.topology = new RedisTopology.Sentinel(masterName, NodeList.parse(REDIS_SENTINELS, sentinels));
            return this;
        }

        /** {@code REDIS_USERNAME} and {@code REDIS_PASSWORD}: the login for a cluster's nodes or Sentinel's master. */
        public Builder credentials(String user, String password) {
            this.user = user;
            this.password = password;
            return this;
        }

        /** {@code REDIS_WAIT_REPLICAS}: 0 or more. */
        public Builder waitReplicas(int replicas) {
            this.waitReplicas = SettingParser.atLeast(REDIS_WAIT_REPLICAS, replicas, 0);
            return this;
        }

        /** {@code REDIS_POOL_SIZE}: at least 1. */
        public Builder poolSize(int size) {
            this.poolSize = SettingParser.atLeast(REDIS_POOL_SIZE, size, 1);
            return this;
        }

        /** {@code REDIS_POOL_TIMEOUT} as a Go duration such as {@code 500ms}; {@code 0} fails at once. */
        public Builder poolTimeout(String goDuration) {
            this.poolTimeout = SettingParser.nonNegativeDuration(REDIS_POOL_TIMEOUT, goDuration);
            this.poolTimeoutText = goDuration;
            return this;
        }

        /** {@code REDIS_POOL_TIMEOUT}; zero fails at once when every connection is busy. */
        public Builder poolTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout is null");
            if (timeout.isNegative()) {
                throw new InvalidSettingException(REDIS_POOL_TIMEOUT, timeout.toString(),
                        "negative; accepted: 0 (fail at once) or a positive duration such as 30s");
            }
            this.poolTimeout = timeout;
            this.poolTimeoutText = GoDuration.format(timeout);
            return this;
        }

        /** {@code REDIS_MAX_IDLE_CONNS}: from 0 to the pool size; unset, the smaller of 50 and the pool size. */
        public Builder maxIdle(int idle) {
            this.maxIdle = SettingParser.atLeast(REDIS_MAX_IDLE_CONNS, idle, 0);
            return this;
        }

        /** {@code REDIS_COMMAND_TIMEOUT} as a Go duration such as {@code 500ms}: 1ms or more. */
        public Builder commandTimeout(String goDuration) {
            this.commandTimeout = SettingParser.socketTimeout(REDIS_COMMAND_TIMEOUT, goDuration);
            this.commandTimeoutText = goDuration;
            return this;
        }

        /** {@code REDIS_COMMAND_TIMEOUT}: 1ms or more. */
        public Builder commandTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout is null");
            SettingParser.requireSocketTimeout(REDIS_COMMAND_TIMEOUT, timeout.toString(), timeout);
            this.commandTimeout = timeout;
            this.commandTimeoutText = GoDuration.format(timeout);
            return this;
        }

        /** {@code REDIS_CONNECT_TIMEOUT} as a Go duration such as {@code 1s}: 1ms or more. */
        public Builder connectTimeout(String goDuration) {
            this.connectTimeout = SettingParser.socketTimeout(REDIS_CONNECT_TIMEOUT, goDuration);
            this.connectTimeoutText = goDuration;
            return this;
        }

        /** {@code REDIS_CONNECT_TIMEOUT}: 1ms or more. */
        public Builder connectTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout is null");
            SettingParser.requireSocketTimeout(REDIS_CONNECT_TIMEOUT, timeout.toString(), timeout);
            this.connectTimeout = timeout;
            this.connectTimeoutText = GoDuration.format(timeout);
            return this;
        }

        public RedisSettings build() {
            if ((user != null || password != null) && topology == null) {
                throw new InvalidSettingException(user != null ? REDIS_USERNAME : REDIS_PASSWORD, "***",
                        "applies to " + REDIS_CLUSTER_NODES + " and " + REDIS_SENTINELS
                                + "; one server takes its login from REDIS_URL, redis://user:password@host:port");
            }
            return new RedisSettings(this);
        }
    }
}

package dev.poolsight.core.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the Redis server is and how to log in: {@code redis://[[user]:password@]host[:port][/database]}, or
 * {@code rediss://...} for TLS. User and password may be percent-encoded.
 *
 * <p>{@link #toString()} never shows the password; neither does any error this class raises.
 */
public final class RedisUrl {

    static final int DEFAULT_PORT = 6379;
    private static final Pattern USER_INFO = Pattern.compile("(?<=://)[^/]*@");
    private static final String ACCEPTED =
            "accepted: redis://[[user]:password@]host[:port][/database] or rediss://... for TLS,"
                    + " for example redis://localhost:6379/0";

    private final boolean tls;
    private final String host;
    private final int port;
    private final int database;
    private final String user;
    private final String password;

    private RedisUrl(boolean tls, String host, int port, int database, String user, String password) {
        this.tls = tls;
        this.host = host;
        this.port = port;
        this.database = database;
        this.user = user;
        this.password = password;
    }

    /** Parses a URL, naming {@code setting} in any error. */
    static RedisUrl parse(String setting, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidSettingException(setting, text, "empty; " + ACCEPTED);
        }
        String shown = redact(text);
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new InvalidSettingException(setting, shown, "not a URL; " + ACCEPTED);
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equals("redis") || scheme.equals("rediss"))) {
            throw new InvalidSettingException(setting, shown,
                    "the scheme must be redis or rediss, not " + (scheme == null ? "missing" : scheme) + "; " + ACCEPTED);
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new InvalidSettingException(setting, shown, "no host name; " + ACCEPTED);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new InvalidSettingException(setting, shown, "query parameters and fragments are not supported; " + ACCEPTED);
        }
        int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
        if (port < 1 || port > 65535) {
            throw new InvalidSettingException(setting, shown, "the port must be from 1 to 65535; " + ACCEPTED);
        }
        int database = parseDatabase(setting, shown, uri.getRawPath());
        String user = null;
        String password = null;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            String rawUser = colon < 0 ? userInfo : userInfo.substring(0, colon);
            user = rawUser.isEmpty() ? null : decode(rawUser);
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
            if (colon < 0) {
                // redis://secret@host is the classic way of giving only a password (Redis before ACLs).
                password = user;
                user = null;
            }
        }
        return new RedisUrl(scheme.equals("rediss"), uri.getHost(), port, database, user, password);
    }

    private static int parseDatabase(String setting, String shown, String path) {
        if (path == null || path.isEmpty() || path.equals("/")) {
            return 0;
        }
        String digits = path.substring(1);
        if (!digits.matches("[0-9]{1,5}")) {
            throw new InvalidSettingException(setting, shown,
                    "the path must be a database number such as /0, not " + path + "; " + ACCEPTED);
        }
        return Integer.parseInt(digits);
    }

    private static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** Replaces whatever stands between {@code ://} and {@code @} with {@code ***}, for messages and logs. */
    static String redact(String text) {
        return USER_INFO.matcher(text).replaceFirst("***@");
    }

    public boolean tls() {
        return tls;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public int database() {
        return database;
    }

    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    /** The password, for the client that logs in; never print it. */
    public Optional<String> password() {
        return Optional.ofNullable(password);
    }

    /** {@code redis://host:port}, the server's identity without credentials or database. */
    public String server() {
        return (tls ? "rediss://" : "redis://") + hostForUrl() + ":" + port;
    }

    private String hostForUrl() {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    @Override
    public String toString() {
        String credentials = user != null ? user + ":***@" : password != null ? "***@" : "";
        return (tls ? "rediss://" : "redis://") + credentials + hostForUrl() + ":" + port + "/" + database;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RedisUrl that
                && tls == that.tls && port == that.port && database == that.database
                && host.equals(that.host) && Objects.equals(user, that.user) && Objects.equals(password, that.password);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tls, host, port, database, user);
    }
}

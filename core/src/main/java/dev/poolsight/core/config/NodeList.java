package dev.poolsight.core.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import redis.clients.jedis.HostAndPort;

/** Parses {@code host:port,host:port}, the format of {@code REDIS_CLUSTER_NODES} and {@code REDIS_SENTINELS}. */
final class NodeList {

    private static final String ACCEPTED = "accepted: host:port pairs separated by commas, such as"
            + " 10.0.0.1:6379,10.0.0.2:6379 ([::1]:6379 for an IPv6 address)";

    private NodeList() {
    }

    static List<HostAndPort> parse(String setting, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidSettingException(setting, text, "empty; " + ACCEPTED);
        }
        Set<HostAndPort> nodes = new LinkedHashSet<>();
        for (String entry : text.split(",", -1)) {
            HostAndPort node = node(setting, text, entry.strip());
            if (!nodes.add(node)) {
                throw new InvalidSettingException(setting, text, node + " is listed twice; " + ACCEPTED);
            }
        }
        return new ArrayList<>(nodes);
    }

    private static HostAndPort node(String setting, String text, String entry) {
        if (entry.isEmpty()) {
            throw new InvalidSettingException(setting, text, "an empty entry between commas; " + ACCEPTED);
        }
        int colon = entry.lastIndexOf(':');
        if (colon <= 0 || colon == entry.length() - 1) {
            throw new InvalidSettingException(setting, text, "\"" + entry + "\" has no port; " + ACCEPTED);
        }
        String host = entry.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new InvalidSettingException(setting, text,
                    "\"" + entry + "\": an IPv6 address needs brackets, such as [::1]:6379; " + ACCEPTED);
        }
        String port = entry.substring(colon + 1);
        if (host.isBlank() || host.contains(" ")) {
            throw new InvalidSettingException(setting, text, "\"" + entry + "\" has no host name; " + ACCEPTED);
        }
        if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
            throw new InvalidSettingException(setting, text,
                    "\"" + entry + "\": the port must be a number from 1 to 65535; " + ACCEPTED);
        }
        return new HostAndPort(host, Integer.parseInt(port));
    }
}

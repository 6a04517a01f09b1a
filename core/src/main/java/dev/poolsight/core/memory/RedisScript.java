package dev.poolsight.core.memory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;
import redis.clients.jedis.util.SafeEncoder;

/**
 * A Lua script run by its SHA-1 (one EVALSHA round trip), loaded again when the server answers NOSCRIPT
 * because it restarted or its script cache was flushed.
 */
final class RedisScript {

    private final String source;
    private final byte[] sha1;

    private RedisScript(String source) {
        this.source = source;
        this.sha1 = SafeEncoder.encode(sha1Hex(source));
    }

    static RedisScript fromResource(String name) {
        try (InputStream in = RedisScript.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the Lua script " + name + " is missing from the class path");
            }
            return new RedisScript(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Lua script " + name, e);
        }
    }

    /**
     * Runs the script with binary keys and arguments, so that nothing is encoded twice; the reply is binary too:
     * bulk strings come back as {@code byte[]}, integers as {@code Long}.
     */
    Object run(Jedis jedis, List<byte[]> keys, List<byte[]> args) {
        try {
            return jedis.evalsha(sha1, keys, args);
        } catch (JedisNoScriptException notCached) {
            jedis.scriptLoad(source);
            return jedis.evalsha(sha1, keys, args);
        }
    }

    private static String sha1Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }
}

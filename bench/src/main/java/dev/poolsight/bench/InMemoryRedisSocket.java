package dev.poolsight.bench;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A connection to a Redis that answers every command at once with the same bulk reply, {@code "value"}, and reads
 * nothing of what it is sent: a pooled GET over it is Jedis' and the pool's own work without the network, whose
 * tens of microseconds, spread by tens of percent between runs, would bury a cost of tens of nanoseconds. One
 * connection serves one thread at a time, as a pooled connection does.
 */
final class InMemoryRedisSocket extends Socket {

    private static final byte[] REPLY = "$5\r\nvalue\r\n".getBytes(StandardCharsets.US_ASCII);

    private final InputStream replies = new InputStream() {
        private int position;

        @Override
        public int read() {
            byte next = REPLY[position];
            position = (position + 1) % REPLY.length;
            return next & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            for (int i = 0; i < length; i++) {
                buffer[offset + i] = REPLY[position];
                position = (position + 1) % REPLY.length;
            }
            return length;
        }
    };
    private volatile boolean closed;
    private int soTimeout;

    @Override
    public InputStream getInputStream() {
        return replies;
    }

    @Override
    public OutputStream getOutputStream() {
        return OutputStream.nullOutputStream();
    }

    @Override
    public boolean isConnected() {
        return true;
    }

    @Override
    public boolean isBound() {
        return true;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public boolean isInputShutdown() {
        return false;
    }

    @Override
    public boolean isOutputShutdown() {
        return false;
    }

    @Override
    public void setSoTimeout(int timeout) {
        soTimeout = timeout;
    }

    @Override
    public int getSoTimeout() {
        return soTimeout;
    }

    @Override
    public void close() {
        closed = true;
    }
}

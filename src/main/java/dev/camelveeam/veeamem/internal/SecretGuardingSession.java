package dev.camelveeam.veeamem.internal;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.util.Arrays;
import java.util.concurrent.locks.Lock;

import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.Command;
import org.apache.hc.core5.reactor.IOEventHandler;
import org.apache.hc.core5.reactor.IOSession;
import org.apache.hc.core5.util.Timeout;

/**
 * The I/O session under HttpClient's HTTP codec (above TLS): outgoing bytes get their secrets put in place of the
 * stand-ins, and the values of EM's secret answer headers ({@code X-RestSvcSessionId}, {@code Set-Cookie},
 * {@code Location}) are swapped for stand-ins before HttpClient parses (and logs) them. It also stands in for
 * HttpClient's wire logging, which it switches off: no byte on the wire is ever logged.
 */
final class SecretGuardingSession implements IOSession {

    private static final int MAX_NAME = 32;
    private static final int MAX_VALUE = 4096;
    private static final byte HIDDEN = 'x';

    private final IOSession session;
    private final Secrets secrets;
    private final InboundHeaders inbound = new InboundHeaders();

    SecretGuardingSession(IOSession session, Secrets secrets) {
        this.session = session;
        this.secrets = secrets;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        secrets.reveal(src);
        return session.write(src);
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        int from = dst.position();
        int count = session.read(dst);
        if (count > 0) {
            inbound.conceal(dst, from, dst.position());
        }
        return count;
    }

    @Override
    public ByteChannel channel() {
        return this;
    }

    @Override
    public IOEventHandler getHandler() {
        return session.getHandler();
    }

    @Override
    public void upgrade(IOEventHandler handler) {
        session.upgrade(handler);
    }

    @Override
    public Lock getLock() {
        return session.getLock();
    }

    @Override
    public void enqueue(Command command, Command.Priority priority) {
        session.enqueue(command, priority);
    }

    @Override
    public boolean hasCommands() {
        return session.hasCommands();
    }

    @Override
    public Command poll() {
        return session.poll();
    }

    @Override
    public SocketAddress getRemoteAddress() {
        return session.getRemoteAddress();
    }

    @Override
    public SocketAddress getLocalAddress() {
        return session.getLocalAddress();
    }

    @Override
    public int getEventMask() {
        return session.getEventMask();
    }

    @Override
    public void setEventMask(int ops) {
        session.setEventMask(ops);
    }

    @Override
    public void setEvent(int op) {
        session.setEvent(op);
    }

    @Override
    public void clearEvent(int op) {
        session.clearEvent(op);
    }

    @Override
    public boolean isOpen() {
        return session.isOpen();
    }

    @Override
    public void close() {
        session.close();
    }

    @Override
    public void close(CloseMode closeMode) {
        session.close(closeMode);
    }

    @Override
    public Status getStatus() {
        return session.getStatus();
    }

    @Override
    public Timeout getSocketTimeout() {
        return session.getSocketTimeout();
    }

    @Override
    public void setSocketTimeout(Timeout timeout) {
        session.setSocketTimeout(timeout);
    }

    @Override
    public long getLastReadTime() {
        return session.getLastReadTime();
    }

    @Override
    public long getLastWriteTime() {
        return session.getLastWriteTime();
    }

    @Override
    public long getLastEventTime() {
        return session.getLastEventTime();
    }

    @Override
    public void updateReadTime() {
        session.updateReadTime();
    }

    @Override
    public void updateWriteTime() {
        session.updateWriteTime();
    }

    @Override
    public String getId() {
        return session.getId();
    }

    @Override
    public String toString() {
        return session.toString();
    }

    /**
     * Follows the incoming bytes line by line, whatever the reads' boundaries, and swaps the value of each secret
     * header for its stand-in. Only the session token is registered (it is sent back on every request); the other
     * secret headers are only hidden.
     */
    private final class InboundHeaders {

        private final StringBuilder name = new StringBuilder(MAX_NAME);
        private final byte[] value = new byte[MAX_VALUE];
        private int valueLength;
        private State state = State.LINE_START;
        private boolean registerValue;

        void conceal(ByteBuffer buffer, int from, int to) {
            for (int at = from; at < to; at++) {
                byte b = buffer.get(at);
                switch (state) {
                    case LINE_START, NAME -> name(b);
                    case VALUE_START -> {
                        if (b != ' ' && b != '\t') {
                            state = State.VALUE;
                            value(buffer, at, b);
                        }
                    }
                    case VALUE -> value(buffer, at, b);
                    case REST_OF_LINE -> {
                        if (b == '\n') {
                            state = State.LINE_START;
                        }
                    }
                }
            }
        }

        private void name(byte b) {
            if (b == '\n') {
                name.setLength(0);
                state = State.LINE_START;
            } else if (b == ':') {
                String header = name.toString();
                name.setLength(0);
                registerValue = header.equals("x-restsvcsessionid");
                boolean secret = registerValue || header.equals("set-cookie") || header.equals("location");
                state = secret ? State.VALUE_START : State.REST_OF_LINE;
                valueLength = 0;
            } else if (name.length() >= MAX_NAME || b == '\r') {
                name.setLength(0);
                state = State.REST_OF_LINE;
            } else {
                name.append(Character.toLowerCase((char) (b & 0xFF)));
                state = State.NAME;
            }
        }

        private void value(ByteBuffer buffer, int at, byte b) {
            if (b == '\r' || b == '\n' || valueLength == MAX_VALUE) {
                if (registerValue && valueLength > 0) {
                    byte[] secret = Arrays.copyOf(value, valueLength);
                    byte[] standIn = new byte[valueLength];
                    for (int i = 0; i < valueLength; i++) {
                        standIn[i] = secrets.standInByte(secret, i + 1);
                    }
                    secrets.register(secret, standIn);
                }
                state = b == '\n' ? State.LINE_START : State.REST_OF_LINE;
                return;
            }
            value[valueLength++] = b;
            buffer.put(at, registerValue ? secrets.standInByte(value, valueLength) : HIDDEN);
        }
    }

    private enum State {
        LINE_START,
        NAME,
        VALUE_START,
        VALUE,
        REST_OF_LINE
    }
}

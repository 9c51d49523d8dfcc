package org.broadsheet.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * A client that declares a large form body and sends it a byte at a time (the slow-body attack), on its own
 * thread, until the server answers, the connection fails or {@code giveUp} passes. Used by the test and by
 * {@code bench/slow-body.sh}.
 */
public final class SlowSender implements Runnable {

    /** What became of it: the status line's code, or -1 if the connection ended without an answer. */
    public record Outcome(int status, long millis) {
    }

    private final String localAddress;
    private final String host;
    private final int port;
    private final String path;
    private final Duration every;
    private final Duration giveUp;
    private final CountDownLatch sending;
    private volatile Outcome outcome;
    private volatile Socket socket;

    /**
     * @param localAddress the loopback address to send from (127.0.0.x), so each sender can be its own client
     * @param sending      counted down once the headers and the first byte are sent
     */
    public SlowSender(String localAddress, String host, int port, String path, Duration every, Duration giveUp,
                      CountDownLatch sending) {
        this.localAddress = localAddress;
        this.host = host;
        this.port = port;
        this.path = path;
        this.every = every;
        this.giveUp = giveUp;
        this.sending = sending;
    }

    public Thread start() {
        Thread t = new Thread(this, "slow-sender-" + localAddress);
        t.setDaemon(true);
        t.start();
        return t;
    }

    public Outcome outcome() {
        return outcome;
    }

    /** Hangs up (its outcome is then -1 unless the answer came first). */
    public void stop() {
        Socket s = socket;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    @Override
    public void run() {
        long start = System.nanoTime();
        int status = -1;
        boolean counted = false;
        try (Socket socket = new Socket()) {
            this.socket = socket;
            socket.bind(new InetSocketAddress(localAddress, 0));
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout((int) Math.max(1, every.toMillis()));
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            // Same-origin, as a browser sends it, so the handler gets as far as reading the body.
            out.write(("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nOrigin: http://" + host + ":" + port + "\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            long deadline = start + giveUp.toNanos();
            while (System.nanoTime() < deadline) {
                out.write('a');
                out.flush();
                if (!counted) {
                    sending.countDown();
                    counted = true;
                }
                try {
                    status = readStatus(in);
                    break;
                } catch (SocketTimeoutException nothingYet) {
                    // no answer yet: send the next byte
                }
            }
        } catch (IOException e) {
            // reset or closed without an answer: status stays -1
        } finally {
            if (!counted) {
                sending.countDown();
            }
            outcome = new Outcome(status, Duration.ofNanos(System.nanoTime() - start).toMillis());
        }
    }

    /** Reads "HTTP/1.1 408 ..." and returns 408; -1 at end of stream. */
    private static int readStatus(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            line.append((char) c);
        }
        String[] parts = line.toString().split(" ");
        return parts.length >= 2 && parts[0].startsWith("HTTP/") ? Integer.parseInt(parts[1]) : -1;
    }
}

package org.govshare.notification;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal in-process SMTP server for tests (GreenMail is not among the artifacts this build may
 * use): accepts every message on 127.0.0.1 and keeps it for assertions. One per test JVM.
 */
public final class TestSmtpServer {

    /** A received message: the envelope recipients and the parsed MIME message. */
    public record Received(List<String> recipients, MimeMessage message) {
    }

    private static volatile TestSmtpServer shared;

    private final ServerSocket socket;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private TestSmtpServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::acceptLoop, "test-smtp");
        t.setDaemon(true);
        t.start();
    }

    public static synchronized TestSmtpServer shared() {
        if (shared == null) {
            try {
                shared = new TestSmtpServer();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    public int port() {
        return socket.getLocalPort();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> receivedBy(String address) {
        return received.stream().filter(r -> r.recipients().contains(address)).toList();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                Thread t = new Thread(() -> session(s), "test-smtp-session");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void session(Socket s) {
        try (s; var in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
             OutputStream out = s.getOutputStream()) {
            reply(out, "220 localhost test SMTP");
            List<String> recipients = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String upper = line.toUpperCase(java.util.Locale.ROOT);
                if (upper.startsWith("EHLO") || upper.startsWith("HELO")) {
                    reply(out, "250 localhost");
                } else if (upper.startsWith("MAIL FROM")) {
                    recipients.clear();
                    reply(out, "250 OK");
                } else if (upper.startsWith("RCPT TO")) {
                    String addr = line.substring(line.indexOf(':') + 1).trim();
                    recipients.add(addr.replaceAll("^<|>$", ""));
                    reply(out, "250 OK");
                } else if (upper.equals("DATA")) {
                    reply(out, "354 end with <CRLF>.<CRLF>");
                    StringBuilder data = new StringBuilder();
                    String d;
                    while ((d = in.readLine()) != null && !d.equals(".")) {
                        data.append(d.startsWith("..") ? d.substring(1) : d).append("\r\n");
                    }
                    MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
                        new ByteArrayInputStream(data.toString().getBytes(StandardCharsets.UTF_8)));
                    received.add(new Received(List.copyOf(recipients), message));
                    reply(out, "250 OK queued");
                } else if (upper.equals("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else {
                    reply(out, "250 OK");
                }
            }
        } catch (Exception e) {
            // a client that hung up; nothing to keep
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}

package org.medsign.systemtest;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A real SMTP server (GreenMail) inside the test JVM, started before the server, which sends its mail here
 * (MEDSIGN_SMTP_HOST/PORT). Tests read what arrived.
 */
public final class TestMail {

    public static final int PORT = 3025 + MedsignServer.PORT_OFFSET;
    private static GreenMail smtp;

    private TestMail() {
    }

    static synchronized void start() {
        if (smtp == null) {
            smtp = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
        }
    }

    /** The messages sent to {@code address} so far, waiting up to {@code wait} for at least one. */
    public static List<MimeMessage> to(String address, Duration wait) {
        Instant deadline = Instant.now().plus(wait);
        while (true) {
            List<MimeMessage> found = Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
                try {
                    return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(address));
                } catch (jakarta.mail.MessagingException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
            if (!found.isEmpty() || Instant.now().isAfter(deadline)) {
                return found;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return found;
            }
        }
    }
}

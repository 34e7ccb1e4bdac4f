package dev.firmaccess.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** A real SMTP server on loopback (GreenMail) that keeps every message it receives. */
public final class MailCatcher implements AutoCloseable {

    private final GreenMail greenMail;
    private final int smtpPort;

    /** A catcher on a free port; it listens once started, so a realm can point at it before it is up. */
    public MailCatcher() {
        this(FreePorts.next());
    }

    public MailCatcher(int smtpPort) {
        this.smtpPort = smtpPort;
        this.greenMail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    public MailCatcher start() {
        greenMail.start();
        return this;
    }

    public int smtpPort() {
        return smtpPort;
    }

    /** The realm {@code smtpServer} settings that make Keycloak send its mail here. */
    public Map<String, String> realmSmtpSettings() {
        return Map.of("host", "127.0.0.1", "port", String.valueOf(smtpPort()),
                "from", "no-reply@firm-access.test", "fromDisplayName", "Firm Access");
    }

    public List<ReceivedMail> messages() {
        return Arrays.stream(greenMail.getReceivedMessages()).map(MailCatcher::read).toList();
    }

    public List<ReceivedMail> messagesTo(String address) {
        return messages().stream().filter(mail -> mail.to().contains(address.toLowerCase())).toList();
    }

    /** Waits for the first message to the address, failing after the timeout. */
    public ReceivedMail awaitMessageTo(String address, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            List<ReceivedMail> found = messagesTo(address);
            if (!found.isEmpty()) {
                return found.get(found.size() - 1);
            }
            greenMail.waitForIncomingEmail(200, greenMail.getReceivedMessages().length + 1);
        }
        throw new AssertionError("No mail to " + address + " within " + timeout + "; received: "
                + messages().stream().map(ReceivedMail::to).toList());
    }

    /**
     * Asserts that nothing reached the addresses. Mail leaves the server after its transaction
     * commits, so an empty mailbox right after a request proves nothing: the check waits first
     * for the mail of a later, known event ({@code laterEvent} sends one to
     * {@code laterAddress}), and only then looks.
     */
    public void assertNoMailTo(Runnable laterEvent, String laterAddress, String... addresses) {
        laterEvent.run();
        awaitMessageTo(laterAddress, Duration.ofSeconds(30));
        for (String address : addresses) {
            if (!messagesTo(address).isEmpty()) {
                throw new AssertionError("Unexpected mail to " + address + ": " + messagesTo(address));
            }
        }
    }

    public void purge() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException("Could not purge mailboxes", e);
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }

    private static ReceivedMail read(MimeMessage message) {
        try {
            String to = Optional.ofNullable(message.getRecipients(Message.RecipientType.TO)).stream()
                    .flatMap(Arrays::stream).map(Address::toString).map(String::toLowerCase)
                    .collect(Collectors.joining(", "));
            String from = Optional.ofNullable(message.getFrom()).stream()
                    .flatMap(Arrays::stream).map(Address::toString).collect(Collectors.joining(", "));
            return new ReceivedMail(from, to, message.getSubject(), part(message, "text/plain"),
                    part(message, "text/html"), message.getSentDate() == null ? null : message.getSentDate().toInstant());
        } catch (MessagingException e) {
            throw new IllegalStateException("Unreadable message", e);
        }
    }

    private static String part(Part part, String mimeType) {
        try {
            if (part.isMimeType(mimeType)) {
                return String.valueOf(part.getContent());
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart body = multipart.getBodyPart(i);
                    String found = part(body, mimeType);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        } catch (MessagingException e) {
            throw new IllegalStateException("Unreadable message part", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A received message, decoded. {@code to} is lower-cased, comma-separated. */
    public record ReceivedMail(String from, String to, String subject, String text, String html, Instant sentAt) {
    }
}

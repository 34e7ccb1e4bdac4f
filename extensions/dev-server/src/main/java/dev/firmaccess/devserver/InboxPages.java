package dev.firmaccess.devserver;

import dev.firmaccess.testing.MailCatcher.ReceivedMail;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The HTML of the mail inbox. Every value from a message goes through {@link Html#escape}. */
final class InboxPages {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());
    private static final String STYLE = """
            body { font-family: system-ui, sans-serif; margin: 2rem; color: #222; }
            table { border-collapse: collapse; width: 100%; }
            th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid #ddd; vertical-align: top; }
            th { background: #f4f4f4; }
            iframe { width: 100%; height: 32rem; border: 1px solid #ccc; }
            pre { white-space: pre-wrap; background: #f8f8f8; padding: 1rem; border: 1px solid #ddd; }
            .muted { color: #666; }
            """;

    private final int smtpPort;
    private final int inboxPort;

    InboxPages(int smtpPort, int inboxPort) {
        this.smtpPort = smtpPort;
        this.inboxPort = inboxPort;
    }

    /** The messages newest first; each links to its page by its position in arrival order. */
    String list(List<ReceivedMail> messages) {
        StringBuilder rows = new StringBuilder();
        for (int index = messages.size() - 1; index >= 0; index--) {
            ReceivedMail mail = messages.get(index);
            rows.append("<tr><td>").append(time(mail.sentAt()))
                    .append("</td><td>").append(Html.escape(mail.from()))
                    .append("</td><td>").append(Html.escape(mail.to()))
                    .append("</td><td><a href=\"/messages/").append(index).append("\">")
                    .append(Html.escape(subject(mail))).append("</a></td></tr>\n");
        }
        String body = messages.isEmpty()
                ? "<p>No messages yet.</p>"
                : "<table><tr><th>Time</th><th>From</th><th>To</th><th>Subject</th></tr>\n" + rows + "</table>";
        return page("Mail inbox", "<h1>Mail inbox</h1>\n" + body + "\n<p class=\"muted\">Mail sent to SMTP 127.0.0.1:"
                + smtpPort + " lands here and is kept until the dev server stops. JSON: <a href=\"/api/messages\">"
                + "/api/messages</a>; empty the inbox with <code>curl -X DELETE http://localhost:"
                + inboxPort + "/api/messages</code>.</p>");
    }

    /** The HTML part runs in a fully sandboxed frame: no scripts, forms or navigation of this page. */
    String message(ReceivedMail mail) {
        StringBuilder body = new StringBuilder("<p><a href=\"/\">&larr; Inbox</a></p>\n<h1>")
                .append(Html.escape(subject(mail))).append("</h1>\n<table>")
                .append(header("From", mail.from()))
                .append(header("To", mail.to()))
                .append(header("Sent", time(mail.sentAt())))
                .append("</table>\n");
        if (mail.html() != null) {
            body.append("<h2>HTML</h2>\n<iframe sandbox srcdoc=\"").append(Html.escape(mail.html())).append("\"></iframe>\n");
        }
        if (mail.text() != null) {
            body.append("<h2>Text</h2>\n<pre>").append(Html.escape(mail.text())).append("</pre>\n");
        }
        return page(subject(mail), body.toString());
    }

    String notFound(String what) {
        return page("Not found", "<p><a href=\"/\">&larr; Inbox</a></p>\n<p>" + Html.escape(what) + "</p>");
    }

    private static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    private static String header(String name, String value) {
        return "<tr><th>" + name + "</th><td>" + Html.escape(value) + "</td></tr>";
    }

    private static String subject(ReceivedMail mail) {
        return mail.subject() == null || mail.subject().isBlank() ? "(no subject)" : mail.subject();
    }

    private static String page(String title, String body) {
        return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + Html.escape(title)
                + "</title><style>" + STYLE + "</style></head>\n<body>\n" + body + "\n</body></html>\n";
    }
}

package dev.failover.operator.notification.channels;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import javax.net.ssl.SSLContext;

/**
 * E-mail over SMTP with Jakarta Mail (Angus): the title as subject, a plain-text and an HTML part,
 * the idempotency key in a header. With STARTTLS on, the upgrade is required (a server that does
 * not offer it is not sent to) and the server's certificate and name are verified; credentials,
 * when set, are only sent after the upgrade.
 */
final class EmailSender implements ChannelSender {
  static final String IDEMPOTENCY_HEADER = "X-Failover-Idempotency-Key";
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** The SMTP server and how to talk to it; {@code username} null when there is no auth. */
  record Smtp(
      String host,
      int port,
      boolean startTls,
      SSLContext tls,
      String from,
      List<String> to,
      String username,
      String password) {}

  private final Smtp smtp;

  EmailSender(Smtp smtp) {
    this.smtp = smtp;
  }

  @Override
  public String destinationRefusal() {
    return Destinations.refusal(smtp.host());
  }

  @Override
  public DeliveryResult send(Delivery delivery) {
    String where = "smtp://" + smtp.host() + ":" + smtp.port();
    String refusal = Destinations.refusal(smtp.host());
    if (refusal != null) {
      return DeliveryResult.retryable(null, "not sent to " + where + ": " + refusal);
    }
    try {
      Session session = session();
      MimeMessage message = new MimeMessage(session);
      message.setFrom(new InternetAddress(smtp.from()));
      for (String recipient : smtp.to()) {
        message.addRecipient(Message.RecipientType.TO, new InternetAddress(recipient));
      }
      message.setSubject(delivery.message().title(), "UTF-8");
      message.setSentDate(new Date());
      message.setHeader(IDEMPOTENCY_HEADER, delivery.idempotencyKey());
      MimeBodyPart plain = new MimeBodyPart();
      plain.setText(delivery.message().body(), "UTF-8", "plain");
      MimeBodyPart html = new MimeBodyPart();
      html.setText(html(delivery), "UTF-8", "html");
      message.setContent(new MimeMultipart("alternative", plain, html));
      Transport.send(message);
      return DeliveryResult.delivered(null);
    } catch (SendFailedException e) {
      return DeliveryResult.permanent(null, where + " refused the recipients or the sender");
    } catch (jakarta.mail.AuthenticationFailedException e) {
      return DeliveryResult.retryable(
          null, where + " refused the credentials of credentialsSecretRef");
    } catch (MessagingException e) {
      return DeliveryResult.retryable(null, "sending to " + where + " failed: " + reason(e));
    }
  }

  private Session session() {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", smtp.host());
    properties.put("mail.smtp.port", Integer.toString(smtp.port()));
    String timeout = Long.toString(TIMEOUT.toMillis());
    properties.put("mail.smtp.connectiontimeout", timeout);
    properties.put("mail.smtp.timeout", timeout);
    properties.put("mail.smtp.writetimeout", timeout);
    if (smtp.startTls()) {
      properties.put("mail.smtp.starttls.enable", "true");
      properties.put("mail.smtp.starttls.required", "true");
      properties.put("mail.smtp.ssl.socketFactory", smtp.tls().getSocketFactory());
      properties.put("mail.smtp.ssl.checkserveridentity", "true");
    }
    if (smtp.username() == null) {
      return Session.getInstance(properties);
    }
    properties.put("mail.smtp.auth", "true");
    return Session.getInstance(
        properties,
        new Authenticator() {
          @Override
          protected PasswordAuthentication getPasswordAuthentication() {
            return new PasswordAuthentication(smtp.username(), smtp.password());
          }
        });
  }

  /** The cause a person can act on, without the server's whole transcript. */
  private static String reason(MessagingException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.net.ConnectException) {
        return "connection refused";
      }
      if (cause instanceof java.net.SocketTimeoutException) {
        return "no answer within " + TIMEOUT.toSeconds() + "s";
      }
      if (cause instanceof javax.net.ssl.SSLException) {
        return "TLS failed: the server's certificate is not trusted or does not name the host";
      }
      if (cause instanceof java.net.UnknownHostException) {
        return "host does not resolve";
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    String message = e.getMessage() == null ? "" : e.getMessage();
    return message.contains("STARTTLS")
        ? "the server does not offer STARTTLS, which startTls requires"
        : e.getClass().getSimpleName();
  }

  static String html(Delivery delivery) {
    StringBuilder html =
        new StringBuilder("<!DOCTYPE html><html><body><h2>")
            .append(escape(delivery.message().title()))
            .append("</h2>");
    for (String paragraph : delivery.message().body().split("\n")) {
      if (!paragraph.isBlank()) {
        html.append("<p>").append(escape(paragraph)).append("</p>");
      }
    }
    return html.append("</body></html>").toString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}

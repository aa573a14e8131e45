package dev.failover.operator.notification.channels;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.failover.api.v1alpha1.common.DeliveryOutcome;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * E-mail through a real SMTP server (GreenMail on 127.0.0.1) behind a STARTTLS front, read back:
 * the upgrade happens before anything else, the credentials come from the Secret, and the message
 * has a plain-text and an HTML part.
 */
class EmailSenderTest {
  private static final TestCertificates CERTIFICATES = TestCertificates.mint();
  private static final String PASSWORD = "smtp-password-never-shown";

  private GreenMail greenMail;
  private MapSecrets secrets;

  @BeforeEach
  void startTheMailServer() {
    greenMail =
        new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    greenMail.withConfiguration(
        GreenMailConfiguration.aConfig().withUser("status@provider.example", "mailer", PASSWORD));
    greenMail.start();
    secrets =
        new MapSecrets()
            .with("smtp", "username", "mailer")
            .with("smtp", "password", PASSWORD)
            .with("ca", "ca.crt", CERTIFICATES.caPem);
  }

  @AfterEach
  void stopTheMailServer() {
    greenMail.stop();
  }

  private DeliveryResult send(StartTlsFront front) throws Exception {
    return new ChannelSenders(secrets, Clock.systemUTC())
        .forChannel(TestChannels.email(front.port(), true))
        .send(Deliveries.restored());
  }

  @Test
  void aMailTravelsOverStartTlsWithAuthAndHasPlainTextAndHtml() throws Exception {
    try (StartTlsFront front = new StartTlsFront(CERTIFICATES.serverTls, smtpPort(), true)) {
      DeliveryResult result = send(front);

      assertThat(result.outcome())
          .as(String.valueOf(result.error()))
          .isEqualTo(DeliveryOutcome.Delivered);
      assertThat(front.upgrades).hasValue(1);
      assertThat(front.plainCommandsRefused).hasValue(0);
    }
    MimeMessage[] received = greenMail.getReceivedMessages();
    assertThat(received).hasSize(1);
    MimeMessage mail = received[0];
    assertThat(mail.getSubject()).isEqualTo("Service crm: restoration complete");
    assertThat(mail.getHeader(EmailSender.IDEMPOTENCY_HEADER)).containsExactly("crm-restored-7f3a");
    assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("it@customer.example");
    MimeMultipart parts = (MimeMultipart) mail.getContent();
    assertThat(parts.getContentType()).startsWith("multipart/alternative");
    assertThat(parts.getCount()).isEqualTo(2);
    assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
    assertThat((String) parts.getBodyPart(0).getContent())
        .contains("Data center toronto is restored & crm runs in chicago <again>.");
    assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
    assertThat((String) parts.getBodyPart(1).getContent())
        .contains("<h2>Service crm: restoration complete</h2>")
        .contains("restored &amp; crm runs in chicago &lt;again&gt;.");
  }

  @Test
  void aWrongPasswordIsRefusedAndNotShown() throws Exception {
    secrets.with("smtp", "password", "wrong-password-never-shown");
    try (StartTlsFront front = new StartTlsFront(CERTIFICATES.serverTls, smtpPort(), true)) {
      DeliveryResult result = send(front);

      assertThat(result.outcome()).isEqualTo(DeliveryOutcome.RetryableFailure);
      assertThat(result.error())
          .contains("refused the credentials of credentialsSecretRef")
          .doesNotContain("wrong-password-never-shown")
          .doesNotContain("mailer");
    }
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void aServerWithoutStartTlsGetsNothingNotEvenTheCredentials() throws Exception {
    try (StartTlsFront front = new StartTlsFront(CERTIFICATES.serverTls, smtpPort(), false)) {
      DeliveryResult result = send(front);

      assertThat(result.outcome()).isEqualTo(DeliveryOutcome.RetryableFailure);
      assertThat(result.error()).contains("STARTTLS");
      assertThat(front.plainCommandsRefused).hasValue(0);
    }
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void aServerCertificateFromAnotherCaIsRefused() throws Exception {
    secrets.with("ca", "ca.crt", TestCertificates.mint().caPem);
    try (StartTlsFront front = new StartTlsFront(CERTIFICATES.serverTls, smtpPort(), true)) {
      DeliveryResult result = send(front);

      assertThat(result.outcome()).isEqualTo(DeliveryOutcome.RetryableFailure);
      assertThat(result.error()).contains("TLS failed").doesNotContain(PASSWORD);
    }
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  private int smtpPort() {
    return greenMail.getSmtp().getPort();
  }
}

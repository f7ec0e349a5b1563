package org.callsign.signaling.verification;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** The application with a public URL and a real SMTP server for mail to the owner ({@link SmtpTestResource}). */
public class MailProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(SmtpTestResource.class));
    }
}

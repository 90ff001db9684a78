package dev.serverlesspatterns.authorizer.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class ClientSecretsTest {

    private final ClientSecrets secrets = new ClientSecrets();

    @Test
    void generatesSecretsOf256RandomBits() {
        // when
        ClientSecrets.IssuedSecret first = secrets.generate();
        ClientSecrets.IssuedSecret second = secrets.generate();

        // then
        assertThat(Base64.getUrlDecoder().decode(first.secret())).hasSize(32);
        assertThat(first.secret()).isNotEqualTo(second.secret());
    }

    @Test
    void storesOnlyTheHashWhichMatchesTheSecret() {
        // given
        ClientSecrets.IssuedSecret issued = secrets.generate();

        // when / then
        assertThat(issued.hash()).hasSize(64).doesNotContain(issued.secret());
        assertThat(ClientSecrets.matches(issued.secret(), issued.hash())).isTrue();
    }

    @Test
    void doesNotMatchAnotherSecretOrACorruptHash() {
        // given
        ClientSecrets.IssuedSecret issued = secrets.generate();

        // when / then
        assertThat(ClientSecrets.matches(issued.secret() + "x", issued.hash())).isFalse();
        assertThat(ClientSecrets.matches(issued.secret(), "not-hex")).isFalse();
        assertThat(ClientSecrets.matches(issued.secret(), null)).isFalse();
        assertThat(ClientSecrets.matches(null, issued.hash())).isFalse();
    }
}
